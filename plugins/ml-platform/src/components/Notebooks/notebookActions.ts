import type {
  NotebookSummary,
  WorkloadDeletion,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { describeOverviewError } from '../TeamResourceOverview/describeOverviewError';

/** What a user can do to a notebook from the table. */
export type NotebookAction = 'stop' | 'start' | 'delete';

/** A notebook's identity across namespaces. */
export function notebookId(notebook: NotebookSummary): string {
  return `${notebook.namespace}/${notebook.name}`;
}

/** Why an action failed, with the backend's own explanation. */
export function describeActionFailure(
  action: NotebookAction,
  notebook: NotebookSummary,
  error: Error,
): string {
  const { message } = describeOverviewError(error);
  return `Could not ${action} notebook ${notebook.name}: ${message}`;
}

/** What a deletion removed and, above all, what it kept (the workspace). */
export function describeDeletion(
  notebook: NotebookSummary,
  deletion: WorkloadDeletion,
): string {
  const sentences = [`Deleted notebook ${notebook.name}.`];
  if (deletion.kept.length > 0) {
    sentences.push(`Kept ${deletion.kept.join(', ')}.`);
  }
  sentences.push(...deletion.notes);
  return sentences.join(' ');
}
