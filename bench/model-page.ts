/**
 * Benchmark: the model page's backend route (`GET /api/ml-platform/models/:name`:
 * permission checks, registered model, its versions, their source runs and
 * experiments) for a model of 4 versions, warm, against the same MLflow REST
 * calls made directly with fetch, on the local platform's real MLflow.
 * See README.md.
 *
 *   node bench/model-page.ts [--iterations 50] [--warmup 10]
 *   node bench/model-page.ts --cleanup
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { LocalPlatform } from '@ml-platform/local-platform';
import {
  BENCH_MODEL,
  deleteBenchModel,
  seedBenchModel,
} from './lib/benchModel.ts';
import { runBenchmark } from './lib/localPlatform.ts';
import { log } from './lib/log.ts';
import { countOption } from './lib/options.ts';
import { formatRatio, summarize, type Summary } from './lib/stats.ts';
import { renderTable } from './lib/table.ts';
import { formatMs, timed } from './lib/timing.ts';
import { requireWorkspacePackage } from './lib/workspace.ts';

type MlPlatformNode =
  typeof import('@ml-platform/backstage-plugin-ml-platform-node');
type PlatformBackendTestUtils =
  typeof import('@ml-platform/backstage-plugin-ml-platform-backend/src/__testUtils__/platformBackend');

const { team: TEAM, name: MODEL, versions: VERSIONS } = BENCH_MODEL;
const MEMBER = 'bench-model-member';
const TARGET_MEDIAN_MS = 150;

const SIDES = ['route', 'baseline'] as const;
type Side = (typeof SIDES)[number];

type Options = { iterations: number; warmup: number; cleanup: boolean };

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      iterations: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '10' },
      cleanup: { type: 'boolean', default: false },
    },
  });
  return {
    iterations: countOption('iterations', values.iterations, 1),
    warmup: countOption('warmup', values.warmup, 0),
    cleanup: values.cleanup,
  };
}

/**
 * The baseline: the MLflow REST calls the route makes, in the same shape
 * (model, then its versions, then their runs in parallel, then their
 * experiment), with plain fetch and no processing.
 */
async function restDirectly(baseUrl: string): Promise<number> {
  const api = `${baseUrl}/api/2.0/mlflow`;
  const getJson = async (path: string) => {
    const response = await fetch(`${api}${path}`);
    if (!response.ok) {
      throw new Error(`${path}: HTTP ${response.status}`);
    }
    return response.json();
  };
  await getJson(`/registered-models/get?name=${encodeURIComponent(MODEL)}`);
  const { model_versions: versions } = await getJson(
    `/model-versions/search?filter=${encodeURIComponent(
      `name = '${MODEL}'`,
    )}&max_results=1000`,
  );
  const runs = await Promise.all(
    versions.map((v: { run_id: string }) =>
      getJson(`/runs/get?run_id=${v.run_id}`),
    ),
  );
  const experimentIds = new Set(
    runs.map(r => r.run.info.experiment_id as string),
  );
  await Promise.all(
    [...experimentIds].map(id =>
      getJson(`/experiments/get?experiment_id=${id}`),
    ),
  );
  return versions.length;
}

