export * from './apply';
export * from './control-tower-exemptions';
export * from './paradigm/markers';
export * from './paradigm/pack';
export * from './paradigm/rule';
export * from './report';
export * from './rules';
