/**
 * Benchmark: "deploy this version" through the suite, on the local
 * platform's real MLflow, kube-apiserver and Seldon Core operator. See
 * README.md.
 *
 * deploy: POST /namespaces/:ns/deployments over HTTP (permission, the
 *   model's details and the team check, the version's download URI from
 *   MLflow and its mapping, validation, quota check, server-side apply as
 *   the user, read back) against what a script would do by hand: the same
 *   MLflow look-up (get-download-uri) and `kubectl apply --server-side` of
 *   the same SeldonDeployment.
 *
 *   node bench/serving.ts [--iterations 20]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
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

const TEAM = 'bench-serving';
const MEMBER = 'bench-serving-member';
const DEPLOY_RATIO_TARGET = 1.3;

type Options = { iterations: number };

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: { iterations: { type: 'string', default: '20' } },
  });
  return { iterations: countOption('iterations', values.iterations, 1) };
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
  const mlflow = new plugin.MlflowClient({ baseUrl: platform.mlflowUrl });
  const run = Date.now().toString(36);
  const namespace = `${TEAM}-${run}`;
  const model = `${TEAM}-${run}-model`;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-serving-'));
  let experimentId: string | undefined;
  const { startPlatformBackend } =
    requireWorkspacePackage<PlatformBackendTestUtils>(
      '@ml-platform/backstage-plugin-ml-platform-backend/src/__testUtils__/platformBackend',
    );
  try {
    await plugin.applyObjects(
      admin,
      plugin.renderNamespaceObjects({
        name: namespace,
        team: TEAM,
        project: run,
        quota: {
          ...plugin.DEFAULT_SIZE_PRESETS.large,
          cpu: '256',
          memory: '1024Gi',
          pods: 2000,
        },
      }),
    );
    experimentId = await mlflow.createExperiment(`${model}-training`, {
      'ml-platform.io/team': TEAM,
    });
    await mlflow.createRegisteredModel(model, {
      tags: { 'ml-platform.io/team': TEAM },
    });
    const trained = await mlflow.createRun({ experimentId });
    await mlflow.createModelVersion({
      name: model,
      source: `runs:/${trained.info.run_id}/model`,
      runId: trained.info.run_id,
    });
    const backend = await startPlatformBackend({
      platform,
      organisation: {
        teams: [TEAM],
        members: { [MEMBER]: [TEAM] },
        admins: [],
      },
      extraConfig: {
        mlflow: { baseUrl: platform.mlflowUrl },
        serving: {
          gatewayUrl: 'http://gateway.bench',
          artifactStores: [
            { prefix: 'mlflow-artifacts:/', uri: 's3://mlflow-artifacts/' },
          ],
        },
      },
    });
    const base = `http://127.0.0.1:${backend.server.port()}/api/ml-platform`;
    const headers = {
      authorization: mockCredentials.user.header(`user:default/${MEMBER}`),
      'content-type': 'application/json',
    };
    const deploy = async (body: object) => {
      const response = await fetch(
        `${base}/namespaces/${namespace}/deployments`,
        {
          method: 'POST',
          headers,
          body: JSON.stringify(body),
        },
      );
      const text = await response.text();
      if (response.status !== 200) {
        throw new Error(
          `deploy answered ${response.status}: ${text.slice(0, 400)}`,
        );
      }
      return JSON.parse(text);
    };
    const request = (name: string) => ({
      model,
      version: '1',
      name,
      cpu: '100m',
      memory: '256Mi',
    });
    const [rendered] = (
      await deploy({ ...request('bench-shape'), dryRun: true })
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
    /** What a script does by hand: ask MLflow where the version is, then apply. */
    const byHand = async (name: string) => {
      const uri = await mlflow.resolveModelVersionLocation(model, '1');
      const file = path.join(workDir, `${name}.json`);
      const object = JSON.parse(
        JSON.stringify(rendered).replaceAll('bench-shape', name),
      );
      object.spec.predictors[0].graph.modelUri = uri.replace(
        'mlflow-artifacts:/',
        's3://mlflow-artifacts/',
      );
      fs.writeFileSync(file, JSON.stringify(object));
      await runKubectl(platform.kubectlPath, kubectlArgs(file));
    };

    log(`deploy: ${options.iterations} deployments per side, interleaved`);
    const ours: number[] = [];
    const manual: number[] = [];
    for (let i = -1; i < options.iterations; i++) {
      checkInterrupted();
      const sides = [
        async () => ({
          side: 'ours',
          ...(await timed(() => deploy(request(`d${i + 1}-ours`)))),
        }),
        async () => ({
          side: 'manual',
          ...(await timed(() => byHand(`d${i + 1}-kubectl`))),
        }),
      ];
      for (const side of i % 2 === 0 ? sides : sides.reverse()) {
        const { side: name, ms } = await side();
        if (i >= 0) (name === 'ours' ? ours : manual).push(ms);
      }
    }
    await backend.stop();

    const o = summarize(ours);
    const m = summarize(manual);
    process.stdout.write(
      [
        '',
        `serving: apiserver ${platform.apiserverUrl} (Kubernetes ${platform.versions.kubernetes}), MLflow ${platform.mlflowUrl}, Seldon Core operator running; ratio = ours/baseline`,
        `  deploy: POST /namespaces/${namespace}/deployments as ${MEMBER} vs MLflow's get-download-uri plus kubectl apply --server-side of the same SeldonDeployment as admin, ${options.iterations} each, interleaved (the operator reconciles both sides' deployments meanwhile)`,
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
              'deploy',
              o.n,
              formatMs(o.median),
              formatMs(o.p90),
              formatMs(m.median),
              formatMs(m.p90),
              formatRatio(o.median, m.median),
              `<= ${DEPLOY_RATIO_TARGET}`,
              o.median / m.median <= DEPLOY_RATIO_TARGET ? 'yes' : 'NO',
            ],
          ],
        ),
        '',
      ].join('\n'),
    );
  } finally {
    log('deleting the namespace and the model this run created');
    await core.deleteNamespace({ name: namespace }).catch(() => undefined);
    await mlflow.deleteRegisteredModel(model).catch(() => undefined);
    if (experimentId) {
      await mlflow.deleteExperiment(experimentId).catch(() => undefined);
    }
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

runBenchmark('serving', readOptions, benchmark);