async function benchmark(
  platform: LocalPlatform,
  options: Options,
  checkInterrupted: () => void,
): Promise<void> {
  const plugin = requireWorkspacePackage<MlPlatformNode>(
    '@ml-platform/backstage-plugin-ml-platform-node',
  );
  const client = new plugin.MlflowClient({ baseUrl: platform.mlflowUrl });
  if (options.cleanup) {
    await deleteBenchModel(client);
    return;
  }
  await seedBenchModel(client);

  const { startPlatformBackend } =
    requireWorkspacePackage<PlatformBackendTestUtils>(
      '@ml-platform/backstage-plugin-ml-platform-backend/src/__testUtils__/platformBackend',
    );
  const backend = await startPlatformBackend({
    platform,
    organisation: { teams: [TEAM], members: { [MEMBER]: [TEAM] }, admins: [] },
    // every request asks MLflow, as the baseline does (the answers a portal
    // shares for a few seconds are bench:load's subject)
    extraConfig: { mlflow: { baseUrl: platform.mlflowUrl, cacheSeconds: 0 } },
  });
  try {
    const url = `http://127.0.0.1:${backend.server.port()}/api/ml-platform/models/${MODEL}`;
    const authorization = mockCredentials.user.header(`user:default/${MEMBER}`);
    let responseBytes = 0;
    const runSide = async (side: Side): Promise<number> => {
      checkInterrupted();
      if (side === 'route') {
        const { ms, result } = await timed(async () => {
          const response = await fetch(url, { headers: { authorization } });
          return { status: response.status, text: await response.text() };
        });
        if (result.status !== 200) {
          throw new Error(
            `the route answered ${result.status}: ${result.text.slice(0, 500)}`,
          );
        }
        const body = JSON.parse(result.text);
        if (
          body.versions.length !== VERSIONS ||
          body.versions.some((v: { run?: unknown }) => !v.run)
        ) {
          throw new Error(
            `the route returned ${body.versions.length} versions, expected ${VERSIONS} with their runs`,
          );
        }
        responseBytes = Buffer.byteLength(result.text);
        return ms;
      }
      const { ms, result } = await timed(() =>
        restDirectly(platform.mlflowUrl),
      );
      if (result !== VERSIONS) {
        throw new Error(`baseline saw ${result} versions`);
      }
      return ms;
    };

    const samples: Record<Side, number[]> = { route: [], baseline: [] };
    const loadBefore = os.loadavg()[0];
    const rounds = options.warmup + options.iterations;
    log(
      `measuring: ${options.warmup} warm-up + ${options.iterations} rounds, interleaved`,
    );
    for (let round = 0; round < rounds; round++) {
      const ordered = round % 2 === 0 ? SIDES : [...SIDES].reverse();
      for (const side of ordered) {
        const ms = await runSide(side);
        if (round >= options.warmup) {
          samples[side].push(ms);
        }
      }
    }
    const loadAfter = os.loadavg()[0];
    const stats = Object.fromEntries(
      SIDES.map(side => [side, summarize(samples[side])]),
    ) as Record<Side, Summary>;
    const { route, baseline } = stats;
    process.stdout.write(
      [
        '',
        `model-page: GET /api/ml-platform/models/${MODEL} as a team member, ${options.iterations} runs per side (+${options.warmup} warm-up), interleaved; ratio = route/baseline`,
        `  model:     ${VERSIONS} versions, each from its own run (3 metrics x 20 steps, 3 params), 2 aliases; MLflow ${platform.mlflowUrl}`,
        `  response:  ${(responseBytes / 1024).toFixed(1)} KiB`,
        `  machine:   ${
          os.cpus().length
        } CPUs, load average (1 min) ${loadBefore.toFixed(
          1,
        )} before and ${loadAfter.toFixed(1)} after`,
        `  route:     HTTP through the backend with the real permission backend and policy`,
        `  baseline:  the same ${
          3 + VERSIONS
        } MLflow REST calls with fetch (model, versions, ${VERSIONS} runs in parallel, experiment)`,
        '',
        renderTable(
          ['side', 'median ms', 'p90 ms', 'min ms', 'max ms'],
          SIDES.map(side => [
            side,
            formatMs(stats[side].median),
            formatMs(stats[side].p90),
            formatMs(stats[side].min),
            formatMs(stats[side].max),
          ]),
        ),
        '',
        `  route median ${formatMs(
          route.median,
        )} ms (target <= ${TARGET_MEDIAN_MS} ms): ${
          route.median <= TARGET_MEDIAN_MS ? 'met' : 'NOT met'
        }; ratio route/baseline ${formatRatio(
          route.median,
          baseline.median,
        )} (median), ${formatRatio(route.p90, baseline.p90)} (p90)`,
        '',
      ].join('\n'),
    );
  } finally {
    await backend.stop();
  }
}

runBenchmark('model-page', readOptions, benchmark);
