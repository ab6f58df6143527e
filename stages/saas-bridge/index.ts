export * from './saas-bridge-stage';
