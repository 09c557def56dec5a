/**
 * Backend library of the ML platform: connections to the cluster, MLflow and
 * Prometheus, shared as services by the backend plugin and its modules.
 *
 * Only what those packages use is exported; the rest stays internal.
 *
 * @packageDocumentation
 */
export { readPlatformConnections } from './connections';
export type { ClusterConnection, PlatformConnections } from './connections';
export { probeConnections } from './probes';
export { makeKubeConfig } from './kubeConfig';
export { applyObjects } from './applyObjects';
export type { ApplyOptions } from './applyObjects';
export {
  mlflowReaderServiceRef,
  namespaceProvisionerServiceRef,
  namespaceSettingsServiceRef,
  platformConnectionsServiceRef,
  projectExperimentsServiceRef,
  requireCluster,
  teamOverviewServiceRef,
} from './services';
export type {
  ClusterAccess,
  MlflowReaderService,
  NamespaceProvisionerService,
  ProjectExperimentsService,
  TeamOverviewService,
} from './services';
export {
  DEFAULT_SIZE_PRESETS,
  NAMESPACE_APPLIED_TOPIC,
  NamespaceProvisioner,
  renderNamespaceObjects,
  quotaOverridesSchema,
  readNamespaceSettings,
  sizeInputSchema,
  validateOnlyInputSchema,
} from './namespaces';
export type {
  NamespaceAppliedEvent,
  NamespacePolicy,
  NamespaceRequest,
  NamespaceSettings,
  ProjectNamespaceInput,
  ProvisionOptions,
  ProvisionResult,
  QuotaMaxima,
  QuotaOverrides,
  QuotaSpec,
  TeamNamespaceInput,
} from './namespaces';
export {
  createTeamConditionalDecision,
  teamConditions,
  teamPermissionResourceRef,
  teamPermissionRules,
} from './permissions/teamPermissions';
export type { TeamQuery, TeamResource } from './permissions/teamPermissions';
export { TeamOverviewReader, WORKLOAD_SOURCES } from './overview';
export type { KubernetesObjectFields, WorkloadSource } from './overview';
export { parseTeam } from './teamRef';
export type { ParsedTeam } from './teamRef';
export {
  MlflowClient,
  isMlflowNotFound,
  isPublicModel,
  ownerOfTags,
  readMlflowOwnership,
} from './mlflow';
export type {
  MlflowAuth,
  MlflowClientOptions,
  MlflowExperiment,
  MlflowKeyValue,
  MlflowMetric,
  MlflowModelVersion,
  MlflowOwner,
  MlflowOwnership,
  MlflowPage,
  MlflowReader,
  MlflowReaderOptions,
  MlflowRegisteredModel,
  MlflowRun,
  MlflowRunInfo,
  MlflowRunSearchOptions,
  MlflowSearchOptions,
  ProjectExperiment,
  ProjectExperiments,
} from './mlflow';
export { readOptionalSchedule } from './schedule';
