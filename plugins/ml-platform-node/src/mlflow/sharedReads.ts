import { ReadCache } from '../readCache';
import type { MlflowClient } from './MlflowClient';

/** Topic of the event published after the portal wrote to MLflow. @public */
export const MLFLOW_WRITTEN_TOPIC = 'ml-platform.mlflow-written';

/** The MLflow reads of {@link MlflowReader}. @public */
export type MlflowReads = Pick<
  MlflowClient,
  | 'getExperiment'
  | 'getExperimentByName'
  | 'getRun'
  | 'getRegisteredModel'
  | 'getModelVersion'
  | 'searchExperiments'
  | 'searchRuns'
  | 'searchModelVersions'
  | 'getMetricHistory'
>;

/** Answers kept; the run searches of a busy portal are the most numerous. */
const MAX_ANSWERS = 2_000;

/**
 * `client`'s reads, their answers shared between requests for `freshMs`
 * (see {@link ReadCache}); MLflow answers the backend alike whoever asks,
 * and MlflowReader decides per request what the user may see of an answer.
 * Metric histories are not kept: they are large and read once per chart.
 * `forgetAll` drops every answer, after the portal's own writes.
 */
export function sharedMlflowReads(
  client: MlflowClient,
  options: { freshMs: number; now?: () => number },
): MlflowReads & { forgetAll(): void } {
  const cache = new ReadCache<unknown>({
    freshMs: options.freshMs,
    maxEntries: MAX_ANSWERS,
    now: options.now,
  });
  const shared =
    <A extends unknown[], R>(name: string, read: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      cache.read(JSON.stringify([name, args]), () =>
        read(...args),
      ) as Promise<R>;
  return {
    getExperiment: shared('getExperiment', id => client.getExperiment(id)),
    getExperimentByName: shared('getExperimentByName', name =>
      client.getExperimentByName(name),
    ),
    getRun: shared('getRun', id => client.getRun(id)),
    getRegisteredModel: shared('getRegisteredModel', name =>
      client.getRegisteredModel(name),
    ),
    getModelVersion: shared(
      'getModelVersion',
      (name: string, version: string) => client.getModelVersion(name, version),
    ),
    searchExperiments: shared('searchExperiments', search =>
      client.searchExperiments(search),
    ),
    searchRuns: shared('searchRuns', search => client.searchRuns(search)),
    searchModelVersions: shared('searchModelVersions', search =>
      client.searchModelVersions(search),
    ),
    getMetricHistory: (...args) => client.getMetricHistory(...args),
    forgetAll: () => cache.forgetAll(),
  };
}
