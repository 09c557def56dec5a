/**
 * Benchmark: a load run of signed-in users (50 for 60 s by default, each
 * thinking 1 s on average between answer and next request) over the team
 * overview of a 20-namespace team, the model page and the run search,
 * through the backend with the real permission backend and policy, on the
 * local platform's real kube-apiserver and MLflow: requests/s, latency
 * percentiles and errors per route, and the backend process's memory before
 * and after, against one user on the same routes in the same run; then the
 * same users without thinking (the backend's capacity).
 * See README.md.
 *
 *   node --expose-gc bench/load.ts [--users 50] [--seconds 60] [--think-ms 1000] [--warmup-seconds 10] [--baseline-seconds 10] [--saturation-seconds 20]
 *   node bench/load.ts --cleanup
 *
 * BENCH_LOAD_USERS, BENCH_LOAD_SECONDS and BENCH_LOAD_THINK_MS set the
 * defaults of --users, --seconds and --think-ms.
 */
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import {
  CoreV1Api,
  type KubeConfig,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { LocalPlatform } from '@ml-platform/local-platform';
import { BENCH_MODEL, seedBenchModel } from './lib/benchModel.ts';
import {
  runClosedLoop,
  type LoadPhase,
  type LoadRequest,
  type PhaseResult,
} from './lib/closedLoop.ts';
import { runBenchmark } from './lib/localPlatform.ts';
import { log } from './lib/log.ts';
import { formatMiB, sampleMemory, type MemorySample } from './lib/memory.ts';
import { countOption } from './lib/options.ts';
import { formatRatio, percentile } from './lib/stats.ts';
import { renderTable, type Cell } from './lib/table.ts';
import { formatMs } from './lib/timing.ts';
import { requireWorkspacePackage } from './lib/workspace.ts';

type MlPlatformNode =
  typeof import('@ml-platform/backstage-plugin-ml-platform-node');
type MlPlatformCommon =
  typeof import('@ml-platform/backstage-plugin-ml-platform-common');
type PlatformBackendTestUtils =
  typeof import('@ml-platform/backstage-plugin-ml-platform-backend/src/__testUtils__/platformBackend');

/** Every object the benchmark provisions carries this label (and only those). */
const LOAD_LABEL = 'bench.ml-platform.io/load';
const LOAD_SELECTOR = `${LOAD_LABEL}=1`;

/** The team of the overview: the team namespace and 19 project namespaces, `bench-load-p01` … `p19`. */
const TEAM = 'bench-load';
const PROJECTS = Array.from(
  { length: 19 },
  (_, i) => `p${String(i + 1).padStart(2, '0')}`,
);
const USER_PREFIX = 'bench-load-user-';
const RUN_ORDER_BY = 'metrics.val_accuracy DESC';
const REQUEST_TIMEOUT_MS = 30_000;

const TARGET_OVERVIEW_P99_MS = 250;
/** See README.md, "load": why 8 MiB of heap, and why RSS is not judged. */
const HEAP_GROWTH_LIMIT_MIB = 8;

const ROUTES = ['overview', 'model', 'run search'] as const;
type Route = (typeof ROUTES)[number];
/** The rows of the tables: each route, then all of them. */
const ROUTE_ROWS: Array<{ name: string; routes: readonly string[] }> = [
  ...ROUTES.map(route => ({ name: route, routes: [route] })),
  { name: 'all', routes: ROUTES },
];

type Options = {
  users: number;
  seconds: number;
  thinkMs: number;
  warmupSeconds: number;
  baselineSeconds: number;
  saturationSeconds: number;
  cleanup: boolean;
};

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      users: { type: 'string', default: process.env.BENCH_LOAD_USERS ?? '50' },
      seconds: {
        type: 'string',
        default: process.env.BENCH_LOAD_SECONDS ?? '60',
      },
      'think-ms': {
        type: 'string',
        default: process.env.BENCH_LOAD_THINK_MS ?? '1000',
      },
      'warmup-seconds': { type: 'string', default: '10' },
      'baseline-seconds': { type: 'string', default: '10' },
      'saturation-seconds': { type: 'string', default: '20' },
      cleanup: { type: 'boolean', default: false },
    },
  });
  return {
    users: countOption('users', values.users, 1),
    seconds: countOption('seconds', values.seconds, 1),
    thinkMs: countOption('think-ms', values['think-ms'], 0),
    warmupSeconds: countOption('warmup-seconds', values['warmup-seconds'], 0),
    baselineSeconds: countOption(
      'baseline-seconds',
      values['baseline-seconds'],
      1,
    ),
    saturationSeconds: countOption(
      'saturation-seconds',
      values['saturation-seconds'],
      0,
    ),
    cleanup: values.cleanup,
  };
}

