export * from './quota';
export * from './renderNamespace';
