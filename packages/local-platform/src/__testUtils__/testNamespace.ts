import crypto from 'node:crypto';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { ensureLocalPlatform } from '../index.ts';
import { eventually } from './eventually.ts';

const SETUP_TIMEOUT = 30 * 60_000;

/**
 * A namespace of its own for a test file, on the local platform (started
 * when it is not up): made before the tests, once its default service
 * account exists (pods are refused before), and deleted after them.
 * `kubeConfig()` is the admin's.
 */
export function useTestNamespace(prefix: string) {
  const name = `${prefix}-${crypto.randomBytes(3).toString('hex')}`;
  let kc: KubeConfig | undefined;
  const kubeConfig = () => {
    if (!kc) {
      throw new Error('useTestNamespace: the namespace is not made yet');
    }
    return kc;
  };
  beforeAll(async () => {
    const platform = await ensureLocalPlatform({ seed: false });
    kc = new KubeConfig();
    kc.loadFromFile(platform.kubeconfigPath);
    const core = kc.makeApiClient(CoreV1Api);
    await core.createNamespace({ body: { metadata: { name } } });
    await eventually(
      () =>
        core
          .readNamespacedServiceAccount({ name: 'default', namespace: name })
          .catch(() => undefined),
      `the default service account of ${name}`,
    );
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await kc
      ?.makeApiClient(CoreV1Api)
      .deleteNamespace({ name })
      .catch(() => undefined);
  });
  return { namespace: name, kubeConfig };
}
