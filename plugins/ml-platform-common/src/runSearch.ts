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
  /** Points read of one metric's history (MLflow pages of 25,000). */
  metricHistoryPoints: 100_000,
  /** Experiments listed for one team. */
  teamExperiments: 5_000,
} as const;

/**
 * A sort clause MLflow accepts: `metrics.|params.|tags.|attributes.` then a
 * key (plain or in backticks), then ASC or DESC.
 */
const ORDER_BY_CLAUSE =
  /^(metrics|params|tags|attributes)\.(`[^`]+`|[\w.\-/: ]*[\w.\-/:])(\s+(ASC|DESC))?$/i;

/**
 * The largest integer MLflow's SQL stores hold. A larger experiment id, or
 * number compared with a run attribute (`attributes.start_time`), makes MLflow
 * fail (HTTP 500) instead of refusing the search.
 */
const MAX_INT64 = 2n ** 63n - 1n;

/** An id that Python's int() reads as a whole number (MLflow parses ids so). */
const INTEGER_ID = /^-?\d+(?:_\d+)*$/;

function beyondInt64(integer: string): boolean {
  const value = BigInt(integer.replaceAll('_', ''));
  return value > MAX_INT64 || value < -MAX_INT64 - 1n;
}

/** The whole numbers of a filter outside its quoted strings and names. */
function filterIntegers(filter: string): string[] {
  const unquoted = filter.replace(/'[^']*'|"[^"]*"|`[^`]*`/g, ' ');
  return [...unquoted.matchAll(/(?:^|[^\w.])(\d+)(?![\w.])/g)].map(
    match => match[1],
  );
}

/** MLflow's page tokens are base64 text; other characters make it fail (HTTP 500). */
const PAGE_TOKEN = /^[\x21-\x7e]*$/;

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
    } else if (INTEGER_ID.test(id) && beyondInt64(id)) {
      issues.push({
        field: `experimentIds[${index}]`,
        reason: `"${id}" is larger than any MLflow experiment id`,
      });
    }
  });
  if ((request.filter ?? '').length > RUN_SEARCH_LIMITS.filterLength) {
    issues.push({
      field: 'filter',
      reason: `is longer than ${RUN_SEARCH_LIMITS.filterLength} characters`,
    });
  }
  const tooLarge = filterIntegers(request.filter ?? '').find(beyondInt64);
  if (tooLarge) {
    issues.push({
      field: 'filter',
      reason: `compares with ${tooLarge}, larger than MLflow can store (at most ${MAX_INT64})`,
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
  if (request.pageToken && !PAGE_TOKEN.test(request.pageToken)) {
    issues.push({
      field: 'pageToken',
      reason:
        'is not a page token MLflow gave: it has characters other than printable ASCII',
    });
  }
  return issues;
}
