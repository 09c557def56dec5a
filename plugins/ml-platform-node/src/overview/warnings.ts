import type { CoreV1Event } from '@kubernetes/client-node';
import type { WarningEvent } from '@ml-platform/backstage-plugin-ml-platform-common';

const QUOTA_RESOURCE_WORDS: Array<[RegExp, string]> = [
  [/nvidia\.com\/gpu/, 'GPU'],
  [/requests\.storage|persistentvolumeclaims/, 'storage'],
  [/cpu/, 'CPU'],
  [/memory/, 'memory'],
  [/\bpods\b/, 'pod'],
];

/** "CPU and memory" from "exceeded quota: ..., requested: limits.cpu=2,requests.memory=1Gi, ...". */
function exhaustedResources(message: string): string {
  const requested = /requested: ([^,]+(?:,[^,\s]+)*)/.exec(message)?.[1] ?? '';
  const words = QUOTA_RESOURCE_WORDS.filter(([pattern]) =>
    pattern.test(requested),
  ).map(([, word]) => word);
  const unique = [...new Set(words)];
  if (unique.length === 0) {
    return 'quota';
  }
  return `${unique.join(' and ')} quota`;
}

function whatFailed(kind: string | undefined): string {
  switch (kind) {
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'Job':
    case 'DaemonSet':
      return 'A pod';
    default:
      return kind ? `A ${kind}` : 'An object';
  }
}

/**
 * One sentence for people from a Warning event's reason and message; the
 * original message stays alongside for those who need it.
 * @public
 */
export function describeWarning(
  reason: string,
  message: string,
  kind?: string,
): string {
  if (/exceeded quota/.test(message)) {
    return `${whatFailed(
      kind,
    )} could not be created: the namespace's ${exhaustedResources(
      message,
    )} is used up`;
  }
  if (/must specify limits|must specify requests/.test(message)) {
    return `${whatFailed(
      kind,
    )} could not be created: it sets no resource requests or limits, and the quota requires them`;
  }
  switch (reason) {
    case 'FailedScheduling':
      return /Insufficient nvidia\.com\/gpu/.test(message)
        ? 'A pod is waiting: no node has a free GPU'
        : `A pod is waiting: no node can run it (${message.split('.')[0]})`;
    case 'FailedCreate':
      return `${whatFailed(kind)} could not be created`;
    case 'BackOff':
      return 'A container keeps crashing and is being restarted';
    case 'Failed':
      return /image/i.test(message)
        ? 'A container image could not be pulled'
        : 'A container failed';
    case 'FailedMount':
    case 'FailedAttachVolume':
      return 'A volume could not be mounted';
    case 'OOMKilling':
    case 'OOMKilled':
      return 'A container ran out of memory and was killed';
    case 'Evicted':
      return 'A pod was evicted from its node';
    case 'Unhealthy':
      return 'A container fails its health check';
    default:
      return `${reason}: ${message}`;
  }
}

/** The time an event last happened, whichever API version wrote it. */
function lastSeenOf(event: CoreV1Event): Date | undefined {
  const time =
    event.lastTimestamp ??
    event.series?.lastObservedTime ??
    event.eventTime ??
    event.metadata?.creationTimestamp;
  return time ? new Date(time as unknown as string) : undefined;
}

/**
 * The most recent Warning events of a namespace, newest first.
 * @public
 */
export function recentWarnings(
  events: CoreV1Event[],
  limit: number,
): WarningEvent[] {
  return events
    .filter(event => event.type === 'Warning')
    .map(event => ({ event, lastSeen: lastSeenOf(event) }))
    .sort((a, b) => (b.lastSeen?.getTime() ?? 0) - (a.lastSeen?.getTime() ?? 0))
    .slice(0, limit)
    .map(({ event, lastSeen }) => ({
      namespace: event.metadata?.namespace ?? '',
      reason: event.reason ?? 'Warning',
      summary: describeWarning(
        event.reason ?? 'Warning',
        event.message ?? '',
        event.involvedObject?.kind,
      ),
      message: event.message ?? '',
      object: [event.involvedObject?.kind, event.involvedObject?.name]
        .filter(Boolean)
        .join('/'),
      count: event.count ?? event.series?.count ?? 1,
      lastSeen: lastSeen?.toISOString(),
    }));
}