/** The 20 namespaces of the team, rendered as the provisioner renders them, labelled for --cleanup. */
function teamNamespaces(
  plugin: MlPlatformNode,
): Array<{ name: string; objects: KubernetesObject[] }> {
  return [undefined, ...PROJECTS].map(project => {
    const name = project ? `${TEAM}-${project}` : TEAM;
    const objects = plugin
      .renderNamespaceObjects({
        name,
        team: TEAM,
        project,
        quota: plugin.DEFAULT_SIZE_PRESETS.small,
      })
      .map(object => ({
        ...object,
        metadata: {
          ...object.metadata,
          labels: { ...object.metadata?.labels, [LOAD_LABEL]: '1' },
        },
      }));
    return { name, objects };
  });
}

/** Names of the team's namespaces; waits while one is still Terminating (a previous --cleanup). */
async function existingTeamNamespaces(
  core: CoreV1Api,
  common: MlPlatformCommon,
): Promise<Set<string>> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const { items } = await core.listNamespace({
      labelSelector: `${common.TEAM_LABEL}=${TEAM}`,
    });
    const terminating = items.filter(ns => ns.status?.phase === 'Terminating');
    if (terminating.length === 0) {
      return new Set(items.map(ns => ns.metadata!.name!));
    }
    if (Date.now() > deadline) {
      throw new Error(
        `namespace ${terminating[0].metadata?.name} of team ${TEAM} is still Terminating after 300 s`,
      );
    }
    await sleep(1000);
  }
}

/**
 * Provisions the team namespace and its 19 projects where they are absent
 * (server-side apply with the suite's `applyObjects`, as the provisioner
 * does); returns how many it created.
 */
async function provisionTeam(
  kubeConfig: KubeConfig,
  plugin: MlPlatformNode,
  common: MlPlatformCommon,
): Promise<number> {
  const existing = await existingTeamNamespaces(
    kubeConfig.makeApiClient(CoreV1Api),
    common,
  );
  const missing = teamNamespaces(plugin).filter(ns => !existing.has(ns.name));
  log(
    `team ${TEAM}: ${existing.size} namespaces present, provisioning ${missing.length}`,
  );
  await Promise.all(
    missing.map(ns => plugin.applyObjects(kubeConfig, ns.objects)),
  );
  return missing.length;
}

async function cleanup(kubeConfig: KubeConfig): Promise<void> {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const names = (
    await core.listNamespace({ labelSelector: LOAD_SELECTOR })
  ).items.map(ns => ns.metadata!.name!);
  log(`cleanup: deleting ${names.length} namespaces labelled ${LOAD_SELECTOR}`);
  await Promise.all(
    names.map(name =>
      core.deleteNamespace({ name }).catch((error: unknown) => {
        if ((error as { code?: number }).code !== 404) {
          throw error;
        }
      }),
    ),
  );
  const deadline = Date.now() + 300_000;
  while (
    (await core.listNamespace({ labelSelector: LOAD_SELECTOR })).items.length >
    0
  ) {
    if (Date.now() > deadline) {
      throw new Error(
        `namespaces labelled ${LOAD_SELECTOR} still there after 300 s`,
      );
    }
    await sleep(1000);
  }
  log(
    `cleanup: deleted ${names.length} namespaces (the model stays: bench:model-page --cleanup removes it)`,
  );
}

