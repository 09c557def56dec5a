import { ConfigReader } from '@backstage/config';
import { readNotebookSettings } from '../notebookSettings';
import type { WorkloadTarget } from '../WorkloadKind';
import {
  checkNotebookInput,
  notebookRequests,
  notebookStatus,
  renderNotebook,
  summarizeNotebook,
  type NotebookInput,
} from './notebook';

const GI = 2 ** 30;
const SCIPY =
  'ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0';

const defaults = readNotebookSettings(new ConfigReader({}));

const groupAffinity = {
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [
        {
          matchExpressions: [
            { key: 'node-pool', operator: 'In', values: ['gpu'] },
          ],
        },
      ],
    },
  },
};

const configured = readNotebookSettings(
  new ConfigReader({
    mlPlatform: {
      notebooks: {
        gatewayUrl: 'https://kubeflow.example.com/',
        customImages: {
          allowed: true,
          registries: ['ghcr.io', 'registry.example.com'],
        },
        schedulingGroups: [
          {
            id: 'gpu-nodes',
            title: 'GPU nodes',
            tolerations: [
              {
                key: 'dedicated',
                operator: 'Equal',
                value: 'gpu',
                effect: 'NoSchedule',
              },
            ],
            affinity: groupAffinity,
          },
        ],
        culling: { idleMinutes: 60 },
      },
    },
  }),
);

const input = (overrides: Partial<NotebookInput> = {}): NotebookInput => ({
  name: 'train',
  image: 'JupyterLab (SciPy)',
  cpu: '1',
  memory: '4Gi',
  ...overrides,
});

const target: WorkloadTarget = {
  namespace: 'fraud-detection-scoring',
  team: 'fraud-detection',
  project: 'scoring',
  user: 'user:default/alice',
};

