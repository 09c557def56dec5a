import type {
  NotebookList,
  NotebookOptions,
  NotebookSummary,
  WorkloadDeletion,
} from '@ml-platform/backstage-plugin-ml-platform-common';

/**
 * Notebook servers of team fraud-detection, in its project namespace
 * fraud-detection-transaction-risk and its team namespace.
 */

export const TEAM = 'fraud-detection';
export const PROJECT_NAMESPACE = 'fraud-detection-transaction-risk';
export const GATEWAY_URL = 'http://127.0.0.1:18080';

const minutesAgo = (minutes: number) =>
  new Date(Date.now() - minutes * 60 * 1000).toISOString();

export function notebook(
  overrides: Partial<NotebookSummary> = {},
): NotebookSummary {
  const namespace = overrides.namespace ?? PROJECT_NAMESPACE;
  const name = overrides.name ?? 'alice-eda';
  return {
    namespace,
    name,
    team: TEAM,
    project: namespace === TEAM ? undefined : 'transaction-risk',
    createdBy: 'user:default/alice',
    image: 'ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.9.2',
    cpu: '2',
    memory: '4Gi',
    workspace: `${name}-workspace`,
    state: 'Running',
    createdAt: minutesAgo(3 * 60),
    lastActivity: minutesAgo(5),
    url: `${GATEWAY_URL}/notebook/${namespace}/${name}/`,
    ...overrides,
  };
}

/** One notebook in each interesting state, with the reasons the backend gives. */
export function notebooksInEveryState(): NotebookSummary[] {
  return [
    notebook(),
    notebook({
      name: 'bob-training',
      createdBy: 'user:default/bob',
      cpu: '500m',
      memory: '8Gi',
      gpu: { count: 1, vendor: 'nvidia' },
      state: 'Pending',
      reason:
        'Waiting for a node with a free nvidia GPU: 0/3 nodes are available',
      lastActivity: undefined,
      url: undefined,
    }),
    notebook({
      name: 'carol-broken',
      createdBy: 'user:default/carol',
      image: 'registry.example.com/team/custom-notebook:latest',
      state: 'Failed',
      reason:
        'The image registry.example.com/team/custom-notebook:latest cannot be pulled',
      url: undefined,
    }),
    notebook({
      name: 'alice-idle',
      state: 'Culled',
      reason: 'Stopped after 60 minutes without kernel activity',
      lastActivity: minutesAgo(2 * 24 * 60),
      stoppedAt: minutesAgo(24 * 60),
    }),
    notebook({
      name: 'dave-old',
      createdBy: undefined,
      state: 'Stopped',
      reason: 'Stopped by user:default/dave',
      stoppedAt: minutesAgo(60),
    }),
  ];
}

export function notebookList(
  items: NotebookSummary[] = [],
  culling: NotebookList['culling'] = { enabled: true, idleMinutes: 60 },
): NotebookList {
  return { items, culling };
}

export function notebookDeletion(
  name: string,
  options: { deleteWorkspace: boolean },
): WorkloadDeletion {
  const workspace = `PersistentVolumeClaim/${name}-workspace`;
  return {
    deleted: [
      `Notebook/${name}`,
      ...(options.deleteWorkspace ? [workspace] : []),
    ],
    kept: options.deleteWorkspace ? [] : [workspace],
    notes: [],
  };
}

const KUBEFLOW_IMAGES = 'ghcr.io/kubeflow/kubeflow/notebook-servers';

/** What GET /notebooks/options answers with the default images and one 4-GPU NVIDIA node. */
export function notebookOptions(
  overrides: Partial<NotebookOptions> = {},
): NotebookOptions {
  return {
    images: [
      {
        name: 'JupyterLab (SciPy)',
        image: `${KUBEFLOW_IMAGES}/jupyter-scipy:v1.10.0`,
      },
      {
        name: 'JupyterLab (PyTorch)',
        image: `${KUBEFLOW_IMAGES}/jupyter-pytorch-full:v1.10.0`,
      },
      {
        name: 'JupyterLab (PyTorch, CUDA)',
        image: `${KUBEFLOW_IMAGES}/jupyter-pytorch-cuda-full:v1.10.0`,
      },
      {
        name: 'VS Code (code-server, Python)',
        image: `${KUBEFLOW_IMAGES}/codeserver-python:v1.10.0`,
      },
    ],
    customImages: { allowed: false, registries: [] },
    gpus: [{ vendor: 'nvidia', resourceName: 'nvidia.com/gpu', maxPerNode: 4 }],
    schedulingGroups: [{ id: 'gpu-nodes', title: 'GPU nodes' }],
    limitFactors: { cpu: 2, memory: 1 },
    ...overrides,
  };
}
