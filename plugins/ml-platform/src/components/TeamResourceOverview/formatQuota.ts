import type {
  QuotaResource,
  QuotaUsage,
} from '@ml-platform/backstage-plugin-ml-platform-common';

const QUOTA_LABELS: Record<QuotaResource, string> = {
  cpu: 'CPU',
  memory: 'Memory',
  gpu: 'GPU',
  storage: 'Storage',
  pods: 'Pods',
};

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

const upToOneDecimal = new Intl.NumberFormat('en', {
  maximumFractionDigits: 1,
});
const upToTwoDecimals = new Intl.NumberFormat('en', {
  maximumFractionDigits: 2,
});

/** The name people use for a quota line, e.g. "CPU". */
export function quotaLabel(resource: QuotaResource): string {
  return QUOTA_LABELS[resource] ?? resource;
}

/** Bytes in the largest binary unit that keeps the number at least 1, e.g. "1.5 GiB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BINARY_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${upToOneDecimal.format(value)} ${BINARY_UNITS[unit]}`;
}

/** CPU cores as a plain number, e.g. "1.5" for 1500m. */
export function formatCores(cores: number): string {
  // Rounded to two decimals, a few millicores would read "0", as if idle.
  if (cores > 0 && cores < 0.01) {
    return '<0.01';
  }
  return upToTwoDecimals.format(cores);
}

function formatCount(count: number): string {
  return upToTwoDecimals.format(count);
}

function unitFor(count: number, singular: string, plural: string): string {
  return count === 1 ? singular : plural;
}

/** Used against hard in the quota's unit, e.g. "1.5 / 4 cores" or "3 GiB / 8 GiB". */
export function formatQuotaUsage(quota: QuotaUsage): string {
  const { used, hard } = quota;
  switch (quota.resource) {
    case 'cpu':
      return `${formatCores(used)} / ${formatCores(hard)} ${unitFor(
        hard,
        'core',
        'cores',
      )}`;
    case 'memory':
    case 'storage':
      return `${formatBytes(used)} / ${formatBytes(hard)}`;
    case 'gpu':
      return `${formatCount(used)} / ${formatCount(hard)} ${unitFor(
        hard,
        'GPU',
        'GPUs',
      )}`;
    case 'pods':
      return `${formatCount(used)} / ${formatCount(hard)} ${unitFor(
        hard,
        'pod',
        'pods',
      )}`;
    default:
      // A resource this frontend does not know yet: Kubernetes' own notation.
      return `${quota.usedText} / ${quota.hardText}`;
  }
}

/** The share of the quota in use, as a whole percentage (above 100 when over the limit). */
export function quotaPercent(quota: QuotaUsage): number {
  return Math.round(quota.ratio * 100);
}

/**
 * The sentence shown next to a bar that is close to or at its limit, so the
 * state does not rest on the bar's colour alone; undefined below 80 %.
 */
export function quotaLevelMessage(quota: QuotaUsage): string | undefined {
  const percent = quotaPercent(quota);
  if (quota.level === 'exceeded') {
    return `Limit reached (${percent} %): workloads that need more are refused.`;
  }
  if (quota.level === 'warning') {
    return `Close to the limit (${percent} %).`;
  }
  return undefined;
}
