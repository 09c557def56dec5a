/**
 * Benchmark: the MLflow model entity provider's full sync of a registry of
 * 5,000 models with 4 versions each, against the same paginated REST calls
 * made with plain fetch, on a dedicated MLflow server (the local platform's
 * MLflow version, its own SQLite database). See README.md.
 *
 *   node bench/model-sync.ts [--models 5000] [--versions 4] [--iterations 7] [--warmup 1] [--reseed]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { LocalPlatform } from '@ml-platform/local-platform';
import { loadConfig } from '@ml-platform/local-platform/src/config.ts';
import {
  MLFLOW_ENV,
  mlflowVersion,
  venvDir,
  venvPython,
} from '@ml-platform/local-platform/src/mlflow.ts';
import { runBenchmark } from './lib/localPlatform.ts';
import { log } from './lib/log.ts';
import { countOption } from './lib/options.ts';
import { formatRatio, summarize, type Summary } from './lib/stats.ts';
import { renderTable } from './lib/table.ts';
import { formatMs, timed } from './lib/timing.ts';
import { requireWorkspacePackage } from './lib/workspace.ts';

type MlflowModule =
  typeof import('@ml-platform/backstage-plugin-catalog-backend-module-mlflow');
type MlPlatformNode =
  typeof import('@ml-platform/backstage-plugin-ml-platform-node');

const TARGET_RATIO = 1.3;
const PAGE_SIZE = 1000;
const SEED_SCRIPT = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'lib',
  'seed_model_registry.py',
);
const THIS_FILE = fileURLToPath(import.meta.url);

const SIDES = ['provider', 'baseline'] as const;
type Side = (typeof SIDES)[number];
const SIDE_DESCRIPTIONS: Record<Side, string> = {
  provider:
    'MlflowModelProvider.refresh(): every page through MlflowClient, entities built, one full mutation (captured)',
  baseline: `the same GET registered-models/search calls (${PAGE_SIZE} per page) with plain fetch, JSON parsed`,
};

type Options = {
  models: number;
  versions: number;
  iterations: number;
  warmup: number;
  reseed: boolean;
};

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      models: { type: 'string', default: '5000' },
      versions: { type: 'string', default: '4' },
      iterations: { type: 'string', default: '7' },
      warmup: { type: 'string', default: '1' },
      reseed: { type: 'boolean', default: false },
    },
  });
  return {
    models: countOption('models', values.models, 1),
    versions: countOption('versions', values.versions, 1),
    iterations: countOption('iterations', values.iterations, 1),
    warmup: countOption('warmup', values.warmup, 0),
    reseed: values.reseed,
  };
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function run(
  command: string,
  args: string[],
  logFile: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'a');
    const child = spawn(command, args, {
      env: { ...process.env, ...MLFLOW_ENV },
      stdio: ['ignore', 'pipe', out],
    });
    let stdout = '';
    child.stdout?.on('data', chunk => {
      stdout += chunk;
    });
    child.once('error', reject);
    child.once('exit', code => {
      fs.closeSync(out);
      if (code === 0) {
        resolve(stdout);
      } else {
        reject(
          new Error(
            `${path.basename(command)} exited with ${code}; see ${logFile}`,
          ),
        );
      }
    });
  });
}

/**
 * The benchmark's registry: a SQLite database of its own under the cache
 * folder, seeded once (a marker file records what it holds) and reused.
 */
async function ensureRegistry(
  venv: string,
  dir: string,
  options: Options,
): Promise<{ db: string; seededMs?: number }> {
  fs.mkdirSync(dir, { recursive: true });
  const base = `registry-${options.models}x${
    options.versions
  }-mlflow-${mlflowVersion()}`;
  const db = path.join(dir, `${base}.db`);
  const marker = path.join(dir, `${base}.seeded.json`);
  if (!options.reseed && fs.existsSync(marker) && fs.existsSync(db)) {
    log(`registry: reusing ${db} (${fs.readFileSync(marker, 'utf8').trim()})`);
    return { db };
  }
  fs.rmSync(db, { force: true });
  fs.rmSync(marker, { force: true });
  log(
    `registry: seeding ${options.models} models x ${options.versions} versions into ${db} through MLflow's store (once; later runs reuse it)`,
  );
  const { ms, result } = await timed(() =>
    run(
      venvPython(venv),
      [
        SEED_SCRIPT,
        `sqlite:///${db}`,
        String(options.models),
        String(options.versions),
      ],
      path.join(dir, 'seed.log'),
    ),
  );
  fs.writeFileSync(marker, `${result.trim()}\n`);
  log(`registry: seeded in ${(ms / 1000).toFixed(1)} s: ${result.trim()}`);
  return { db, seededMs: ms };
}

