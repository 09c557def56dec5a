import {
  CREATED_BY_ANNOTATION,
  NOTEBOOK_LAST_ACTIVITY_ANNOTATION,
  NOTEBOOK_STOPPED_ANNOTATION,
  PROJECT_LABEL,
  STOPPED_BY_ANNOTATION,
  TEAM_LABEL,
  type NotebookSummary,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { describeWarning } from '../../../overview/warnings';
import type { NotebookSettings } from '../../notebookSettings';
import type { RelatedObjects, WorkloadStatus } from '../../WorkloadKind';
import { latestWarning, schedulingReason, WAITING_WORDS } from '../../podState';

/**
 * A notebook's state and why, from its object, its pod and the events of
 * both (pure). The culler and a user stop a notebook the same way (the
 * stopped annotation); the suite marks its own stops, so the rest is culling.
 * @public
 */
export function notebookStatus(
  notebook: Record<string, any>,
  related: RelatedObjects,
): WorkloadStatus {
  const annotations: Record<string, string> =
    notebook.metadata?.annotations ?? {};
  const pod = related.pods[0];
  if (annotations[NOTEBOOK_STOPPED_ANNOTATION]) {
    if (pod) {
      return { state: 'Stopping', reason: 'the server is shutting down' };
    }
    const by = annotations[STOPPED_BY_ANNOTATION];
    return by
      ? {
          state: 'Stopped',
          reason: `stopped by ${by.replace(/^user:default\//, '')}`,
        }
      : {
          state: 'Culled',
          reason: `stopped by the culler at ${
            annotations[NOTEBOOK_STOPPED_ANNOTATION]
          }${
            related.idleMinutes ? ` after ${related.idleMinutes} minutes` : ''
          } without kernel activity${
            annotations[NOTEBOOK_LAST_ACTIVITY_ANNOTATION]
              ? ` (last activity ${annotations[NOTEBOOK_LAST_ACTIVITY_ANNOTATION]})`
              : ''
          }; start it again when you need it`,
        };
  }
  if ((notebook.status?.readyReplicas ?? 0) > 0) {
    return { state: 'Running' };
  }
  if (pod) {
    // the notebook's own container: a mesh may add others (istio-proxy)
    const statuses = pod.status?.containerStatuses ?? [];
    const container =
      statuses.find((c: any) => c.name === notebook.metadata?.name) ??
      statuses[0];
    const terminated = container?.state?.terminated;
    if (pod.status?.phase === 'Failed' || terminated) {
      return {
        state: 'Failed',
        reason: `the server exited${
          terminated?.exitCode !== undefined
            ? ` with code ${terminated.exitCode}`
            : ''
        }${terminated?.reason ? ` (${terminated.reason})` : ''}${
          terminated?.message ? `: ${terminated.message}` : ''
        }`,
      };
    }
    const waiting = container?.state?.waiting;
    if (waiting?.reason && WAITING_WORDS[waiting.reason]) {
      return {
        state: 'Pending',
        reason: `${WAITING_WORDS[waiting.reason]}${
          waiting.message ? `: ${waiting.message}` : ''
        }`,
      };
    }
    const scheduled = pod.status?.conditions?.find(
      (c: any) => c.type === 'PodScheduled',
    );
    if (scheduled?.status === 'False') {
      return {
        state: 'Pending',
        reason: schedulingReason(scheduled.message ?? scheduled.reason ?? ''),
      };
    }
    if (waiting?.reason) {
      return {
        state: 'Starting',
        reason: `the server is starting (${waiting.reason})`,
      };
    }
    // running but not ready: what the events say (e.g. its node is not ready)
    const warning = latestWarning(related.events);
    return {
      state: 'Starting',
      reason: warning
        ? `the server is not ready yet: ${warning.message}`
        : undefined,
    };
  }
  const waiting = notebook.status?.containerState?.waiting;
  if (waiting?.reason && WAITING_WORDS[waiting.reason]) {
    return {
      state: 'Pending',
      reason: `${WAITING_WORDS[waiting.reason]}${
        waiting.message ? `: ${waiting.message}` : ''
      }`,
    };
  }
  const warning = latestWarning(related.events);
  if (warning) {
    return {
      state: 'Pending',
      reason: `${describeWarning(
        warning.reason ?? '',
        warning.message ?? '',
        warning.involvedObject?.kind,
      )}: ${warning.message}`,
    };
  }
  return { state: 'Starting', reason: 'waiting for the notebook-controller' };
}

/**
 * The state the overview counts, from the object alone (no pods or events
 * read): the controller's status and the stopped annotation (pure).
 * @public
 */
export function notebookObjectState(notebook: Record<string, any>): string {
  return notebookStatus(notebook, {
    pods: [],
    events: [],
  }).state;
}

/** The notebook as the routes show it (pure). @public */
export function summarizeNotebook(
  notebook: Record<string, any>,
  related: RelatedObjects,
  settings: Pick<NotebookSettings, 'gatewayUrl' | 'gpus' | 'culling'>,
): NotebookSummary {
  const metadata = notebook.metadata ?? {};
  const annotations: Record<string, string> = metadata.annotations ?? {};
  const labels: Record<string, string> = metadata.labels ?? {};
  const container = notebook.spec?.template?.spec?.containers?.[0] ?? {};
  const limits: Record<string, string> = container.resources?.limits ?? {};
  const gpu = settings.gpus.find(
    vendor => limits[vendor.resourceName] !== undefined,
  );
  const workspace = (notebook.spec?.template?.spec?.volumes ?? []).find(
    (volume: any) => volume.name === 'workspace',
  )?.persistentVolumeClaim?.claimName;
  const { state, reason } = notebookStatus(notebook, {
    ...related,
    idleMinutes: settings.culling.idleMinutes,
  });
  return {
    namespace: metadata.namespace,
    name: metadata.name,
    team: labels[TEAM_LABEL] ?? '',
    project: labels[PROJECT_LABEL],
    createdBy: annotations[CREATED_BY_ANNOTATION],
    image: container.image ?? '',
    cpu: container.resources?.requests?.cpu,
    memory: container.resources?.requests?.memory,
    gpu: gpu
      ? { count: Number(limits[gpu.resourceName]), vendor: gpu.vendor }
      : undefined,
    workspace,
    state,
    reason,
    createdAt: metadata.creationTimestamp
      ? new Date(metadata.creationTimestamp).toISOString()
      : undefined,
    lastActivity: annotations[NOTEBOOK_LAST_ACTIVITY_ANNOTATION],
    stoppedAt: annotations[NOTEBOOK_STOPPED_ANNOTATION],
    url: settings.gatewayUrl
      ? `${settings.gatewayUrl}/notebook/${metadata.namespace}/${metadata.name}/`
      : undefined,
  };
}
