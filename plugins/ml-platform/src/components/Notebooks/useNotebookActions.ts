import { useApi } from '@backstage/frontend-plugin-api';
import type { NotebookSummary } from '@ml-platform/backstage-plugin-ml-platform-common';
import { useCallback, useRef, useState } from 'react';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import {
  describeActionFailure,
  describeDeletion,
  type NotebookAction,
  notebookId,
} from './notebookActions';

/** What the last action came to, when there is something to say. */
export type ActionOutcome = {
  severity: 'success' | 'error';
  message: string;
};

/**
 * Stop, start and delete, each marked pending on its notebook while it runs;
 * `onChanged` (a reload of the list) follows every success.
 */
export function useNotebookActions(onChanged: () => void) {
  const api = useApi(mlPlatformApiRef);
  const [pending, setPending] = useState<Record<string, NotebookAction>>({});
  const [outcome, setOutcome] = useState<ActionOutcome>();
  // The reload function changes with the list's loading state; the actions
  // should not have to.
  const onChangedRef = useRef(onChanged);
  onChangedRef.current = onChanged;

  const run = useCallback(
    async (
      action: NotebookAction,
      notebook: NotebookSummary,
      call: () => Promise<string | undefined>,
    ) => {
      const id = notebookId(notebook);
      setPending(current => ({ ...current, [id]: action }));
      setOutcome(undefined);
      try {
        const message = await call();
        if (message) {
          setOutcome({ severity: 'success', message });
        }
        onChangedRef.current();
      } catch (error) {
        setOutcome({
          severity: 'error',
          message: describeActionFailure(action, notebook, error as Error),
        });
      } finally {
        setPending(current => {
          const rest = { ...current };
          delete rest[id];
          return rest;
        });
      }
    },
    [],
  );

  const stop = useCallback(
    (notebook: NotebookSummary) =>
      run('stop', notebook, async () => {
        await api.stopNotebook(notebook.namespace, notebook.name);
        return undefined;
      }),
    [api, run],
  );

  const start = useCallback(
    (notebook: NotebookSummary) =>
      run('start', notebook, async () => {
        await api.startNotebook(notebook.namespace, notebook.name);
        return undefined;
      }),
    [api, run],
  );

  const remove = useCallback(
    (notebook: NotebookSummary, deleteWorkspace: boolean) =>
      run('delete', notebook, async () =>
        describeDeletion(
          notebook,
          await api.deleteNotebook(notebook.namespace, notebook.name, {
            deleteWorkspace,
          }),
        ),
      ),
    [api, run],
  );

  const dismissOutcome = useCallback(() => setOutcome(undefined), []);

  return { pending, outcome, dismissOutcome, stop, start, remove };
}