/** An `mlflow server` of the platform's virtualenv on the benchmark's database. */
async function startMlflow(
  venv: string,
  dir: string,
  db: string,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(dir, 'mlflow-server.log');
  const out = fs.openSync(logFile, 'w');
  const child: ChildProcess = spawn(
    path.join(venv, 'bin', 'mlflow'),
    [
      'server',
      `--backend-store-uri=sqlite:///${db}`,
      `--artifacts-destination=${path.join(dir, 'artifacts')}`,
      '--host=127.0.0.1',
      `--port=${port}`,
      '--workers=1',
    ],
    {
      cwd: dir,
      env: {
        ...process.env,
        ...MLFLOW_ENV,
        MLFLOW_SERVER_ENABLE_JOB_EXECUTION: 'false',
      },
      // its own process group: stopping it stops uvicorn's worker too
      detached: true,
      stdio: ['ignore', out, out],
    },
  );
  fs.closeSync(out);
  let exited = false;
  const exit = new Promise<void>(resolve =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (exited || child.pid === undefined) {
      return;
    }
    process.kill(-child.pid, 'SIGTERM');
    const killed = await Promise.race([
      exit.then(() => true),
      sleep(10_000).then(() => false),
    ]);
    if (!killed) {
      process.kill(-child.pid, 'SIGKILL');
      await exit;
    }
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited) {
      throw new Error(`mlflow server exited at start; see ${logFile}`);
    }
    const ok = await fetch(`${url}/health`).then(
      response => response.ok,
      () => false,
    );
    if (ok) {
      break;
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`mlflow server not ready after 180 s; see ${logFile}`);
    }
    await sleep(250);
  }
  return { url, stop };
}

/** The baseline: every page of the registered model search with plain fetch. */
async function fetchAllPages(mlflowUrl: string): Promise<number> {
  let token: string | undefined;
  let models = 0;
  do {
    const url = new URL(`${mlflowUrl}/api/2.0/mlflow/registered-models/search`);
    url.searchParams.set('max_results', String(PAGE_SIZE));
    if (token) {
      url.searchParams.set('page_token', token);
    }
    const response = await fetch(url, {
      headers: { accept: 'application/json' },
    });
    if (!response.ok) {
      throw new Error(
        `search answered ${response.status}: ${await response.text()}`,
      );
    }
    const body = (await response.json()) as {
      registered_models?: unknown[];
      next_page_token?: string;
    };
    models += body.registered_models?.length ?? 0;
    token = body.next_page_token || undefined;
  } while (token);
  return models;
}

/** Both sides, ready to run one sync each. */
function makeSides(mlflowUrl: string) {
  const plugin = requireWorkspacePackage<MlflowModule>(
    '@ml-platform/backstage-plugin-catalog-backend-module-mlflow',
  );
  const node = requireWorkspacePackage<MlPlatformNode>(
    '@ml-platform/backstage-plugin-ml-platform-node',
  );
  const silent = () => {};
  const logger: ConstructorParameters<
    MlflowModule['MlflowModelProvider']
  >[0]['logger'] = {
    debug: silent,
    info: silent,
    warn: silent,
    error: silent,
    child: () => logger,
  };
  let lastEntities = 0;
  // the catalog keeps what it is given: so does the capture, until the next sync
  let captured: unknown;
  const provider = new plugin.MlflowModelProvider({
    providerId: 'bench',
    client: new node.MlflowClient({ baseUrl: mlflowUrl }),
    mlflowExternalUrl: mlflowUrl,
    ownerTag: 'ml-platform.io/team',
    defaultOwner: 'group:default/platform-admins',
    logger,
    taskRunner: { run: async () => undefined },
  });
  const connected = provider.connect({
    applyMutation: async mutation => {
      captured = mutation;
      lastEntities = mutation.type === 'full' ? mutation.entities.length : 0;
    },
    refresh: async () => undefined,
  });
  return {
    async run(side: Side): Promise<number> {
      await connected;
      if (side === 'provider') {
        await provider.refresh();
        return captured ? lastEntities : 0;
      }
      return fetchAllPages(mlflowUrl);
    },
  };
}

