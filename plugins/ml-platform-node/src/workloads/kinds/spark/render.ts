import {
  APACHE_SPARK_CLUSTER_RESOURCE,
  CREATED_BY_ANNOTATION,
  PROJECT_LABEL,
  SCHEDULED_SPARK_APPLICATION_RESOURCE,
  SPARK_APPLICATION_RESOURCE,
  SPARK_CONNECT_RESOURCE,
  TEAM_LABEL,
  type WorkloadResource,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import type { KubernetesObject } from '@kubernetes/client-node';
import type { SparkSettings } from '../../sparkSettings';
import type { WorkloadTarget } from '../../WorkloadKind';
import { imageOf, type SparkClusterInput, type SparkJobInput } from './input';
import { podResources } from './size';

const apiVersionOf = (resource: WorkloadResource) =>
  `${resource.group}/${resource.version}`;

/** The container the Spark operator runs a SparkConnect server in. */
const SERVER_CONTAINER = 'spark-kubernetes-driver';

function workloadMetadata(name: string, target: WorkloadTarget) {
  return {
    name,
    namespace: target.namespace,
    labels: {
      [TEAM_LABEL]: target.team,
      ...(target.project ? { [PROJECT_LABEL]: target.project } : {}),
    },
    annotations: { [CREATED_BY_ANNOTATION]: target.user },
  };
}

const podLabels = (target: WorkloadTarget) => ({
  [TEAM_LABEL]: target.team,
  ...(target.project ? { [PROJECT_LABEL]: target.project } : {}),
});

const dynamicAllocationSpec = (
  input: Pick<SparkJobInput, 'dynamicAllocation' | 'executor'>,
) =>
  input.dynamicAllocation
    ? {
        dynamicAllocation: {
          enabled: true,
          initialExecutors: input.executor.instances,
          minExecutors: input.dynamicAllocation.minExecutors,
          maxExecutors: input.dynamicAllocation.maxExecutors,
          // no external shuffle service on Kubernetes
          shuffleTrackingEnabled: true,
        },
      }
    : {};

/** The operator's restart policy from the input's (pure). */
function restartPolicySpec(input: SparkJobInput) {
  const policy = input.restartPolicy ?? { type: 'Never' as const };
  if (policy.type === 'Never') {
    return { type: 'Never' };
  }
  const retries = policy.retries ?? 3;
  const interval = policy.retryIntervalSeconds ?? 30;
  return {
    type: policy.type,
    onFailureRetries: retries,
    onFailureRetryInterval: interval,
    onSubmissionFailureRetries: retries,
    onSubmissionFailureRetryInterval: interval,
  };
}

/** A SparkApplication's spec: the job as the operator runs it (pure). @public */
export function sparkApplicationSpec(
  input: SparkJobInput,
  target: WorkloadTarget,
  settings: SparkSettings,
): Record<string, unknown> {
  const nonJvm = input.type === 'Python';
  const labels = podLabels(target);
  const pod = (size: { cores: number; memory: string }) => {
    const { requests, limits } = podResources(size, nonJvm);
    return {
      cores: size.cores,
      coreRequest: requests.cpu,
      coreLimit: limits.cpu,
      memory: size.memory,
      labels,
    };
  };
  return {
    type: input.type,
    mode: 'cluster',
    sparkVersion: input.sparkVersion,
    image: imageOf(input.sparkVersion, settings),
    imagePullPolicy: 'IfNotPresent',
    mainApplicationFile: input.mainApplicationFile,
    ...(input.mainClass ? { mainClass: input.mainClass } : {}),
    ...(input.arguments?.length ? { arguments: input.arguments } : {}),
    ...(nonJvm ? { pythonVersion: '3' } : {}),
    ...(input.sparkConf && Object.keys(input.sparkConf).length > 0
      ? { sparkConf: input.sparkConf }
      : {}),
    driver: { ...pod(input.driver), serviceAccount: settings.serviceAccount },
    executor: { ...pod(input.executor), instances: input.executor.instances },
    ...dynamicAllocationSpec(input),
    restartPolicy: restartPolicySpec(input),
    timeToLiveSeconds:
      input.timeToLiveSeconds ??
      (settings.defaultTimeToLiveSeconds || undefined),
  };
}

/** A job: a SparkApplication, or a ScheduledSparkApplication with a schedule (pure). @public */
export function renderSparkJob(
  input: SparkJobInput,
  target: WorkloadTarget,
  settings: SparkSettings,
): KubernetesObject[] {
  const spec = sparkApplicationSpec(input, target, settings);
  if (!input.schedule) {
    return [
      {
        apiVersion: apiVersionOf(SPARK_APPLICATION_RESOURCE),
        kind: SPARK_APPLICATION_RESOURCE.kind,
        metadata: workloadMetadata(input.name, target),
        spec,
      } as KubernetesObject,
    ];
  }
  const { schedule } = input;
  return [
    {
      apiVersion: apiVersionOf(SCHEDULED_SPARK_APPLICATION_RESOURCE),
      kind: SCHEDULED_SPARK_APPLICATION_RESOURCE.kind,
      metadata: workloadMetadata(input.name, target),
      spec: {
        schedule: schedule.cron.trim(),
        timeZone: schedule.timeZone ?? 'UTC',
        concurrencyPolicy: schedule.concurrencyPolicy ?? 'Forbid',
        successfulRunHistoryLimit: schedule.successfulRunHistoryLimit ?? 3,
        failedRunHistoryLimit: schedule.failedRunHistoryLimit ?? 3,
        suspend: false,
        template: spec,
      },
    } as KubernetesObject,
  ];
}

/** Kubeflow's SparkConnect: a Spark Connect server, sized as asked, and its executors (pure). @public */
function renderSparkConnect(
  input: SparkClusterInput,
  target: WorkloadTarget,
  settings: SparkSettings,
): KubernetesObject {
  const labels = podLabels(target);
  return {
    apiVersion: apiVersionOf(SPARK_CONNECT_RESOURCE),
    kind: SPARK_CONNECT_RESOURCE.kind,
    metadata: workloadMetadata(input.name, target),
    spec: {
      sparkVersion: input.sparkVersion,
      image: imageOf(input.sparkVersion, settings),
      ...(input.sparkConf && Object.keys(input.sparkConf).length > 0
        ? { sparkConf: input.sparkConf }
        : {}),
      server: {
        cores: input.server.cores,
        memory: input.server.memory,
        // the operator runs the server with the template's resources as they are
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: settings.serviceAccount,
            containers: [
              {
                name: SERVER_CONTAINER,
                resources: podResources(input.server, false),
              },
            ],
          },
        },
      },
      executor: {
        instances: input.executor.instances,
        cores: input.executor.cores,
        memory: input.executor.memory,
        template: { metadata: { labels } },
      },
      ...dynamicAllocationSpec(input),
    },
  } as KubernetesObject;
}

