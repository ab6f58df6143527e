export * from './audit-stage';
export * from './log-archive';
