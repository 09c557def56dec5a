import type {
  SparkClusterSummary,
  SparkJobDetail,
  SparkJobSummary,
  SparkList,
  SparkOptions,
  SparkScheduleSummary,
  WorkloadDeletion,
  WorkloadResult,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { GATEWAY_URL, PROJECT_NAMESPACE, TEAM } from './notebookFixtures';

/**
 * Spark clusters, jobs and schedules of team fraud-detection, in its project
 * namespace fraud-detection-transaction-risk, as the Spark routes answer.
 */

export const HISTORY_SERVER_URL = 'http://127.0.0.1:18080/spark-history';

const minutesAgo = (minutes: number) =>
  new Date(Date.now() - minutes * 60 * 1000).toISOString();

const minutesAhead = (minutes: number) =>
  new Date(Date.now() + minutes * 60 * 1000).toISOString();

export function sparkJob(
  overrides: Partial<SparkJobSummary> = {},
): SparkJobSummary {
  const namespace = overrides.namespace ?? PROJECT_NAMESPACE;
  const name = overrides.name ?? 'alice-etl';
  return {
    namespace,
    name,
    team: TEAM,
    project: namespace === TEAM ? undefined : 'transaction-risk',
    createdBy: 'user:default/alice',
    type: 'Python',
    sparkVersion: '4.0.1',
    image: 'docker.io/library/spark:4.0.1-python3',
    mainApplicationFile: 'local:///opt/spark/examples/src/main/python/pi.py',
    state: 'RUNNING',
    submissionAttempts: 1,
    executionAttempts: 1,
    createdAt: minutesAgo(12),
    submittedAt: minutesAgo(10),
    driver: {
      name: `${name}-driver`,
      phase: 'Running',
      node: 'kwok-node-1',
    },
    executors: { RUNNING: 2 },
    ui: {
      url: `${GATEWAY_URL}/spark/${namespace}/${name}/`,
      service: `${name}-ui-svc:4040`,
    },
    size: {
      driver: { cores: 1, memory: '1g' },
      executor: { cores: 1, memory: '2g', instances: 2 },
    },
    ...overrides,
  };
}

/** A job in each state the table tells apart, with the reasons the backend gives. */
export function sparkJobsInEveryState(): SparkJobSummary[] {
  return [
    sparkJob({
      name: 'nightly-features-1740787200',
      schedule: 'nightly-features',
      createdBy: undefined,
    }),
    sparkJob({
      name: 'alice-etl-failed',
      state: 'FAILED',
      reason:
        'driver container failed with ExitCode: 1, Reason: Error: java.io.FileNotFoundException: s3a://fraud-detection/raw/2025-03-01.parquet',
      executionAttempts: 2,
      submittedAt: minutesAgo(40),
      endedAt: minutesAgo(30),
      driver: { name: 'alice-etl-failed-driver', phase: 'Failed' },
      executors: { FAILED: 2 },
      ui: {
        service: 'alice-etl-failed-ui-svc:4040',
        note: 'The driver has ended, and its UI with it',
        historyUrl: `${HISTORY_SERVER_URL}/history/spark-alice-etl-failed/`,
      },
    }),
    sparkJob({
      name: 'bob-aggregate',
      createdBy: 'user:default/bob',
      state: 'COMPLETED',
      submittedAt: minutesAgo(3 * 60),
      endedAt: minutesAgo(3 * 60 - 5),
      driver: { name: 'bob-aggregate-driver', phase: 'Succeeded' },
      executors: { COMPLETED: 3 },
      ui: { note: 'The driver has ended, and its UI with it' },
    }),
    sparkJob({
      name: 'carol-submit',
      createdBy: 'user:default/carol',
      state: 'SUBMISSION_FAILED',
      reason:
        'failed to run spark-submit: Exception in thread "main" org.apache.spark.SparkException: Failed to get main class in JAR',
      submissionAttempts: 3,
      executionAttempts: 0,
      submittedAt: undefined,
      driver: undefined,
      executors: {},
      ui: { note: 'The job never ran, so it has no UI' },
    }),
    sparkJob({
      name: 'dave-pending',
      createdBy: 'user:default/dave',
      state: 'SUBMITTED',
      submittedAt: minutesAgo(2),
      driver: {
        name: 'dave-pending-driver',
        phase: 'Pending',
        reason: 'Waiting for a node with 4 free CPUs: 0/3 nodes are available',
      },
      reason: 'Waiting for a node with 4 free CPUs: 0/3 nodes are available',
      executors: {},
      ui: { service: 'dave-pending-ui-svc:4040', note: 'Not up yet' },
    }),
  ];
}

export function sparkJobDetail(
  overrides: Partial<SparkJobDetail> = {},
): SparkJobDetail {
  const summary = sparkJobsInEveryState()[1];
  return {
    ...summary,
    arguments: ['--date', '2025-03-01'],
    sparkConf: { 'spark.sql.shuffle.partitions': '8' },
    restartPolicy: { type: 'OnFailure', retries: 1 },
    timeToLiveSeconds: 86400,
    timeline: [
      {
        time: minutesAgo(40),
        type: 'Normal',
        reason: 'SparkApplicationSubmitted',
        message: 'SparkApplication alice-etl-failed was submitted successfully',
        object: 'SparkApplication/alice-etl-failed',
      },
      {
        time: minutesAgo(39),
        type: 'Warning',
        reason: 'FailedScheduling',
        message: '0/3 nodes are available: 3 Insufficient cpu.',
        object: 'Pod/alice-etl-failed-driver',
      },
      {
        time: minutesAgo(35),
        type: 'Normal',
        reason: 'SparkDriverRunning',
        message: 'Driver alice-etl-failed-driver is running',
        object: 'Pod/alice-etl-failed-driver',
      },
      {
        time: minutesAgo(30),
        type: 'Warning',
        reason: 'SparkApplicationFailed',
        message:
          'SparkApplication alice-etl-failed failed: driver container failed with ExitCode: 1',
        object: 'SparkApplication/alice-etl-failed',
      },
    ],
    ...overrides,
  };
}

export function sparkSchedule(
  overrides: Partial<SparkScheduleSummary> = {},
): SparkScheduleSummary {
  const namespace = overrides.namespace ?? PROJECT_NAMESPACE;
  return {
    namespace,
    name: 'nightly-features',
    team: TEAM,
    project: namespace === TEAM ? undefined : 'transaction-risk',
    createdBy: 'user:default/alice',
    schedule: '0 2 * * *',
    timeZone: 'Europe/Berlin',
    concurrencyPolicy: 'Forbid',
    suspended: false,
    state: 'Scheduled',
    createdAt: minutesAgo(3 * 24 * 60),
    lastRun: minutesAgo(10),
    nextRun: minutesAhead(5 * 60),
    lastRunName: 'nightly-features-1740787200',
    history: [
      {
        name: 'nightly-features-1740787200',
        outcome: 'Running',
        state: 'RUNNING',
        startedAt: minutesAgo(10),
      },
      {
        name: 'nightly-features-1740700800',
        outcome: 'Succeeded',
        state: 'COMPLETED',
        startedAt: minutesAgo(24 * 60 + 10),
        endedAt: minutesAgo(24 * 60),
      },
      {
        name: 'nightly-features-1740614400',
        outcome: 'Failed',
        state: 'FAILED',
        startedAt: minutesAgo(2 * 24 * 60 + 10),
        endedAt: minutesAgo(2 * 24 * 60),
      },
    ],
    historyLimits: { successful: 3, failed: 1 },
    type: 'Python',
    mainApplicationFile: 'local:///opt/spark/jobs/features.py',
    sparkVersion: '4.0.1',
    ...overrides,
  };
}

export function sparkSchedulesInEveryState(): SparkScheduleSummary[] {
  return [
    sparkSchedule(),
    sparkSchedule({
      name: 'weekly-report',
      schedule: '0 6 * * 1',
      timeZone: undefined,
      concurrencyPolicy: 'Allow',
      suspended: true,
      state: 'Suspended',
      reason: 'Suspended by user:default/bob',
      lastRun: minutesAgo(8 * 24 * 60),
      nextRun: undefined,
      lastRunName: undefined,
      history: [],
    }),
    sparkSchedule({
      name: 'broken-cron',
      schedule: '0 25 * * *',
      timeZone: 'UTC',
      state: 'FailedValidation',
      reason:
        'invalid cron schedule "0 25 * * *": end of range (25) above maximum (23)',
      lastRun: undefined,
      nextRun: undefined,
      lastRunName: undefined,
      history: [],
    }),
  ];
}

const pysparkSnippet = (url: string) =>
  `from pyspark.sql import SparkSession\n\nspark = SparkSession.builder.remote("${url}").getOrCreate()\n`;

export function sparkCluster(
  overrides: Partial<SparkClusterSummary> = {},
): SparkClusterSummary {
  const namespace = overrides.namespace ?? PROJECT_NAMESPACE;
  const name = overrides.name ?? 'alice-connect';
  const inCluster = `sc://${name}-server.${namespace}.svc.cluster.local:15002`;
  return {
    namespace,
    name,
    team: TEAM,
    project: namespace === TEAM ? undefined : 'transaction-risk',
    createdBy: 'user:default/alice',
    backend: 'kubeflow',
    sparkVersion: '4.0.1',
    image: 'docker.io/library/spark:4.0.1-python3',
    state: 'Ready',
    createdAt: minutesAgo(60),
    server: {
      name: `${name}-server`,
      phase: 'Running',
      node: 'kwok-node-2',
      service: `${name}-server:15002`,
    },
    executors: { RUNNING: 2 },
    connection: { inCluster, pyspark: pysparkSnippet(inCluster) },
    size: {
      server: { cores: 1, memory: '2g' },
      executor: { cores: 1, memory: '2g', instances: 2 },
    },
    ...overrides,
  };
}

export function sparkClustersInEveryState(): SparkClusterSummary[] {
  return [
    sparkCluster(),
    sparkCluster({
      name: 'bob-connect',
      createdBy: 'user:default/bob',
      state: 'Provisioning',
      reason: 'The server pod is Pending',
      server: {
        name: 'bob-connect-server',
        phase: 'Pending',
        reason: 'Waiting for a node with 8Gi of free memory',
      },
      executors: {},
    }),
    sparkCluster({
      name: 'carol-standalone',
      backend: 'apache',
      state: 'Failed',
      reason: 'The master pod failed: OOMKilled',
      server: { name: 'carol-standalone-master-0', phase: 'Failed' },
      executors: {},
      connection: undefined,
    }),
  ];
}

export function sparkList(overrides: Partial<SparkList> = {}): SparkList {
  return { clusters: [], jobs: [], schedules: [], ...overrides };
}

/** One of everything: the list the UI tests read. */
export function fullSparkList(): SparkList {
  return {
    clusters: sparkClustersInEveryState(),
    jobs: sparkJobsInEveryState(),
    schedules: sparkSchedulesInEveryState(),
  };
}

export function sparkRerun(
  namespace: string,
  name: string,
  newName = `${name}-rerun-x7k2p`,
): WorkloadResult {
  return {
    cluster: 'local',
    namespace,
    name: newName,
    dryRun: false,
    manifests: [],
    applied: [{ object: `SparkApplication/${newName}`, resourceVersion: '42' }],
    notes: [],
  };
}

const KIND_BY_PATH: Record<string, string> = {
  jobs: 'SparkApplication',
  schedules: 'ScheduledSparkApplication',
  clusters: 'SparkConnect',
};

/** What DELETE /namespaces/{ns}/spark/{jobs|schedules|clusters}/{name} answers. */
export function sparkDeletion(kind: string, name: string): WorkloadDeletion {
  return {
    deleted: [`${KIND_BY_PATH[kind] ?? kind}/${name}`],
    kept: [],
    notes: [],
  };
}

/** What GET /spark/options answers with the local platform's config. */
export function sparkOptions(
  overrides: Partial<SparkOptions> = {},
): SparkOptions {
  return {
    backend: 'kubeflow',
    versions: [
      { version: '4.0.1', image: 'docker.io/library/spark:4.0.1-python3' },
    ],
    applicationFilePrefixes: ['local:///opt/spark/'],
    allowedConfKeys: ['spark.sql.shuffle.partitions'],
    types: ['Python', 'Scala', 'Java'],
    restartPolicies: ['Never', 'OnFailure', 'Always'],
    concurrencyPolicies: ['Allow', 'Forbid', 'Replace'],
    historyServerUrl: HISTORY_SERVER_URL,
    ...overrides,
  };
}
