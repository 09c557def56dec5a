import {
  coreServices,
  createServiceFactory,
  createServiceRef,
  type BackstageCredentials,
  type PermissionsService,
} from '@backstage/backend-plugin-api';
import type {
  NotebookList,
  NotebookOptions,
  NotebookSummary,
  SparkClusterResult,
  SparkClusterSummary,
  SparkJobDetail,
  SparkJobResult,
  SparkList,
  SparkOptions,
  SparkScheduleSummary,
  ModelDeploymentList,
  ModelDeploymentResult,
  ModelDeploymentSummary,
  ModelServing,
  TeamOverview,
  WorkloadDeletion,
  WorkloadResult,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { ServiceUnavailableError } from '@backstage/errors';
import { SERVING_CHANGED_TOPIC } from '@ml-platform/backstage-plugin-ml-platform-common';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import type { KubeConfig } from '@kubernetes/client-node';
import {
  describeConnections,
  readPlatformConnections,
  type ClusterConnection,
  type PlatformConnections,
} from './connections';
import { makeKubeConfig } from './kubeConfig';
import {
  NAMESPACE_APPLIED_TOPIC,
  NamespaceProvisioner,
  type NamespaceAppliedEvent,
} from './namespaces/provisioner';
import { readPlatformCaching } from './caching';
import {
  readNamespaceSettings,
  type NamespaceSettings,
} from './namespaces/settings';
import { TeamOverviewReader } from './overview/readTeamOverview';
import { MlflowClient } from './mlflow/MlflowClient';
import { ProjectExperiments } from './mlflow/projectExperiment';
import { MlflowReader } from './mlflow/MlflowReader';
import { MLFLOW_WRITTEN_TOPIC, sharedMlflowReads } from './mlflow/sharedReads';
import { readMlflowOwnership } from './mlflow/ownership';
import {
  readServicePrincipalRoles,
  userOnlyPermissions,
} from './access/actingUser';
import { userClusterAccess } from './access/userClusterAccess';
import { notebookKind } from './workloads/kinds/notebook';
import { NotebookService } from './workloads/NotebookService';
import { readNotebookSettings } from './workloads/notebookSettings';
import { workloadPathOf } from './workloadPath';
import {
  scheduledSparkApplicationKind,
  sparkApplicationKind,
  sparkClusterKind,
} from './workloads/kinds/spark';
import {
  SparkService,
  type SparkWorkloadGroup,
} from './workloads/SparkService';
import { readSparkSettings } from './workloads/sparkSettings';
import { seldonDeploymentKind } from './workloads/kinds/seldon';
import { ServingService } from './workloads/ServingService';
import { readServingSettings } from './workloads/servingSettings';

/**
 * The suite's connections to Kubernetes, MLflow and Prometheus, read once from
 * config and shared by the backend plugin and its modules.
 * @public
 */
export const platformConnectionsServiceRef =
  createServiceRef<PlatformConnections>({
    id: 'ml-platform.connections',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.rootLogger,
        },
        factory({ config, logger }) {
          const connections = readPlatformConnections(config);
          logger.info(describeConnections(connections));
          return connections;
        },
      }),
  });

/**
 * The permissions service every operation of the suite asks: Backstage's,
 * refusing callers that are not users unless config gives the service a role
 * (`mlPlatform.permissions.servicePrincipals`).
 * @public
 */
export const userPermissionsServiceRef = createServiceRef<PermissionsService>({
  id: 'ml-platform.user-permissions',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        permissions: coreServices.permissions,
      },
      factory: ({ config, permissions }) =>
        userOnlyPermissions(permissions, readServicePrincipalRoles(config)),
    }),
});

/** The backend's own access to the configured cluster. @public */
export type ClusterAccess = {
  kubeConfig: KubeConfig;
  cluster: ClusterConnection;
};

/**
 * The configured cluster, or an error saying none is configured: thrown when
 * a cluster operation is called, so a portal without a cluster still starts.
 * @public
 */
