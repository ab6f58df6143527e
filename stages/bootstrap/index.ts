export * from './bootstrap-stage';
export * from './github-access';
