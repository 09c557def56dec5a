import type {
  SparkClusterSummary,
  SparkJobSummary,
  SparkScheduleSummary,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import type { SparkWorkloadKind } from '../../api/MlPlatformClient';
import { formatTimestamp } from '../Mlflow/formatValue';
import {
  formatRelativeTime,
  formatTimeUntil,
} from '../TeamResourceOverview/formatRelativeTime';
import {
  formatExecutors,
  formatJobDuration,
  scheduleHistory,
  type ScheduleHistory,
} from './formatSpark';
import { type SparkAction, sparkId } from './sparkActions';

/** The action running on each workload, by {@link sparkId}. */
export type PendingSparkActions = Record<string, SparkAction>;

type RowBase = { id: string; pendingAction?: SparkAction };

export type SparkJobRow = SparkJobSummary &
  RowBase & {
    submitted?: string;
    ended?: string;
    duration?: string;
    executorStates?: string;
  };

export type SparkScheduleRow = SparkScheduleSummary &
  RowBase & {
    lastRunAgo?: string;
    nextRunIn?: string;
    /** The next run as the browser's local date and time. */
    nextRunAt?: string;
    runs: ScheduleHistory;
  };

export type SparkClusterRow = SparkClusterSummary &
  RowBase & {
    age?: string;
    executorStates?: string;
  };

function base(
  kind: SparkWorkloadKind,
  target: { namespace: string; name: string },
  pending: PendingSparkActions,
): RowBase {
  const id = sparkId(kind, target);
  return { id, pendingAction: pending[id] };
}

export function toJobRows(
  jobs: SparkJobSummary[],
  pending: PendingSparkActions,
  now: number,
): SparkJobRow[] {
  return jobs.map(job => ({
    ...job,
    ...base('jobs', job, pending),
    submitted: formatRelativeTime(job.submittedAt, now),
    ended: formatRelativeTime(job.endedAt, now),
    duration: formatJobDuration(job, now),
    executorStates: formatExecutors(job.executors),
  }));
}

export function toScheduleRows(
  schedules: SparkScheduleSummary[],
  pending: PendingSparkActions,
  now: number,
): SparkScheduleRow[] {
  return schedules.map(schedule => ({
    ...schedule,
    ...base('schedules', schedule, pending),
    lastRunAgo: formatRelativeTime(schedule.lastRun, now),
    // A suspended schedule makes no run, whatever its status still says.
    nextRunIn: schedule.suspended
      ? undefined
      : formatTimeUntil(schedule.nextRun, now),
    nextRunAt: schedule.suspended
      ? undefined
      : formatTimestamp(schedule.nextRun),
    runs: scheduleHistory(schedule.history),
  }));
}

export function toClusterRows(
  clusters: SparkClusterSummary[],
  pending: PendingSparkActions,
  now: number,
): SparkClusterRow[] {
  return clusters.map(cluster => ({
    ...cluster,
    ...base('clusters', cluster, pending),
    age: formatRelativeTime(cluster.createdAt, now),
    executorStates: formatExecutors(cluster.executors),
  }));
}
