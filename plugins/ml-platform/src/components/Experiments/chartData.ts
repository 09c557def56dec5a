import {
  type MetricPoint,
  RUN_SEARCH_LIMITS,
  type RunSummary,
} from '@ml-platform/backstage-plugin-ml-platform-common';

type NamedRun = Pick<RunSummary, 'id' | 'name'>;

/**
 * How charts and legends name runs: by name, with the start of the run id
 * when two runs share a name (or a run has none).
 */
export function runLabels(runs: NamedRun[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const run of runs) {
    counts.set(run.name, (counts.get(run.name) ?? 0) + 1);
  }
  return new Map(
    runs.map(run => {
      const shortId = run.id.slice(0, 8);
      if (!run.name) {
        return [run.id, `run ${shortId}`];
      }
      return [
        run.id,
        counts.get(run.name)! > 1 ? `${run.name} (${shortId})` : run.name,
      ];
    }),
  );
}

export type HistoryRow = { step: number } & Record<string, number>;

/**
 * Metric histories of several runs as chart rows, one per step, with each
 * run's value under its id. A run that logged a step twice keeps its latest
 * value.
 */
export function mergeHistories(
  histories: { runId: string; points: MetricPoint[] }[],
): HistoryRow[] {
  const rows = new Map<number, HistoryRow>();
  const latestAt = new Map<string, string>();
  for (const { runId, points } of histories) {
    for (const point of points) {
      if (!Number.isFinite(point.value)) {
        continue;
      }
      const seen = `${runId}@${point.step}`;
      const previous = latestAt.get(seen);
      if (previous !== undefined && previous > point.timestamp) {
        continue;
      }
      latestAt.set(seen, point.timestamp);
      const row = rows.get(point.step) ?? ({ step: point.step } as HistoryRow);
      row[runId] = point.value;
      rows.set(point.step, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.step - b.step);
}

/**
 * Whether a param's values are numbers (so it goes on a numeric axis): every
 * value given parses as a finite number, and there is at least one.
 */
export function isNumericParam(values: (string | undefined)[]): boolean {
  const given = values.filter(
    (v): v is string => v !== undefined && v.trim() !== '',
  );
  return (
    given.length > 0 && given.every(v => Number.isFinite(Number(v.trim())))
  );
}

export type ScatterPoint = {
  runId: string;
  label: string;
  x: number | string;
  y: number;
};

/**
 * One point per run, a param against a metric, and the labels of the runs
 * that lack either. Numeric params become numbers for a numeric axis, other
 * params stay strings for a category axis.
 */
export function paramMetricPoints(
  runs: RunSummary[],
  param: string,
  metric: string,
  labels: Map<string, string> = runLabels(runs),
): { numeric: boolean; points: ScatterPoint[]; missing: string[] } {
  const numeric = isNumericParam(runs.map(r => r.params[param]));
  const points: ScatterPoint[] = [];
  const missing: string[] = [];
  for (const run of runs) {
    const label = labels.get(run.id) ?? run.name;
    const raw = run.params[param];
    const y = run.metrics[metric];
    if (raw === undefined || raw.trim() === '' || !Number.isFinite(y)) {
      missing.push(label);
      continue;
    }
    points.push({ runId: run.id, label, x: numeric ? Number(raw) : raw, y });
  }
  return { numeric, points, missing };
}

/** Every key of some records (metrics or params of runs), sorted. */
export function unionKeys(records: Record<string, unknown>[]): string[] {
  return [...new Set(records.flatMap(r => Object.keys(r)))].sort((a, b) =>
    a.localeCompare(b),
  );
}

/**
 * The key a comparison starts with: the first preferred one (the table's
 * columns) that every run has, else the first every run has, else the first.
 */
export function defaultComparisonKey(
  records: Record<string, unknown>[],
  preferred: string[],
): string | undefined {
  const all = unionKeys(records);
  const inEvery = (key: string) => records.every(r => r[key] !== undefined);
  return (
    preferred.find(key => all.includes(key) && inEvery(key)) ??
    all.find(inEvery) ??
    all[0]
  );
}

/**
 * The metrics whose histories are fetched when runs are compared: the
 * preferred ones (the table's columns) first, then the others every run has,
 * at most `max` (by default as many as one history request may ask for).
 */
export function historyCandidates(
  metrics: Record<string, unknown>[],
  preferred: string[],
  max: number = RUN_SEARCH_LIMITS.metricHistoryKeys,
): string[] {
  const common = unionKeys(metrics).filter(key =>
    metrics.every(m => m[key] !== undefined),
  );
  const ordered = [
    ...preferred.filter(key => common.includes(key)),
    ...common.filter(key => !preferred.includes(key)),
  ];
  return ordered.slice(0, max);
}

/**
 * The metric the history chart starts with: the first candidate some run
 * logged at two steps or more (a curve rather than a single final value),
 * else the first with any point, else the first candidate.
 */
export function pickHistoryMetric(
  candidates: string[],
  histories: Record<string, MetricPoint[]>[],
): string | undefined {
  const longest = (key: string) =>
    Math.max(0, ...histories.map(h => h[key]?.length ?? 0));
  return (
    candidates.find(key => longest(key) >= 2) ??
    candidates.find(key => longest(key) >= 1) ??
    candidates[0]
  );
}

/**
 * The keys of one history request: the candidates, and the metric the user
 * chose when it is not among them, within the request's limit.
 */
export function historyKeys(
  candidates: string[],
  chosen: string | undefined,
  max: number = RUN_SEARCH_LIMITS.metricHistoryKeys,
): string[] {
  if (!chosen || candidates.includes(chosen)) {
    return candidates.slice(0, max);
  }
  return [...candidates.slice(0, max - 1), chosen];
}
