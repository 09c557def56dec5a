import { useApi } from '@backstage/frontend-plugin-api';
import { useCallback, useRef, useState } from 'react';
import {
  mlPlatformApiRef,
  type SparkWorkloadKind,
} from '../../api/MlPlatformClient';
import type { ActionOutcome } from '../Notebooks/useNotebookActions';
import {
  describeRerun,
  describeSparkActionFailure,
  describeSparkDeletion,
  type SparkAction,
  sparkId,
  type SparkTarget,
} from './sparkActions';
import type { PendingSparkActions } from './sparkRows';

/**
 * Re-run, suspend, resume and delete, each marked pending on its workload
 * while it runs; `onChanged` (a reload of the list) follows every success,
 * and what came of it (the re-run's name, a failure in the backend's words)
 * is the outcome shown above the tables, as with the notebooks.
 */
export function useSparkActions(onChanged: () => void) {
  const api = useApi(mlPlatformApiRef);
  const [pending, setPending] = useState<PendingSparkActions>({});
  const [outcome, setOutcome] = useState<ActionOutcome>();
  const onChangedRef = useRef(onChanged);
  onChangedRef.current = onChanged;

  const run = useCallback(
    async (
      action: SparkAction,
      kind: SparkWorkloadKind,
      target: SparkTarget,
      call: () => Promise<string | undefined>,
    ) => {
      const id = sparkId(kind, target);
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
          message: describeSparkActionFailure(
            action,
            kind,
            target,
            error as Error,
          ),
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

  const rerun = useCallback(
    (job: SparkTarget) =>
      run('rerun', 'jobs', job, async () =>
        describeRerun(job, await api.rerunSparkJob(job.namespace, job.name)),
      ),
    [api, run],
  );

  const suspend = useCallback(
    (schedule: SparkTarget) =>
      run('suspend', 'schedules', schedule, async () => {
        await api.suspendSparkSchedule(schedule.namespace, schedule.name);
        return undefined;
      }),
    [api, run],
  );

  const resume = useCallback(
    (schedule: SparkTarget) =>
      run('resume', 'schedules', schedule, async () => {
        await api.resumeSparkSchedule(schedule.namespace, schedule.name);
        return undefined;
      }),
    [api, run],
  );

  const remove = useCallback(
    (kind: SparkWorkloadKind, target: SparkTarget) =>
      run('delete', kind, target, async () =>
        describeSparkDeletion(
          kind,
          target,
          await api.deleteSparkWorkload(target.namespace, kind, target.name),
        ),
      ),
    [api, run],
  );

  const dismissOutcome = useCallback(() => setOutcome(undefined), []);

  return { pending, outcome, dismissOutcome, rerun, suspend, resume, remove };
}