export function requireCluster(
  connections: PlatformConnections,
): ClusterAccess {
  if (!connections.cluster) {
    throw new ServiceUnavailableError(
      'No Kubernetes cluster is configured: add one under kubernetes.clusterLocatorMethods (type config) and name it in mlPlatform.kubernetes.cluster',
    );
  }
  return {
    cluster: connections.cluster,
    kubeConfig: makeKubeConfig(connections.cluster, {
      timeoutMs: connections.timeouts?.kubernetesMs,
    }),
  };
}

/**
 * `mlPlatform.namespaces`, read and validated once at start-up and shared by
 * every plugin that provisions or reads namespaces.
 * @public
 */
export const namespaceSettingsServiceRef = createServiceRef<NamespaceSettings>({
  id: 'ml-platform.namespace-settings',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { config: coreServices.rootConfig },
      factory: ({ config }) => readNamespaceSettings(config),
    }),
});

/**
 * A value made on first use, so that a portal without the system it needs
 * (cluster, MLflow) still starts; a failed attempt is made again next time.
 */
function onFirstUse<T>(create: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= create());
}

/** Creates and updates team and project namespaces. @public */
export type NamespaceProvisionerService = Pick<
  NamespaceProvisioner,
  'provisionTeamNamespace' | 'provisionProjectNamespace'
>;

/**
 * The namespace provisioner, shared by the backend plugin's routes and
 * registry actions and by the scaffolder module's actions.
 * @public
 */
export const namespaceProvisionerServiceRef =
  createServiceRef<NamespaceProvisionerService>({
    id: 'ml-platform.namespace-provisioner',
    scope: 'plugin',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          settings: namespaceSettingsServiceRef,
          connections: platformConnectionsServiceRef,
          auth: coreServices.auth,
          permissions: userPermissionsServiceRef,
          logger: coreServices.logger,
          catalog: catalogServiceRef,
          events: eventsServiceRef,
        },
        factory({ connections, ...deps }) {
          const provisioner = onFirstUse(
            () =>
              new NamespaceProvisioner({
                ...requireCluster(connections),
                ...deps,
              }),
          );
          return {
            provisionTeamNamespace: (input, options) =>
              provisioner().provisionTeamNamespace(input, options),
            provisionProjectNamespace: (input, options) =>
              provisioner().provisionProjectNamespace(input, options),
          };
        },
      }),
  });

/**
 * Reads a team's resource overview from the cluster; the reads inside the
 * team's namespaces are made as the user whose credentials are given.
 * @public
 */
export type TeamOverviewService = {
  read(
    team: string,
    teamRef: string,
    credentials: BackstageCredentials,
  ): Promise<TeamOverview>;
};

/** @public */
export const teamOverviewServiceRef = createServiceRef<TeamOverviewService>({
  id: 'ml-platform.team-overview',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        settings: namespaceSettingsServiceRef,
        connections: platformConnectionsServiceRef,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
        events: eventsServiceRef,
      },
      async factory({ settings, connections, config, userInfo, events }) {
        const caching = readPlatformCaching(config);
        const access = onFirstUse(() => {
          const { kubeConfig, cluster } = requireCluster(connections);
          return {
            reader: new TeamOverviewReader(kubeConfig, cluster, {
              kubeflowProfiles: settings.kubeflowProfiles,
              caching: {
                freshMs: caching.kubernetesFreshMs,
                accessMs: caching.kubernetesAccessMs,
              },
            }),
            asUser: userClusterAccess({
              kubeConfig,
              userInfo,
              config,
              policy: settings.policy,
            }),
          };
        });
        let created = false;
        await events.subscribe({
          id: 'ml-platform-team-overview',
          topics: [NAMESPACE_APPLIED_TOPIC],
          onEvent: async ({ eventPayload }) => {
            if (created) {
              access().reader.forget(eventPayload as NamespaceAppliedEvent);
            }
          },
        });
        return {
          read: async (team, teamRef, credentials) => {
            const { reader, asUser } = access();
            created = true;
            return reader.read(team, teamRef, await asUser(credentials));
          },
        };
      },
    }),
});

