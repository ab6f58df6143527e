export * from './archive-key';
export * from './audit-stage';
export * from './config-recorder';
export * from './log-archive';