describe('checkNotebookInput', () => {
  const check = (overrides: Partial<NotebookInput>, settings = defaults) =>
    checkNotebookInput(input(overrides), settings);

  it('accepts a configured image by name or reference', () => {
    expect(check({})).toEqual([]);
    expect(check({ image: SCIPY })).toEqual([]);
    expect(check({ cpu: 2, cpuLimit: '2', memoryLimit: '4Gi' })).toEqual([]);
  });

  it('rejects names that are not DNS labels', () => {
    expect(check({ name: 'Train' })).toEqual([
      {
        field: 'name',
        reason:
          'must consist of lower case letters, digits and "-", and start and end with a letter or digit (DNS-1123 label)',
      },
    ]);
    expect(check({ name: '' })).toEqual([
      { field: 'name', reason: 'is required' },
    ]);
  });

  it('rejects names starting with a digit', () => {
    expect(check({ name: '1train' })).toEqual([
      {
        field: 'name',
        reason: "must start with a letter (it names the notebook's Service)",
      },
    ]);
  });

  it('rejects names longer than 52 characters', () => {
    expect(check({ name: 'a'.repeat(52) })).toEqual([]);
    expect(check({ name: 'a'.repeat(53) })).toEqual([
      {
        field: 'name',
        reason:
          'must be at most 52 characters (the controller adds a suffix to it)',
      },
    ]);
  });

  it('lists the configured images when custom images are not allowed', () => {
    expect(check({ image: 'ghcr.io/me/custom:1' })).toEqual([
      {
        field: 'image',
        reason:
          '"ghcr.io/me/custom:1" is not one of the configured images (JupyterLab (SciPy), JupyterLab (PyTorch), JupyterLab (PyTorch, CUDA), VS Code (code-server, Python)), and custom images are not allowed',
      },
    ]);
  });

  it('takes custom images only from the allowed registries', () => {
    expect(check({ image: 'ghcr.io/me/custom:1' }, configured)).toEqual([]);
    expect(
      check({ image: 'registry.example.com/team/img:2' }, configured),
    ).toEqual([]);
    expect(check({ image: 'quay.io/me/custom:1' }, configured)).toEqual([
      {
        field: 'image',
        reason:
          'comes from registry "quay.io"; custom images may only come from ghcr.io, registry.example.com',
      },
    ]);
    // no registry host: Docker Hub
    expect(check({ image: 'python:3.12' }, configured)).toEqual([
      {
        field: 'image',
        reason:
          'comes from registry "docker.io"; custom images may only come from ghcr.io, registry.example.com',
      },
    ]);
    expect(check({ image: 'ghcr.io/me/a b' }, configured)).toEqual([
      { field: 'image', reason: 'is not an image reference' },
    ]);
  });

  it('takes custom images from any registry when none is listed', () => {
    const anyRegistry = {
      ...configured,
      customImages: { allowed: true, registries: [] },
    };
    expect(check({ image: 'quay.io/me/custom:1' }, anyRegistry)).toEqual([]);
  });

  it('names the field of each bad quantity, and skips the limit checks then', () => {
    expect(
      check({
        cpu: 'lots',
        memory: '4GB',
        cpuLimit: '1',
        memoryLimit: 'x',
      }),
    ).toEqual([
      {
        field: 'cpu',
        reason: '"lots" is not a Kubernetes quantity (examples: 500m, 2, 4Gi)',
      },
      {
        field: 'memory',
        reason: '"4GB" is not a Kubernetes quantity (examples: 500m, 2, 4Gi)',
      },
      {
        field: 'memoryLimit',
        reason: '"x" is not a Kubernetes quantity (examples: 500m, 2, 4Gi)',
      },
    ]);
    expect(check({ cpuLimit: '-1' })).toEqual([
      { field: 'cpuLimit', reason: 'must not be negative' },
    ]);
  });

  it('rejects a limit below its request', () => {
    expect(check({ cpu: 2, cpuLimit: '1500m' })).toEqual([
      { field: 'cpuLimit', reason: 'is less than the request (2)' },
    ]);
    expect(check({ memory: '4Gi', memoryLimit: '2Gi' })).toEqual([
      { field: 'memoryLimit', reason: 'is less than the request (4Gi)' },
    ]);
  });

  it('rejects zero requests', () => {
    expect(check({ cpu: '0', memory: '0' })).toEqual([
      { field: 'cpu', reason: 'must be more than 0' },
      { field: 'memory', reason: 'must be more than 0' },
    ]);
  });

  it('rejects an unknown GPU vendor, but not when no GPU is asked for', () => {
    expect(check({ gpu: { count: 1, vendor: 'amd' } })).toEqual([
      {
        field: 'gpu.vendor',
        reason: '"amd" is not a configured GPU vendor (nvidia)',
      },
    ]);
    expect(check({ gpu: { count: 1, vendor: 'nvidia' } })).toEqual([]);
    expect(check({ gpu: { count: 1 } })).toEqual([]);
    expect(check({ gpu: { count: 0, vendor: 'amd' } })).toEqual([]);
  });

  it('rejects GPUs when no vendor is configured', () => {
    const noGpus = readNotebookSettings(
      new ConfigReader({ mlPlatform: { notebooks: { gpus: [] } } }),
    );
    expect(check({ gpu: { count: 1 } }, noGpus)).toEqual([
      {
        field: 'gpu.vendor',
        reason: 'no GPU vendor is configured (mlPlatform.notebooks.gpus)',
      },
    ]);
  });

  it('rejects a volume with both a size and an existing claim', () => {
    expect(
      check({
        workspace: { size: '10Gi', existingClaim: 'shared' },
        dataVolumes: [
          { size: '10Gi', existingClaim: 'datasets', mountPath: '/data' },
        ],
      }),
    ).toEqual([
      {
        field: 'workspace',
        reason: 'give either size (a new claim) or existingClaim, not both',
      },
      {
        field: 'dataVolumes[0]',
        reason: 'give either size (a new claim) or existingClaim, not both',
      },
    ]);
  });

  it('checks the size and claim name of volumes, and that data volumes name one', () => {
    expect(
      check({
        workspace: { size: 'big' },
        dataVolumes: [
          { existingClaim: 'Datasets', mountPath: '/data' },
          { mountPath: '/scratch' },
        ],
      }),
    ).toEqual([
      {
        field: 'workspace.size',
        reason: '"big" is not a Kubernetes quantity (examples: 500m, 2, 4Gi)',
      },
      {
        field: 'dataVolumes[0].existingClaim',
        reason: expect.stringContaining('DNS-1123 label'),
      },
      {
        field: 'dataVolumes[1]',
        reason: 'give size (a new claim) or existingClaim',
      },
    ]);
  });

  it('rejects a mount path used twice, the workspace one included', () => {
    expect(
      check({
        dataVolumes: [
          { size: '1Gi', mountPath: '/data' },
          { existingClaim: 'more', mountPath: '/data' },
          { size: '1Gi', mountPath: '/home/jovyan' },
        ],
      }),
    ).toEqual([
      {
        field: 'dataVolumes[1].mountPath',
        reason: '"/data" is already mounted',
      },
      {
        field: 'dataVolumes[2].mountPath',
        reason: '"/home/jovyan" is already mounted',
      },
    ]);
  });

  it('rejects mount paths that are not absolute paths below /', () => {
    expect(
      check({
        dataVolumes: [
          { size: '1Gi', mountPath: 'data' },
          { size: '1Gi', mountPath: '/' },
          { size: '1Gi', mountPath: '/my data' },
        ],
      }).map(issue => [issue.field, issue.reason]),
    ).toEqual([
      ['dataVolumes[0].mountPath', 'must be an absolute path below /'],
      ['dataVolumes[1].mountPath', 'must be an absolute path below /'],
      ['dataVolumes[2].mountPath', 'must be an absolute path below /'],
    ]);
  });

  it('rejects an unknown scheduling group, naming the configured ones', () => {
    expect(check({ schedulingGroup: 'gpu-nodes' }, configured)).toEqual([]);
    expect(check({ schedulingGroup: 'big-memory' }, configured)).toEqual([
      {
        field: 'schedulingGroup',
        reason: '"big-memory" is not a configured group (gpu-nodes)',
      },
    ]);
    expect(check({ schedulingGroup: 'gpu-nodes' })).toEqual([
      {
        field: 'schedulingGroup',
        reason: '"gpu-nodes" is not a configured group (none)',
      },
    ]);
  });
});