/** The configured MLflow server, or an error saying none is configured. */
function requireMlflow(connections: PlatformConnections) {
  if (!connections.mlflow) {
    throw new ServiceUnavailableError(
      'No MLflow is configured: set mlPlatform.mlflow.baseUrl',
    );
  }
  return connections.mlflow;
}

/** Reads experiments, runs and models as a user may see them. @public */
export type MlflowReaderService = Pick<
  MlflowReader,
  | 'listTeamExperiments'
  | 'findExperimentByName'
  | 'searchRuns'
  | 'metricHistory'
  | 'modelDetails'
  | 'servableModel'
>;

/** @public */
export const mlflowReaderServiceRef = createServiceRef<MlflowReaderService>({
  id: 'ml-platform.mlflow-reader',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        connections: platformConnectionsServiceRef,
        permissions: userPermissionsServiceRef,
        events: eventsServiceRef,
      },
      async factory({ config, connections, permissions, events }) {
        const ownership = readMlflowOwnership(config);
        const { mlflowFreshMs } = readPlatformCaching(config);
        const reads = onFirstUse(() =>
          sharedMlflowReads(new MlflowClient(requireMlflow(connections)), {
            freshMs: mlflowFreshMs,
          }),
        );
        let created = false;
        await events.subscribe({
          id: 'ml-platform-mlflow-reader',
          topics: [MLFLOW_WRITTEN_TOPIC],
          onEvent: async () => {
            if (created) {
              reads().forgetAll();
            }
          },
        });
        const reader = onFirstUse(() => {
          const mlflow = requireMlflow(connections);
          const client = reads();
          created = true;
          return new MlflowReader({
            client,
            externalUrl: mlflow.externalUrl,
            permissions,
            ownership,
          });
        });
        return {
          listTeamExperiments: (team, credentials) =>
            reader().listTeamExperiments(team, credentials),
          findExperimentByName: (name, credentials) =>
            reader().findExperimentByName(name, credentials),
          searchRuns: (request, credentials) =>
            reader().searchRuns(request, credentials),
          metricHistory: (runId, keys, credentials) =>
            reader().metricHistory(runId, keys, credentials),
          modelDetails: (name, credentials) =>
            reader().modelDetails(name, credentials),
          servableModel: (name, choice, credentials) =>
            reader().servableModel(name, choice, credentials),
        };
      },
    }),
});

/** Creates or reuses ML projects' MLflow experiments. @public */
export type ProjectExperimentsService = Pick<ProjectExperiments, 'ensure'>;

/** @public */
export const projectExperimentsServiceRef =
  createServiceRef<ProjectExperimentsService>({
    id: 'ml-platform.project-experiments',
    scope: 'plugin',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          connections: platformConnectionsServiceRef,
          permissions: userPermissionsServiceRef,
          events: eventsServiceRef,
        },
        factory({ connections, permissions, events }) {
          const experiments = onFirstUse(() => {
            const mlflow = requireMlflow(connections);
            return new ProjectExperiments({
              client: new MlflowClient(mlflow),
              externalUrl: mlflow.externalUrl,
              permissions,
              onWritten: () =>
                events.publish({
                  topic: MLFLOW_WRITTEN_TOPIC,
                  eventPayload: {},
                }),
            });
          });
          return {
            ensure: (input, options) => experiments().ensure(input, options),
          };
        },
      }),
  });

/**
 * Notebook servers on the workload path, shared by the backend plugin's
 * routes and registry actions and by the scaffolder module's action.
 * @public
 */
