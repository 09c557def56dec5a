/**
 * Isomorphic types, permissions, label keys and validators of the ML platform.
 *
 * @packageDocumentation
 */
export * from './labels';
export * from './permissions';
export * from './validation';
export * from './status';
export * from './overview';
export * from './mlflow';
export * from './runSearch';
export * from './quota';
export * from './workloads';
export * from './spark';
export * from './sparkSchedule';
export * from './serving';
