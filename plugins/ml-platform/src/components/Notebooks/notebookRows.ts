import type { NotebookSummary } from '@ml-platform/backstage-plugin-ml-platform-common';
import { formatRelativeTime } from '../TeamResourceOverview/formatRelativeTime';
import { type NotebookAction, notebookId } from './notebookActions';

/** A notebook as a table row: with its pending action and its times in words. */
export type NotebookRow = NotebookSummary & {
  id: string;
  pendingAction?: NotebookAction;
  age?: string;
  lastActive?: string;
};

export function toNotebookRows(
  notebooks: NotebookSummary[],
  pending: Record<string, NotebookAction>,
  now: number,
): NotebookRow[] {
  return notebooks.map(notebook => {
    const id = notebookId(notebook);
    return {
      ...notebook,
      id,
      pendingAction: pending[id],
      age: formatRelativeTime(notebook.createdAt, now),
      lastActive: formatRelativeTime(notebook.lastActivity, now),
    };
  });
}

/** A team's list may span its namespaces; then the table says whose each notebook (or other workload) is. */
export function spansSeveralNamespaces(
  workloads: ReadonlyArray<{ namespace: string }>,
): boolean {
  return new Set(workloads.map(workload => workload.namespace)).size > 1;
}

/** Milliseconds of an ISO timestamp, 0 when missing, for sorting. */
export function millis(iso: string | undefined): number {
  return iso ? Date.parse(iso) || 0 : 0;
}
