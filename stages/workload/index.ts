export * from './workload-stage';