export type NotebookServiceApi = {
  options(): Promise<NotebookOptions>;
  create(
    namespace: string,
    input: unknown,
    options: { credentials: BackstageCredentials; dryRun?: boolean },
  ): Promise<WorkloadResult>;
  listNamespace(
    namespace: string,
    credentials: BackstageCredentials,
  ): Promise<NotebookList>;
  listTeam(
    team: string,
    credentials: BackstageCredentials,
  ): Promise<NotebookList>;
  get(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<NotebookSummary>;
  stop(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<NotebookSummary>;
  start(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<NotebookSummary>;
  delete(
    namespace: string,
    name: string,
    options: { deleteWorkspace: boolean; credentials: BackstageCredentials },
  ): Promise<WorkloadDeletion>;
};

/** @public */
export const notebookServiceRef = createServiceRef<NotebookServiceApi>({
  id: 'ml-platform.notebooks',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        namespaceSettings: namespaceSettingsServiceRef,
        connections: platformConnectionsServiceRef,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
        permissions: userPermissionsServiceRef,
        logger: coreServices.logger,
      },
      factory(services) {
        const settings = readNotebookSettings(services.config);
        const notebooks = onFirstUse(() => {
          const workloads = workloadPathOf(notebookKind, settings, services);
          return new NotebookService(workloads, settings);
        });
        return {
          options: () => notebooks().options(),
          create: (namespace, input, options) =>
            notebooks().create(namespace, input, options),
          listNamespace: (namespace, credentials) =>
            notebooks().listNamespace(namespace, credentials),
          listTeam: (team, credentials) =>
            notebooks().listTeam(team, credentials),
          get: (namespace, name, credentials) =>
            notebooks().get(namespace, name, credentials),
          stop: (namespace, name, credentials) =>
            notebooks().stop(namespace, name, credentials),
          start: (namespace, name, credentials) =>
            notebooks().start(namespace, name, credentials),
          delete: (namespace, name, options) =>
            notebooks().delete(namespace, name, options),
        };
      },
    }),
});

/**
 * Spark clusters, jobs and schedules on the workload path, shared by the
 * backend plugin's routes and registry actions and by the scaffolder
 * module's actions.
 * @public
 */
