import type { KubernetesObject } from '@kubernetes/client-node';
import {
  CREATED_BY_ANNOTATION,
  MAIN_PREDICTOR_ANNOTATION,
  MODEL_VERSION_LABEL,
  parseQuantity,
  PROJECT_LABEL,
  SELDON_DEPLOYMENT_RESOURCE,
  SERVED_MODEL_ANNOTATION,
  SERVING_HISTORY_ANNOTATION,
  TEAM_LABEL,
  type ServingChange,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import type { ServingSettings } from '../../servingSettings';
import type { ResourceRequests, WorkloadTarget } from '../../WorkloadKind';
import { predictorNameOf, type SeldonInput } from './input';

/** The graph node (and container) of the model server, as Seldon's prepackaged servers name it. */
export const MODEL_CONTAINER = 'classifier';

/** How many changes a deployment keeps in its history annotation. */
export const HISTORY_LENGTH = 20;

const quantity = (text: string) => parseQuantity(text) ?? 0;

/** The most replicas each predictor may run (pure). */
const replicasOf = (input: SeldonInput) =>
  input.autoscaling?.maxReplicas ?? input.replicas;

/**
 * What one replica's pod asks of the quota: the model server, Seldon's
 * executor beside it, or its storage initializer (an init container) when
 * that asks more, as Kubernetes counts a pod (pure).
 */
export function seldonPodRequests(
  input: Pick<SeldonInput, 'cpu' | 'memory'>,
  settings: ServingSettings,
): ResourceRequests {
  const { executor, storageInitializer: init } = settings;
  const cpu = quantity(input.cpu);
  const memory = quantity(input.memory);
  return {
    'requests.cpu': Math.max(cpu + executor.cpuRequest, init.cpuRequest),
    'limits.cpu': Math.max(cpu + executor.cpuLimit, init.cpuLimit),
    'requests.memory': Math.max(
      memory + executor.memoryRequest,
      init.memoryRequest,
    ),
    'limits.memory': Math.max(memory + executor.memoryLimit, init.memoryLimit),
    pods: 1,
  };
}

/** Every predictor's replicas (at their most, with autoscaling) together (pure). @public */
export function seldonQuotaRequests(
  input: SeldonInput,
  settings: ServingSettings,
): ResourceRequests {
  const pod = seldonPodRequests(input, settings);
  const pods = input.predictors.length * replicasOf(input);
  return Object.fromEntries(
    Object.entries(pod).map(([key, value]) => [key, value * pods]),
  );
}

/** What the largest pod asks of one node (pure). @public */
export function seldonNodeRequests(
  input: SeldonInput,
  settings: ServingSettings,
): Record<string, number> {
  const pod = seldonPodRequests(input, settings);
  return { cpu: pod['requests.cpu'], memory: pod['requests.memory'] };
}

/** The newest changes, at most HISTORY_LENGTH (pure). */
export const recentHistory = (history: ServingChange[]) =>
  history.slice(-HISTORY_LENGTH);

/** The SeldonDeployment of a model deployment (pure). @public */
export function renderSeldonDeployment(
  input: SeldonInput,
  target: WorkloadTarget,
): KubernetesObject[] {
  const teamLabels = {
    [TEAM_LABEL]: target.team,
    ...(target.project ? { [PROJECT_LABEL]: target.project } : {}),
  };
  const single = input.predictors.length === 1;
  const resources = {
    requests: { cpu: input.cpu, memory: input.memory },
    limits: { cpu: input.cpu, memory: input.memory },
  };
  return [
    {
      apiVersion: `${SELDON_DEPLOYMENT_RESOURCE.group}/${SELDON_DEPLOYMENT_RESOURCE.version}`,
      kind: SELDON_DEPLOYMENT_RESOURCE.kind,
      metadata: {
        name: input.name,
        namespace: target.namespace,
        labels: teamLabels,
        annotations: {
          [CREATED_BY_ANNOTATION]: target.user,
          [SERVED_MODEL_ANNOTATION]: input.model,
          [MAIN_PREDICTOR_ANNOTATION]: predictorNameOf(input.main),
          [SERVING_HISTORY_ANNOTATION]: JSON.stringify(
            recentHistory(input.history),
          ),
        },
      },
      spec: {
        protocol: input.protocol,
        predictors: input.predictors.map(predictor => ({
          name: predictorNameOf(predictor.version),
          ...(input.autoscaling ? {} : { replicas: input.replicas }),
          ...(predictor.shadow
            ? { shadow: true }
            : { traffic: single ? 100 : predictor.traffic }),
          labels: { ...teamLabels, [MODEL_VERSION_LABEL]: predictor.version },
          graph: {
            name: MODEL_CONTAINER,
            implementation: 'MLFLOW_SERVER',
            modelUri: predictor.modelUri,
            ...(input.envSecretRefName
              ? { envSecretRefName: input.envSecretRefName }
              : {}),
            children: [],
          },
          componentSpecs: [
            {
              spec: {
                containers: [{ name: MODEL_CONTAINER, resources }],
              },
              ...(input.autoscaling
                ? {
                    hpaSpec: {
                      minReplicas: input.autoscaling.minReplicas,
                      maxReplicas: input.autoscaling.maxReplicas,
                      metrics: [
                        {
                          type: 'Resource',
                          resource: {
                            name: 'cpu',
                            targetAverageUtilization: 70,
                          },
                        },
                      ],
                    },
                  }
                : {}),
            },
          ],
        })),
      },
    } as KubernetesObject,
  ];
}

/** The input a SeldonDeployment the suite made was rendered from, so a change can render it again (pure). @public */
export function seldonInputOf(object: Record<string, any>): SeldonInput {
  const annotations: Record<string, string> =
    object.metadata?.annotations ?? {};
  const predictors: Array<Record<string, any>> = object.spec?.predictors ?? [];
  const first = predictors[0] ?? {};
  const component = first.componentSpecs?.[0] ?? {};
  const container =
    (component.spec?.containers ?? []).find(
      (c: { name?: string }) => c.name === MODEL_CONTAINER,
    ) ?? {};
  const hpa = component.hpaSpec;
  const versionOf = (predictor: Record<string, any>) =>
    String(
      predictor.labels?.[MODEL_VERSION_LABEL] ??
        String(predictor.name ?? '').replace(/^v/, ''),
    );
  const main = String(annotations[MAIN_PREDICTOR_ANNOTATION] ?? '').replace(
    /^v/,
    '',
  );
  let history: ServingChange[] = [];
  try {
    const parsed = JSON.parse(annotations[SERVING_HISTORY_ANNOTATION] ?? '[]');
    history = Array.isArray(parsed) ? parsed : [];
  } catch {
    history = [];
  }
  return {
    name: object.metadata?.name ?? '',
    model: annotations[SERVED_MODEL_ANNOTATION] ?? '',
    protocol: object.spec?.protocol === 'v2' ? 'v2' : 'seldon',
    replicas: Number(first.replicas ?? hpa?.minReplicas ?? 1),
    cpu: String(container.resources?.requests?.cpu ?? '0'),
    memory: String(container.resources?.requests?.memory ?? '0'),
    ...(hpa
      ? {
          autoscaling: {
            minReplicas: Number(hpa.minReplicas ?? 1),
            maxReplicas: Number(hpa.maxReplicas),
          },
        }
      : {}),
    ...(first.graph?.envSecretRefName
      ? { envSecretRefName: String(first.graph.envSecretRefName) }
      : {}),
    predictors: predictors.map(predictor => ({
      version: versionOf(predictor),
      modelUri: String(predictor.graph?.modelUri ?? ''),
      traffic: predictor.shadow
        ? 0
        : Number(predictor.traffic ?? (predictors.length === 1 ? 100 : 0)),
      ...(predictor.shadow ? { shadow: true } : {}),
    })),
    main: main || versionOf(first),
    history,
  };
}
