import type { GpuOption } from '@ml-platform/backstage-plugin-ml-platform-common';

/** What the GPU field returns: how many GPUs, of which vendor (none when the cluster has no GPUs). */
export type NotebookGpuValue = { count: number; vendor?: string };

/** The offered vendor a value names, else the first one offered. */
export function chosenGpu(
  gpus: GpuOption[],
  value: Partial<NotebookGpuValue> | undefined,
): GpuOption | undefined {
  return gpus.find(gpu => gpu.vendor === value?.vendor) ?? gpus[0];
}

/**
 * The value the field should hold for the cluster's GPUs: `{ count: 0 }`
 * when no node has any; otherwise an offered vendor and a count from 0 to
 * the most one node of that vendor has.
 */
export function normalizeGpu(
  gpus: GpuOption[],
  value: Partial<NotebookGpuValue> | undefined,
): NotebookGpuValue {
  const gpu = chosenGpu(gpus, value);
  if (!gpu) {
    return { count: 0 };
  }
  const count = Number(value?.count);
  return {
    count: Number.isInteger(count)
      ? Math.min(Math.max(count, 0), gpu.maxPerNode)
      : 0,
    vendor: gpu.vendor,
  };
}

/** The counts one can ask for: 0 to the most one node has. */
export function gpuCounts(maxPerNode: number): number[] {
  return Array.from({ length: Math.max(maxPerNode, 0) + 1 }, (_, i) => i);
}

/** The helper text under the count: the resource and the most one node has. */
export function gpuHelperText(gpu: GpuOption): string {
  return `${gpu.vendor} (${gpu.resourceName}): at most ${gpu.maxPerNode} per node`;
}

/** Whether two values ask for the same thing. */
export function sameGpu(
  a: Partial<NotebookGpuValue> | undefined,
  b: NotebookGpuValue,
): boolean {
  return a?.count === b.count && a?.vendor === b.vendor;
}
