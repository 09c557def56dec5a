import {
  BatchV1Api,
  CoreV1Api,
  type CoreV1Event,
} from '@kubernetes/client-node';
import { eventually } from './__testUtils__/eventually.ts';
import { pod } from './__testUtils__/pod.ts';
import { useTestNamespace } from './__testUtils__/testNamespace.ts';

/**
 * The chain a real cluster runs for a pod, with only the kubelet played:
 * kube-scheduler binds by requests, GPUs, taints and tolerations, kwok runs
 * what is bound (kwok/stages), and the controllers do the rest.
 */

jest.setTimeout(120_000);

const GPU_TOLERATION = {
  key: 'nvidia.com/gpu',
  operator: 'Exists',
  effect: 'NoSchedule',
};

describe('scheduling and running pods on the local platform', () => {
  let core: CoreV1Api;
  let batch: BatchV1Api;
  const { namespace, kubeConfig } = useTestNamespace('lp-sched');

  const readPod = (name: string) => core.readNamespacedPod({ name, namespace });

  const schedulerEvents = async (name: string): Promise<CoreV1Event[]> =>
    (
      await core.listNamespacedEvent({
        namespace,
        fieldSelector: `involvedObject.name=${name},reason=FailedScheduling`,
      })
    ).items;

  beforeAll(async () => {
    const kc = kubeConfig();
    core = kc.makeApiClient(CoreV1Api);
    batch = kc.makeApiClient(BatchV1Api);
  });

  it('has the three nodes of kwok/nodes.yaml, Ready, one of them a tainted GPU node', async () => {
    const nodes = (
      await core.listNode({ labelSelector: 'ml-platform.io/kwok-node' })
    ).items;
    expect(nodes.map(n => n.metadata?.name).sort()).toEqual([
      'kwok-cpu-1',
      'kwok-cpu-2',
      'kwok-gpu-1',
    ]);
    for (const node of nodes) {
      expect(node.status?.allocatable).toMatchObject({
        cpu: '8',
        memory: '32Gi',
      });
      expect(
        node.status?.conditions?.find(c => c.type === 'Ready')?.status,
      ).toBe('True');
    }
    const gpu = nodes.find(n => n.metadata?.name === 'kwok-gpu-1')!;
    expect(gpu.status?.allocatable?.['nvidia.com/gpu']).toBe('2');
    expect(gpu.metadata?.labels?.['nvidia.com/gpu.present']).toBe('true');
    expect(gpu.spec?.taints).toEqual([
      { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' },
    ]);
  });

  it('binds a pod to a node and kwok makes it Running and Ready with an IP', async () => {
    await core.createNamespacedPod({
      namespace,
      body: pod('small', { cpu: '500m', memory: '256Mi' }),
    });
    const running = await eventually(async () => {
      const current = await readPod('small');
      return current.status?.phase === 'Running' ? current : undefined;
    }, 'pod small Running');
    expect(running.spec?.nodeName).toMatch(/^kwok-cpu-/);
    expect(running.status?.podIP).toBeTruthy();
    expect(
      running.status?.conditions?.find(c => c.type === 'Ready')?.status,
    ).toBe('True');
    expect(running.status?.containerStatuses?.[0].state?.running).toBeTruthy();
  });

  it('puts a GPU pod that tolerates the taint on the GPU node, and keeps one that does not off it', async () => {
    await core.createNamespacedPod({
      namespace,
      body: pod(
        'one-gpu',
        { cpu: '1', memory: '1Gi', 'nvidia.com/gpu': '1' },
        { tolerations: [GPU_TOLERATION] },
      ),
    });
    await core.createNamespacedPod({
      namespace,
      body: pod('no-toleration', {
        cpu: '1',
        memory: '1Gi',
        'nvidia.com/gpu': '1',
      }),
    });
    const placed = await eventually(async () => {
      const current = await readPod('one-gpu');
      return current.status?.phase === 'Running' ? current : undefined;
    }, 'pod one-gpu Running');
    expect(placed.spec?.nodeName).toBe('kwok-gpu-1');
    const [refused] = await eventually(async () => {
      const events = await schedulerEvents('no-toleration');
      return events.length ? events : undefined;
    }, 'the scheduler event of no-toleration');
    expect(refused.message).toContain('0/3 nodes are available');
    expect(refused.message).toContain('untolerated taint');
    expect((await readPod('no-toleration')).status?.phase).toBe('Pending');
  });

  it("leaves a pod asking for 4 GPUs Pending with the scheduler's FailedScheduling event", async () => {
    await core.createNamespacedPod({
      namespace,
      body: pod(
        'four-gpus',
        { cpu: '1', memory: '1Gi', 'nvidia.com/gpu': '4' },
        { tolerations: [GPU_TOLERATION] },
      ),
    });
    const [event] = await eventually(async () => {
      const events = await schedulerEvents('four-gpus');
      return events.length ? events : undefined;
    }, 'the scheduler event of four-gpus');
    expect(event.source?.component ?? event.reportingComponent).toMatch(
      /scheduler/,
    );
    expect(event.type).toBe('Warning');
    expect(event.message).toMatch(
      /^0\/3 nodes are available: .*Insufficient nvidia\.com\/gpu/,
    );
    const current = await readPod('four-gpus');
    expect(current.status?.phase).toBe('Pending');
    expect(current.spec?.nodeName).toBeUndefined();
  });

  it("runs a Job's pod to completion, so the Job controller reports it Complete", async () => {
    await batch.createNamespacedJob({
      namespace,
      body: {
        metadata: { name: 'once' },
        spec: {
          backoffLimit: 0,
          template: {
            spec: {
              restartPolicy: 'Never',
              containers: [
                {
                  name: 'main',
                  image: 'registry.invalid/never-pulled:1',
                  resources: { requests: { cpu: '100m', memory: '64Mi' } },
                },
              ],
            },
          },
        },
      },
    });
    const job = await eventually(async () => {
      const current = await batch.readNamespacedJob({
        name: 'once',
        namespace,
      });
      return current.status?.conditions?.some(
        c => c.type === 'Complete' && c.status === 'True',
      )
        ? current
        : undefined;
    }, 'job once Complete');
    expect(job.status?.succeeded).toBe(1);
  });

  it("leaves a controller's pod over the namespace quota as its controller's exceeded quota event", async () => {
    await core.createNamespacedResourceQuota({
      namespace,
      body: {
        metadata: { name: 'tight' },
        spec: { hard: { 'requests.cpu': '3' } },
      },
    });
    await eventually(async () => {
      const quota = await core.readNamespacedResourceQuota({
        name: 'tight',
        namespace,
      });
      return quota.status?.used ? true : undefined;
    }, 'the quota status');
    await batch.createNamespacedJob({
      namespace,
      body: {
        metadata: { name: 'too-big' },
        spec: {
          template: {
            spec: {
              restartPolicy: 'Never',
              containers: [
                {
                  name: 'main',
                  image: 'registry.invalid/never-pulled:1',
                  resources: { requests: { cpu: '4' } },
                },
              ],
            },
          },
        },
      },
    });
    const [event] = await eventually(async () => {
      const events = (
        await core.listNamespacedEvent({
          namespace,
          fieldSelector: 'involvedObject.name=too-big,reason=FailedCreate',
        })
      ).items;
      return events.length ? events : undefined;
    }, "the Job controller's FailedCreate event");
    expect(event.involvedObject.kind).toBe('Job');
    expect(event.source?.component ?? event.reportingComponent).toMatch(
      /job-controller/,
    );
    expect(event.message).toContain('exceeded quota: tight');
  });

  it('removes a deleted pod, as a kubelet ends a graceful stop', async () => {
    await core.deleteNamespacedPod({ name: 'small', namespace });
    await eventually(
      () =>
        readPod('small').then(
          () => undefined,
          (error: { code?: number }) => (error.code === 404 ? true : undefined),
        ),
      'pod small gone',
    );
  });
});
