import {
  SPARK_FINISHED_STATES,
  type SparkJobDetail,
  type SparkJobSummary,
  type SparkPodInfo,
  type SparkPodSize,
  type SparkScheduleRun,
  type SparkTimelineEntry,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { formatDuration } from '../Mlflow/formatValue';
import { creatorName } from '../Notebooks/formatNotebook';
import { millis } from '../Notebooks/notebookRows';

/** Executor states in the order they are told: what runs first, what failed last. */
const EXECUTOR_STATE_ORDER = ['RUNNING', 'PENDING', 'COMPLETED', 'FAILED'];

function executorRank(state: string): number {
  const index = EXECUTOR_STATE_ORDER.indexOf(state);
  return index < 0 ? EXECUTOR_STATE_ORDER.length : index;
}

/**
 * Executors by state, e.g. "2 running · 1 failed"; undefined when there is
 * none. States the suite does not know are told in lower case too.
 */
export function formatExecutors(
  executors: Record<string, number>,
): string | undefined {
  const parts = Object.entries(executors)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => executorRank(a) - executorRank(b) || a.localeCompare(b))
    .map(
      ([state, count]) =>
        `${count} ${state.toLocaleLowerCase('en-US').replace(/_/g, ' ')}`,
    );
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** Cores and JVM memory, e.g. "1 CPU · 2g". */
export function formatPodSize(size: SparkPodSize): string {
  return `${size.cores} CPU · ${size.memory}`;
}

/**
 * The executors asked for: "2 × 1 CPU · 2g", or the range of dynamic
 * allocation, "1–6 × 1 CPU · 2g (dynamic)".
 */
export function formatExecutorRequest(size: {
  executor: SparkPodSize & { instances: number };
  dynamicAllocation?: { minExecutors: number; maxExecutors: number };
}): string {
  const each = formatPodSize(size.executor);
  const dynamic = size.dynamicAllocation;
  return dynamic
    ? `${dynamic.minExecutors}–${dynamic.maxExecutors} × ${each} (dynamic)`
    : `${size.executor.instances} × ${each}`;
}

const count = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

/** How often the operator submitted and ran the job, e.g. "2 runs · 1 submission". */
export function formatAttempts(
  job: Pick<SparkJobSummary, 'executionAttempts' | 'submissionAttempts'>,
): string {
  return `${count(job.executionAttempts, 'run', 'runs')} · ${count(
    job.submissionAttempts,
    'submission',
    'submissions',
  )}`;
}

/**
 * How long the job ran: from its submission to its end, or until now while
 * it has not finished; undefined before it is submitted (or when a finished
 * job does not say when it ended).
 */
export function jobDurationMs(
  job: Pick<SparkJobSummary, 'state' | 'submittedAt' | 'endedAt'>,
  now: number,
): number | undefined {
  const start = millis(job.submittedAt);
  if (!start) {
    return undefined;
  }
  const end = job.endedAt ? millis(job.endedAt) : undefined;
  if (end) {
    return Math.max(0, end - start);
  }
  return SPARK_FINISHED_STATES.includes(job.state)
    ? undefined
    : Math.max(0, now - start);
}

/** The job's duration in words, e.g. "3 min 20 s"; undefined when unknown. */
export function formatJobDuration(
  job: Pick<SparkJobSummary, 'state' | 'submittedAt' | 'endedAt'>,
  now: number,
): string | undefined {
  return formatDuration(jobDurationMs(job, now));
}

/** A pod's phase, and where it runs, e.g. "Running on kwok-node-1". */
export function formatPod(pod: SparkPodInfo | undefined): string | undefined {
  if (!pod) {
    return undefined;
  }
  return pod.node ? `${pod.phase} on ${pod.node}` : pod.phase;
}

/** The schedule's time zone in words: the operator's default when none is set. */
export function formatTimeZone(timeZone: string | undefined): string {
  if (!timeZone || timeZone === 'Local') {
    return "the operator's local time";
  }
  return timeZone;
}

/** A schedule's kept runs, by outcome, newest first. */
export type ScheduleHistory = {
  succeeded: string[];
  failed: string[];
  running: string[];
};

export function scheduleHistory(runs: SparkScheduleRun[]): ScheduleHistory {
  const names = (outcome: SparkScheduleRun['outcome']) =>
    runs.filter(run => run.outcome === outcome).map(run => run.name);
  return {
    succeeded: names('Succeeded'),
    failed: names('Failed'),
    running: names('Running'),
  };
}

/** "OnFailure, 1 retry", "Never". */
export function formatRestartPolicy(
  policy: SparkJobDetail['restartPolicy'],
): string {
  if (policy.retries === undefined || policy.type === 'Never') {
    return policy.type;
  }
  return `${policy.type}, ${count(policy.retries, 'retry', 'retries')}`;
}

/** When the operator deletes a finished job, e.g. "1 day after it ends". */
export function formatTimeToLive(seconds: number | undefined): string {
  if (seconds === undefined) {
    return 'Kept until deleted';
  }
  const days = seconds / 86400;
  if (Number.isInteger(days) && days >= 1) {
    return `Deleted ${count(days, 'day', 'days')} after it ends`;
  }
  return `Deleted ${formatDuration(seconds * 1000)} after it ends`;
}

/** The job's timeline, oldest first (newest last), as a stable sort by time. */
export function sortTimeline(
  timeline: SparkTimelineEntry[],
): SparkTimelineEntry[] {
  return timeline
    .map((entry, index) => ({ entry, index }))
    .sort(
      (a, b) =>
        millis(a.entry.time) - millis(b.entry.time) || a.index - b.index,
    )
    .map(({ entry }) => entry);
}

/** What the job runs: the main class of a JVM job, else its application file. */
export function formatMain(
  job: Pick<SparkJobSummary, 'mainApplicationFile' | 'mainClass'>,
): string | undefined {
  if (job.mainClass && job.mainApplicationFile) {
    return `${job.mainClass} in ${job.mainApplicationFile}`;
  }
  return job.mainClass ?? job.mainApplicationFile;
}

/** Where a job comes from: a schedule, a re-run, or who made it. */
export function jobOrigin(
  job: Pick<SparkJobSummary, 'schedule' | 'rerunOf' | 'createdBy'>,
): string | undefined {
  if (job.schedule) {
    return `run of schedule ${job.schedule}`;
  }
  if (job.rerunOf) {
    return `re-run of ${job.rerunOf}`;
  }
  return job.createdBy ? `by ${creatorName(job.createdBy)}` : undefined;
}
