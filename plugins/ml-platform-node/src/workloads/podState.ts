/** Why a pod waits or failed, in plain words, from its status and events (pure), for every kind. */
import type { RelatedObjects } from './WorkloadKind';

export const WAITING_WORDS: Record<string, string> = {
  ErrImagePull: 'the image cannot be pulled',
  ImagePullBackOff: 'the image cannot be pulled',
  InvalidImageName: 'the image name is not valid',
  CrashLoopBackOff: 'the server keeps crashing and is being restarted',
  CreateContainerConfigError: 'the container cannot be configured',
};

/** "no node has enough free CPU and nvidia.com/gpu (0/3 nodes are available: ...)" */
export function schedulingReason(message: string): string {
  const missing = [...message.matchAll(/Insufficient ([\w./-]*\w)/g)].map(
    m => m[1],
  );
  const unique = [...new Set(missing)];
  if (unique.length > 0) {
    return `waiting for a node: no node has enough free ${unique.join(
      ' and ',
    )} (${message})`;
  }
  if (
    /unbound immediate PersistentVolumeClaims|persistentvolumeclaim .* not found/.test(
      message,
    )
  ) {
    return `waiting for its volumes: ${message}`;
  }
  return `waiting for a node: ${message}`;
}

export const timeOf = (event: Record<string, any>) =>
  Date.parse(
    event.lastTimestamp ??
      event.eventTime ??
      event.metadata?.creationTimestamp ??
      '',
  ) || 0;

/** The newest Warning event, if any (pure). */
export function latestWarning(events: RelatedObjects['events']) {
  return [...events]
    .filter(event => event.type === 'Warning')
    .sort((a, b) => timeOf(a) - timeOf(b))
    .pop();
}

/**
 * One pod as people read it: its phase, and when it waits or failed, why
 * (the scheduler's words, the container's waiting or exit reason, or the
 * newest Warning about it) (pure).
 */
export function describePod(
  pod: Record<string, any>,
  events: RelatedObjects['events'],
): { name: string; phase: string; reason?: string; node?: string } {
  const name: string = pod.metadata?.name ?? '';
  const phase: string = pod.status?.phase ?? 'Pending';
  const node: string | undefined = pod.spec?.nodeName;
  const own = events.filter(event => event.involvedObject?.name === name);
  const container = (pod.status?.containerStatuses ?? [])[0];
  const terminated = container?.state?.terminated;
  if (phase === 'Failed' && pod.status?.reason) {
    // the whole pod's reason: Evicted, DeadlineExceeded, NodeShutdown (it did not just exit)
    return {
      name,
      phase,
      node,
      reason: `${pod.status.reason}${
        pod.status.message ? `: ${pod.status.message}` : ''
      }`,
    };
  }
  if (phase === 'Failed' || (terminated && terminated.exitCode !== 0)) {
    return {
      name,
      phase,
      node,
      reason: `exited${
        terminated?.exitCode !== undefined
          ? ` with code ${terminated.exitCode}`
          : ''
      }${terminated?.reason ? ` (${terminated.reason})` : ''}${
        terminated?.message ? `: ${terminated.message}` : ''
      }`,
    };
  }
  // before the phase: a crash-looping container's pod is Running
  const waiting = container?.state?.waiting;
  if (waiting?.reason && WAITING_WORDS[waiting.reason]) {
    return {
      name,
      phase,
      node,
      reason: `${WAITING_WORDS[waiting.reason]}${
        waiting.message ? `: ${waiting.message}` : ''
      }`,
    };
  }
  if (phase !== 'Pending') {
    return { name, phase, node };
  }
  const scheduled = pod.status?.conditions?.find(
    (c: any) => c.type === 'PodScheduled',
  );
  if (scheduled?.status === 'False') {
    return {
      name,
      phase,
      node,
      reason: schedulingReason(scheduled.message ?? scheduled.reason ?? ''),
    };
  }
  const warning = latestWarning(own);
  return {
    name,
    phase,
    node,
    reason: warning?.message
      ? `${
          warning.reason === 'FailedScheduling'
            ? schedulingReason(warning.message)
            : warning.message
        }`
      : undefined,
  };
}
