/**
 * Benchmark: notebook servers through the suite, on the local platform's real
 * kube-apiserver and notebook-controller. See README.md.
 *
 * create: POST /namespaces/:ns/notebooks over HTTP (permission, validation,
 *   quota and capacity checks, server-side apply as the user, read back)
 *   against `kubectl apply --server-side` of the same objects.
 * team view: GET /teams/:team/notebooks for 500 notebooks in 20 namespaces
 *   against the same list calls made directly with @kubernetes/client-node.
 *
 *   node bench/notebooks.ts [--iterations 20] [--views 30]
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

const TEAM = 'bench-nb';
const MEMBER = 'bench-nb-member';
const NAMESPACES = 20;
const NOTEBOOKS_PER_NAMESPACE = 25;
const CREATE_RATIO_TARGET = 1.2;
const VIEW_RATIO_TARGET = 1.5;
const VIEW_MEDIAN_TARGET_MS = 100;
const NOTEBOOKS = { group: 'kubeflow.org', version: 'v1', plural: 'notebooks' };

type Options = { iterations: number; views: number };

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      iterations: { type: 'string', default: '20' },
      views: { type: 'string', default: '30' },
    },
  });
  return {
    iterations: countOption('iterations', values.iterations, 1),
    views: countOption('views', values.views, 1),
  };
}

/** A stopped notebook (no pod): what a team view lists most of the time. */
function stoppedNotebook(namespace: string, name: string) {
  return {
    apiVersion: 'kubeflow.org/v1',
    kind: 'Notebook',
    metadata: {
      name,
      namespace,
      labels: { 'ml-platform.io/team': TEAM },
      annotations: {
        'kubeflow-resource-stopped': '2026-01-01T00:00:00Z',
        'ml-platform.io/created-by': `user:default/${MEMBER}`,
      },
    },
    spec: {
      template: {
        spec: {
          containers: [
            {
              name,
              image:
                'ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0',
              resources: {
                requests: { cpu: '100m', memory: '256Mi' },
                limits: { cpu: '200m', memory: '256Mi' },
              },
            },
          ],
        },
      },
    },
  };
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
  const namespaces = Array.from(
    { length: NAMESPACES },
    (_, i) => `${TEAM}-${run}-p${String(i + 1).padStart(2, '0')}`,
  );
  const quota = {
    ...plugin.DEFAULT_SIZE_PRESETS.large,
    cpu: '64',
    memory: '256Gi',
    pods: 200,
    persistentVolumeClaims: 100,
  };
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-nb-'));
  const { startPlatformBackend } =
    requireWorkspacePackage<PlatformBackendTestUtils>(
      '@ml-platform/backstage-plugin-ml-platform-backend/src/__testUtils__/platformBackend',
    );
  try {
    log(`creating ${NAMESPACES} namespaces of team ${TEAM}`);
    for (const name of namespaces) {
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
      extraConfig: { notebooks: { gatewayUrl: 'http://gateway.bench' } },
    });
    const base = `http://127.0.0.1:${backend.server.port()}/api/ml-platform`;
    const headers = {
      authorization: mockCredentials.user.header(`user:default/${MEMBER}`),
      'content-type': 'application/json',
    };
    const target = namespaces[0];
    // the quota controller's first status, which the headroom check reads
    for (;;) {
      const q = await core.readNamespacedResourceQuota({
        name: 'ml-platform-quota',
        namespace: target,
      });
      if (q.status?.used) break;
      await new Promise(resolve => setTimeout(resolve, 250));
    }
    const input = (name: string) => ({
      name,
      image: 'JupyterLab (SciPy)',
      cpu: '100m',
      memory: '256Mi',
      workspace: { size: '1Gi' },
    });

    // create: ours and kubectl, interleaved, each a new notebook and claim
    log(`create: ${options.iterations} notebooks per side, interleaved`);
    const ours: number[] = [];
    const kubectl: number[] = [];
    const kubectlArgs = (file: string) => [
      `--kubeconfig=${platform.kubeconfigPath}`,
      `--cache-dir=${path.join(workDir, 'kube-cache')}`,
      'apply',
      '--server-side',
      '--field-manager=ml-platform',
      '-f',
      file,
    ];
    const post = async (body: object) => {
      const response = await fetch(`${base}/namespaces/${target}/notebooks`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      const text = await response.text();
      if (response.status !== 200) {
        throw new Error(
          `create answered ${response.status}: ${text.slice(0, 400)}`,
        );
      }
      return JSON.parse(text);
    };
    // the exact objects the suite applies, for kubectl
    const rendered: KubernetesObject[] = (
      await post({ ...input('bench-shape'), dryRun: true })
    ).manifests;
    for (let i = -1; i < options.iterations; i++) {
      checkInterrupted();
      const oursName = `c${i + 1}-ours`;
      const kubectlName = `c${i + 1}-kubectl`;
      const file = path.join(workDir, `${kubectlName}.json`);
      const objects = JSON.parse(
        JSON.stringify(rendered).replaceAll('bench-shape', kubectlName),
      );
      fs.writeFileSync(
        file,
        JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }),
      );
      const sides = [
        async () => ({
          side: 'ours',
          ...(await timed(() => post(input(oursName)))),
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

    // team view: 500 notebooks in 20 namespaces
    log(
      `team view: ${
        NAMESPACES * NOTEBOOKS_PER_NAMESPACE
      } notebooks in ${NAMESPACES} namespaces`,
    );
    for (const namespace of namespaces) {
      const existing = namespace === target ? 2 * (options.iterations + 1) : 0;
      await Promise.all(
        Array.from({ length: NOTEBOOKS_PER_NAMESPACE - existing }, (_, i) =>
          custom.createNamespacedCustomObject({
            ...NOTEBOOKS,
            namespace,
            body: stoppedNotebook(namespace, `nb-${i + 1}`),
          }),
        ),
      );
    }
    const expected = NAMESPACES * NOTEBOOKS_PER_NAMESPACE;
    const view = async () => {
      const response = await fetch(`${base}/teams/${TEAM}/notebooks`, {
        headers,
      });
      const body = await response.json();
      if (response.status !== 200 || body.items.length < expected) {
        throw new Error(
          `team view answered ${response.status} with ${body.items?.length} notebooks`,
        );
      }
    };
    const direct = async () => {
      const listed = await core.listNamespace({
        labelSelector: `ml-platform.io/team=${TEAM}`,
      });
      await Promise.all(
        listed.items.map(ns => {
          const namespace = ns.metadata!.name!;
          return Promise.all([
            custom.listNamespacedCustomObject({ ...NOTEBOOKS, namespace }),
            core.listNamespacedPod({ namespace }),
            core.listNamespacedEvent({
              namespace,
              fieldSelector: 'type=Warning',
            }),
          ]);
        }),
      );
    };
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

    const c = summarize(ours);
    const k = summarize(kubectl);
    const v = summarize(views);
    const d = summarize(lists);
    process.stdout.write(
      [
        '',
        `notebooks: apiserver ${platform.apiserverUrl} (Kubernetes ${platform.versions.kubernetes}); ratio = ours/baseline`,
        `  create: POST /namespaces/${target}/notebooks as ${MEMBER} (Notebook + workspace claim) vs kubectl apply --server-side of the same objects as admin, ${options.iterations} each, interleaved`,
        `  team view: GET /teams/${TEAM}/notebooks (${expected} notebooks, ${NAMESPACES} namespaces), warm: each namespace's lists shared for 5 s per identity (mlPlatform.kubernetes.cacheSeconds, the default), vs the same list calls (namespaces; notebooks, pods, warnings per namespace) made directly with client-node each time`,
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
              'create',
              c.n,
              formatMs(c.median),
              formatMs(c.p90),
              formatMs(k.median),
              formatMs(k.p90),
              formatRatio(c.median, k.median),
              `<= ${CREATE_RATIO_TARGET}`,
              c.median / k.median <= CREATE_RATIO_TARGET ? 'yes' : 'NO',
            ],
            [
              'team view',
              v.n,
              formatMs(v.median),
              formatMs(v.p90),
              formatMs(d.median),
              formatMs(d.p90),
              formatRatio(v.median, d.median),
              `<= ${VIEW_RATIO_TARGET}, median <= ${VIEW_MEDIAN_TARGET_MS} ms`,
              v.median / d.median <= VIEW_RATIO_TARGET &&
              v.median <= VIEW_MEDIAN_TARGET_MS
                ? 'yes'
                : 'NO',
            ],
          ],
        ),
        '',
      ].join('\n'),
    );
  } finally {
    log(`deleting the ${NAMESPACES} namespaces this run created`);
    await Promise.all(
      namespaces.map(name =>
        core.deleteNamespace({ name }).catch(() => undefined),
      ),
    );
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

runBenchmark('notebooks', readOptions, benchmark);
