import {
  DEFAULT_NAMESPACE,
  KubernetesValidatorFunctions,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type {
  ModelDeploymentSummary,
  ModelServing,
  ServingChange,
  ServingPredictor,
  ServingState,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import type { StateDisplay } from '../Spark/sparkStates';

/** "80 %", or "shadow" for a predictor that gets a copy of every request. */
export function formatTraffic(
  predictor: Pick<ServingPredictor, 'traffic' | 'shadow'>,
): string {
  return predictor.shadow ? 'shadow' : `${predictor.traffic} %`;
}

/** "1/2": ready replicas of the desired ones. */
export function formatReplicas(
  predictor: Pick<ServingPredictor, 'readyReplicas' | 'replicas'>,
): string {
  return `${predictor.readyReplicas}/${predictor.replicas}`;
}

const PREDICTOR_STATES: Record<ServingPredictor['state'], StateDisplay> = {
  Ready: { label: 'Ready', tone: 'ok' },
  Starting: { label: 'Starting', tone: 'pending' },
  Pending: { label: 'Pending', tone: 'pending' },
  Failed: { label: 'Failed', tone: 'error' },
};

const DEPLOYMENT_STATES: Record<ServingState, StateDisplay> = {
  Available: { label: 'Available', tone: 'ok' },
  Creating: { label: 'Creating', tone: 'pending' },
  Failed: { label: 'Failed', tone: 'error' },
};

/** A predictor's state with the colour to show it in. */
export function predictorStateDisplay(state: string): StateDisplay {
  return (
    PREDICTOR_STATES[state as ServingPredictor['state']] ?? {
      label: state || 'Unknown',
      tone: 'warning',
    }
  );
}

/** A deployment's state (Seldon's) with the colour to show it in. */
export function deploymentStateDisplay(state: string): StateDisplay {
  return (
    DEPLOYMENT_STATES[state as ServingState] ?? {
      label: state || 'Unknown',
      tone: 'warning',
    }
  );
}

/** "500m CPU · 1Gi memory per replica". */
export function formatResources(
  deployment: Pick<ModelDeploymentSummary, 'cpu' | 'memory'>,
): string {
  return `${deployment.cpu} CPU · ${deployment.memory} memory per replica`;
}

/** "2 to 5 replicas", or "off". */
export function formatAutoscaling(
  autoscaling: ModelDeploymentSummary['autoscaling'],
): string {
  if (!autoscaling) {
    return 'off';
  }
  return `${autoscaling.minReplicas} to ${autoscaling.maxReplicas} replicas`;
}

const DEFAULT_USER_PREFIX = 'user:default/';

/** Who made a change: the user's name without `user:default/`. */
export function userName(ref: string | undefined): string | undefined {
  if (!ref) {
    return undefined;
  }
  return ref.startsWith(DEFAULT_USER_PREFIX)
    ? ref.slice(DEFAULT_USER_PREFIX.length)
    : ref;
}

/** The changes newest first (the backend keeps them newest last). */
export function historyNewestFirst(history: ServingChange[]): ServingChange[] {
  return history
    .map((change, index) => ({ change, index, at: Date.parse(change.at) }))
    .sort((a, b) => {
      const byTime =
        (Number.isNaN(b.at) ? 0 : b.at) - (Number.isNaN(a.at) ? 0 : a.at);
      return byTime !== 0 ? byTime : b.index - a.index;
    })
    .map(({ change }) => change);
}

/** A SeldonDeployment's place: its namespace and name. */
export type DeploymentTarget = { namespace: string; name: string };

/** `<namespace>/<name>` of the seldon-deployment annotation, or undefined when malformed. */
export function parseDeploymentAnnotation(
  value: string | undefined,
): DeploymentTarget | undefined {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(value?.trim() ?? '');
  return match ? { namespace: match[1], name: match[2] } : undefined;
}

/**
 * The catalog entity of a deployment, `component:default/<namespace>.<name>`,
 * when that is a valid entity name (the catalog hashes longer ones, which the
 * UI cannot tell).
 */
export function deploymentEntityRef(
  target: DeploymentTarget,
): string | undefined {
  const name = `${target.namespace}.${target.name}`;
  return KubernetesValidatorFunctions.isValidObjectName(name)
    ? stringifyEntityRef({
        kind: 'component',
        namespace: DEFAULT_NAMESPACE,
        name,
      })
    : undefined;
}

/**
 * The catalog entity of a registered model, `resource:default/<model>`,
 * when the model's name is a valid entity name.
 */
export function modelEntityRef(model: string): string | undefined {
  return KubernetesValidatorFunctions.isValidObjectName(model)
    ? stringifyEntityRef({
        kind: 'resource',
        namespace: DEFAULT_NAMESPACE,
        name: model,
      })
    : undefined;
}

/** One predictor of one deployment: a row of the model's Serving table. */
export type ServingRow = ServingPredictor & {
  id: string;
  deployment: ModelDeploymentSummary;
};

/** Every predictor of every deployment, deployments by namespace and name, main predictor first. */
export function servingRows(serving: ModelServing): ServingRow[] {
  const deployments = [...serving.deployments].sort(
    (a, b) =>
      a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name),
  );
  return deployments.flatMap(deployment =>
    [...deployment.predictors]
      .sort(
        (a, b) =>
          Number(b.main) - Number(a.main) ||
          Number(a.shadow) - Number(b.shadow) ||
          b.traffic - a.traffic,
      )
      .map(predictor => ({
        ...predictor,
        id: `${deployment.namespace}/${deployment.name}/${predictor.name}`,
        deployment,
      })),
  );
}

/** Why a predictor is not Ready: its own reason, else its deployment's. */
export function rowReason(row: ServingRow): string | undefined {
  if (row.reason) {
    return row.reason;
  }
  return row.state !== 'Ready' && row.deployment.state !== 'Available'
    ? row.deployment.reason
    : undefined;
}
