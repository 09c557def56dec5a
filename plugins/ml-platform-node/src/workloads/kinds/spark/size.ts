/**
 * What Spark pods ask of Kubernetes: Spark's own rule for the container's
 * memory (the JVM heap plus an overhead of 10 %, 40 % for Python, at least
 * 384 MiB) and one core per Spark core, request and limit alike.
 */
import type { SparkPodSize } from '@ml-platform/backstage-plugin-ml-platform-common';
import type { ResourceRequests } from '../../WorkloadKind';

const MIB = 2 ** 20;
const UNITS: Record<string, number> = {
  k: 1 / 1024,
  kb: 1 / 1024,
  m: 1,
  mb: 1,
  g: 1024,
  gb: 1024,
  t: 1024 * 1024,
  tb: 1024 * 1024,
};

/** Spark's memory string ("512m", "2g") in MiB, or undefined when it is not one. */
export function sparkMemoryMiB(memory: string): number | undefined {
  const match = /^([1-9]\d{0,6})(k|kb|m|mb|g|gb|t|tb)$/i.exec(memory.trim());
  return match
    ? Number(match[1]) * UNITS[match[2].toLocaleLowerCase('en-US')]
    : undefined;
}

/** Spark's memory overhead of a pod (spark.{driver,executor}.memoryOverhead defaults). */
export function memoryOverheadMiB(memoryMiB: number, nonJvm: boolean): number {
  return Math.max(Math.ceil(memoryMiB * (nonJvm ? 0.4 : 0.1)), 384);
}

/** One Spark pod's container resources, as Kubernetes quantities. */
export function podResources(size: SparkPodSize, nonJvm: boolean) {
  const memory = sparkMemoryMiB(size.memory) ?? 0;
  const total = `${memory + memoryOverheadMiB(memory, nonJvm)}Mi`;
  return {
    requests: { cpu: String(size.cores), memory: total },
    limits: { cpu: String(size.cores), memory: total },
  };
}

/** What one pod and `executors` executors ask of a namespace's quota. */
export function sparkQuotaRequests(
  main: SparkPodSize,
  executor: SparkPodSize,
  executors: number,
  nonJvm: boolean,
): ResourceRequests {
  const memory = (size: SparkPodSize) => {
    const heap = sparkMemoryMiB(size.memory) ?? 0;
    return (heap + memoryOverheadMiB(heap, nonJvm)) * MIB;
  };
  const cpu = main.cores + executors * executor.cores;
  const bytes = memory(main) + executors * memory(executor);
  return {
    'requests.cpu': cpu,
    'limits.cpu': cpu,
    'requests.memory': bytes,
    'limits.memory': bytes,
    pods: 1 + executors,
  };
}

/** What the largest of these pods asks of one node. */
export function largestSparkPod(
  sizes: SparkPodSize[],
  nonJvm: boolean,
): Record<string, number> {
  return {
    cpu: Math.max(...sizes.map(size => size.cores)),
    memory: Math.max(
      ...sizes.map(size => {
        const heap = sparkMemoryMiB(size.memory) ?? 0;
        return (heap + memoryOverheadMiB(heap, nonJvm)) * MIB;
      }),
    ),
  };
}