describe('notebookRequests', () => {
  it('derives the limits by the configured factors and counts the new workspace', () => {
    expect(notebookRequests(input(), defaults)).toEqual({
      'requests.cpu': 1,
      'limits.cpu': 2,
      'requests.memory': 4 * GI,
      'limits.memory': 4 * GI,
      pods: 1,
      persistentvolumeclaims: 1,
      'requests.storage': 10 * GI,
    });
  });

  it('derives limits from millicores and other factors', () => {
    const factors = readNotebookSettings(
      new ConfigReader({
        mlPlatform: {
          notebooks: { limitFactors: { cpu: 3, memory: 1.5 } },
        },
      }),
    );
    expect(
      notebookRequests(input({ cpu: '500m', memory: '4Gi' }), factors),
    ).toMatchObject({
      'requests.cpu': 0.5,
      'limits.cpu': 1.5,
      'requests.memory': 4 * GI,
      'limits.memory': 6 * GI,
    });
  });

  it('takes given limits as they are', () => {
    expect(
      notebookRequests(
        input({ cpu: 1, cpuLimit: 4, memoryLimit: '8Gi' }),
        defaults,
      ),
    ).toMatchObject({
      'requests.cpu': 1,
      'limits.cpu': 4,
      'limits.memory': 8 * GI,
    });
  });

  it('counts every new claim and its size', () => {
    expect(
      notebookRequests(
        input({
          workspace: { size: '20Gi' },
          dataVolumes: [
            { size: '50Gi', mountPath: '/data' },
            { existingClaim: 'datasets', mountPath: '/datasets' },
          ],
        }),
        defaults,
      ),
    ).toMatchObject({ persistentvolumeclaims: 2, 'requests.storage': 70 * GI });
  });

  it('does not count existing claims', () => {
    expect(
      notebookRequests(
        input({
          workspace: { existingClaim: 'shared-workspace' },
          dataVolumes: [{ existingClaim: 'datasets', mountPath: '/data' }],
        }),
        defaults,
      ),
    ).toMatchObject({ persistentvolumeclaims: 0, 'requests.storage': 0 });
  });

  it('asks for GPUs under the quota key of their vendor', () => {
    const requests = notebookRequests(input({ gpu: { count: 2 } }), defaults);
    expect(requests['requests.nvidia.com/gpu']).toBe(2);
    expect(
      notebookRequests(
        input({ gpu: { count: 1, vendor: 'nvidia' } }),
        defaults,
      )['requests.nvidia.com/gpu'],
    ).toBe(1);
    expect(
      Object.keys(notebookRequests(input({ gpu: { count: 0 } }), defaults)),
    ).not.toContain('requests.nvidia.com/gpu');
  });
});

