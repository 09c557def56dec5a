import crypto from 'node:crypto';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { ensureLocalPlatform, type LocalPlatform } from './index.ts';

/** Prometheus scrapes kube-state-metrics, which watches the local apiserver: objects a test creates become series. */

type Sample = { metric: Record<string, string>; value: [number, string] };

async function query(
  platform: LocalPlatform,
  promql: string,
): Promise<Sample[]> {
  const res = await fetch(
    `${platform.prometheusUrl}/api/v1/query?query=${encodeURIComponent(
      promql,
    )}`,
  );
  const body = await res.json();
  if (body.status !== 'success') {
    throw new Error(`query ${promql} failed: ${JSON.stringify(body)}`);
  }
  return body.data.result;
}

async function eventuallySeries(
  platform: LocalPlatform,
  promql: string,
  minCount: number,
  timeoutMs = 90_000,
): Promise<Sample[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await query(platform, promql);
    if (result.length >= minCount) {
      return result;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `no ${minCount} series for ${promql} after ${timeoutMs / 1000}s (got ${
          result.length
        })`,
      );
    }
    await new Promise(r => setTimeout(r, 1000));
  }
}

describe('local Prometheus', () => {
  let platform: LocalPlatform;
  let core: CoreV1Api;
  const namespace = `lp-prom-${crypto.randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    platform = await ensureLocalPlatform({ seed: false });
    const kc = new KubeConfig();
    kc.loadFromFile(platform.kubeconfigPath);
    core = kc.makeApiClient(CoreV1Api);
  }, 30 * 60_000);

  afterAll(async () => {
    await core?.deleteNamespace({ name: namespace }).catch(() => undefined);
  });

  it('scrapes its targets', async () => {
    const up = await eventuallySeries(platform, 'up == 1', 3);
    expect(up.map(s => s.metric.job)).toEqual(
      expect.arrayContaining([
        'prometheus',
        'kube-state-metrics',
        'kube-apiserver',
      ]),
    );
  });

  it('returns kube_resourcequota series for a namespace the test created', async () => {
    await core.createNamespace({
      body: {
        metadata: {
          name: namespace,
          labels: { 'ml-platform.io/team': 'lp-test' },
        },
      },
    });
    await core.createNamespacedResourceQuota({
      namespace,
      body: {
        metadata: { name: 'compute' },
        spec: { hard: { 'requests.cpu': '3', 'requests.memory': '6Gi' } },
      },
    });

    const hard = await eventuallySeries(
      platform,
      `kube_resourcequota{namespace="${namespace}", type="hard"}`,
      2,
    );
    const byResource = Object.fromEntries(
      hard.map(s => [s.metric.resource, Number(s.value[1])]),
    );
    expect(byResource).toEqual({
      'requests.cpu': 3,
      'requests.memory': 6 * 1024 ** 3,
    });
    expect(hard[0].metric).toMatchObject({
      job: 'kube-state-metrics',
      resourcequota: 'compute',
    });

    // the team label is exported by kube-state-metrics' label allowlist, so PromQL can group by team
    const labels = await eventuallySeries(
      platform,
      `kube_namespace_labels{namespace="${namespace}"}`,
      1,
    );
    expect(labels[0].metric.label_ml_platform_io_team).toBe('lp-test');
  }, 120_000);
});
