import type { RunSearchRequest } from './mlflow';
import type { ValidationIssue } from './validation';

/** Limits of a run search. @public */
export const RUN_SEARCH_LIMITS = {
  experiments: 20,
  orderBy: 5,
  maxResults: 1000,
  defaultMaxResults: 100,
  filterLength: 2000,
  metricHistoryKeys: 10,
} as const;

/**
 * A sort clause MLflow accepts: `metrics.|params.|tags.|attributes.` then a
 * key (plain or in backticks), then ASC or DESC.
 */
const ORDER_BY_CLAUSE =
  /^(metrics|params|tags|attributes)\.(`[^`]+`|[\w.\-/: ]*[\w.\-/:])(\s+(ASC|DESC))?$/i;

/** Pure: the problems of a run search, each naming its field. @public */
export function validateRunSearchRequest(
  request: RunSearchRequest,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const ids = request.experimentIds ?? [];
  if (ids.length === 0) {
    issues.push({ field: 'experimentIds', reason: 'must name an experiment' });
  } else if (ids.length > RUN_SEARCH_LIMITS.experiments) {
    issues.push({
      field: 'experimentIds',
      reason: `may name at most ${RUN_SEARCH_LIMITS.experiments} experiments, not ${ids.length}`,
    });
  }
  ids.forEach((id, index) => {
    if (!/^[\w-]{1,64}$/.test(id)) {
      issues.push({
        field: `experimentIds[${index}]`,
        reason: `"${id}" is not an MLflow experiment id`,
      });
    }
  });
  if ((request.filter ?? '').length > RUN_SEARCH_LIMITS.filterLength) {
    issues.push({
      field: 'filter',
      reason: `is longer than ${RUN_SEARCH_LIMITS.filterLength} characters`,
    });
  }
  const orderBy = request.orderBy ?? [];
  if (orderBy.length > RUN_SEARCH_LIMITS.orderBy) {
    issues.push({
      field: 'orderBy',
      reason: `may have at most ${RUN_SEARCH_LIMITS.orderBy} clauses`,
    });
  }
  orderBy.forEach((clause, index) => {
    if (!ORDER_BY_CLAUSE.test(clause.trim())) {
      issues.push({
        field: `orderBy[${index}]`,
        reason: `"${clause}" is not a sort clause like "metrics.accuracy DESC" (metrics., params., tags. or attributes., then a key, then ASC or DESC)`,
      });
    }
  });
  const max = request.maxResults;
  if (
    max !== undefined &&
    (!Number.isInteger(max) || max < 1 || max > RUN_SEARCH_LIMITS.maxResults)
  ) {
    issues.push({
      field: 'maxResults',
      reason: `must be a whole number from 1 to ${RUN_SEARCH_LIMITS.maxResults}`,
    });
  }
  return issues;
}
