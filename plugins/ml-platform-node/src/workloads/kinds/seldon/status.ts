/**
 * Model deployments for people: the operator's state and description, each
 * predictor's version, share and replicas, and why one is not ready, from
 * the pods and the events of its Deployment (pure).
 */
import {
  CREATED_BY_ANNOTATION,
  MODEL_VERSION_LABEL,
  PROJECT_LABEL,
  TEAM_LABEL,
  type ModelDeploymentSummary,
  type ServingPredictor,
  type ServingState,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { describePod, latestWarning } from '../../podState';
import { fillPattern } from '../../urlPattern';
import type { ServingSettings } from '../../servingSettings';
import type { RelatedObjects, WorkloadStatus } from '../../WorkloadKind';
import { predictorNameOf } from './input';
import { seldonInputOf } from './render';

/** The annotation with the example request body of a deployment (JSON). */
export const EXAMPLE_PAYLOAD_ANNOTATION = 'ml-platform.io/example-payload';

const STATES: readonly ServingState[] = ['Creating', 'Available', 'Failed'];

/** Seldon names a predictor's Deployments `<deployment>-<predictor>-<n>-<containers>` (pure). */
export const isPredictorObject = (
  deployment: string,
  predictor: string,
  objectName: string,
) => objectName.startsWith(`${deployment}-${predictor}-`);

/** The operator's state, or Creating before it wrote one (pure). */
export function servingStateOf(object: Record<string, any>): ServingState {
  const state = object.status?.state;
  return STATES.includes(state) ? state : 'Creating';
}

function predictorOf(
  object: Record<string, any>,
  predictor: {
    version: string;
    modelUri: string;
    traffic: number;
    shadow?: boolean;
  },
  main: string,
  related: RelatedObjects,
): ServingPredictor {
  const deployment = object.metadata?.name ?? '';
  const name = predictorNameOf(predictor.version);
  const spec = (object.spec?.predictors ?? []).find(
    (p: { name?: string }) => p.name === name,
  );
  const statuses = Object.entries(
    (object.status?.deploymentStatus ?? {}) as Record<string, any>,
  ).filter(([key]) => isPredictorObject(deployment, name, key));
  const desired = Number(
    spec?.replicas ??
      spec?.componentSpecs?.[0]?.hpaSpec?.minReplicas ??
      statuses[0]?.[1]?.replicas ??
      1,
  );
  const ready = statuses.length
    ? Math.min(
        ...statuses.map(([, status]) => Number(status.availableReplicas ?? 0)),
      )
    : 0;
  const pods = related.pods.filter(
    pod => pod.metadata?.labels?.[MODEL_VERSION_LABEL] === predictor.version,
  );
  const failing = pods
    .map(pod => describePod(pod, related.events))
    .find(pod => pod.reason);
  const warning = latestWarning(
    related.events.filter(event =>
      isPredictorObject(deployment, name, event.involvedObject?.name ?? ''),
    ),
  );
  const failedStatus = statuses.find(
    ([, status]) => status.status === 'Failed',
  );
  let state: ServingPredictor['state'] = 'Starting';
  let reason: string | undefined;
  if (ready >= desired && desired > 0) {
    state = 'Ready';
  } else if (failedStatus) {
    state = 'Failed';
    reason = failedStatus[1].description;
  } else if (failing) {
    state = failing.phase === 'Failed' ? 'Failed' : 'Pending';
    reason = `pod ${failing.name}: ${failing.reason}`;
  } else if (warning?.message) {
    state = 'Pending';
    reason = warning.message;
  }
  return {
    name,
    version: predictor.version,
    modelUri: predictor.modelUri,
    traffic: predictor.shadow ? 0 : predictor.traffic,
    shadow: predictor.shadow ?? false,
    main: predictor.version === main,
    replicas: desired,
    readyReplicas: ready,
    state,
    ...(reason ? { reason } : {}),
  };
}

/** A shell-quoted string for a curl example (pure). */
const shellQuoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** An example request to a deployment, with the body MLflow's signature shapes (pure). */
export function curlExampleOf(url: string, payload: unknown): string {
  return `curl -X POST ${shellQuoted(
    url,
  )} -H 'Content-Type: application/json' -d ${shellQuoted(
    JSON.stringify(payload),
  )}`;
}

/** The body of an example request by protocol, with no signature known (pure). */
export function defaultPayload(protocol: 'seldon' | 'v2'): unknown {
  return protocol === 'v2'
    ? {
        inputs: [
          { name: 'input-0', shape: [1, 1], datatype: 'FP64', data: [0] },
        ],
      }
    : { data: { ndarray: [[0]] } };
}

/** The summary of one model deployment (pure). @public */
export function summarizeDeployment(
  object: Record<string, any>,
  related: RelatedObjects,
  settings: ServingSettings,
  owner: { namespace: string; team: string; project?: string },
): ModelDeploymentSummary {
  const input = seldonInputOf(object);
  const labels: Record<string, string> = object.metadata?.labels ?? {};
  const annotations: Record<string, string> =
    object.metadata?.annotations ?? {};
  const namespace = object.metadata?.namespace ?? owner.namespace;
  const state = servingStateOf(object);
  const predictors = input.predictors.map(predictor =>
    predictorOf(object, predictor, input.main, related),
  );
  const notReady = predictors.find(predictor => predictor.reason);
  const description: string | undefined = object.status?.description;
  const reason =
    description ||
    (state !== 'Available' && notReady
      ? `${notReady.name}: ${notReady.reason}`
      : undefined);
  const predictionUrl = fillPattern(
    settings.predictionUrlPatterns[input.protocol],
    {
      gateway: settings.gatewayUrl,
      namespace,
      name: input.name,
    },
  );
  const mainName = predictorNameOf(input.main);
  const path =
    input.protocol === 'v2'
      ? '/v2/models/classifier/infer'
      : '/api/v1.0/predictions';
  const serviceUrl = `http://${input.name}-${mainName}.${namespace}.svc.cluster.local:8000${path}`;
  let payload: unknown = defaultPayload(input.protocol);
  try {
    payload =
      JSON.parse(annotations[EXAMPLE_PAYLOAD_ANNOTATION] ?? 'null') ?? payload;
  } catch {
    // keep the default
  }
  return {
    namespace,
    name: input.name,
    team: labels[TEAM_LABEL] ?? owner.team,
    ...(labels[PROJECT_LABEL] || owner.project
      ? { project: labels[PROJECT_LABEL] ?? owner.project }
      : {}),
    model: input.model,
    protocol: input.protocol,
    state,
    ...(reason ? { reason } : {}),
    predictors,
    cpu: input.cpu,
    memory: input.memory,
    ...(input.autoscaling ? { autoscaling: input.autoscaling } : {}),
    ...(predictionUrl ? { predictionUrl } : {}),
    serviceUrl,
    curlExample: curlExampleOf(predictionUrl ?? serviceUrl, payload),
    ...(annotations[CREATED_BY_ANNOTATION]
      ? { createdBy: annotations[CREATED_BY_ANNOTATION] }
      : {}),
    ...(object.metadata?.creationTimestamp
      ? { createdAt: object.metadata.creationTimestamp }
      : {}),
    history: input.history,
  };
}

/** The workload state of a deployment, for the workload path (pure). @public */
export function seldonStatus(
  object: Record<string, any>,
  related: RelatedObjects,
): WorkloadStatus {
  const state = servingStateOf(object);
  const reason: string | undefined =
    object.status?.description ||
    related.pods
      .map(pod => describePod(pod, related.events).reason)
      .find(Boolean);
  if (state === 'Available') {
    return { state: 'Running' };
  }
  return {
    state: state === 'Failed' ? 'Failed' : 'Starting',
    ...(reason ? { reason } : {}),
  };
}
