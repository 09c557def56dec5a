import type {
  ModelDeploymentResult,
  ModelDeploymentSummary,
  ModelServing,
  ServingPredictor,
  WorkloadDeletion,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { MODEL_NAME } from './mlflowFixtures';
import { PROJECT_NAMESPACE, TEAM } from './notebookFixtures';

/**
 * Deployments of fraud-risk-classifier (see mlflowFixtures) in the project
 * namespace of team fraud-detection: `scorer` serves v2 (champion) at 80 %
 * with a canary v3 at 20 %.
 */

export const DEPLOYMENT_NAME = 'scorer';
export const SERVING_GATEWAY_URL = 'http://localhost:8080';

const minutesAgo = (minutes: number) =>
  new Date(Date.now() - minutes * 60 * 1000).toISOString();

export function predictor(
  overrides: Partial<ServingPredictor> = {},
): ServingPredictor {
  const version = overrides.version ?? '2';
  return {
    name: `v${version}`,
    version,
    modelUri: `s3://mlflow-artifacts/1/models/m-${version}/artifacts`,
    traffic: 100,
    shadow: false,
    main: true,
    replicas: 1,
    readyReplicas: 1,
    state: 'Ready',
    ...overrides,
  };
}

export function curlExample(namespace: string, name: string): string {
  return `curl -X POST ${SERVING_GATEWAY_URL}/seldon/${namespace}/${name}/api/v1.0/predictions \\
  -H 'Content-Type: application/json' \\
  -d '{"data": {"ndarray": [[13.2, 2.77, 2.51, 18.5]]}}'`;
}

export function deployment(
  overrides: Partial<ModelDeploymentSummary> = {},
): ModelDeploymentSummary {
  const namespace = overrides.namespace ?? PROJECT_NAMESPACE;
  const name = overrides.name ?? DEPLOYMENT_NAME;
  return {
    namespace,
    name,
    team: TEAM,
    project: namespace === TEAM ? undefined : 'transaction-risk',
    model: MODEL_NAME,
    protocol: 'seldon',
    state: 'Available',
    predictors: [predictor()],
    cpu: '500m',
    memory: '1Gi',
    predictionUrl: `${SERVING_GATEWAY_URL}/seldon/${namespace}/${name}/api/v1.0/predictions`,
    serviceUrl: `http://${name}-default.${namespace}.svc.cluster.local:8000`,
    curlExample: curlExample(namespace, name),
    createdBy: 'user:default/alice',
    createdAt: minutesAgo(120),
    history: [
      {
        at: minutesAgo(120),
        by: 'user:default/alice',
        action: 'deploy',
        summary: `deployed version 2 of ${MODEL_NAME}`,
      },
    ],
    ...overrides,
  };
}

/** `scorer` trying v3 at 20 % beside v2, and a shadow v1 that is still starting. */
export function canaryDeployment(
  overrides: Partial<ModelDeploymentSummary> = {},
): ModelDeploymentSummary {
  return deployment({
    state: 'Creating',
    reason: 'Waiting for predictor v1 to be ready',
    predictors: [
      predictor({ version: '2', traffic: 80, replicas: 2, readyReplicas: 2 }),
      predictor({ version: '3', traffic: 20, main: false }),
      predictor({
        version: '1',
        traffic: 0,
        shadow: true,
        main: false,
        readyReplicas: 0,
        state: 'Pending',
        reason: '0/3 nodes are available: 3 Insufficient memory',
      }),
    ],
    autoscaling: { minReplicas: 2, maxReplicas: 5 },
    history: [
      {
        at: minutesAgo(120),
        by: 'user:default/alice',
        action: 'deploy',
        summary: `deployed version 2 of ${MODEL_NAME}`,
      },
      {
        at: minutesAgo(30),
        by: 'user:default/bob',
        action: 'add',
        summary: 'added version 3 at 20 % (version 2 at 80 %)',
      },
      {
        at: minutesAgo(10),
        by: 'user:default/bob',
        action: 'add',
        summary: 'added version 1 as a shadow',
      },
    ],
    ...overrides,
  });
}

export function modelServing(
  overrides: Partial<ModelServing> = {},
): ModelServing {
  return {
    model: MODEL_NAME,
    team: TEAM,
    deployments: [],
    canDeploy: true,
    namespaces: [TEAM, PROJECT_NAMESPACE],
    protocols: ['seldon', 'v2'],
    ...overrides,
  };
}

/** What deploying or changing `summary` answers. */
export function deploymentResult(
  summary: ModelDeploymentSummary = deployment(),
  overrides: Partial<ModelDeploymentResult> = {},
): ModelDeploymentResult {
  return {
    cluster: 'local',
    namespace: summary.namespace,
    name: summary.name,
    dryRun: false,
    manifests: [],
    applied: [
      {
        object: `SeldonDeployment/${summary.name}`,
        resourceVersion: '4711',
      },
    ],
    notes: [],
    deployment: summary,
    predictionUrl: summary.predictionUrl,
    curlExample: summary.curlExample,
    ...overrides,
  };
}

export function deploymentDeletion(name: string): WorkloadDeletion {
  return { deleted: [`SeldonDeployment/${name}`], kept: [], notes: [] };
}
