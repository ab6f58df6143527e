export * from './direct-connect';
export * from './enrolment-roles';
export * from './hub-publication';
export * from './network-hub-stage';
export * from './segment-route-tables';
export * from './transit-flow-log';
export * from './transit-hub';
