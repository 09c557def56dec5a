import type {
  WorkloadDeletion,
  WorkloadResult,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import type { SparkWorkloadKind } from '../../api/MlPlatformClient';
import { describeOverviewError } from '../TeamResourceOverview/describeOverviewError';

/** What a user can do to a Spark workload from the tables. */
export type SparkAction = 'rerun' | 'suspend' | 'resume' | 'delete';

/** A job, schedule or cluster: enough to name it and call its route. */
export type SparkTarget = { namespace: string; name: string };

const KIND_WORDS: Record<SparkWorkloadKind, string> = {
  jobs: 'Spark job',
  schedules: 'Spark schedule',
  clusters: 'Spark cluster',
};

const ACTION_WORDS: Record<SparkAction, string> = {
  rerun: 're-run',
  suspend: 'suspend',
  resume: 'resume',
  delete: 'delete',
};

/** A workload's identity across kinds and namespaces. */
export function sparkId(kind: SparkWorkloadKind, target: SparkTarget): string {
  return `${kind}:${target.namespace}/${target.name}`;
}

/** "Spark job alice-etl". */
export function describeTarget(
  kind: SparkWorkloadKind,
  target: SparkTarget,
): string {
  return `${KIND_WORDS[kind]} ${target.name}`;
}

/** Why an action failed, with the backend's own explanation. */
export function describeSparkActionFailure(
  action: SparkAction,
  kind: SparkWorkloadKind,
  target: SparkTarget,
  error: Error,
): string {
  const { message } = describeOverviewError(error);
  return `Could not ${ACTION_WORDS[action]} ${describeTarget(
    kind,
    target,
  )}: ${message}`;
}

/** What a deletion removed, what it kept and what the backend adds. */
export function describeSparkDeletion(
  kind: SparkWorkloadKind,
  target: SparkTarget,
  deletion: WorkloadDeletion,
): string {
  const sentences = [`Deleted ${describeTarget(kind, target)}.`];
  if (deletion.kept.length > 0) {
    sentences.push(`Kept ${deletion.kept.join(', ')}.`);
  }
  sentences.push(...deletion.notes);
  return sentences.join(' ');
}

/** The name of the new job a re-run made, and what the backend adds. */
export function describeRerun(
  job: SparkTarget,
  result: WorkloadResult,
): string {
  return [
    `Started Spark job ${result.name}, a re-run of ${job.name}.`,
    ...result.notes,
  ].join(' ');
}