/**
 * Memory of one side in a fresh Node.js process that loads the same code
 * (both packages, through the same SWC transform) and runs that side twice:
 * the RSS before its first run (the loaded code), the peak RSS
 * (`process.resourceUsage().maxRSS`), and the heap still used after a forced
 * garbage collection (what the side keeps).
 */
function probeMemory(side: Side, mlflowUrl: string): Promise<MemoryProbe> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--disable-warning=ExperimentalWarning',
        THIS_FILE,
        '--probe',
        side,
        '--mlflow-url',
        mlflowUrl,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let stdout = '';
    child.stdout?.on('data', chunk => {
      stdout += chunk;
    });
    child.once('error', reject);
    child.once('exit', code =>
      code === 0
        ? resolve(JSON.parse(stdout))
        : reject(new Error(`memory probe of ${side} exited with ${code}`)),
    );
  });
}

type MemoryProbe = {
  rssBefore: number;
  maxRss: number;
  heapBefore: number;
  heapAfter: number;
  models: number;
};

async function probeMain(side: Side, mlflowUrl: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  const sides = makeSides(mlflowUrl);
  gc();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  await sides.run(side);
  const models = await sides.run(side);
  gc();
  const probe: MemoryProbe = {
    rssBefore,
    maxRss: process.resourceUsage().maxRSS * 1024,
    heapBefore,
    heapAfter: process.memoryUsage().heapUsed,
    models,
  };
  process.stdout.write(JSON.stringify(probe));
}

/** Reads everything back through the REST API once: the counts the seed promised. */
async function verifyRegistry(
  mlflowUrl: string,
  options: Options,
): Promise<{ models: number; versions: number }> {
  const models = await fetchAllPages(mlflowUrl);
  const response = await fetch(
    `${mlflowUrl}/api/2.0/mlflow/model-versions/search?max_results=200000`,
  );
  const body = (await response.json()) as { model_versions?: unknown[] };
  const versions = body.model_versions?.length ?? 0;
  if (
    models !== options.models ||
    versions !== options.models * options.versions
  ) {
    throw new Error(
      `the registry holds ${models} models and ${versions} versions, expected ${
        options.models
      } and ${options.models * options.versions}; rerun with --reseed`,
    );
  }
  return { models, versions };
}

