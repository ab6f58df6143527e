export * from './build';
export * from './model';
export * from './render';