/** One request of each route as one user, checking what it answers before any load. */
async function checkRoutes(
  requests: Record<Route, LoadRequest>,
  authorization: string,
): Promise<{ overviewBytes: number; runs: number }> {
  const call = async (route: Route) => {
    const { method, url, body } = requests[route];
    const response = await fetch(url, {
      method,
      headers: {
        authorization,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body,
    });
    const text = await response.text();
    if (response.status !== 200) {
      throw new Error(
        `${route} (${method} ${url}) answered ${response.status}: ${text.slice(
          0,
          500,
        )}`,
      );
    }
    return { text, json: JSON.parse(text) };
  };
  const overview = await call('overview');
  if (overview.json.namespaces.length !== 1 + PROJECTS.length) {
    throw new Error(
      `the overview of ${TEAM} lists ${
        overview.json.namespaces.length
      } namespaces, expected ${1 + PROJECTS.length}`,
    );
  }
  const model = (await call('model')).json;
  if (
    model.versions.length !== BENCH_MODEL.versions ||
    model.versions.some((v: { run?: unknown }) => !v.run)
  ) {
    throw new Error(
      `the model page of ${BENCH_MODEL.name} has ${model.versions.length} versions, expected ${BENCH_MODEL.versions} with their runs`,
    );
  }
  const search = (await call('run search')).json;
  if (search.runs.length < BENCH_MODEL.versions) {
    throw new Error(
      `the run search of ${BENCH_MODEL.experiment} found ${search.runs.length} runs, expected at least ${BENCH_MODEL.versions}`,
    );
  }
  return {
    overviewBytes: Buffer.byteLength(overview.text),
    runs: search.runs.length,
  };
}

/** Latency percentiles, throughput and errors of some routes of a phase. */
type Figures = {
  requests: number;
  perSecond: number;
  p50?: number;
  p95?: number;
  p99?: number;
  max?: number;
  errors: number;
};

function figuresOf(phase: PhaseResult, routes: readonly string[]): Figures {
  const results = phase.routes.filter(r => routes.includes(r.route));
  const latencies = results.flatMap(r => r.latenciesMs);
  const errors = results.reduce((sum, r) => sum + r.errors, 0);
  const requests = latencies.length + errors;
  const at = (p: number) =>
    latencies.length > 0 ? percentile(latencies, p) : undefined;
  return {
    requests,
    perSecond: requests / (phase.elapsedMs / 1000),
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: at(100),
    errors,
  };
}

const ms = (value: number | undefined) =>
  value === undefined ? 'n/a' : formatMs(value);
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined ? 'n/a' : formatRatio(a, b);

function errorLines(phase: PhaseResult): string[] {
  return phase.routes
    .filter(r => r.errors > 0)
    .map(
      r =>
        `  errors of ${r.route}: ${Object.entries(r.statuses)
          .filter(([status]) => !status.startsWith('2'))
          .map(([status, n]) => `${status} x${n}`)
          .join(', ')}; first: ${r.errorSamples.join(' | ')}`,
    );
}

/** The three routes as the load client sends them. */
function routeRequests(
  api: string,
  experimentId: string,
): Record<Route, LoadRequest> {
  return {
    overview: {
      route: 'overview',
      method: 'GET',
      url: `${api}/teams/${TEAM}/overview`,
    },
    model: {
      route: 'model',
      method: 'GET',
      url: `${api}/models/${encodeURIComponent(BENCH_MODEL.name)}`,
    },
    'run search': {
      route: 'run search',
      method: 'POST',
      url: `${api}/runs/search`,
      body: JSON.stringify({
        experimentIds: [experimentId],
        orderBy: [RUN_ORDER_BY],
        maxResults: 100,
      }),
    },
  };
}

/** One closed-loop phase of `users` (their authorization headers) over the routes in turn, with progress on stderr. */
async function runPhase(
  name: string,
  requests: Record<Route, LoadRequest>,
  users: string[],
  seconds: number,
  thinkMs: number,
  checkInterrupted: () => void,
): Promise<PhaseResult> {
  log(
    `${name}: ${users.length} users for ${seconds} s, thinking ${thinkMs} ms`,
  );
  const spec: LoadPhase = {
    users,
    requests: ROUTES.map(route => requests[route]),
    seconds,
    thinkMs,
    timeoutMs: REQUEST_TIMEOUT_MS,
  };
  const result = await runClosedLoop(
    spec,
    progress =>
      log(
        `${name}: ${(progress.elapsedMs / 1000).toFixed(0)}/${seconds} s, ${
          progress.requests
        } requests, ${progress.errors} errors`,
      ),
    checkInterrupted,
  );
  errorLines(result).forEach(line => log(`${name}:${line}`));
  return result;
}

async function benchmark(
  platform: LocalPlatform,
  options: Options,
  checkInterrupted: () => void,
): Promise<void> {
  const plugin = requireWorkspacePackage<MlPlatformNode>(
    '@ml-platform/backstage-plugin-ml-platform-node',
  );
  const common = requireWorkspacePackage<MlPlatformCommon>(
    '@ml-platform/backstage-plugin-ml-platform-common',
  );
  const kubeConfig = plugin.makeKubeConfig({
    name: 'local',
    url: platform.apiserverUrl,
    token: platform.adminToken,
    caData: platform.caData,
    skipTLSVerify: false,
  });
  if (options.cleanup) {
    await cleanup(kubeConfig);
    return;
  }
  const forcedGc = typeof (globalThis as { gc?: unknown }).gc === 'function';
  if (!forcedGc) {
    log(
      'no --expose-gc: heap used is measured without a forced GC and not judged (./scripts/yarn bench:load passes the flag)',
    );
  }

  const created = await provisionTeam(kubeConfig, plugin, common);
  const mlflow = new plugin.MlflowClient({ baseUrl: platform.mlflowUrl });
  await seedBenchModel(mlflow);
  const experiment = await mlflow.getExperimentByName(BENCH_MODEL.experiment);
  if (!experiment) {
    throw new Error(
      `MLflow has no experiment ${BENCH_MODEL.experiment} after seeding`,
    );
  }

  const users = Array.from(
    { length: options.users },
    (_, i) => `${USER_PREFIX}${String(i + 1).padStart(2, '0')}`,
  );
  const { startPlatformBackend } =
    requireWorkspacePackage<PlatformBackendTestUtils>(
      '@ml-platform/backstage-plugin-ml-platform-backend/src/__testUtils__/platformBackend',
    );
  const backend = await startPlatformBackend({
    platform,
    organisation: {
      teams: [TEAM, BENCH_MODEL.team],
      members: Object.fromEntries(
        users.map(user => [user, [TEAM, BENCH_MODEL.team]]),
      ),
      admins: [],
    },
    extraConfig: { mlflow: { baseUrl: platform.mlflowUrl } },
  });
  try {
    const requests = routeRequests(
      `http://127.0.0.1:${backend.server.port()}/api/ml-platform`,
      experiment.experiment_id,
    );
    const authorizations = users.map(user =>
      mockCredentials.user.header(`user:default/${user}`),
    );
    const checked = await checkRoutes(requests, authorizations[0]);

    const phase = (
      name: string,
      phaseUsers: string[],
      seconds: number,
      thinkMs: number,
    ) =>
      runPhase(name, requests, phaseUsers, seconds, thinkMs, checkInterrupted);

    if (options.warmupSeconds > 0) {
      await phase(
        'warm-up',
        authorizations,
        options.warmupSeconds,
        options.thinkMs,
      );
    }
    const single = await phase(
      'baseline',
      authorizations.slice(0, 1),
      options.baselineSeconds,
      0,
    );
    checkInterrupted();
    const memoryBefore = await sampleMemory();
    const loadBefore = os.loadavg()[0];
    const loaded = await phase(
      'load',
      authorizations,
      options.seconds,
      options.thinkMs,
    );
    const loadAfter = os.loadavg()[0];
    const memoryAfter = await sampleMemory();
    const saturated =
      options.saturationSeconds > 0
        ? await phase(
            'saturation',
            authorizations,
            options.saturationSeconds,
            0,
          )
        : undefined;

    process.stdout.write(
      report({
        options,
        platform,
        requests,
        experimentId: experiment.experiment_id,
        users,
        created,
        checked,
        single,
        loaded,
        saturated,
        memoryBefore,
        memoryAfter,
        loadBefore,
        loadAfter,
      }),
    );
  } finally {
    await backend.stop();
  }
}

/** Requests, throughput, latency percentiles and errors of a phase, per route and for all. */
function routeTable(phase: PhaseResult): string {
  return renderTable(
    [
      'route',
      'requests',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      'errors',
    ],
    ROUTE_ROWS.map(({ name, routes }) => {
      const f = figuresOf(phase, routes);
      return [
        name,
        f.requests,
        f.perSecond.toFixed(1),
        ms(f.p50),
        ms(f.p95),
        ms(f.p99),
        ms(f.max),
        f.errors,
      ];
    }),
  );
}

const memoryRow = (name: string, before: number, after: number): Cell[] => [
  name,
  formatMiB(before),
  formatMiB(after),
  formatMiB(after - before),
];

function report(run: {
  options: Options;
  platform: LocalPlatform;
  requests: Record<Route, LoadRequest>;
  experimentId: string;
  users: string[];
  created: number;
  checked: { overviewBytes: number; runs: number };
  single: PhaseResult;
  loaded: PhaseResult;
  saturated?: PhaseResult;
  memoryBefore: MemorySample;
  memoryAfter: MemorySample;
  loadBefore: number;
  loadAfter: number;
}): string {
  const { options, single, loaded, memoryBefore, memoryAfter } = run;
  const n = options.users;
  const all = figuresOf(loaded, ROUTES);
  const overview = figuresOf(loaded, ['overview']);
  const heapGrowth = memoryAfter.heapUsedBytes - memoryBefore.heapUsedBytes;
  const heapLimit = HEAP_GROWTH_LIMIT_MIB * 1024 * 1024;
  const judged = memoryBefore.forcedGc && memoryAfter.forcedGc;
  const path = (route: Route) =>
    `${run.requests[route].method} ${
      new URL(run.requests[route].url).pathname
    }`;
  const yes = (holds: boolean) => (holds ? 'yes' : 'NO');

  const targets: Cell[][] = [
    [
      'zero errors (non-2xx or network), all routes',
      String(all.errors),
      yes(all.errors === 0),
    ],
    [
      `overview p99 <= ${TARGET_OVERVIEW_P99_MS} ms`,
      `${ms(overview.p99)} ms`,
      yes(overview.p99 !== undefined && overview.p99 <= TARGET_OVERVIEW_P99_MS),
    ],
    [
      `heap used growth <= ${HEAP_GROWTH_LIMIT_MIB} MiB (after a forced GC)`,
      `${formatMiB(heapGrowth)} MiB`,
      judged ? yes(heapGrowth <= heapLimit) : 'not judged (no --expose-gc)',
    ],
  ];

  return [
    '',
    `load: ${n} signed-in users in a closed loop for ${options.seconds} s (+${options.warmupSeconds} s warm-up), each sending the 3 routes in turn and thinking ${options.thinkMs} ms on average (0.5 to 1.5 times) between an answer and the next request; baseline: 1 user without thinking for ${options.baselineSeconds} s in the same run; ratio = ${n} users / 1 user`,
    `  overview:   ${path('overview')}: ${
      1 + PROJECTS.length
    } namespaces (${TEAM} and ${PROJECTS.length} projects; ${
      run.created
    } provisioned by this run), ${(run.checked.overviewBytes / 1024).toFixed(
      1,
    )} KiB`,
    `  model:      ${path('model')}: ${
      BENCH_MODEL.versions
    } versions with their source runs`,
    `  run search: ${path('run search')}: experiment ${
      BENCH_MODEL.experiment
    } (id ${run.experimentId}), ${run.checked.runs} runs, ${RUN_ORDER_BY}`,
    `  users:      ${run.users[0]} … ${
      run.users[run.users.length - 1]
    }, members of ${TEAM} and ${
      BENCH_MODEL.team
    } (test-kit user tokens; real permission backend and policy)`,
    `  backend:    in this process (startPlatformBackend), load client in a worker thread; apiserver ${run.platform.apiserverUrl}, MLflow ${run.platform.mlflowUrl}`,
    `  machine:    ${
      os.cpus().length
    } CPUs, load average (1 min) ${run.loadBefore.toFixed(
      1,
    )} before and ${run.loadAfter.toFixed(1)} after the load`,
    '',
    `${n} users, ${(loaded.elapsedMs / 1000).toFixed(1)} s:`,
    '',
    routeTable(loaded),
    ...errorLines(loaded),
    '',
    `Against 1 user on the same routes (${(single.elapsedMs / 1000).toFixed(
      1,
    )} s, same run):`,
    '',
    renderTable(
      [
        'route',
        '1 user req/s',
        '1 user p50 ms',
        '1 user p99 ms',
        `${n} users p50 ms`,
        `${n} users p99 ms`,
        'ratio p50',
        'ratio p99',
        'ratio req/s',
      ],
      ROUTE_ROWS.map(({ name, routes }) => {
        const one = figuresOf(single, routes);
        const many = figuresOf(loaded, routes);
        return [
          name,
          one.perSecond.toFixed(1),
          ms(one.p50),
          ms(one.p99),
          ms(many.p50),
          ms(many.p99),
          ratio(many.p50, one.p50),
          ratio(many.p99, one.p99),
          formatRatio(many.perSecond, one.perSecond),
        ];
      }),
    ),
    ...errorLines(single).map(line => `  (1 user)${line}`),
    '',
    ...(run.saturated
      ? [
          `Capacity: the same ${n} users without thinking (each sends its next request on the answer), ${(
            run.saturated.elapsedMs / 1000
          ).toFixed(1)} s after the load; reported, not judged:`,
          '',
          routeTable(run.saturated),
          ...errorLines(run.saturated).map(line => `  (capacity)${line}`),
          '',
        ]
      : []),
    `Memory of the backend's process (${
      judged ? 'after a forced GC' : 'no forced GC'
    }, before and after the ${options.seconds} s):`,
    '',
    renderTable(
      ['measure', 'before MiB', 'after MiB', 'growth MiB'],
      [
        memoryRow('RSS', memoryBefore.rssBytes, memoryAfter.rssBytes),
        memoryRow(
          'heap used',
          memoryBefore.heapUsedBytes,
          memoryAfter.heapUsedBytes,
        ),
      ],
    ),
    `  ${HEAP_GROWTH_LIMIT_MIB} MiB over ${
      all.requests
    } requests: a leak of more than ${(
      heapLimit / Math.max(1, all.requests)
    ).toFixed(0)} bytes per request exceeds it; RSS is shown, not judged`,
    '',
    'Targets:',
    '',
    renderTable(['target', 'measured', 'holds'], targets),
    '',
  ].join('\n');
}

runBenchmark('load', readOptions, benchmark);
