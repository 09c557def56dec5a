/**
 * Shared fixtures of the Spark unit tests: one set of settings, one target
 * namespace, inputs, and the objects of the Kubeflow Spark operator v2.5.2
 * (and Apache's SparkCluster) with the status shapes they really report.
 */
import {
  CREATED_BY_ANNOTATION,
  PROJECT_LABEL,
  SPARK_SCHEDULED_APP_NAME_LABEL,
  TEAM_LABEL,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import type { SparkClusterInput, SparkJobInput } from '../kinds/spark/input';
import type { SparkSettings } from '../sparkSettings';
import type { WorkloadTarget } from '../WorkloadKind';

export const NAMESPACE = 'fraud-detection-scoring';
export const TEAM = 'fraud-detection';
export const PROJECT = 'scoring';
export const USER = 'user:default/alice';
export const GATEWAY_URL = 'https://gateway.example.com';
export const HISTORY_SERVER_URL = 'https://history.example.com';
export const CONNECT_URL_PATTERN =
  'sc://spark.example.com:443/;use_ssl=true;x-namespace={namespace};x-name={name}';

export const TARGET: WorkloadTarget = {
  namespace: NAMESPACE,
  team: TEAM,
  project: PROJECT,
  user: USER,
};

/** Who owns the fixtures' workloads, as the workload path hands it to the summaries. */
export const OWNER = { namespace: NAMESPACE, team: TEAM, project: PROJECT };

/** The one set of settings of the Spark tests (override what a test is about). */
export const SPARK_SETTINGS: SparkSettings = {
  backend: 'kubeflow',
  versions: [
    { version: '4.0.1', image: 'docker.io/library/spark:4.0.1' },
    { version: '3.5.7', image: 'docker.io/library/spark:3.5.7' },
  ],
  applicationFilePrefixes: ['local:///opt/spark/', 's3a://team-bucket/'],
  allowedConfKeys: ['spark.sql.shuffle.partitions', 'spark.eventLog.enabled'],
  serviceAccount: 'spark',
  gatewayUrl: GATEWAY_URL,
  uiUrlPattern: '{gateway}/spark/{namespace}/{name}/',
  connectUrlPattern: CONNECT_URL_PATTERN,
  historyServerUrl: HISTORY_SERVER_URL,
  limits: { maxExecutors: 10, maxCores: 8, maxMemoryMiB: 16384 },
  defaultTimeToLiveSeconds: 86400,
};

export const sparkSettings = (
  overrides: Partial<SparkSettings> = {},
): SparkSettings => ({ ...SPARK_SETTINGS, ...overrides });

/** SparkPi in Python: a driver of 1 core and 512m, 2 executors of 1 core and 1g. */
export const pythonJob = (
  overrides: Partial<SparkJobInput> = {},
): SparkJobInput => ({
  name: 'pi',
  type: 'Python',
  sparkVersion: '4.0.1',
  mainApplicationFile: 'local:///opt/spark/examples/src/main/python/pi.py',
  driver: { cores: 1, memory: '512m' },
  executor: { instances: 2, cores: 1, memory: '1g' },
  ...overrides,
});

/** SparkPi in Scala. */
export const scalaJob = (
  overrides: Partial<SparkJobInput> = {},
): SparkJobInput => ({
  name: 'pi',
  type: 'Scala',
  sparkVersion: '4.0.1',
  mainApplicationFile:
    'local:///opt/spark/examples/jars/spark-examples_2.13-4.0.1.jar',
  mainClass: 'org.apache.spark.examples.SparkPi',
  arguments: ['1000'],
  driver: { cores: 1, memory: '512m' },
  executor: { instances: 2, cores: 2, memory: '2g' },
  ...overrides,
});

export const clusterInput = (
  overrides: Partial<SparkClusterInput> = {},
): SparkClusterInput => ({
  name: 'x',
  sparkVersion: '4.0.1',
  server: { cores: 1, memory: '1g' },
  executor: { instances: 2, cores: 1, memory: '2g' },
  ...overrides,
});

const metadata = (
  name: string,
  labels: Record<string, string> = {},
  annotations: Record<string, string> = {},
) => ({
  name,
  namespace: NAMESPACE,
  creationTimestamp: '2025-10-09T10:00:00Z',
  labels: { [TEAM_LABEL]: TEAM, [PROJECT_LABEL]: PROJECT, ...labels },
  annotations: { [CREATED_BY_ANNOTATION]: USER, ...annotations },
});

/** A SparkApplication as the operator reports it; `status` replaces the default status. */
export function sparkApplication(
  options: {
    name?: string;
    state?: string;
    status?: Record<string, any>;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    spec?: Record<string, any>;
    creationTimestamp?: string;
  } = {},
): Record<string, any> {
  const name = options.name ?? 'pi';
  const status = options.status ?? {
    applicationState: { state: options.state ?? 'RUNNING' },
    driverInfo: {
      podName: `${name}-driver`,
      webUIServiceName: `${name}-ui-svc`,
      webUIPort: 4040,
    },
    executorState: { [`${name}-exec-1`]: 'RUNNING' },
    submissionAttempts: 1,
    executionAttempts: 1,
    lastSubmissionAttemptTime: '2025-10-09T10:00:05Z',
    sparkApplicationId: 'spark-abc',
  };
  return {
    apiVersion: 'sparkoperator.k8s.io/v1beta2',
    kind: 'SparkApplication',
    metadata: {
      ...metadata(name, options.labels, options.annotations),
      ...(options.creationTimestamp
        ? { creationTimestamp: options.creationTimestamp }
        : {}),
    },
    spec: options.spec ?? {
      type: 'Python',
      mode: 'cluster',
      sparkVersion: '4.0.1',
      image: 'docker.io/library/spark:4.0.1',
      mainApplicationFile: 'local:///opt/spark/examples/src/main/python/pi.py',
      pythonVersion: '3',
      driver: { cores: 1, memory: '512m', serviceAccount: 'spark' },
      executor: { cores: 1, memory: '1g', instances: 2 },
      restartPolicy: { type: 'Never' },
      timeToLiveSeconds: 86400,
    },
    status,
  };
}

/** A run of the schedule `schedule`, named as the operator names it: `<schedule>-<nanos>`. */
export function scheduleRun(
  schedule: string,
  nanos: string,
  state: string,
): Record<string, any> {
  const name = `${schedule}-${nanos}`;
  return sparkApplication({
    name,
    labels: { [SPARK_SCHEDULED_APP_NAME_LABEL]: schedule },
    status: {
      applicationState: { state },
      driverInfo: { podName: `${name}-driver` },
      submissionAttempts: 1,
      executionAttempts: 1,
      lastSubmissionAttemptTime: '2025-10-09T02:00:05Z',
      ...(state === 'COMPLETED' || state === 'FAILED'
        ? { terminationTime: '2025-10-09T02:03:00Z' }
        : {}),
    },
  });
}

/** A ScheduledSparkApplication; `status` and `spec` merge into the defaults. */
export function scheduledSparkApplication(
  options: {
    name?: string;
    spec?: Record<string, any>;
    status?: Record<string, any>;
  } = {},
): Record<string, any> {
  const name = options.name ?? 'nightly';
  return {
    apiVersion: 'sparkoperator.k8s.io/v1beta2',
    kind: 'ScheduledSparkApplication',
    metadata: metadata(name),
    spec: {
      schedule: '0 2 * * *',
      timeZone: 'Europe/Berlin',
      concurrencyPolicy: 'Forbid',
      successfulRunHistoryLimit: 3,
      failedRunHistoryLimit: 3,
      suspend: false,
      template: sparkApplication().spec,
      ...options.spec,
    },
    status: {
      scheduleState: 'Scheduled',
      lastRun: '2025-10-09T02:00:00Z',
      nextRun: '2025-10-10T02:00:00Z',
      ...options.status,
    },
  };
}

/** A SparkConnect as the operator reports it. */
export function sparkConnect(
  options: { name?: string; status?: Record<string, any> } = {},
): Record<string, any> {
  const name = options.name ?? 'x';
  return {
    apiVersion: 'sparkoperator.k8s.io/v1alpha1',
    kind: 'SparkConnect',
    metadata: metadata(name),
    spec: {
      sparkVersion: '4.0.1',
      image: 'docker.io/library/spark:4.0.1',
      server: { cores: 1, memory: '1g' },
      executor: { cores: 1, memory: '2g', instances: 2 },
    },
    status: options.status ?? {
      state: 'Ready',
      server: {
        podName: `${name}-server`,
        serviceName: `${name}-server`,
        podIp: '10.244.0.12',
      },
      executors: { running: 2 },
      conditions: [
        {
          type: 'ServerPodReady',
          status: 'True',
          reason: 'ServerPodReady',
          message: 'Server pod is ready',
        },
      ],
    },
  };
}

/** Apache's SparkCluster in the state `summary` (currentStateSummary). */
export function apacheSparkCluster(
  summary: string | undefined,
  message?: string,
): Record<string, any> {
  return {
    apiVersion: 'spark.apache.org/v1',
    kind: 'SparkCluster',
    metadata: metadata('x'),
    spec: {
      runtimeVersions: { sparkVersion: '4.0.1' },
      clusterTolerations: {
        instanceConfig: { initWorkers: 2, minWorkers: 2, maxWorkers: 2 },
      },
      sparkConf: { 'spark.worker.cores': '2', 'spark.worker.memory': '4g' },
    },
    status: summary
      ? {
          currentState: {
            currentStateSummary: summary,
            ...(message ? { message } : {}),
          },
        }
      : {},
  };
}

/** A pod named `name` in `phase`, with `status` merged in. */
export const pod = (
  name: string,
  phase: string,
  status: Record<string, any> = {},
  spec: Record<string, any> = {},
): Record<string, any> => ({
  metadata: { name, namespace: NAMESPACE },
  spec,
  status: { phase, ...status },
});

/** An event about `kind`/`name` at `time`. */
export const event = (options: {
  type?: 'Normal' | 'Warning';
  reason: string;
  message: string;
  time: string;
  kind?: string;
  name: string;
  /** Newer events carry eventTime, not lastTimestamp. */
  eventTime?: boolean;
}): Record<string, any> => ({
  type: options.type ?? 'Normal',
  reason: options.reason,
  message: options.message,
  ...(options.eventTime
    ? { eventTime: options.time, lastTimestamp: null }
    : { lastTimestamp: options.time }),
  involvedObject: { kind: options.kind ?? 'Pod', name: options.name },
});

/** The scheduler's words when no node has the CPU a pod asks for. */
export const INSUFFICIENT_CPU =
  '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