export type SparkServiceApi = {
  options(): Promise<SparkOptions>;
  createJob(
    namespace: string,
    input: unknown,
    options: { credentials: BackstageCredentials; dryRun?: boolean },
  ): Promise<SparkJobResult>;
  createCluster(
    namespace: string,
    input: unknown,
    options: { credentials: BackstageCredentials; dryRun?: boolean },
  ): Promise<SparkClusterResult>;
  listNamespace(
    namespace: string,
    credentials: BackstageCredentials,
  ): Promise<SparkList>;
  listTeam(team: string, credentials: BackstageCredentials): Promise<SparkList>;
  getJob(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<SparkJobDetail>;
  getSchedule(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<SparkScheduleSummary>;
  getCluster(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<SparkClusterSummary>;
  rerunJob(
    namespace: string,
    name: string,
    options: {
      credentials: BackstageCredentials;
      dryRun?: boolean;
      newName?: string;
    },
  ): Promise<SparkJobResult>;
  setScheduleSuspended(
    namespace: string,
    name: string,
    suspended: boolean,
    credentials: BackstageCredentials,
  ): Promise<SparkScheduleSummary>;
  delete(
    group: SparkWorkloadGroup,
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<WorkloadDeletion>;
};

/** @public */
export const sparkServiceRef = createServiceRef<SparkServiceApi>({
  id: 'ml-platform.spark',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        namespaceSettings: namespaceSettingsServiceRef,
        connections: platformConnectionsServiceRef,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
        permissions: userPermissionsServiceRef,
        logger: coreServices.logger,
      },
      factory(services) {
        const settings = readSparkSettings(
          services.config,
          services.namespaceSettings.policy.sparkServiceAccount,
        );
        const spark = onFirstUse(
          () =>
            new SparkService(
              {
                jobs: workloadPathOf(sparkApplicationKind, settings, services),
                schedules: workloadPathOf(
                  scheduledSparkApplicationKind,
                  settings,
                  services,
                ),
                clusters: workloadPathOf(
                  sparkClusterKind(settings.backend),
                  settings,
                  services,
                ),
              },
              settings,
            ),
        );
        return {
          options: async () => spark().options(),
          createJob: (namespace, input, options) =>
            spark().createJob(namespace, input, options),
          createCluster: (namespace, input, options) =>
            spark().createCluster(namespace, input, options),
          listNamespace: (namespace, credentials) =>
            spark().listNamespace(namespace, credentials),
          listTeam: (team, credentials) => spark().listTeam(team, credentials),
          getJob: (namespace, name, credentials) =>
            spark().getJob(namespace, name, credentials),
          getSchedule: (namespace, name, credentials) =>
            spark().getSchedule(namespace, name, credentials),
          getCluster: (namespace, name, credentials) =>
            spark().getCluster(namespace, name, credentials),
          rerunJob: (namespace, name, options) =>
            spark().rerunJob(namespace, name, options),
          setScheduleSuspended: (namespace, name, suspended, credentials) =>
            spark().setScheduleSuspended(
              namespace,
              name,
              suspended,
              credentials,
            ),
          delete: (group, namespace, name, credentials) =>
            spark().delete(group, namespace, name, credentials),
        };
      },
    }),
});

/**
 * Model serving with Seldon on the workload path, shared by the backend
 * plugin's routes and registry actions and by the scaffolder module's
 * action.
 * @public
 */
export type ServingServiceApi = {
  modelServing(
    model: string,
    credentials: BackstageCredentials,
  ): Promise<ModelServing>;
  listNamespace(
    namespace: string,
    credentials: BackstageCredentials,
  ): Promise<ModelDeploymentList>;
  listTeam(
    team: string,
    credentials: BackstageCredentials,
  ): Promise<ModelDeploymentList>;
  get(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<ModelDeploymentSummary>;
  deploy(
    namespace: string,
    request: unknown,
    options: { credentials: BackstageCredentials; dryRun?: boolean },
  ): Promise<ModelDeploymentResult>;
  addPredictor(
    namespace: string,
    name: string,
    request: unknown,
    options: { credentials: BackstageCredentials },
  ): Promise<ModelDeploymentResult>;
  setTraffic(
    namespace: string,
    name: string,
    request: unknown,
    options: { credentials: BackstageCredentials },
  ): Promise<ModelDeploymentResult>;
  promote(
    namespace: string,
    name: string,
    predictor: unknown,
    options: { credentials: BackstageCredentials },
  ): Promise<ModelDeploymentResult>;
  rollback(
    namespace: string,
    name: string,
    options: { credentials: BackstageCredentials },
  ): Promise<ModelDeploymentResult>;
  delete(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<WorkloadDeletion>;
};

/** @public */
export const servingServiceRef = createServiceRef<ServingServiceApi>({
  id: 'ml-platform.serving',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        namespaceSettings: namespaceSettingsServiceRef,
        connections: platformConnectionsServiceRef,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
        permissions: userPermissionsServiceRef,
        logger: coreServices.logger,
        mlflowReader: mlflowReaderServiceRef,
        events: eventsServiceRef,
      },
      factory({ mlflowReader, events, ...services }) {
        const settings = readServingSettings(services.config);
        const serving = onFirstUse(() => {
          const client = new MlflowClient(requireMlflow(services.connections));
          return new ServingService(
            workloadPathOf(seldonDeploymentKind, settings, services),
            {
              model: (name, choice, credentials) =>
                mlflowReader.servableModel(name, choice, credentials),
              location: (name, version) =>
                client.resolveModelVersionLocation(name, version),
              proxiedArtifact: path => client.getProxiedArtifactText(path),
            },
            settings,
            change =>
              events.publish({
                topic: SERVING_CHANGED_TOPIC,
                eventPayload: change,
              }),
          );
        });
        return {
          modelServing: (model, credentials) =>
            serving().modelServing(model, credentials),
          listNamespace: (namespace, credentials) =>
            serving().listNamespace(namespace, credentials),
          listTeam: (team, credentials) =>
            serving().listTeam(team, credentials),
          get: (namespace, name, credentials) =>
            serving().get(namespace, name, credentials),
          deploy: (namespace, request, options) =>
            serving().deploy(namespace, request, options),
          addPredictor: (namespace, name, request, options) =>
            serving().addPredictor(namespace, name, request, options),
          setTraffic: (namespace, name, request, options) =>
            serving().setTraffic(namespace, name, request, options),
          promote: (namespace, name, predictor, options) =>
            serving().promote(namespace, name, predictor, options),
          rollback: (namespace, name, options) =>
            serving().rollback(namespace, name, options),
          delete: (namespace, name, credentials) =>
            serving().delete(namespace, name, credentials),
        };
      },
    }),
});
