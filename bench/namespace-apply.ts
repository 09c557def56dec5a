/**
 * Benchmark: provisioning a namespace through the suite's path
 * (`renderNamespaceObjects` + `applyObjects`, server-side apply from the
 * Node.js client) against `kubectl apply --server-side` of the same rendered
 * manifests, on the local platform's real kube-apiserver. See README.md.
 *
 *   node bench/namespace-apply.ts [--iterations 20] [--warmup 1] [--size small]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  type KubernetesObject,
} from '@kubernetes/client-node';
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

const FIELD_MANAGER = 'ml-platform';
const TARGET_RATIO = 1.5;
const TEAM = 'bench-ns';

const SIDES = ['ours', 'kubectl'] as const;
type Side = (typeof SIDES)[number];
const PHASES = ['create', 're-apply'] as const;
type Phase = (typeof PHASES)[number];

type Options = { iterations: number; warmup: number; size: string };

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      iterations: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '1' },
      size: { type: 'string', default: 'small' },
    },
  });
  return {
    iterations: countOption('iterations', values.iterations, 1),
    warmup: countOption('warmup', values.warmup, 0),
    size: values.size,
  };
}

/** One namespace of one side: its rendered objects and the same objects as a kubectl manifest file. */
type Target = {
  side: Side;
  name: string;
  /** Warm-up targets are applied like the others but not recorded. */
  recorded: boolean;
  objects: KubernetesObject[];
  manifestFile: string;
};

/** The `fieldsV1` the field manager owns through Apply, per object: what an apply set. */
async function appliedFields(
  kubeConfig: KubeConfig,
  objects: KubernetesObject[],
): Promise<string[]> {
  const client = KubernetesObjectApi.makeApiClient(kubeConfig);
  return Promise.all(
    objects.map(async object => {
      const live = await client.read({
        apiVersion: object.apiVersion!,
        kind: object.kind!,
        metadata: {
          name: object.metadata!.name!,
          namespace: object.metadata!.namespace,
        },
      });
      const entry = live.metadata?.managedFields?.find(
        f => f.manager === FIELD_MANAGER && f.operation === 'Apply',
      );
      if (!entry) {
        throw new Error(
          `${object.kind} ${object.metadata?.namespace}/${object.metadata?.name} has no Apply entry of ${FIELD_MANAGER}`,
        );
      }
      return JSON.stringify(entry.fieldsV1);
    }),
  );
}

