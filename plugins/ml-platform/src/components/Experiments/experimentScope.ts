import {
  type ExperimentSummary,
  RUN_SEARCH_LIMITS,
} from '@ml-platform/backstage-plugin-ml-platform-common';

/** A run search covers at most this many experiments. */
export const MAX_EXPERIMENTS_PER_SEARCH = RUN_SEARCH_LIMITS.experiments;

/**
 * The experiments whose runs are shown at first: the active ones (all, when
 * none is active), most recently updated first, as many as one search takes.
 */
export function initialScope(experiments: ExperimentSummary[]): string[] {
  const active = experiments.filter(e => e.lifecycleStage === 'active');
  return (active.length > 0 ? active : experiments)
    .slice()
    .sort(
      (a, b) =>
        (Date.parse(b.updatedAt ?? '') || 0) -
        (Date.parse(a.updatedAt ?? '') || 0),
    )
    .slice(0, MAX_EXPERIMENTS_PER_SEARCH)
    .map(e => e.id);
}

/**
 * Adds an experiment to the scope or takes it out; adding beyond the limit
 * leaves the scope as it is.
 */
export function toggleScope(
  scope: string[],
  experimentId: string,
  on: boolean,
): string[] {
  if (!on) {
    return scope.filter(id => id !== experimentId);
  }
  if (
    scope.includes(experimentId) ||
    scope.length >= MAX_EXPERIMENTS_PER_SEARCH
  ) {
    return scope;
  }
  return [...scope, experimentId];
}