/** Apache's SparkCluster: a standalone master and workers (pure). */
function renderApacheSparkCluster(
  input: SparkClusterInput,
  target: WorkloadTarget,
  settings: SparkSettings,
): KubernetesObject {
  const image = imageOf(input.sparkVersion, settings);
  const labels = podLabels(target);
  const container = (
    name: string,
    size: { cores: number; memory: string },
  ) => ({
    name,
    image,
    resources: podResources(size, false),
  });
  const workers = input.executor.instances;
  return {
    apiVersion: apiVersionOf(APACHE_SPARK_CLUSTER_RESOURCE),
    kind: APACHE_SPARK_CLUSTER_RESOURCE.kind,
    metadata: workloadMetadata(input.name, target),
    spec: {
      runtimeVersions: { sparkVersion: input.sparkVersion },
      clusterTolerations: {
        instanceConfig: {
          initWorkers: workers,
          minWorkers: input.dynamicAllocation?.minExecutors ?? workers,
          maxWorkers: input.dynamicAllocation?.maxExecutors ?? workers,
        },
      },
      masterSpec: {
        statefulSetMetadata: { labels },
        statefulSetSpec: {
          template: {
            metadata: { labels },
            spec: {
              serviceAccountName: settings.serviceAccount,
              containers: [container('master', input.server)],
            },
          },
        },
      },
      workerSpec: {
        statefulSetMetadata: { labels },
        statefulSetSpec: {
          template: {
            metadata: { labels },
            spec: {
              serviceAccountName: settings.serviceAccount,
              containers: [container('worker', input.executor)],
            },
          },
        },
      },
      sparkConf: {
        ...input.sparkConf,
        'spark.kubernetes.container.image': image,
        'spark.worker.cores': String(input.executor.cores),
        'spark.worker.memory': input.executor.memory,
      },
    },
  } as KubernetesObject;
}

/** A cluster on the configured backend (pure). @public */
export function renderSparkCluster(
  input: SparkClusterInput,
  target: WorkloadTarget,
  settings: SparkSettings,
): KubernetesObject[] {
  return [
    settings.backend === 'apache'
      ? renderApacheSparkCluster(input, target, settings)
      : renderSparkConnect(input, target, settings),
  ];
}
