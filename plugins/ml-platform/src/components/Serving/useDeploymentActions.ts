import { useApi } from '@backstage/frontend-plugin-api';
import { useCallback, useRef, useState } from 'react';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import type { ActionOutcome } from '../Notebooks/useNotebookActions';
import type { DeploymentTarget } from './formatServing';
import {
  describeChange,
  describeDeploymentDeletion,
  describeServingFailure,
  type ServingAction,
} from './servingActions';

/**
 * Promote, roll back and delete on a deployment's page, one at a time:
 * `pending` while it runs, then what came of it (a failure in the backend's
 * words) as `outcome`; `onChanged` (a reload) follows every change,
 * `onDeleted` a deletion.
 */
export function useDeploymentActions(
  target: DeploymentTarget,
  callbacks: { onChanged(): void; onDeleted(message: string): void },
) {
  const api = useApi(mlPlatformApiRef);
  const [pending, setPending] = useState<ServingAction>();
  const [outcome, setOutcome] = useState<ActionOutcome>();
  const callbacksRef = useRef(callbacks);
  callbacksRef.current = callbacks;
  const { namespace, name } = target;

  const run = useCallback(
    async (
      action: ServingAction,
      what: string,
      call: () => Promise<string>,
    ) => {
      setPending(action);
      setOutcome(undefined);
      try {
        const message = await call();
        if (action === 'delete') {
          callbacksRef.current.onDeleted(message);
        } else {
          setOutcome({ severity: 'success', message });
          callbacksRef.current.onChanged();
        }
      } catch (error) {
        setOutcome({
          severity: 'error',
          message: describeServingFailure(action, what, error as Error),
        });
      } finally {
        setPending(undefined);
      }
    },
    [],
  );

  const promote = useCallback(
    (predictor: string) =>
      run('promote', predictor, async () =>
        describeChange(
          `Promoted ${predictor}: it takes all the traffic now.`,
          await api.promotePredictor(namespace, name, predictor),
        ),
      ),
    [api, run, namespace, name],
  );

  const rollback = useCallback(
    (main: string) =>
      run('rollback', `deployment ${name}`, async () =>
        describeChange(
          `Rolled back to ${main}: it takes all the traffic again.`,
          await api.rollbackDeployment(namespace, name),
        ),
      ),
    [api, run, namespace, name],
  );

  const remove = useCallback(
    () =>
      run('delete', `deployment ${name}`, async () =>
        describeDeploymentDeletion(
          name,
          await api.deleteDeployment(namespace, name),
        ),
      ),
    [api, run, namespace, name],
  );

  /** Shows what a dialog (Add canary, Set traffic) did, and reloads. */
  const changed = useCallback((message: string) => {
    setOutcome({ severity: 'success', message });
    callbacksRef.current.onChanged();
  }, []);

  const dismissOutcome = useCallback(() => setOutcome(undefined), []);

  return {
    pending,
    outcome,
    dismissOutcome,
    promote,
    rollback,
    remove,
    changed,
  };
}
