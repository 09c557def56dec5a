import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import {
  ensureLocalPlatform,
  mintKubernetesIdentity,
} from '@ml-platform/local-platform';
import { applyObjects } from '../applyObjects';
import { DEFAULT_SIZE_PRESETS } from './quota';
import { renderNamespaceObjects } from './renderNamespace';

const SETUP_TIMEOUT = 30 * 60_000;

/** Waits until the quota controller has computed status.used; returns the quota's resourceVersion then. */
async function quotaStatusWritten(
  kubeConfig: KubeConfig,
  namespace: string,
): Promise<string | undefined> {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const quota = await core.readNamespacedResourceQuota({
      name: 'ml-platform-quota',
      namespace,
    });
    if (quota.status?.used) {
      return quota.metadata?.resourceVersion;
    }
    if (Date.now() > deadline) {
      throw new Error('the quota controller never computed status.used');
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

describe('team namespace objects on the local cluster', () => {
  let kubeConfig: KubeConfig;
  const name = `it-ns-${Date.now().toString(36)}`;
  const request = {
    name,
    team: name,
    quota: { ...DEFAULT_SIZE_PRESETS.small, cpu: '1', pods: 2 },
  };

  beforeAll(async () => {
    const platform = await ensureLocalPlatform({ seed: false });
    kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(platform.kubeconfigPath);
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await kubeConfig
      ?.makeApiClient(CoreV1Api)
      .deleteNamespace({ name })
      .catch(() => undefined);
  });

  it('a server-side dry-run of the namespace stores nothing', async () => {
    const [namespace] = renderNamespaceObjects(request);
    await applyObjects(kubeConfig, [namespace], { dryRun: true });
    const core = kubeConfig.makeApiClient(CoreV1Api);
    await expect(core.readNamespace({ name })).rejects.toMatchObject({
      code: 404,
    });
  });

  it('applies every object, and a second identical apply changes no resourceVersion', async () => {
    const objects = renderNamespaceObjects(request);
    const first = await applyObjects(kubeConfig, objects);
    expect(first.map(o => o.kind)).toEqual(objects.map(o => o.kind));
    // the quota controller writes the quota's status once: let it settle
    const quotaVersion = await quotaStatusWritten(kubeConfig, name);
    const before = first.map(o =>
      o.kind === 'ResourceQuota' ? quotaVersion : o.metadata?.resourceVersion,
    );
    const second = await applyObjects(kubeConfig, objects);
    expect(second.map(o => o.metadata?.resourceVersion)).toEqual(before);
    expect(
      second.every(o =>
        o.metadata?.managedFields?.some(f => f.manager === 'ml-platform'),
      ),
    ).toBe(true);
  });

  it('gives a container without resources the defaults, and rejects pods beyond the quota', async () => {
    const core = kubeConfig.makeApiClient(CoreV1Api);
    const pod = (podName: string) => ({
      metadata: { name: podName },
      spec: {
        containers: [{ name: 'main', image: 'registry.invalid/never:1' }],
      },
    });
    const created = await core.createNamespacedPod({
      namespace: name,
      body: pod('first'),
    });
    expect(created.spec?.containers[0].resources?.requests).toEqual({
      cpu: '100m',
      memory: '256Mi',
    });
    await core.createNamespacedPod({ namespace: name, body: pod('second') });
    const rejected = await core
      .createNamespacedPod({ namespace: name, body: pod('third') })
      .then(
        () => undefined,
        (error: any) => error,
      );
    expect(rejected?.code).toBe(403);
    expect(String(rejected?.body)).toContain(
      'exceeded quota: ml-platform-quota',
    );
  });

  it('lets the team group edit inside the namespace and keeps other teams out (RBAC)', async () => {
    const asIdentity = async (user: string, groups: string[]) => {
      const identity = await mintKubernetesIdentity(user, groups);
      const config = new KubeConfig();
      config.loadFromString(identity.kubeconfigYaml);
      return config.makeApiClient(CoreV1Api);
    };
    const configMap = (cmName: string) => ({ metadata: { name: cmName } });
    const member = await asIdentity('it-member', [name]);
    await member.createNamespacedConfigMap({
      namespace: name,
      body: configMap('from-member'),
    });
    const outsider = await asIdentity('it-outsider', [`${name}-other`]);
    await expect(
      outsider.createNamespacedConfigMap({
        namespace: name,
        body: configMap('from-outsider'),
      }),
    ).rejects.toMatchObject({ code: 403 });
    await expect(
      outsider.listNamespacedPod({ namespace: name }),
    ).rejects.toMatchObject({ code: 403 });
  });
});
