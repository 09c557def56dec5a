export * from './quota';
export * from './renderNamespace';
export * from './profile';
export * from './settings';
export * from './resolveQuota';
export * from './teamBudget';
export * from './provisioner';
export * from './inputSchemas';
