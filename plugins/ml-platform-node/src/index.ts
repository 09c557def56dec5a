/**
 * Backend library of the ML platform: connections to the cluster, MLflow and
 * Prometheus, shared as services by the backend plugin and its modules.
 *
 * @packageDocumentation
 */
export * from './connections';
export * from './kubeConfig';
export * from './probes';
export * from './services';
export * from './applyObjects';
export * from './namespaces';
export * from './clusterErrors';
export * from './overview';
export * from './permissions/teamPermissions';
export * from './teamRef';
export * from './mlflow';
export * from './schedule';