async function benchmark(
  _platform: LocalPlatform,
  options: Options,
  checkInterrupted: () => void,
): Promise<void> {
  const config = loadConfig();
  const venv = venvDir(config.paths);
  const dir = path.join(config.paths.cacheDir, 'bench-mlflow');
  const registry = await ensureRegistry(venv, dir, options);
  checkInterrupted();
  let started = Date.now();
  const server = await startMlflow(venv, dir, registry.db);
  log(`mlflow server ${server.url} ready in ${Date.now() - started} ms`);
  try {
    const contents = await verifyRegistry(server.url, options);
    log(
      `registry read back through REST: ${contents.models} models, ${contents.versions} versions`,
    );
    started = Date.now();
    const sides = makeSides(server.url);
    log(`loaded the plugin's code in ${Date.now() - started} ms`);

    const samples = { provider: [] as number[], baseline: [] as number[] };
    const cpuSamples = { provider: [] as number[], baseline: [] as number[] };
    const loadBefore = os.loadavg()[0];
    const rounds = options.warmup + options.iterations;
    log(
      `measuring: ${options.warmup} warm-up + ${
        options.iterations
      } rounds of ${SIDES.join(', ')}, interleaved`,
    );
    for (let round = 0; round < rounds; round++) {
      const ordered = round % 2 === 0 ? SIDES : [...SIDES].reverse();
      for (const side of ordered) {
        checkInterrupted();
        const cpuBefore = process.cpuUsage();
        const { ms, result } = await timed(() => sides.run(side));
        const cpu = process.cpuUsage(cpuBefore);
        if (result !== options.models) {
          throw new Error(
            `${side} saw ${result} models, expected ${options.models}`,
          );
        }
        if (round >= options.warmup) {
          samples[side].push(ms);
          cpuSamples[side].push((cpu.user + cpu.system) / 1000);
        }
        log(`round ${round + 1}/${rounds}: ${side} ${formatMs(ms)} ms`);
      }
    }
    const loadAfter = os.loadavg()[0];

    log('memory: one fresh process per side');
    const memory = {
      provider: await probeMemory('provider', server.url),
      baseline: await probeMemory('baseline', server.url),
    };

    const stats = {
      provider: summarize(samples.provider),
      baseline: summarize(samples.baseline),
    } as Record<Side, Summary>;
    const cpuStats = {
      provider: summarize(cpuSamples.provider),
      baseline: summarize(cpuSamples.baseline),
    } as Record<Side, Summary>;
    const { provider, baseline } = stats;
    const pages = Math.ceil(options.models / PAGE_SIZE);
    process.stdout.write(
      [
        '',
        `model-sync: full sync of ${options.models} registered models (${options.versions} versions each), ${options.iterations} runs per side (+${options.warmup} warm-up), interleaved; ratio = provider/baseline`,
        `  registry:   ${registry.db} (MLflow ${mlflowVersion()}, SQLite), ${
          registry.seededMs === undefined
            ? 'seeded by an earlier run'
            : `seeded in ${(registry.seededMs / 1000).toFixed(1)} s`
        }; read back through REST: ${options.models} models, ${
          options.models * options.versions
        } versions`,
        `  server:     mlflow server --workers=1 at ${server.url}; ${pages} pages of ${PAGE_SIZE}`,
        `  machine:    ${
          os.cpus().length
        } CPUs, load average (1 min) ${loadBefore.toFixed(
          1,
        )} before and ${loadAfter.toFixed(1)} after the measured rounds`,
        `  provider:   ${SIDE_DESCRIPTIONS.provider}`,
        `  baseline:   ${SIDE_DESCRIPTIONS.baseline}`,
        '',
        renderTable(
          [
            'case',
            'n',
            'provider median ms',
            'provider p90 ms',
            'baseline median ms',
            'baseline p90 ms',
            'ratio median',
            'ratio p90',
            `ratio median <= ${TARGET_RATIO}`,
          ],
          [
            [
              'full sync',
              provider.n,
              formatMs(provider.median),
              formatMs(provider.p90),
              formatMs(baseline.median),
              formatMs(baseline.p90),
              formatRatio(provider.median, baseline.median),
              formatRatio(provider.p90, baseline.p90),
              provider.median / baseline.median <= TARGET_RATIO ? 'yes' : 'NO',
            ],
          ],
        ),
        '',
        renderTable(
          [
            'side',
            'n',
            'median ms',
            'p90 ms',
            'min ms',
            'max ms',
            'CPU ms median',
            'RSS before MiB',
            'peak RSS MiB',
            'heap kept MiB',
          ],
          SIDES.map(side => [
            side,
            stats[side].n,
            formatMs(stats[side].median),
            formatMs(stats[side].p90),
            formatMs(stats[side].min),
            formatMs(stats[side].max),
            formatMs(cpuStats[side].median),
            mib(memory[side].rssBefore),
            mib(memory[side].maxRss),
            mib(memory[side].heapAfter - memory[side].heapBefore),
          ]),
        ),
        '',
        `Memory: each side alone in a fresh Node.js process that loads the same code and syncs twice. RSS before: the loaded code; peak RSS: process.resourceUsage().maxRSS (when V8 collects garbage moves it by tens of MiB); heap kept: heap used after a forced GC minus before the first sync (the provider keeps the ${
          options.models
        } entities it handed to the capturing connection, as a catalog would hold them). This process, all rounds of both sides: peak RSS ${mib(
          process.resourceUsage().maxRSS * 1024,
        )} MiB.`,
        '',
      ].join('\n'),
    );
  } finally {
    await server.stop();
    log('mlflow server stopped');
  }
}

const argv = process.argv.slice(2);
if (argv[0] === '--probe') {
  probeMain(argv[1] as Side, argv[3]).then(
    () => {
      process.exitCode = 0;
    },
    error => {
      process.stderr.write(`${error?.stack ?? error}\n`);
      process.exitCode = 1;
    },
  );
} else {
  runBenchmark('model-sync', readOptions, benchmark);
}
