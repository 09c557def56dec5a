import type { RunSearchResponse } from '@ml-platform/backstage-plugin-ml-platform-common';
import { rankKeys } from '../Mlflow/keyColumns';

export type PickedColumns = { metrics: string[]; params: string[] };

/** How many metric and param columns the runs table starts with. */
export const DEFAULT_COLUMN_COUNT = { metrics: 3, params: 3 };

/**
 * The columns the runs table starts with, from its first page of runs: the
 * metrics and params most runs have and that tell them apart, in key order.
 */
export function defaultRunColumns(
  response: Pick<RunSearchResponse, 'runs'>,
  count = DEFAULT_COLUMN_COUNT,
): PickedColumns {
  const pick = (records: Record<string, unknown>[], max: number) =>
    rankKeys(records, max).sort((a, b) => a.localeCompare(b));
  return {
    metrics: pick(
      response.runs.map(r => r.metrics),
      count.metrics,
    ),
    params: pick(
      response.runs.map(r => r.params),
      count.params,
    ),
  };
}

/**
 * What the column picker offers: the keys of the current page and the
 * columns already picked (a key the current page lacks stays pickable).
 */
export function columnOptions(available: string[], picked: string[]): string[] {
  return [...new Set([...available, ...picked])].sort((a, b) =>
    a.localeCompare(b),
  );
}
