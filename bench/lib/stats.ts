/** Summary statistics of a benchmark's samples (milliseconds). */
export type Summary = {
  n: number;
  min: number;
  median: number;
  p90: number;
  max: number;
  mean: number;
};

function sortedCopy(values: readonly number[]): number[] {
  if (values.length === 0) {
    throw new Error('no samples');
  }
  return [...values].sort((a, b) => a - b);
}

/**
 * The nearest-rank percentile (0 < p <= 100): the smallest sample with at
 * least p% of the samples at or below it. Always one of the samples.
 */
export function percentile(values: readonly number[], p: number): number {
  const sorted = sortedCopy(values);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** The middle sample, or the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number {
  const sorted = sortedCopy(values);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[mid]
    : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = sortedCopy(values);
  return {
    n: sorted.length,
    min: sorted[0],
    median: median(sorted),
    p90: percentile(sorted, 90),
    max: sorted[sorted.length - 1],
    mean: sorted.reduce((sum, v) => sum + v, 0) / sorted.length,
  };
}

/** `a / b` with two decimals, e.g. "0.84". */
export function formatRatio(a: number, b: number): string {
  return b > 0 ? (a / b).toFixed(2) : 'n/a';
}
