/**
 * Spark workloads for people: each state with its reason, read from the
 * operator's status, the pods and their events (pure).
 */
import {
  CREATED_BY_ANNOTATION,
  PROJECT_LABEL,
  SPARK_FINISHED_STATES,
  SPARK_RERUN_OF_ANNOTATION,
  SPARK_SCHEDULED_APP_NAME_LABEL,
  TEAM_LABEL,
  type SparkApplicationState,
  type SparkClusterState,
  type SparkClusterSummary,
  type SparkJobDetail,
  type SparkJobSummary,
  type SparkScheduleRun,
  type SparkScheduleSummary,
  type SparkTimelineEntry,
  type SparkUiInfo,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { describePod, timeOf } from '../../podState';
import type { SparkSettings } from '../../sparkSettings';
import { fillPattern } from '../../urlPattern';
import type { RelatedObjects, WorkloadStatus } from '../../WorkloadKind';

/** Who owns a workload, from its labels. */
type Owner = { namespace: string; team: string; project?: string };

function ownerOf(object: Record<string, any>): Owner {
  const labels: Record<string, string> = object.metadata?.labels ?? {};
  return {
    namespace: object.metadata?.namespace ?? '',
    team: labels[TEAM_LABEL] ?? '',
    ...(labels[PROJECT_LABEL] ? { project: labels[PROJECT_LABEL] } : {}),
  };
}

function common(object: Record<string, any>, owner: Owner) {
  const annotations: Record<string, string> =
    object.metadata?.annotations ?? {};
  return {
    ...ownerOf(object),
    ...owner,
    name: object.metadata?.name ?? '',
    ...(annotations[CREATED_BY_ANNOTATION]
      ? { createdBy: annotations[CREATED_BY_ANNOTATION] }
      : {}),
    ...(object.metadata?.creationTimestamp
      ? { createdAt: object.metadata.creationTimestamp }
      : {}),
  };
}

const sizeOf = (pod: Record<string, any> | undefined) => ({
  cores: Number(pod?.cores ?? 1),
  memory: String(pod?.memory ?? '1g'),
});

function dynamicAllocationOf(spec: Record<string, any>) {
  const dynamic = spec.dynamicAllocation;
  return dynamic?.enabled
    ? {
        dynamicAllocation: {
          minExecutors: Number(dynamic.minExecutors ?? 0),
          maxExecutors: Number(dynamic.maxExecutors ?? 0),
        },
      }
    : {};
}

/** Executors counted by state (pure). */
function countStates(states: Record<string, string | number> | undefined) {
  const counts: Record<string, number> = {};
  for (const value of Object.values(states ?? {})) {
    counts[String(value)] = (counts[String(value)] ?? 0) + 1;
  }
  return counts;
}

const RUNNING_STATES: SparkApplicationState[] = [
  'RUNNING',
  'SUCCEEDING',
  'FAILING',
];

/** Where the driver's UI is, or why it is not there (pure). */
export function sparkUi(
  application: Record<string, any>,
  state: SparkApplicationState,
  settings: SparkSettings,
): SparkUiInfo {
  const driver = application.status?.driverInfo ?? {};
  const service = driver.webUIServiceName
    ? `${driver.webUIServiceName}:${driver.webUIPort ?? 4040}`
    : undefined;
  const namespace = application.metadata?.namespace ?? '';
  const name = application.metadata?.name ?? '';
  const historyUrl =
    settings.historyServerUrl && application.status?.sparkApplicationId
      ? `${settings.historyServerUrl}/history/${application.status.sparkApplicationId}/`
      : undefined;
  if (RUNNING_STATES.includes(state)) {
    const url = fillPattern(settings.uiUrlPattern, {
      gateway: settings.gatewayUrl,
      namespace,
      name,
    });
    return {
      ...(url ? { url } : {}),
      ...(service ? { service } : {}),
      ...(url
        ? {}
        : {
            note: `No gateway is configured: reach the UI through its service${
              service ? ` ${service}` : ''
            }, e.g. with kubectl port-forward`,
          }),
    };
  }
  if (SPARK_FINISHED_STATES.includes(state)) {
    return {
      ...(service ? { service } : {}),
      note: historyUrl
        ? 'The Spark UI ended with the driver; the history server keeps the run'
        : 'The Spark UI ended with the driver, and no history server is configured',
      ...(historyUrl ? { historyUrl } : {}),
    };
  }
  return {
    ...(service ? { service } : {}),
    note: 'The Spark UI opens when the driver runs',
  };
}

const WAITING_FOR_RERUN: Partial<Record<SparkApplicationState, string>> = {
  PENDING_RERUN: 'waiting to be submitted again',
  INVALIDATING:
    'the spec changed: the operator is stopping the run to submit it again',
  SUSPENDING: 'being suspended',
  SUSPENDED: 'suspended: nothing runs until it is resumed',
  RESUMING: 'being resumed',
};

/** "the driver is waiting for a node: ...", "the driver: the image cannot be pulled: ..." */
const podSays = (pod: string, reason: string) =>
  /^waiting\b/.test(reason) ? `${pod} is ${reason}` : `${pod}: ${reason}`;

const MAX_REASON_LENGTH = 600;

/**
 * What went wrong, from the operator's message (pure). When spark-submit
 * failed, the operator passes on its whole output (log lines and stack
 * traces, often 10 KB): the apiserver's refusal in it, or the exception,
 * is what people need.
 */
export function distillSparkError(message?: string): string | undefined {
  if (!message) {
    return undefined;
  }
  if (!/spark-submit/.test(message) || message.length <= MAX_REASON_LENGTH) {
    return message.slice(0, MAX_REASON_LENGTH);
  }
  const refusal =
    /Failure executing: (\w+) at: \S+\. Message: (.+?)\. Received status/.exec(
      message,
    );
  if (refusal) {
    return `spark-submit failed: the apiserver refused it: ${refusal[2]}`.slice(
      0,
      MAX_REASON_LENGTH,
    );
  }
  const lines = message.split('\n').map(line => line.trim());
  const exception = lines.find(line =>
    /^Exception in thread|^Caused by:|^Error:|ERROR/.test(line),
  );
  return `spark-submit failed: ${
    exception?.replace(/^Exception in thread "main" /, '') ?? lines[0]
  }`.slice(0, MAX_REASON_LENGTH);
}

/** A SparkApplication's state and why (pure). */
function jobReason(
  application: Record<string, any>,
  state: SparkApplicationState,
  driver: SparkJobSummary['driver'],
  events: RelatedObjects['events'],
): string | undefined {
  const error = distillSparkError(
    application.status?.applicationState?.errorMessage,
  );
  const attempts = `${
    application.status?.submissionAttempts ?? 0
  } submission and ${
    application.status?.executionAttempts ?? 0
  } execution attempt(s)`;
  switch (state) {
    case 'FAILED':
    case 'SUBMISSION_FAILED':
    case 'FAILING':
      return (
        error ||
        `the ${
          state === 'SUBMISSION_FAILED' ? 'submission' : 'driver'
        } failed after ${attempts}`
      );
    case 'PENDING_RERUN':
      return `${WAITING_FOR_RERUN[state]}${
        error ? `; the last attempt: ${error}` : ''
      } (${attempts})`;
    case 'COMPLETED':
    case 'RUNNING':
    case 'SUCCEEDING':
      return undefined;
    default:
  }
  if (WAITING_FOR_RERUN[state]) {
    return WAITING_FOR_RERUN[state];
  }
  if (driver?.phase === 'Pending' && driver.reason) {
    return podSays('the driver', driver.reason);
  }
  const warning = [...events]
    .filter(event => event.type === 'Warning')
    .sort((a, b) => timeOf(a) - timeOf(b))
    .pop();
  if (warning?.message) {
    return warning.message;
  }
  if (state === 'NEW') {
    return 'waiting for the Spark operator to submit it';
  }
  return state === 'SUBMITTED'
    ? 'submitted: waiting for the driver to run'
    : undefined;
}

/** One SparkApplication as the routes show it (pure). @public */
export function summarizeSparkJob(
  application: Record<string, any>,
  related: RelatedObjects,
  settings: SparkSettings,
  owner: Owner,
): SparkJobSummary {
  const spec = application.spec ?? {};
  const status = application.status ?? {};
  const state = (status.applicationState?.state ||
    'NEW') as SparkApplicationState;
  const name: string = application.metadata?.name ?? '';
  const driverName: string = status.driverInfo?.podName ?? `${name}-driver`;
  const driverPod = related.pods.find(pod => pod.metadata?.name === driverName);
  const driverOf = () => {
    if (driverPod) {
      return describePod(driverPod, related.events);
    }
    // the operator names it once submitted: gone since (deleted, or its TTL)
    return status.driverInfo?.podName
      ? { name: driverName, phase: 'Absent' }
      : undefined;
  };
  const driver = driverOf();
  const labels: Record<string, string> = application.metadata?.labels ?? {};
  const annotations: Record<string, string> =
    application.metadata?.annotations ?? {};
  const reason = jobReason(application, state, driver, related.events);
  return {
    ...common(application, owner),
    type: spec.type ?? 'Scala',
    ...(spec.sparkVersion ? { sparkVersion: spec.sparkVersion } : {}),
    ...(spec.image ? { image: spec.image } : {}),
    ...(spec.mainApplicationFile
      ? { mainApplicationFile: spec.mainApplicationFile }
      : {}),
    ...(spec.mainClass ? { mainClass: spec.mainClass } : {}),
    state,
    ...(reason ? { reason } : {}),
    submissionAttempts: Number(status.submissionAttempts ?? 0),
    executionAttempts: Number(status.executionAttempts ?? 0),
    ...(status.lastSubmissionAttemptTime
      ? { submittedAt: status.lastSubmissionAttemptTime }
      : {}),
    ...(status.terminationTime ? { endedAt: status.terminationTime } : {}),
    ...(driver ? { driver } : {}),
    executors: countStates(status.executorState),
    ui: sparkUi(application, state, settings),
    ...(labels[SPARK_SCHEDULED_APP_NAME_LABEL]
      ? { schedule: labels[SPARK_SCHEDULED_APP_NAME_LABEL] }
      : {}),
    ...(annotations[SPARK_RERUN_OF_ANNOTATION]
      ? { rerunOf: annotations[SPARK_RERUN_OF_ANNOTATION] }
      : {}),
    size: {
      driver: sizeOf(spec.driver),
      executor: {
        ...sizeOf(spec.executor),
        instances: Number(spec.executor?.instances ?? 0),
      },
      ...dynamicAllocationOf(spec),
    },
  };
}

/** The events of a job and its pods, oldest first, as its timeline (pure). */
export function sparkTimeline(
  events: RelatedObjects['events'],
): SparkTimelineEntry[] {
  return [...events]
    .sort((a, b) => timeOf(a) - timeOf(b))
    .map(event => ({
      time: new Date(timeOf(event)).toISOString(),
      type: event.type === 'Warning' ? 'Warning' : 'Normal',
      reason: event.reason ?? '',
      message: distillSparkError(event.message) ?? '',
      object: `${event.involvedObject?.kind ?? ''}/${
        event.involvedObject?.name ?? ''
      }`,
    }));
}

/** A job with what its detail page shows (pure). @public */
export function sparkJobDetail(
  application: Record<string, any>,
  related: RelatedObjects,
  settings: SparkSettings,
  owner: Owner,
): SparkJobDetail {
  const spec = application.spec ?? {};
  const restart = spec.restartPolicy ?? {};
  return {
    ...summarizeSparkJob(application, related, settings, owner),
    arguments: spec.arguments ?? [],
    sparkConf: spec.sparkConf ?? {},
    restartPolicy: {
      type: restart.type ?? 'Never',
      ...(restart.onFailureRetries !== undefined
        ? { retries: restart.onFailureRetries }
        : {}),
    },
    ...(spec.timeToLiveSeconds !== undefined
      ? { timeToLiveSeconds: spec.timeToLiveSeconds }
      : {}),
    timeline: sparkTimeline(related.events),
  };
}

/** A ScheduledSparkApplication with the history of its runs (pure). @public */
export function summarizeSparkSchedule(
  scheduled: Record<string, any>,
  runs: SparkJobSummary[],
  owner: Owner,
): SparkScheduleSummary {
  const spec = scheduled.spec ?? {};
  const status = scheduled.status ?? {};
  const suspended = spec.suspend === true;
  const byName = new Map(runs.map(run => [run.name, run]));
  const run = (
    runName: string,
    outcome: SparkScheduleRun['outcome'],
  ): SparkScheduleRun => {
    const found = byName.get(runName);
    return {
      name: runName,
      outcome,
      ...(found ? { state: found.state } : {}),
      ...(found?.submittedAt ? { startedAt: found.submittedAt } : {}),
      ...(found?.endedAt ? { endedAt: found.endedAt } : {}),
    };
  };
  const past = [
    ...(status.pastSuccessfulRunNames ?? []).map((n: string) =>
      run(n, 'Succeeded'),
    ),
    ...(status.pastFailedRunNames ?? []).map((n: string) => run(n, 'Failed')),
  ];
  // the last run joins the operator's lists at its next tick: its own state says how it went
  const lastOutcome = (
    state?: SparkApplicationState,
  ): SparkScheduleRun['outcome'] => {
    if (state === 'COMPLETED') {
      return 'Succeeded';
    }
    return state === 'FAILED' || state === 'SUBMISSION_FAILED'
      ? 'Failed'
      : 'Running';
  };
  const history =
    status.lastRunName && !past.some(entry => entry.name === status.lastRunName)
      ? [
          run(
            status.lastRunName,
            lastOutcome(byName.get(status.lastRunName)?.state),
          ),
          ...past,
        ]
      : past;
  // runs are named <schedule>-<unix time>: newest first
  history.sort((a, b) => b.name.localeCompare(a.name));
  const state = suspended ? 'Suspended' : status.scheduleState || 'New';
  return {
    ...common(scheduled, owner),
    schedule: spec.schedule ?? '',
    ...(spec.timeZone ? { timeZone: spec.timeZone } : {}),
    concurrencyPolicy: spec.concurrencyPolicy ?? 'Allow',
    suspended,
    state,
    ...(status.reason && state === 'FailedValidation'
      ? { reason: status.reason }
      : {}),
    ...(suspended
      ? { reason: 'suspended: no new runs start until it is resumed' }
      : {}),
    ...(status.lastRun ? { lastRun: status.lastRun } : {}),
    ...(status.nextRun && !suspended ? { nextRun: status.nextRun } : {}),
    ...(status.lastRunName ? { lastRunName: status.lastRunName } : {}),
    history,
    historyLimits: {
      successful: Number(spec.successfulRunHistoryLimit ?? 1),
      failed: Number(spec.failedRunHistoryLimit ?? 1),
    },
    type: spec.template?.type ?? 'Scala',
    ...(spec.template?.mainApplicationFile
      ? { mainApplicationFile: spec.template.mainApplicationFile }
      : {}),
    ...(spec.template?.sparkVersion
      ? { sparkVersion: spec.template.sparkVersion }
      : {}),
  };
}

/** The Spark Connect port of the operator's server Service. */
export const SPARK_CONNECT_PORT = 15002;

/** Where Spark Connect clients connect to a cluster, and a PySpark snippet (pure). @public */
export function sparkConnection(
  namespace: string,
  name: string,
  service: string,
  settings: SparkSettings,
) {
  const inCluster = `sc://${service}.${namespace}.svc.cluster.local:${SPARK_CONNECT_PORT}`;
  const gateway = settings.connectUrlPattern
    ? fillPattern(settings.connectUrlPattern, {
        gateway: settings.gatewayUrl,
        namespace,
        name,
      })
    : undefined;
  const pyspark = [
    'from pyspark.sql import SparkSession',
    '',
    `spark = SparkSession.builder.remote("${
      gateway ?? inCluster
    }").getOrCreate()`,
    'spark.range(10).show()',
  ].join('\n');
  return { inCluster, ...(gateway ? { gateway } : {}), pyspark };
}

const APACHE_STATES: Record<string, SparkClusterState> = {
  Submitted: 'Provisioning',
  RunningHealthy: 'Ready',
  SchedulingFailure: 'Failed',
  Failed: 'Failed',
  ResourceReleased: 'NotReady',
};

/** A SparkConnect, or Apache's SparkCluster, as the routes show it (pure). @public */
export function summarizeSparkCluster(
  cluster: Record<string, any>,
  related: RelatedObjects,
  settings: SparkSettings,
  owner: Owner,
): SparkClusterSummary {
  const spec = cluster.spec ?? {};
  const status = cluster.status ?? {};
  const name: string = cluster.metadata?.name ?? '';
  const namespace: string = cluster.metadata?.namespace ?? owner.namespace;
  if (cluster.kind === 'SparkCluster') {
    const summary: string = status.currentState?.currentStateSummary ?? '';
    const state = APACHE_STATES[summary] ?? 'New';
    const workers = spec.clusterTolerations?.instanceConfig ?? {};
    const worker =
      spec.workerSpec?.statefulSetSpec?.template?.spec?.containers?.[0]
        ?.resources?.requests;
    return {
      ...common(cluster, owner),
      backend: 'apache',
      sparkVersion: spec.runtimeVersions?.sparkVersion,
      state,
      ...(status.currentState?.message && state !== 'Ready'
        ? { reason: status.currentState.message }
        : {}),
      ...(state === 'New'
        ? {
            reason:
              "waiting for Apache's Spark operator (spark-kubernetes-operator) to act on it",
          }
        : {}),
      executors: {},
      size: {
        server: { cores: 1, memory: '1g' },
        executor: {
          cores: Number(
            spec.sparkConf?.['spark.worker.cores'] ?? worker?.cpu ?? 1,
          ),
          memory: String(spec.sparkConf?.['spark.worker.memory'] ?? '1g'),
          instances: Number(workers.initWorkers ?? 0),
        },
      },
    };
  }
  const serverName: string = status.server?.podName ?? `${name}-server`;
  const serverPod = related.pods.find(pod => pod.metadata?.name === serverName);
  const server = serverPod
    ? describePod(serverPod, related.events)
    : { name: serverName, phase: 'Absent' };
  const service: string = status.server?.serviceName ?? `${name}-server`;
  const state = (status.state || 'New') as SparkClusterState;
  const condition = (status.conditions ?? []).find(
    (c: any) => c.type === 'ServerPodReady',
  );
  const reasonOf = (): string | undefined => {
    if (state === 'Ready') {
      return undefined;
    }
    if (server.reason) {
      return podSays('the server pod', server.reason);
    }
    if (state === 'New') {
      return 'waiting for the Spark operator to create the server';
    }
    if (condition?.message) {
      return condition.message;
    }
    return state === 'Provisioning'
      ? 'the server pod is starting'
      : `the server pod is ${
          server.phase === 'Absent' ? 'gone' : server.phase
        }`;
  };
  const reason = reasonOf();
  return {
    ...common(cluster, owner),
    backend: 'kubeflow',
    ...(spec.sparkVersion ? { sparkVersion: spec.sparkVersion } : {}),
    ...(spec.image ? { image: spec.image } : {}),
    state,
    ...(reason ? { reason } : {}),
    server: { ...server, service },
    executors: { ...(status.executors ?? {}) },
    connection: sparkConnection(namespace, name, service, settings),
    size: {
      server: sizeOf(spec.server),
      executor: {
        ...sizeOf(spec.executor),
        instances: Number(spec.executor?.instances ?? 0),
      },
      ...dynamicAllocationOf(spec),
    },
  };
}

/** The suite's generic state of a Spark application (what the overview's counts read). */
export function sparkApplicationStatus(
  application: Record<string, any>,
): WorkloadStatus {
  const state = (application.status?.applicationState?.state ||
    'NEW') as SparkApplicationState;
  const reason: string | undefined =
    application.status?.applicationState?.errorMessage || undefined;
  if (state === 'FAILED' || state === 'SUBMISSION_FAILED') {
    return { state: 'Failed', reason };
  }
  if (state === 'COMPLETED') {
    return { state: 'Stopped', reason: 'completed' };
  }
  if (RUNNING_STATES.includes(state)) {
    return { state: 'Running' };
  }
  if (state === 'SUSPENDED') {
    return { state: 'Stopped', reason: 'suspended' };
  }
  return { state: 'Starting', reason };
}

/** The suite's generic state of a schedule. */
export function sparkScheduleStatus(
  scheduled: Record<string, any>,
): WorkloadStatus {
  if (scheduled.spec?.suspend) {
    return { state: 'Stopped', reason: 'suspended' };
  }
  return scheduled.status?.scheduleState === 'FailedValidation'
    ? { state: 'Failed', reason: scheduled.status?.reason }
    : { state: 'Running' };
}

/** The suite's generic state of a cluster. */
export function sparkClusterStatus(
  cluster: Record<string, any>,
): WorkloadStatus {
  const state: string =
    cluster.status?.state ??
    APACHE_STATES[cluster.status?.currentState?.currentStateSummary ?? ''] ??
    'New';
  switch (state) {
    case 'Ready':
      return { state: 'Running' };
    case 'Failed':
      return { state: 'Failed' };
    case 'NotReady':
      return { state: 'Pending' };
    default:
      return { state: 'Starting' };
  }
}
