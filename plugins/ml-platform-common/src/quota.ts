/**
 * The ResourceQuota lines the suite writes, checks and shows: one table for
 * the namespace budgets, the workload headroom check and the overview.
 */
import type { QuotaResource } from './overview';

/** How a quota line's values are counted. @public */
export type QuotaMeasure = 'cores' | 'bytes' | 'count';

/** One ResourceQuota key and the words users read for it. @public */
export type QuotaLine = {
  /** The ResourceQuota key, e.g. `requests.cpu`. */
  key: string;
  /** Short words for messages: "CPU", "memory limits". */
  unit: string;
  measure: QuotaMeasure;
  /** The overview line it is shown as, if any. */
  resource?: QuotaResource;
};

/** Every quota line the suite sets and checks, in the order shown. @public */
export const QUOTA_LINES: readonly QuotaLine[] = [
  { key: 'requests.cpu', unit: 'CPU', measure: 'cores', resource: 'cpu' },
  { key: 'limits.cpu', unit: 'CPU limits', measure: 'cores' },
  {
    key: 'requests.memory',
    unit: 'memory',
    measure: 'bytes',
    resource: 'memory',
  },
  { key: 'limits.memory', unit: 'memory limits', measure: 'bytes' },
  {
    key: 'requests.nvidia.com/gpu',
    unit: 'GPUs',
    measure: 'count',
    resource: 'gpu',
  },
  {
    key: 'requests.storage',
    unit: 'storage',
    measure: 'bytes',
    resource: 'storage',
  },
  { key: 'persistentvolumeclaims', unit: 'volume claims', measure: 'count' },
  { key: 'pods', unit: 'pods', measure: 'count', resource: 'pods' },
];

/** The quota key of GPUs of an extended resource, e.g. `requests.amd.com/gpu`. @public */
export function gpuQuotaKey(resourceName: string): string {
  return `requests.${resourceName}`;
}

/** A value of a quota line for people: cores and counts as they are, bytes in Gi. @public */
export function describeQuotaValue(measure: QuotaMeasure, value: number) {
  if (measure === 'bytes') {
    return `${+(value / 2 ** 30).toFixed(2)}Gi`;
  }
  return `${+value.toFixed(3)}`;
}
