import { performance } from 'node:perf_hooks';

/** Runs `fn` and measures its wall-clock time with the monotonic clock. */
export async function timed<T>(
  fn: () => Promise<T>,
): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

/** Milliseconds with one decimal, e.g. "12.3". */
export function formatMs(ms: number): string {
  return ms.toFixed(1);
}