describe('renderNotebook', () => {
  const notebookOf = (objects: any[]) => objects[objects.length - 1];
  const podSpecOf = (objects: any[]) => notebookOf(objects).spec.template.spec;

  it('renders the new claims first, then the Notebook, labelled by team and project', () => {
    const objects: any[] = renderNotebook(input(), target, defaults);
    expect(objects.map(o => `${o.kind}/${o.metadata.name}`)).toEqual([
      'PersistentVolumeClaim/train-workspace',
      'Notebook/train',
    ]);
    const labels = {
      'ml-platform.io/team': 'fraud-detection',
      'ml-platform.io/project': 'scoring',
      'ml-platform.io/notebook': 'train',
    };
    expect(objects[0]).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: 'train-workspace',
        namespace: 'fraud-detection-scoring',
        labels,
      },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '10Gi' } },
      },
    });
    expect(objects[1].apiVersion).toBe('kubeflow.org/v1');
    expect(objects[1].metadata).toEqual({
      name: 'train',
      namespace: 'fraud-detection-scoring',
      labels,
      annotations: {
        'ml-platform.io/created-by': 'user:default/alice',
        'notebooks.kubeflow.org/server-type': 'jupyter',
      },
    });
  });

  it('leaves the project label out in a team namespace', () => {
    const objects: any[] = renderNotebook(
      input(),
      { namespace: 'fraud-detection', team: 'fraud-detection', user: 'u' },
      defaults,
    );
    for (const object of objects) {
      expect(object.metadata.labels).not.toHaveProperty(
        'ml-platform.io/project',
      );
    }
  });

  it('runs the configured image a name stands for, with derived limits', () => {
    const objects: any[] = renderNotebook(input(), target, defaults);
    expect(podSpecOf(objects).containers).toEqual([
      {
        name: 'train',
        image: SCIPY,
        imagePullPolicy: 'IfNotPresent',
        resources: {
          requests: { cpu: '1', memory: '4Gi' },
          limits: { cpu: '2000m', memory: '4Gi' },
        },
        volumeMounts: [{ name: 'workspace', mountPath: '/home/jovyan' }],
      },
    ]);
    expect(podSpecOf(objects).volumes).toEqual([
      {
        name: 'workspace',
        persistentVolumeClaim: { claimName: 'train-workspace' },
      },
    ]);
    expect(podSpecOf(objects)).not.toHaveProperty('tolerations');
    expect(podSpecOf(objects)).not.toHaveProperty('affinity');
  });

  it('marks code-server images for the gateway', () => {
    const objects: any[] = renderNotebook(
      input({ image: 'VS Code (code-server, Python)' }),
      target,
      defaults,
    );
    expect(
      notebookOf(objects).metadata.annotations[
        'notebooks.kubeflow.org/server-type'
      ],
    ).toBe('group-one');
  });

  it('limits GPUs and tolerates the GPU nodes', () => {
    const objects: any[] = renderNotebook(
      input({ gpu: { count: 1 } }),
      target,
      defaults,
    );
    const spec = podSpecOf(objects);
    expect(spec.containers[0].resources.limits['nvidia.com/gpu']).toBe('1');
    expect(spec.containers[0].resources.requests).not.toHaveProperty(
      'nvidia.com/gpu',
    );
    expect(spec.tolerations).toEqual([
      { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
    ]);
  });

  it('adds the tolerations and affinity of the scheduling group', () => {
    const spec = podSpecOf(
      renderNotebook(
        input({ schedulingGroup: 'gpu-nodes' }),
        target,
        configured,
      ),
    );
    expect(spec.tolerations).toEqual([
      {
        key: 'dedicated',
        operator: 'Equal',
        value: 'gpu',
        effect: 'NoSchedule',
      },
    ]);
    expect(spec.affinity).toEqual(groupAffinity);

    const withGpu = podSpecOf(
      renderNotebook(
        input({ schedulingGroup: 'gpu-nodes', gpu: { count: 2 } }),
        target,
        configured,
      ),
    );
    expect(withGpu.tolerations.map((t: any) => t.key)).toEqual([
      'nvidia.com/gpu',
      'dedicated',
    ]);
  });

  it('mounts a memory-backed /dev/shm for shared memory', () => {
    const spec = podSpecOf(
      renderNotebook(input({ sharedMemory: true }), target, defaults),
    );
    expect(spec.volumes).toContainEqual({
      name: 'dshm',
      emptyDir: { medium: 'Memory' },
    });
    expect(spec.containers[0].volumeMounts).toContainEqual({
      name: 'dshm',
      mountPath: '/dev/shm',
    });
    const without = podSpecOf(renderNotebook(input(), target, defaults));
    expect(without.volumes.map((v: any) => v.name)).toEqual(['workspace']);
  });

  it('uses an existing claim for the workspace and renders no claim', () => {
    const objects: any[] = renderNotebook(
      input({ workspace: { existingClaim: 'shared-workspace' } }),
      target,
      defaults,
    );
    expect(objects.map(o => o.kind)).toEqual(['Notebook']);
    expect(podSpecOf(objects).volumes).toEqual([
      {
        name: 'workspace',
        persistentVolumeClaim: { claimName: 'shared-workspace' },
      },
    ]);
  });

  it('renders new data volumes as claims and mounts existing ones', () => {
    const objects: any[] = renderNotebook(
      input({
        workspace: { size: '20Gi' },
        dataVolumes: [
          { existingClaim: 'datasets', mountPath: '/datasets' },
          { size: '5Gi', mountPath: '/scratch' },
        ],
      }),
      target,
      defaults,
    );
    expect(
      objects.map(o => [o.metadata.name, o.spec.resources?.requests?.storage]),
    ).toEqual([
      ['train-workspace', '20Gi'],
      ['train-data-2', '5Gi'],
      ['train', undefined],
    ]);
    const spec = podSpecOf(objects);
    expect(spec.volumes).toEqual([
      {
        name: 'workspace',
        persistentVolumeClaim: { claimName: 'train-workspace' },
      },
      { name: 'data-1', persistentVolumeClaim: { claimName: 'datasets' } },
      { name: 'data-2', persistentVolumeClaim: { claimName: 'train-data-2' } },
    ]);
    expect(spec.containers[0].volumeMounts).toEqual([
      { name: 'workspace', mountPath: '/home/jovyan' },
      { name: 'data-1', mountPath: '/datasets' },
      { name: 'data-2', mountPath: '/scratch' },
    ]);
  });
});

