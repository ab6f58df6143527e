export * from './apply';
export * from './report';
