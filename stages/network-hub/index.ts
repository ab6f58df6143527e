export * from './network-hub-stage';
export * from './transit-hub';