describe('notebookStatus', () => {
  const STOPPED_AT = '2025-03-01T18:00:00Z';
  const notebook = (
    annotations: Record<string, string> = {},
    status: Record<string, unknown> = {},
  ) => ({
    metadata: { name: 'train', namespace: 'ns', annotations },
    status,
  });
  const pod = (status: Record<string, unknown>) => ({
    metadata: { name: 'train-0' },
    status,
  });
  const none = { pods: [], events: [] };

  it('is Stopped, by whom, when the suite stopped it', () => {
    expect(
      notebookStatus(
        notebook({
          'kubeflow-resource-stopped': STOPPED_AT,
          'ml-platform.io/stopped-by': 'user:default/alice',
        }),
        none,
      ),
    ).toEqual({ state: 'Stopped', reason: 'stopped by alice' });
  });

  it('is Culled when stopped without the suite', () => {
    const status = notebookStatus(
      notebook({ 'kubeflow-resource-stopped': STOPPED_AT }),
      none,
    );
    expect(status.state).toBe('Culled');
    expect(status.reason).toMatch(/^stopped by the culler at /);
    expect(status.reason).toBe(
      `stopped by the culler at ${STOPPED_AT} without kernel activity; start it again when you need it`,
    );
  });

  it('says for how long and since when it was idle when known', () => {
    expect(
      notebookStatus(
        notebook({
          'kubeflow-resource-stopped': STOPPED_AT,
          'notebooks.kubeflow.org/last-activity': '2025-03-01T17:00:00Z',
        }),
        { ...none, idleMinutes: 60 },
      ).reason,
    ).toBe(
      `stopped by the culler at ${STOPPED_AT} after 60 minutes without kernel activity (last activity 2025-03-01T17:00:00Z); start it again when you need it`,
    );
  });

  it('is Stopping while its pod still exists', () => {
    expect(
      notebookStatus(
        notebook({
          'kubeflow-resource-stopped': STOPPED_AT,
          'ml-platform.io/stopped-by': 'user:default/alice',
        }),
        { pods: [pod({ phase: 'Running' })], events: [] },
      ),
    ).toEqual({ state: 'Stopping', reason: 'the server is shutting down' });
  });

  it('is Running with a ready replica', () => {
    expect(notebookStatus(notebook({}, { readyReplicas: 1 }), none)).toEqual({
      state: 'Running',
    });
  });

  it('is Pending, naming the missing resource, when the pod cannot be scheduled', () => {
    const message = '0/3 nodes are available: 1 Insufficient nvidia.com/gpu';
    const status = notebookStatus(notebook(), {
      pods: [
        pod({
          phase: 'Pending',
          conditions: [
            {
              type: 'PodScheduled',
              status: 'False',
              reason: 'Unschedulable',
              message,
            },
          ],
        }),
      ],
      events: [],
    });
    expect(status.state).toBe('Pending');
    expect(status.reason).toContain('no node has enough free nvidia.com/gpu');
    expect(status.reason).toBe(
      `waiting for a node: no node has enough free nvidia.com/gpu (${message})`,
    );
  });

  it('names each missing resource once', () => {
    const message =
      '0/3 nodes are available: 1 Insufficient cpu, 1 Insufficient nvidia.com/gpu, 1 Insufficient cpu, 1 node(s) had untolerated taint';
    expect(
      notebookStatus(notebook(), {
        pods: [
          pod({
            conditions: [{ type: 'PodScheduled', status: 'False', message }],
          }),
        ],
        events: [],
      }).reason,
    ).toBe(
      `waiting for a node: no node has enough free cpu and nvidia.com/gpu (${message})`,
    );
  });

  it('is Pending for its volumes when a claim is unbound', () => {
    const message =
      '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims';
    expect(
      notebookStatus(notebook(), {
        pods: [
          pod({
            conditions: [{ type: 'PodScheduled', status: 'False', message }],
          }),
        ],
        events: [],
      }),
    ).toEqual({
      state: 'Pending',
      reason: `waiting for its volumes: ${message}`,
    });
  });

  it('is Pending when the image cannot be pulled', () => {
    expect(
      notebookStatus(notebook(), {
        pods: [
          pod({
            phase: 'Pending',
            containerStatuses: [
              {
                name: 'train',
                state: {
                  waiting: {
                    reason: 'ImagePullBackOff',
                    message: 'Back-off pulling image "ghcr.io/me/nope:1"',
                  },
                },
              },
            ],
          }),
        ],
        events: [],
      }),
    ).toEqual({
      state: 'Pending',
      reason:
        'the image cannot be pulled: Back-off pulling image "ghcr.io/me/nope:1"',
    });
  });

  it('is Failed when the pod failed, with the exit code', () => {
    expect(
      notebookStatus(notebook(), {
        pods: [
          pod({
            phase: 'Failed',
            containerStatuses: [
              {
                name: 'train',
                state: { terminated: { exitCode: 1, reason: 'Error' } },
              },
            ],
          }),
        ],
        events: [],
      }),
    ).toEqual({
      state: 'Failed',
      reason: 'the server exited with code 1 (Error)',
    });
  });

  it('is Starting while the container is being created', () => {
    expect(
      notebookStatus(notebook(), {
        pods: [
          pod({
            phase: 'Pending',
            containerStatuses: [
              { state: { waiting: { reason: 'ContainerCreating' } } },
            ],
          }),
        ],
        events: [],
      }),
    ).toEqual({
      state: 'Starting',
      reason: 'the server is starting (ContainerCreating)',
    });
  });

  it('is Pending with the quota when no pod could be created', () => {
    const message =
      'create Pod train-0 in StatefulSet train failed error: pods "train-0" is forbidden: exceeded quota: ml-platform-quota, requested: requests.nvidia.com/gpu=1, used: requests.nvidia.com/gpu=1, limited: requests.nvidia.com/gpu=1';
    const status = notebookStatus(notebook(), {
      pods: [],
      events: [
        {
          type: 'Normal',
          reason: 'SuccessfulCreate',
          message: 'created',
          lastTimestamp: '2025-03-01T18:05:00Z',
        },
        {
          type: 'Warning',
          reason: 'FailedCreate',
          message,
          involvedObject: { kind: 'StatefulSet', name: 'train' },
          lastTimestamp: '2025-03-01T18:00:00Z',
        },
      ],
    });
    expect(status.state).toBe('Pending');
    expect(status.reason).toContain('quota');
    expect(status.reason).toBe(
      `A pod could not be created: the namespace's GPU quota is used up: ${message}`,
    );
  });

  it('reads the newest Warning event', () => {
    const warning = (message: string, lastTimestamp: string) => ({
      type: 'Warning',
      reason: 'FailedCreate',
      message,
      involvedObject: { kind: 'StatefulSet' },
      lastTimestamp,
    });
    expect(
      notebookStatus(notebook(), {
        pods: [],
        events: [
          warning('middle', '2025-03-01T18:01:00Z'),
          warning('newest', '2025-03-01T18:02:00Z'),
          warning('oldest', '2025-03-01T18:00:00Z'),
        ],
      }).reason,
    ).toBe('A pod could not be created: newest');
  });

  it("is Pending from the controller's container state without a pod", () => {
    expect(
      notebookStatus(
        notebook(
          {},
          { containerState: { waiting: { reason: 'ErrImagePull' } } },
        ),
        none,
      ),
    ).toEqual({ state: 'Pending', reason: 'the image cannot be pulled' });
  });

  it('is Starting without a pod or events', () => {
    expect(notebookStatus(notebook(), none)).toEqual({
      state: 'Starting',
      reason: 'waiting for the notebook-controller',
    });
    expect(notebookStatus({}, none).state).toBe('Starting');
  });
});

