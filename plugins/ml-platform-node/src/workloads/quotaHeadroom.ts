import {
  describeQuotaValue,
  parseQuantity,
  QUOTA_LINES,
  type QuotaMeasure,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import type { ResourceRequests } from './WorkloadKind';

/** A ResourceQuota as the headroom check reads it. @public */
export type QuotaState = {
  name: string;
  hard?: Record<string, string>;
  used?: Record<string, string>;
};

/** A quota line a request does not fit into. @public */
export type QuotaShortfall = {
  key: string;
  unit: string;
  measure: QuotaMeasure;
  needs: number;
  left: number;
  hard: number;
};

const value = (text: string | undefined) =>
  text === undefined ? 0 : parseQuantity(text) ?? 0;

/** The words and measure of a quota key, GPUs of any vendor included. */
function lineOf(key: string): { unit: string; measure: QuotaMeasure } {
  const line = QUOTA_LINES.find(candidate => candidate.key === key);
  if (line) {
    return line;
  }
  if (key.startsWith('requests.') && key.endsWith('/gpu')) {
    return { unit: `${key.slice('requests.'.length)} GPUs`, measure: 'count' };
  }
  return { unit: key, measure: 'count' };
}

/**
 * The quota lines (of every quota of the namespace) that `requests` does not
 * fit into: hard - used is less than what is asked. Lines no quota limits
 * are free (pure).
 * @public
 */
export function quotaShortfalls(
  quotas: QuotaState[],
  requests: ResourceRequests,
): QuotaShortfall[] {
  const shortfalls: QuotaShortfall[] = [];
  for (const [key, needs] of Object.entries(requests)) {
    if (needs <= 0) {
      continue;
    }
    for (const quota of quotas) {
      const hardText = quota.hard?.[key];
      if (hardText === undefined) {
        continue;
      }
      const hard = value(hardText);
      const left = Math.max(0, hard - value(quota.used?.[key]));
      if (needs > left + 1e-9) {
        shortfalls.push({ key, ...lineOf(key), needs, left, hard });
        break;
      }
    }
  }
  return shortfalls;
}

/** "needs 4 CPU, fraud-detection-scoring has 1.5 of 2 CPU left" (pure). @public */
export function describeShortfall(
  namespace: string,
  shortfall: QuotaShortfall,
): string {
  const say = (n: number) => describeQuotaValue(shortfall.measure, n);
  return `needs ${say(shortfall.needs)} ${
    shortfall.unit
  }, ${namespace} has ${say(shortfall.left)} of ${say(shortfall.hard)} ${
    shortfall.unit
  } left`;
}
