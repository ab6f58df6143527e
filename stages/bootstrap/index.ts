export * from './bootstrap-stage';
export * from './deploy-role-grants';
export * from './github-access';