describe('summarizeNotebook', () => {
  const rendered = (overrides: Partial<NotebookInput>, settings = defaults) => {
    const objects: any[] = renderNotebook(input(overrides), target, settings);
    return {
      ...objects[objects.length - 1],
      metadata: {
        ...objects[objects.length - 1].metadata,
        creationTimestamp: '2025-03-01T17:00:00Z',
      },
      status: { readyReplicas: 1 },
    };
  };

  it('summarizes a running notebook with its URL, GPUs and workspace', () => {
    expect(
      summarizeNotebook(
        rendered({ gpu: { count: 1 } }, configured),
        { pods: [], events: [] },
        configured,
      ),
    ).toEqual({
      namespace: 'fraud-detection-scoring',
      name: 'train',
      team: 'fraud-detection',
      project: 'scoring',
      createdBy: 'user:default/alice',
      image: SCIPY,
      cpu: '1',
      memory: '4Gi',
      gpu: { count: 1, vendor: 'nvidia' },
      workspace: 'train-workspace',
      state: 'Running',
      createdAt: '2025-03-01T17:00:00.000Z',
      url: 'https://kubeflow.example.com/notebook/fraud-detection-scoring/train/',
    });
  });

  it('has no URL without a gateway, no GPUs without a GPU limit, and the existing workspace', () => {
    const summary = summarizeNotebook(
      rendered({ workspace: { existingClaim: 'shared-workspace' } }),
      { pods: [], events: [] },
      defaults,
    );
    expect(summary.url).toBeUndefined();
    expect(summary.gpu).toBeUndefined();
    expect(summary.workspace).toBe('shared-workspace');
    expect(summary.createdBy).toBe('user:default/alice');
  });

  it('says how long the culler waited, from the settings', () => {
    const notebook = rendered({}, configured);
    notebook.metadata.annotations = {
      ...notebook.metadata.annotations,
      'kubeflow-resource-stopped': '2025-03-01T18:00:00Z',
    };
    const summary = summarizeNotebook(
      notebook,
      { pods: [], events: [] },
      configured,
    );
    expect(summary.state).toBe('Culled');
    expect(summary.stoppedAt).toBe('2025-03-01T18:00:00Z');
    expect(summary.reason).toContain(
      'after 60 minutes without kernel activity',
    );
  });
});
