/**
 * The runs table's sortable columns and MLflow's `order_by` clauses. Column
 * ids say what a column shows: `metric:<key>`, `param:<key>` or
 * `attr:<attribute>` (start_time, end_time, run_name, status).
 */

export type SortDirection = 'ascending' | 'descending';

export type RunSort = { column: string; direction: SortDirection };

export const START_TIME_COLUMN = 'attr:start_time';
export const RUN_NAME_COLUMN = 'attr:run_name';
export const STATUS_COLUMN = 'attr:status';

/** The runs table's order until the user clicks a header: newest first. */
export const DEFAULT_RUN_SORT: RunSort = {
  column: START_TIME_COLUMN,
  direction: 'descending',
};

export function metricColumnId(key: string): string {
  return `metric:${key}`;
}

export function paramColumnId(key: string): string {
  return `param:${key}`;
}

const ORDERABLE_ATTRIBUTES = new Set([
  'start_time',
  'end_time',
  'run_name',
  'status',
]);

/**
 * A metric or param key as MLflow's search syntax wants it: bare when it is
 * an identifier, else in backticks (`metrics.\`val loss\``).
 */
export function quoteKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : `\`${key}\``;
}

/**
 * The `orderBy` of a run search for the table's sort, e.g.
 * `["metrics.val_accuracy DESC"]`; empty for a column MLflow cannot order by.
 */
export function toOrderBy(sort: RunSort | undefined | null): string[] {
  if (!sort) {
    return [];
  }
  const separator = sort.column.indexOf(':');
  if (separator < 0) {
    return [];
  }
  const kind = sort.column.slice(0, separator);
  const key = sort.column.slice(separator + 1);
  const direction = sort.direction === 'ascending' ? 'ASC' : 'DESC';
  if (!key) {
    return [];
  }
  switch (kind) {
    case 'metric':
      return [`metrics.${quoteKey(key)} ${direction}`];
    case 'param':
      return [`params.${quoteKey(key)} ${direction}`];
    case 'attr':
      return ORDERABLE_ATTRIBUTES.has(key)
        ? [`attributes.${key} ${direction}`]
        : [];
    default:
      return [];
  }
}
