export * from './acknowledge';
export * from './encrypted-key';
export * from './platform-stage';
export * from './private-vpc';
export * from './stack';
export * from './access-logs';
