import { ResponseError } from '@backstage/errors';
import type {
  DeployModelRequest,
  NamespaceOverview,
  TeamOverview,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import type { MlPlatformApi } from '../api/MlPlatformClient';
import {
  experiment,
  metricHistory,
  modelDetails,
  runSearchResponse,
} from './mlflowFixtures';
import {
  notebook,
  notebookDeletion,
  notebookList,
  notebookOptions,
} from './notebookFixtures';
import {
  deployment,
  deploymentDeletion,
  deploymentResult,
  modelServing,
} from './servingFixtures';
import {
  sparkDeletion,
  sparkJobDetail,
  sparkList,
  sparkOptions,
  sparkRerun,
  sparkSchedule,
} from './sparkFixtures';

const GiB = 1024 ** 3;

/** A fake of the ML platform API whose methods are jest mocks. */
export function fakeMlPlatformApi(
  overrides: Partial<MlPlatformApi> = {},
): jest.Mocked<MlPlatformApi> {
  return {
    getStatus: jest.fn(async () => ({
      environmentName: 'test',
      connections: [],
    })),
    getTeamOverview: jest.fn(async (team: string) => emptyOverview(team)),
    getTeamExperiments: jest.fn(async () => ({ experiments: [experiment()] })),
    getExperimentByName: jest.fn(async (name: string) => ({
      experiments: [experiment({ name })],
    })),
    searchRuns: jest.fn(async () => runSearchResponse()),
    getMetricHistory: jest.fn(async (runId: string, keys: string[]) =>
      metricHistory(runId, keys),
    ),
    getModel: jest.fn(async (name: string) => modelDetails({ name })),
    getNotebookOptions: jest.fn(async () => notebookOptions()),
    listTeamNotebooks: jest.fn(async () => notebookList()),
    listNamespaceNotebooks: jest.fn(async () => notebookList()),
    stopNotebook: jest.fn(async (namespace: string, name: string) =>
      notebook({ namespace, name, state: 'Stopping' }),
    ),
    startNotebook: jest.fn(async (namespace: string, name: string) =>
      notebook({ namespace, name, state: 'Starting' }),
    ),
    deleteNotebook: jest.fn(
      async (
        _namespace: string,
        name: string,
        options: { deleteWorkspace: boolean },
      ) => notebookDeletion(name, options),
    ),
    getSparkOptions: jest.fn(async () => sparkOptions()),
    listTeamSpark: jest.fn(async () => sparkList()),
    listNamespaceSpark: jest.fn(async () => sparkList()),
    getSparkJob: jest.fn(async (namespace: string, name: string) =>
      sparkJobDetail({ namespace, name }),
    ),
    rerunSparkJob: jest.fn(async (namespace: string, name: string) =>
      sparkRerun(namespace, name),
    ),
    suspendSparkSchedule: jest.fn(async (namespace: string, name: string) =>
      sparkSchedule({
        namespace,
        name,
        suspended: true,
        state: 'Suspended',
      }),
    ),
    resumeSparkSchedule: jest.fn(async (namespace: string, name: string) =>
      sparkSchedule({ namespace, name }),
    ),
    deleteSparkWorkload: jest.fn(
      async (_namespace: string, kind: string, name: string) =>
        sparkDeletion(kind, name),
    ),
    getModelServing: jest.fn(async (model: string) => modelServing({ model })),
    listNamespaceDeployments: jest.fn(async () => ({ deployments: [] })),
    listTeamDeployments: jest.fn(async () => ({ deployments: [] })),
    getDeployment: jest.fn(async (namespace: string, name: string) =>
      deployment({ namespace, name }),
    ),
    deployModel: jest.fn(
      async (namespace: string, request: DeployModelRequest) =>
        deploymentResult(
          deployment({ namespace, name: request.name, model: request.model }),
          { dryRun: request.dryRun ?? false },
        ),
    ),
    addPredictor: jest.fn(async (namespace: string, name: string) =>
      deploymentResult(deployment({ namespace, name })),
    ),
    setTraffic: jest.fn(async (namespace: string, name: string) =>
      deploymentResult(deployment({ namespace, name })),
    ),
    promotePredictor: jest.fn(async (namespace: string, name: string) =>
      deploymentResult(deployment({ namespace, name })),
    ),
    rollbackDeployment: jest.fn(async (namespace: string, name: string) =>
      deploymentResult(deployment({ namespace, name })),
    ),
    deleteDeployment: jest.fn(async (_namespace: string, name: string) =>
      deploymentDeletion(name),
    ),
    ...overrides,
  } as jest.Mocked<MlPlatformApi>;
}

/** The error MlPlatformClient throws for an HTTP error answer of the backend. */
export function responseError(
  status: number,
  message: string,
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'Error', message },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}

export function emptyOverview(team: string): TeamOverview {
  return {
    teamRef: `group:default/${team}`,
    team,
    cluster: 'local',
    namespaces: [],
  };
}

function teamNamespace(team: string): NamespaceOverview {
  return {
    name: team,
    quotas: [
      {
        resource: 'cpu',
        key: 'requests.cpu',
        used: 1.5,
        hard: 4,
        usedText: '1500m',
        hardText: '4',
        ratio: 0.375,
        level: 'ok',
      },
      {
        resource: 'memory',
        key: 'requests.memory',
        used: 3 * GiB,
        hard: 8 * GiB,
        usedText: '3Gi',
        hardText: '8Gi',
        ratio: 0.375,
        level: 'ok',
      },
      {
        resource: 'gpu',
        key: 'requests.nvidia.com/gpu',
        used: 0,
        hard: 0,
        usedText: '0',
        hardText: '0',
        ratio: 0,
        level: 'ok',
      },
      {
        resource: 'storage',
        key: 'requests.storage',
        used: 80 * GiB,
        hard: 100 * GiB,
        usedText: '80Gi',
        hardText: '100Gi',
        ratio: 0.8,
        level: 'warning',
      },
      {
        resource: 'pods',
        key: 'pods',
        used: 20,
        hard: 20,
        usedText: '20',
        hardText: '20',
        ratio: 1,
        level: 'exceeded',
      },
    ],
    workloads: [
      { kind: 'Pod', total: 3, states: { Running: 2, Pending: 1 } },
      { kind: 'Notebook', total: 1, states: { Running: 1 } },
      { kind: 'SparkApplication', total: 0, states: {} },
      { kind: 'SeldonDeployment', total: 0, states: {} },
    ],
    warnings: [
      {
        namespace: team,
        reason: 'FailedCreate',
        summary:
          "A pod could not be created: the namespace's pod quota is used up",
        message:
          'pods "scorer-7d9f-x2" is forbidden: exceeded quota: team-quota, requested: pods=1, used: pods=20, limited: pods=20',
        object: 'ReplicaSet/scorer-7d9f',
        count: 4,
        lastSeen: new Date(Date.now() - 5 * 60 * 1000).toISOString(),
      },
    ],
  };
}

function projectNamespace(team: string): NamespaceOverview {
  return {
    name: `${team}-scoring`,
    project: 'scoring',
    description: 'Real-time card scoring',
    quotas: [],
    workloads: [{ kind: 'Notebook', total: 0, states: {} }],
    warnings: [],
  };
}

/** A team with its team namespace near and at its limits, and one idle project. */
export function populatedOverview(team: string): TeamOverview {
  return {
    ...emptyOverview(team),
    // Project first on purpose: the UI, not the wire order, puts the team namespace first.
    namespaces: [projectNamespace(team), teamNamespace(team)],
  };
}
