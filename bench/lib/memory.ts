import { setTimeout as sleep } from 'node:timers/promises';

export type MemorySample = {
  rssBytes: number;
  heapUsedBytes: number;
  /** Whether a full GC ran first (`node --expose-gc`); without it heap used includes garbage. */
  forcedGc: boolean;
};

/**
 * This process's memory (`process.memoryUsage()`: RSS of the whole process,
 * heap used of the main thread's V8 heap), after a full GC when Node runs
 * with `--expose-gc`. Waits `settleMs` first, so closed connections and
 * finished requests are released; collects twice, since finalizers run
 * after the first collection may free more.
 */
export async function sampleMemory(settleMs = 1000): Promise<MemorySample> {
  await sleep(settleMs);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    await sleep(0);
    gc();
  }
  const { rss, heapUsed } = process.memoryUsage();
  return { rssBytes: rss, heapUsedBytes: heapUsed, forcedGc: gc !== undefined };
}

/** Bytes as MiB with one decimal, e.g. "212.4". */
export function formatMiB(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