async function deleteNamespaces(
  kubeConfig: KubeConfig,
  names: string[],
): Promise<void> {
  if (names.length === 0) {
    return;
  }
  const core = kubeConfig.makeApiClient(CoreV1Api);
  log(`deleting the ${names.length} namespaces this run created`);
  await Promise.all(
    names.map(name =>
      core.deleteNamespace({ name }).catch((error: { code?: number }) => {
        if (error.code !== 404) {
          throw error;
        }
      }),
    ),
  );
  // the namespace controller empties and removes them: wait, so a platform
  // stopped right after does not keep them Terminating
  const deadline = Date.now() + 120_000;
  for (;;) {
    const existing = new Set(
      (await core.listNamespace()).items.map(ns => ns.metadata?.name),
    );
    const left = names.filter(name => existing.has(name));
    if (left.length === 0) {
      break;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `namespaces still Terminating after 120 s: ${left.join(', ')}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  log(`deleted ${names.length} namespaces`);
}

async function benchmark(
  platform: LocalPlatform,
  options: Options,
  checkInterrupted: () => void,
): Promise<void> {
  if (!fs.existsSync(platform.kubectlPath)) {
    throw new Error(
      `kubectl is missing at ${platform.kubectlPath}: \`yarn platform up\` builds it`,
    );
  }
  const started = Date.now();
  const plugin = requireWorkspacePackage<MlPlatformNode>(
    '@ml-platform/backstage-plugin-ml-platform-node',
  );
  log(`loaded the plugin's namespace code in ${Date.now() - started} ms`);
  const quota = plugin.DEFAULT_SIZE_PRESETS[options.size];
  if (!quota) {
    throw new Error(
      `--size ${options.size} is not one of ${Object.keys(
        plugin.DEFAULT_SIZE_PRESETS,
      ).join(', ')}`,
    );
  }
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(platform.kubeconfigPath);

  const run = Date.now().toString(36);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ns-'));
  const kubectlArgs = (file: string) => [
    `--kubeconfig=${platform.kubeconfigPath}`,
    // kubectl's discovery cache: per run, not the user's ~/.kube/cache
    `--cache-dir=${path.join(workDir, 'kube-cache')}`,
    'apply',
    '--server-side',
    `--field-manager=${FIELD_MANAGER}`,
    '-f',
    file,
  ];
  const created = new Set<string>();
  let failure: unknown;
  try {
    // render and write every manifest before anything is timed
    const rounds = [
      ...Array.from({ length: options.warmup }, (_, i) => `w${i}`),
      ...Array.from({ length: options.iterations }, (_, i) => String(i)),
    ].map((label, index) =>
      SIDES.map((side): Target => {
        const project = `${run}-${label}-${side}`;
        const name = `${TEAM}-${project}`;
        const objects = plugin.renderNamespaceObjects({
          name,
          team: TEAM,
          project,
          quota,
        });
        const manifestFile = path.join(workDir, `${name}.json`);
        fs.writeFileSync(
          manifestFile,
          JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }),
        );
        return {
          side,
          name,
          recorded: index >= options.warmup,
          objects,
          manifestFile,
        };
      }),
    );
    const objectCount = rounds[0][0].objects.length;
    const kubectlVersion = (
      await runKubectl(platform.kubectlPath, ['version', '--client'])
    )
      .split('\n')[0]
      .replace('Client Version: ', '');

    const samples = Object.fromEntries(
      PHASES.map(phase => [
        phase,
        { ours: [] as number[], kubectl: [] as number[] },
      ]),
    ) as Record<Phase, Record<Side, number[]>>;

    const apply = async (phase: Phase, target: Target) => {
      checkInterrupted();
      if (phase === 'create') {
        if (created.has(target.name)) {
          throw new Error(`${target.name} was created already`);
        }
        created.add(target.name);
      }
      const { ms, result } = await timed(async () =>
        target.side === 'ours'
          ? (
              await plugin.applyObjects(kubeConfig, target.objects)
            ).length
          : (
              await runKubectl(
                platform.kubectlPath,
                kubectlArgs(target.manifestFile),
              )
            ).match(/ serverside-applied$/gm)?.length ?? 0,
      );
      if (result !== target.objects.length) {
        throw new Error(
          `${target.side} applied ${result} of the ${target.objects.length} objects of ${target.name}`,
        );
      }
      if (target.recorded) {
        samples[phase][target.side].push(ms);
      }
    };

    for (const phase of PHASES) {
      log(
        `${phase}: ${options.warmup} warm-up + ${options.iterations} namespaces per side, interleaved`,
      );
      for (const [index, round] of rounds.entries()) {
        // alternate which side goes first, so neither always runs right after the other
        const ordered = index % 2 === 0 ? round : [...round].reverse();
        for (const target of ordered) {
          await apply(phase, target);
        }
      }
      if (phase === 'create') {
        // both sides must have applied the same thing for the comparison to mean anything
        const [ours, kubectl] = rounds[rounds.length - 1];
        const [oursFields, kubectlFields] = await Promise.all([
          appliedFields(kubeConfig, ours.objects),
          appliedFields(kubeConfig, kubectl.objects),
        ]);
        const differing = ours.objects
          .filter((_, i) => oursFields[i] !== kubectlFields[i])
          .map(o => o.kind);
        if (differing.length > 0) {
          throw new Error(
            `ours and kubectl own different fields of: ${differing.join(', ')}`,
          );
        }
      }
    }

    const rows = PHASES.map(phase => {
      const ours = summarize(samples[phase].ours);
      const kubectl = summarize(samples[phase].kubectl);
      return [
        phase,
        ours.n,
        formatMs(ours.median),
        formatMs(ours.p90),
        formatMs(kubectl.median),
        formatMs(kubectl.p90),
        formatRatio(ours.median, kubectl.median),
        formatRatio(ours.p90, kubectl.p90),
        ours.median / kubectl.median <= TARGET_RATIO ? 'yes' : 'NO',
      ];
    });
    process.stdout.write(
      [
        '',
        `namespace-apply: ${objectCount} objects per namespace (size ${options.size}), ${options.iterations} namespaces per side (+${options.warmup} warm-up), A/B interleaved; ratio = ours/kubectl`,
        `  ours:    applyObjects() in this process (server-side apply, field manager ${FIELD_MANAGER})`,
        `  kubectl: kubectl ${kubectlVersion} apply --server-side --field-manager=${FIELD_MANAGER} -f <v1 List>, one process per namespace`,
        `  apiserver ${platform.apiserverUrl} (Kubernetes ${platform.versions.kubernetes})`,
        '',
        renderTable(
          [
            'case',
            'n',
            'ours median ms',
            'ours p90 ms',
            'kubectl median ms',
            'kubectl p90 ms',
            'ratio median',
            'ratio p90',
            `ratio median <= ${TARGET_RATIO}`,
          ],
          rows,
        ),
        '',
      ].join('\n'),
    );
  } catch (error) {
    failure = error;
  }
  try {
    await deleteNamespaces(kubeConfig, [...created]);
  } catch (error) {
    failure ??= error;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  if (failure) {
    throw failure;
  }
}

runBenchmark('namespace-apply', readOptions, benchmark);
