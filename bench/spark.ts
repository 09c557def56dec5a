/**
 * Benchmark: Spark through the suite, on the local platform's real
 * kube-apiserver and Kubeflow Spark operator. See README.md.
 *
 * submit: POST /namespaces/:ns/spark/jobs over HTTP (permission, validation,
 *   quota check, service account check, server-side apply as the user, read
 *   back) against `kubectl apply --server-side` of the same SparkApplication.
 * Spark tab: GET /namespaces/:ns/spark of a project holding 1,000
 *   applications, warm, against the same list calls made directly with
 *   @kubernetes/client-node.
 *
 *   node bench/spark.ts [--iterations 20] [--views 30] [--applications 1000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { LocalPlatform } from '@ml-platform/local-platform';
import { runKubectl } from './lib/kubectl.ts';
import { runBenchmark } from './lib/localPlatform.ts';
import { log } from './lib/log.ts';
import { countOption } from './lib/options.ts';
import { formatRatio, summarize } from './lib/stats.ts';
import { renderTable } from './lib/table.ts';
import { formatMs, timed } from './lib/timing.ts';
import { requireWorkspacePackage } from './lib/workspace.ts';

type MlPlatformNode =
  typeof import('@ml-platform/backstage-plugin-ml-platform-node');
type PlatformBackendTestUtils =
  typeof import('@ml-platform/backstage-plugin-ml-platform-backend/src/__testUtils__/platformBackend');

const TEAM = 'bench-spark';
const MEMBER = 'bench-spark-member';
const SUBMIT_RATIO_TARGET = 1.2;
const VIEW_MEDIAN_TARGET_MS = 150;
const GROUP = 'sparkoperator.k8s.io';
const APPS = { group: GROUP, version: 'v1beta2', plural: 'sparkapplications' };
const SCHEDULED = {
  group: GROUP,
  version: 'v1beta2',
  plural: 'scheduledsparkapplications',
};
const CONNECTS = { group: GROUP, version: 'v1alpha1', plural: 'sparkconnects' };

type Options = { iterations: number; views: number; applications: number };

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      iterations: { type: 'string', default: '20' },
      views: { type: 'string', default: '30' },
      applications: { type: 'string', default: '1000' },
    },
  });
  return {
    iterations: countOption('iterations', values.iterations, 1),
    views: countOption('views', values.views, 1),
    applications: countOption('applications', values.applications, 1),
  };
}

const sparkPi = (name: string) => ({
  name,
  type: 'Scala',
  sparkVersion: '4.0.1',
  mainApplicationFile: 'local:///opt/spark/examples/jars/spark-examples.jar',
  mainClass: 'org.apache.spark.examples.SparkPi',
  driver: { cores: 1, memory: '512m' },
  executor: { instances: 1, cores: 1, memory: '512m' },
  // the driver ends at once on its kwok node
  sparkConf: {
    'spark.kubernetes.driver.annotation.kwok.ml-platform.io/run-for': '1s',
  },
});

async function waitUntil(what: string, check: () => Promise<boolean>) {
  const deadline = Date.now() + 600_000;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

async function benchmark(
  platform: LocalPlatform,
  options: Options,
  checkInterrupted: () => void,
): Promise<void> {
  const plugin = requireWorkspacePackage<MlPlatformNode>(
    '@ml-platform/backstage-plugin-ml-platform-node',
  );
  const admin = new KubeConfig();
  admin.loadFromFile(platform.kubeconfigPath);
  const core = admin.makeApiClient(CoreV1Api);
  const custom = admin.makeApiClient(CustomObjectsApi);
  const run = Date.now().toString(36);
  const submitNamespace = `${TEAM}-${run}-submit`;
  const tabNamespace = `${TEAM}-${run}-history`;
  const quota = {
    ...plugin.DEFAULT_SIZE_PRESETS.large,
    cpu: '256',
    memory: '1024Gi',
    pods: 2000,
  };
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-spark-'));
  const { startPlatformBackend } =
    requireWorkspacePackage<PlatformBackendTestUtils>(
      '@ml-platform/backstage-plugin-ml-platform-backend/src/__testUtils__/platformBackend',
    );
  try {
    for (const name of [submitNamespace, tabNamespace]) {
      await plugin.applyObjects(
        admin,
        plugin.renderNamespaceObjects({
          name,
          team: TEAM,
          project: name.slice(TEAM.length + 1),
          quota,
        }),
      );
    }
    const backend = await startPlatformBackend({
      platform,
      organisation: {
        teams: [TEAM],
        members: { [MEMBER]: [TEAM] },
        admins: [],
      },
      extraConfig: {
        spark: {
          gatewayUrl: 'http://gateway.bench',
          allowedConfKeys: [
            'spark.kubernetes.driver.annotation.kwok.ml-platform.io/run-for',
          ],
        },
      },
    });
    const base = `http://127.0.0.1:${backend.server.port()}/api/ml-platform`;
    const headers = {
      authorization: mockCredentials.user.header(`user:default/${MEMBER}`),
      'content-type': 'application/json',
    };
    await waitUntil('the quota status', async () => {
      const q = await core.readNamespacedResourceQuota({
        name: 'ml-platform-quota',
        namespace: submitNamespace,
      });
      return Boolean(q.status?.used);
    });
    const post = async (body: object) => {
      const response = await fetch(
        `${base}/namespaces/${submitNamespace}/spark/jobs`,
        { method: 'POST', headers, body: JSON.stringify(body) },
      );
      const text = await response.text();
      if (response.status !== 200) {
        throw new Error(
          `submit answered ${response.status}: ${text.slice(0, 400)}`,
        );
      }
      return JSON.parse(text);
    };

    // submit: ours and kubectl, interleaved, each a new SparkApplication
    log(`submit: ${options.iterations} jobs per side, interleaved`);
    const rendered: KubernetesObject[] = (
      await post({ ...sparkPi('bench-shape'), dryRun: true })
    ).manifests;
    const kubectlArgs = (file: string) => [
      `--kubeconfig=${platform.kubeconfigPath}`,
      `--cache-dir=${path.join(workDir, 'kube-cache')}`,
      'apply',
      '--server-side',
      '--field-manager=ml-platform',
      '-f',
      file,
    ];
    const ours: number[] = [];
    const kubectl: number[] = [];
    for (let i = -1; i < options.iterations; i++) {
      checkInterrupted();
      const oursName = `s${i + 1}-ours`;
      const kubectlName = `s${i + 1}-kubectl`;
      const file = path.join(workDir, `${kubectlName}.json`);
      fs.writeFileSync(
        file,
        JSON.stringify({
          apiVersion: 'v1',
          kind: 'List',
          items: JSON.parse(
            JSON.stringify(rendered).replaceAll('bench-shape', kubectlName),
          ),
        }),
      );
      const sides = [
        async () => ({
          side: 'ours',
          ...(await timed(() => post(sparkPi(oursName)))),
        }),
        async () => ({
          side: 'kubectl',
          ...(await timed(() =>
            runKubectl(platform.kubectlPath, kubectlArgs(file)),
          )),
        }),
      ];
      for (const side of i % 2 === 0 ? sides : sides.reverse()) {
        const { side: name, ms } = await side();
        if (i >= 0) (name === 'ours' ? ours : kubectl).push(ms);
      }
    }

    // Spark tab: a project with many applications. They are suspended
    // (spec.suspend), which the operator holds without a spark-submit each;
    // the list reads and summarizes them as any other state.
    log(`Spark tab: ${options.applications} applications in ${tabNamespace}`);
    for (let start = 0; start < options.applications; start += 50) {
      checkInterrupted();
      await Promise.all(
        Array.from(
          { length: Math.min(50, options.applications - start) },
          (_, i) => {
            const [app] = JSON.parse(
              JSON.stringify(rendered)
                .replaceAll('bench-shape', `past-${start + i + 1}`)
                .replaceAll(submitNamespace, tabNamespace),
            );
            app.spec.suspend = true;
            return custom.createNamespacedCustomObject({
              ...APPS,
              namespace: tabNamespace,
              body: app,
            });
          },
        ),
      );
    }
    await waitUntil('the operator to hold every application', async () => {
      const list = (await custom.listNamespacedCustomObject({
        ...APPS,
        namespace: tabNamespace,
      })) as { items: Array<any> };
      return list.items.every(
        app => app.status?.applicationState?.state === 'SUSPENDED',
      );
    });
    const view = async () => {
      const response = await fetch(`${base}/namespaces/${tabNamespace}/spark`, {
        headers,
      });
      const body = await response.json();
      if (response.status !== 200 || body.jobs.length < options.applications) {
        throw new Error(
          `Spark tab answered ${response.status} with ${body.jobs?.length} jobs`,
        );
      }
    };
    const direct = () =>
      Promise.all([
        custom.listNamespacedCustomObject({ ...APPS, namespace: tabNamespace }),
        custom.listNamespacedCustomObject({
          ...SCHEDULED,
          namespace: tabNamespace,
        }),
        custom.listNamespacedCustomObject({
          ...CONNECTS,
          namespace: tabNamespace,
        }),
        core.listNamespacedPod({ namespace: tabNamespace }),
        core.listNamespacedEvent({
          namespace: tabNamespace,
          fieldSelector: 'type=Warning',
        }),
      ]);
    const views: number[] = [];
    const lists: number[] = [];
    for (let i = -3; i < options.views; i++) {
      checkInterrupted();
      const [a, b] = [await timed(view), await timed(direct)];
      if (i >= 0) {
        views.push(a.ms);
        lists.push(b.ms);
      }
    }
    await backend.stop();

    const s = summarize(ours);
    const k = summarize(kubectl);
    const v = summarize(views);
    const d = summarize(lists);
    process.stdout.write(
      [
        '',
        `spark: apiserver ${platform.apiserverUrl} (Kubernetes ${platform.versions.kubernetes}), Kubeflow Spark operator running; ratio = ours/baseline`,
        `  submit: POST /namespaces/${submitNamespace}/spark/jobs as ${MEMBER} (SparkPi) vs kubectl apply --server-side of the same SparkApplication as admin, ${options.iterations} each, interleaved (the operator's spark-submits of both sides run meanwhile)`,
        `  Spark tab: GET /namespaces/${tabNamespace}/spark (${options.applications} applications), warm: the namespace's lists shared for 5 s per identity (mlPlatform.kubernetes.cacheSeconds, the default), vs the same five list calls made directly with client-node each time`,
        '',
        renderTable(
          [
            'case',
            'n',
            'ours median ms',
            'ours p90 ms',
            'baseline median ms',
            'baseline p90 ms',
            'ratio median',
            'target',
            'met',
          ],
          [
            [
              'submit',
              s.n,
              formatMs(s.median),
              formatMs(s.p90),
              formatMs(k.median),
              formatMs(k.p90),
              formatRatio(s.median, k.median),
              `<= ${SUBMIT_RATIO_TARGET}`,
              s.median / k.median <= SUBMIT_RATIO_TARGET ? 'yes' : 'NO',
            ],
            [
              'Spark tab',
              v.n,
              formatMs(v.median),
              formatMs(v.p90),
              formatMs(d.median),
              formatMs(d.p90),
              formatRatio(v.median, d.median),
              `median <= ${VIEW_MEDIAN_TARGET_MS} ms`,
              v.median <= VIEW_MEDIAN_TARGET_MS ? 'yes' : 'NO',
            ],
          ],
        ),
        '',
      ].join('\n'),
    );
  } finally {
    log('deleting the namespaces this run created');
    await Promise.all(
      [submitNamespace, tabNamespace].map(name =>
        core.deleteNamespace({ name }).catch(() => undefined),
      ),
    );
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

runBenchmark('spark', readOptions, benchmark);
