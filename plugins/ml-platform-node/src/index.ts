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
export { impersonating, makeKubeConfig } from './kubeConfig';
export type { ImpersonatedIdentity } from './kubeConfig';
export { kubernetesIdentityOf } from './access/kubernetesIdentity';
export type { KubernetesIdentity } from './access/kubernetesIdentity';
export {
  readImpersonation,
  userClusterAccess,
} from './access/userClusterAccess';
export type { UserClusterAccess } from './access/userClusterAccess';
export type { KubernetesRequestOptions } from './kubeConfig';
export { readPlatformTimeouts } from './timeouts';
export type { PlatformTimeouts } from './timeouts';
export { readPlatformCaching } from './caching';
export type { PlatformCaching } from './caching';
export { onCluster, unlessNotFound } from './clusterErrors';
export { applyObjects } from './applyObjects';
export type { ApplyOptions } from './applyObjects';
export {
  mlflowReaderServiceRef,
  namespaceProvisionerServiceRef,
  namespaceSettingsServiceRef,
  notebookServiceRef,
  sparkServiceRef,
  servingServiceRef,
  platformConnectionsServiceRef,
  projectExperimentsServiceRef,
  requireCluster,
  teamOverviewServiceRef,
  userPermissionsServiceRef,
} from './services';
export { requireAllowed } from './access/requireAllowed';
export {
  readServicePrincipalRoles,
  requireActingUser,
  SERVICE_PRINCIPAL_ROLES,
} from './access/actingUser';
export type {
  ServicePrincipalRole,
  ServicePrincipalRoles,
} from './access/actingUser';
export type {
  ClusterAccess,
  MlflowReaderService,
  NamespaceProvisionerService,
  NotebookServiceApi,
  SparkServiceApi,
  ServingServiceApi,
  ProjectExperimentsService,
  TeamOverviewService,
} from './services';
export {
  DEFAULT_SIZE_PRESETS,
  NAMESPACE_APPLIED_TOPIC,
  namespaceBackend,
  NamespaceProvisioner,
  renderNamespaceObjects,
  quotaOverridesSchema,
  readNamespaceSettings,
  sizeInputSchema,
  validateOnlyInputSchema,
} from './namespaces';
export type {
  NamespaceAppliedEvent,
  NamespaceBackend,
  NamespaceOwner,
  OwnedQuota,
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
export type {
  KubernetesObjectFields,
  TeamOverviewCaching,
  WorkloadSource,
} from './overview';
export { parseTeam, teamNamesOf } from './teamRef';
export type { ParsedTeam } from './teamRef';
export {
  MlflowClient,
  isMlflowNotFound,
  isPublicModel,
  mlflowLinks,
  ownerOfTags,
  readMlflowOwnership,
} from './mlflow';
export type {
  MlflowAuth,
  MlflowClientOptions,
  MlflowExperiment,
  MlflowKeyValue,
  MlflowLinks,
  MlflowMetric,
  MlflowModelVersion,
  MlflowOwner,
  MlflowOwnership,
  MlflowPage,
  MlflowReader,
  MlflowReads,
  MlflowReaderOptions,
  MlflowRegisteredModel,
  MlflowRun,
  MlflowRunInfo,
  MlflowRunSearchOptions,
  MlflowSearchOptions,
  ProjectExperiment,
  ProjectExperiments,
  ServableModel,
} from './mlflow';
export { readOptionalSchedule } from './schedule';
export { modelEntityName, modelEntityRefOf } from './catalog/modelEntityName';
export {
  DEFAULT_ADMIN_GROUP,
  isPlatformAdmin,
  readAdminGroups,
} from './adminGroups';
export { notebookInputSchema } from './workloads/kinds/notebook';
export type {
  NotebookInput,
  NotebookVolumeInput,
} from './workloads/kinds/notebook';
export {
  sparkClusterInputSchema,
  sparkJobInputSchema,
} from './workloads/kinds/spark';
export type {
  SparkClusterInput,
  SparkJobInput,
  SparkScheduleInput,
} from './workloads/kinds/spark';
export type { SparkWorkloadGroup } from './workloads/SparkService';
export {
  addPredictorRequestSchema,
  deployModelRequestSchema,
  setTrafficRequestSchema,
} from './workloads/ServingService';
export { readServingSettings } from './workloads/servingSettings';
export type {
  ArtifactStoreMapping,
  ContainerResources,
  ServingSettings,
} from './workloads/servingSettings';
export type {
  SeldonInput,
  ServingPredictorInput,
} from './workloads/kinds/seldon';
