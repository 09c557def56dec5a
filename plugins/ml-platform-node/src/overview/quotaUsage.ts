import {
  parseQuantity,
  QUOTA_LINES,
  type QuotaLevel,
  type QuotaResource,
  type QuotaUsage,
} from '@ml-platform/backstage-plugin-ml-platform-common';

/** Which ResourceQuota key each overview line reads. */
const OVERVIEW_LINES = QUOTA_LINES.flatMap(({ key, resource }) =>
  resource ? [{ key, resource: resource as QuotaResource }] : [],
);

/** Share of the quota from which a line warns. */
export const WARNING_RATIO = 0.8;

/** @public */
export function quotaLevel(ratio: number): QuotaLevel {
  if (ratio >= 1) {
    return 'exceeded';
  }
  return ratio >= WARNING_RATIO ? 'warning' : 'ok';
}

/**
 * The overview's quota lines from a ResourceQuota's hard and used values;
 * lines the quota does not limit are left out.
 * @public
 */
export function summarizeQuota(
  hard: Record<string, string> = {},
  used: Record<string, string> = {},
): QuotaUsage[] {
  return OVERVIEW_LINES.flatMap(({ resource, key }) => {
    const hardText = hard[key];
    const hardValue =
      hardText === undefined ? undefined : parseQuantity(hardText);
    if (hardValue === undefined) {
      return [];
    }
    const usedText = used[key] ?? '0';
    const usedValue = parseQuantity(usedText) ?? 0;
    let ratio = 0;
    if (hardValue > 0) {
      ratio = usedValue / hardValue;
    } else if (usedValue > 0) {
      ratio = 1;
    }
    return [
      {
        resource,
        key,
        used: usedValue,
        hard: hardValue,
        usedText,
        hardText,
        ratio,
        level: quotaLevel(ratio),
      },
    ];
  });
}
