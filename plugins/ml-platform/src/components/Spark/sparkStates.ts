import {
  SPARK_FINISHED_STATES,
  type SparkApplicationState,
  type SparkClusterState,
  type SparkList,
  type SparkScheduleState,
} from '@ml-platform/backstage-plugin-ml-platform-common';

/** The colour of a state: which of core-components' Status* shows it. */
export type StatusTone =
  | 'ok'
  | 'running'
  | 'pending'
  | 'warning'
  | 'error'
  | 'aborted';

/** A state in words, with its colour. */
export type StateDisplay = { label: string; tone: StatusTone };

/** Job states in the order a table sorts them: what needs a look first. */
const JOB_STATES: Record<SparkApplicationState, StateDisplay> = {
  FAILED: { label: 'Failed', tone: 'error' },
  SUBMISSION_FAILED: { label: 'Submission failed', tone: 'error' },
  FAILING: { label: 'Failing', tone: 'error' },
  PENDING_RERUN: { label: 'Pending re-run', tone: 'warning' },
  UNKNOWN: { label: 'Unknown', tone: 'warning' },
  RUNNING: { label: 'Running', tone: 'running' },
  SUBMITTED: { label: 'Submitted', tone: 'running' },
  SUCCEEDING: { label: 'Succeeding', tone: 'running' },
  NEW: { label: 'New', tone: 'pending' },
  INVALIDATING: { label: 'Invalidating', tone: 'pending' },
  RESUMING: { label: 'Resuming', tone: 'pending' },
  SUSPENDING: { label: 'Suspending', tone: 'pending' },
  SUSPENDED: { label: 'Suspended', tone: 'aborted' },
  COMPLETED: { label: 'Completed', tone: 'ok' },
};

const JOB_STATE_ORDER = Object.keys(JOB_STATES);

const CLUSTER_STATES: Record<SparkClusterState, StateDisplay> = {
  Failed: { label: 'Failed', tone: 'error' },
  NotReady: { label: 'Not ready', tone: 'warning' },
  Provisioning: { label: 'Provisioning', tone: 'pending' },
  New: { label: 'New', tone: 'pending' },
  Ready: { label: 'Ready', tone: 'ok' },
};

const SCHEDULE_STATES: Record<SparkScheduleState, StateDisplay> = {
  FailedValidation: { label: 'Failed validation', tone: 'error' },
  New: { label: 'New', tone: 'pending' },
  Validating: { label: 'Validating', tone: 'pending' },
  Scheduled: { label: 'Scheduled', tone: 'ok' },
  Suspended: { label: 'Suspended', tone: 'aborted' },
};

/** A job's state in words; an unknown state is shown as the operator says it. */
export function jobStateDisplay(state: SparkApplicationState): StateDisplay {
  return JOB_STATES[state] ?? { label: String(state), tone: 'warning' };
}

export function clusterStateDisplay(state: SparkClusterState): StateDisplay {
  return CLUSTER_STATES[state] ?? { label: String(state), tone: 'warning' };
}

export function scheduleStateDisplay(state: SparkScheduleState): StateDisplay {
  return SCHEDULE_STATES[state] ?? { label: String(state), tone: 'warning' };
}

/** Sorts job states: failed ones first, completed ones last. */
export function compareJobStates(
  a: SparkApplicationState,
  b: SparkApplicationState,
): number {
  const rank = (state: SparkApplicationState) => {
    const index = JOB_STATE_ORDER.indexOf(state);
    return index < 0 ? JOB_STATE_ORDER.length : index;
  };
  return rank(a) - rank(b);
}

/** Only a finished job can run again (the re-run is a new application). */
export function canRerun(state: SparkApplicationState): boolean {
  return SPARK_FINISHED_STATES.includes(state);
}

export type LabelCount = { label: string; count: number };

/** How many of the items are in each state, in the order first seen; none of zero. */
function countLabels(labels: string[]): LabelCount[] {
  const counts = new Map<string, number>();
  for (const label of labels) {
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, count]) => ({ label, count }));
}

function byOrder<T extends string>(order: readonly T[]) {
  return (a: T, b: T) => order.indexOf(a) - order.indexOf(b);
}

/** One line of the summary: a kind of workload, how many, and in which states. */
export type SparkSummaryLine = {
  /** "clusters", "jobs", "schedules" (singular for one). */
  noun: string;
  total: number;
  states: LabelCount[];
};

const plural = (count: number, one: string, many: string) =>
  count === 1 ? one : many;

/** The counts of the summary line, each kind's states in their sort order. */
export function summarizeSpark(list: SparkList): SparkSummaryLine[] {
  const clusterOrder = Object.keys(CLUSTER_STATES) as SparkClusterState[];
  const scheduleOrder = Object.keys(SCHEDULE_STATES) as SparkScheduleState[];
  return [
    {
      noun: plural(list.clusters.length, 'cluster', 'clusters'),
      total: list.clusters.length,
      states: countLabels(
        list.clusters
          .map(cluster => cluster.state)
          .sort(byOrder(clusterOrder))
          .map(state => clusterStateDisplay(state).label),
      ),
    },
    {
      noun: plural(list.jobs.length, 'job', 'jobs'),
      total: list.jobs.length,
      states: countLabels(
        list.jobs
          .map(job => job.state)
          .sort(compareJobStates)
          .map(state => jobStateDisplay(state).label),
      ),
    },
    {
      noun: plural(list.schedules.length, 'schedule', 'schedules'),
      total: list.schedules.length,
      states: countLabels(
        list.schedules
          .map(schedule => schedule.state)
          .sort(byOrder(scheduleOrder))
          .map(state => scheduleStateDisplay(state).label),
      ),
    },
  ];
}
