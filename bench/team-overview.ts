/**
 * Benchmark: the team overview route (`GET /api/ml-platform/teams/:team/overview`,
 * permission check, catalog lookup, cluster reads) for a team of 20
 * namespaces in a cluster of 200 namespaces and 10,000 pods, against the
 * minimal list calls made directly with the Kubernetes client, on the local
 * platform's real kube-apiserver. See README.md.
 *
 *   node bench/team-overview.ts [--iterations 30] [--warmup 5] [--concurrency 48]
 *   node bench/team-overview.ts --cleanup
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import {
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  type KubernetesObject,
  type V1Pod,
} from '@kubernetes/client-node';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { LocalPlatform } from '@ml-platform/local-platform';
import { runBenchmark } from './lib/localPlatform.ts';
import { log } from './lib/log.ts';
import { countOption } from './lib/options.ts';
import { formatRatio, summarize, type Summary } from './lib/stats.ts';
import { renderTable } from './lib/table.ts';
import { formatMs, timed } from './lib/timing.ts';
import { requireWorkspacePackage } from './lib/workspace.ts';

type MlPlatformNode =
  typeof import('@ml-platform/backstage-plugin-ml-platform-node');
type MlPlatformCommon =
  typeof import('@ml-platform/backstage-plugin-ml-platform-common');
type PlatformBackendTestUtils =
  typeof import('@ml-platform/backstage-plugin-ml-platform-backend/src/__testUtils__/platformBackend');
type TeamOverview = Awaited<
  ReturnType<InstanceType<MlPlatformNode['TeamOverviewReader']>['read']>
>;

/** Every object the population creates carries this label (and only those). */
const BENCH_LABEL = 'bench.ml-platform.io/overview';
const BENCH_SELECTOR = `${BENCH_LABEL}=1`;

const TEAM = 'bench-team';
/** The team namespace and 19 project namespaces, `bench-team-p01` … `p19`. */
const PROJECTS = Array.from(
  { length: 19 },
  (_, i) => `p${String(i + 1).padStart(2, '0')}`,
);
const OTHER_NAMESPACES = 180;
/** Teams the other namespaces belong to (a quarter belong to none). */
const OTHER_TEAMS = 9;
const PODS_PER_NAMESPACE = 50;
const MEMBER = 'bench-member';
const OUTSIDER = 'bench-outsider';

const TARGET_RATIO = 2;
const TARGET_MEDIAN_MS = 100;

const SIDES = ['route', 'baseline', 'reader', 'denied'] as const;
type Side = (typeof SIDES)[number];
const SIDE_DESCRIPTIONS: Record<Side, string> = {
  route: `GET overview as ${MEMBER} over HTTP (the measured route)`,
  baseline: 'the same list calls with @kubernetes/client-node directly',
  reader: 'TeamOverviewReader.read() in this process (no HTTP, no permission)',
  denied: `GET overview as ${OUTSIDER}, not a member: 403 after the permission check`,
};

type Options = {
  iterations: number;
  warmup: number;
  concurrency: number;
  cleanup: boolean;
};

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      iterations: { type: 'string', default: '30' },
      warmup: { type: 'string', default: '5' },
      concurrency: { type: 'string', default: '48' },
      cleanup: { type: 'boolean', default: false },
    },
  });
  return {
    iterations: countOption('iterations', values.iterations, 1),
    warmup: countOption('warmup', values.warmup, 0),
    concurrency: countOption('concurrency', values.concurrency, 1),
    cleanup: values.cleanup,
  };
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Status code, reason and message of a failed client-node call (code undefined: no HTTP answer). */
function apiErrorOf(error: unknown): {
  code?: number;
  reason?: string;
  message: string;
} {
  const { code, body } = (error ?? {}) as { code?: unknown; body?: unknown };
  let status: { reason?: string; message?: string } | undefined;
  if (typeof body === 'string') {
    try {
      status = JSON.parse(body);
    } catch {
      status = { message: body };
    }
  } else if (body && typeof body === 'object') {
    status = body as typeof status;
  }
  return {
    code: typeof code === 'number' ? code : undefined,
    reason: status?.reason,
    message: status?.message ?? (error as Error)?.message ?? String(error),
  };
}

/**
 * Runs `fn` on every item with at most `concurrency` calls in flight; stops
 * starting new ones after the first failure (or an interrupt) and rethrows it.
 */
async function inPool<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
  checkInterrupted: () => void,
): Promise<void> {
  let next = 0;
  let failure: unknown;
  const worker = async () => {
    while (next < items.length && failure === undefined) {
      const item = items[next++];
      try {
        checkInterrupted();
        await fn(item);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, worker),
  );
  if (failure !== undefined) {
    throw failure;
  }
}

/**
 * Creates a pod; `false` when it exists already. Retries what a freshly
 * created namespace answers for a moment (no `default` service account yet,
 * quota status not computed yet), optimistic-lock conflicts on the quota and
 * an overloaded apiserver.
 */
async function createPod(
  core: CoreV1Api,
  namespace: string,
  body: V1Pod,
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      await core.createNamespacedPod({ namespace, body });
      return true;
    } catch (error) {
      const { code, reason, message } = apiErrorOf(error);
      if (code === 409 && reason === 'AlreadyExists') {
        return false;
      }
      const transient =
        code === undefined ||
        code === 409 ||
        code === 429 ||
        code >= 500 ||
        (code === 403 &&
          /error looking up service account|status unknown for quota/.test(
            message,
          ));
      if (!transient || attempt >= 60) {
        throw error;
      }
      await sleep(Math.min(1000, 50 * attempt));
    }
  }
}

function benchPod(name: string): V1Pod {
  return {
    metadata: { name, labels: { [BENCH_LABEL]: '1' } },
    spec: {
      automountServiceAccountToken: false,
      containers: [
        {
          name: 'main',
          image: 'registry.invalid/bench:1',
          // requests and limits, so the team quotas count the pods
          resources: {
            requests: { cpu: '10m', memory: '16Mi' },
            limits: { cpu: '20m', memory: '32Mi' },
          },
        },
      ],
    },
  };
}

/** The bench namespaces: name, and how to create it. */
type BenchNamespace =
  | { name: string; kind: 'team'; objects: KubernetesObject[] }
  | { name: string; kind: 'other'; labels: Record<string, string> };

function benchNamespaces(
  plugin: MlPlatformNode,
  common: MlPlatformCommon,
): BenchNamespace[] {
  const quota = { ...plugin.DEFAULT_SIZE_PRESETS.large, pods: 1000 };
  const team = [undefined, ...PROJECTS].map((project): BenchNamespace => {
    const name = project ? `${TEAM}-${project}` : TEAM;
    const objects = plugin
      .renderNamespaceObjects({ name, team: TEAM, project, quota })
      .map(object => ({
        ...object,
        metadata: {
          ...object.metadata,
          labels: { ...object.metadata?.labels, [BENCH_LABEL]: '1' },
        },
      }));
    return { name, kind: 'team', objects };
  });
  const others = Array.from(
    { length: OTHER_NAMESPACES },
    (_, i): BenchNamespace => ({
      name: `bench-other-${String(i).padStart(3, '0')}`,
      kind: 'other',
      labels: {
        [BENCH_LABEL]: '1',
        ...(i % 4 === 3
          ? {}
          : { [common.TEAM_LABEL]: `bench-other-team-${i % OTHER_TEAMS}` }),
      },
    }),
  );
  return [...team, ...others];
}

/** Waits until none of the labelled namespaces is left (or Terminating, with `terminatingOnly`). */
async function waitForNamespacesGone(
  core: CoreV1Api,
  terminatingOnly: boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = (
      await core.listNamespace({ labelSelector: BENCH_SELECTOR })
    ).items.filter(
      ns => !terminatingOnly || ns.status?.phase === 'Terminating',
    );
    if (left.length === 0) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${left.length} bench namespaces still there after ${
          timeoutMs / 1000
        } s, e.g. ${left[0].metadata?.name}`,
      );
    }
    await sleep(1000);
  }
}

type Population = {
  ms: number;
  namespacesCreated: number;
  podsCreated: number;
  podsPresent: number;
};

/**
 * Creates what is missing of the population (idempotent): 20 team
 * namespaces (server-side applied, as the provisioner does), 180 other
 * namespaces, 50 Pending pods in each.
 */
async function populate(
  kubeConfig: KubeConfig,
  plugin: MlPlatformNode,
  namespaces: BenchNamespace[],
  concurrency: number,
  checkInterrupted: () => void,
): Promise<Population> {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const { ms, result } = await timed(async () => {
    // a previous --cleanup may still be emptying namespaces
    await waitForNamespacesGone(core, true, 300_000);
    const existing = new Set(
      (await core.listNamespace({ labelSelector: BENCH_SELECTOR })).items.map(
        ns => ns.metadata?.name,
      ),
    );
    let namespacesCreated = 0;
    log(
      `population: applying ${
        namespaces.filter(ns => ns.kind === 'team').length
      } team namespaces, creating ${
        namespaces.filter(ns => ns.kind === 'other' && !existing.has(ns.name))
          .length
      } missing other namespaces`,
    );
    await inPool(
      namespaces,
      concurrency,
      async ns => {
        if (!existing.has(ns.name)) {
          namespacesCreated++;
        }
        if (ns.kind === 'team') {
          // re-applied every run: idempotent, and keeps the quota as rendered
          await plugin.applyObjects(kubeConfig, ns.objects);
        } else if (!existing.has(ns.name)) {
          await core.createNamespace({
            body: { metadata: { name: ns.name, labels: ns.labels } },
          });
        }
      },
      checkInterrupted,
    );

    const present = new Map<string, Set<string>>();
    await inPool(
      namespaces,
      concurrency,
      async ns => {
        const pods = await core.listNamespacedPod({
          namespace: ns.name,
          labelSelector: BENCH_SELECTOR,
        });
        present.set(ns.name, new Set(pods.items.map(p => p.metadata!.name!)));
      },
      checkInterrupted,
    );
    // pod j of every namespace before pod j + 1 of any: spreads the
    // concurrent creations (and their quota updates) over the namespaces
    const missing: Array<{ namespace: string; name: string }> = [];
    let podsPresent = 0;
    for (let j = 0; j < PODS_PER_NAMESPACE; j++) {
      const name = `bench-pod-${String(j).padStart(2, '0')}`;
      for (const ns of namespaces) {
        if (present.get(ns.name)?.has(name)) {
          podsPresent++;
        } else {
          missing.push({ namespace: ns.name, name });
        }
      }
    }
    log(
      `population: ${podsPresent} pods present, creating ${missing.length} (${concurrency} in flight)`,
    );
    let podsCreated = 0;
    let lastReport = Date.now();
    await inPool(
      missing,
      concurrency,
      async ({ namespace, name }) => {
        if (await createPod(core, namespace, benchPod(name))) {
          podsCreated++;
        } else {
          podsPresent++;
        }
        if (Date.now() - lastReport > 5000) {
          lastReport = Date.now();
          log(`population: ${podsCreated}/${missing.length} pods created`);
        }
      },
      checkInterrupted,
    );
    return { namespacesCreated, podsCreated, podsPresent };
  });
  log(
    `population: done in ${(ms / 1000).toFixed(1)} s (${
      result.namespacesCreated
    } namespaces and ${result.podsCreated} pods created)`,
  );
  return { ms, ...result };
}

async function cleanup(kubeConfig: KubeConfig): Promise<void> {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const names = (
    await core.listNamespace({ labelSelector: BENCH_SELECTOR })
  ).items.map(ns => ns.metadata!.name!);
  log(
    `cleanup: deleting ${names.length} namespaces labelled ${BENCH_SELECTOR}`,
  );
  await Promise.all(
    names.map(name =>
      core.deleteNamespace({ name }).catch((error: unknown) => {
        if (apiErrorOf(error).code !== 404) {
          throw error;
        }
      }),
    ),
  );
  // the namespace controller deletes their pods first
  await waitForNamespacesGone(core, false, 600_000);
  log(`cleanup: deleted ${names.length} namespaces and their pods`);
}

/** The cluster's object counts, cheaply: one item per list, plus remainingItemCount. */
async function clusterCounts(
  core: CoreV1Api,
): Promise<{ namespaces: number; pods: number }> {
  const count = (list: {
    items: unknown[];
    metadata?: { remainingItemCount?: number };
  }) => list.items.length + (list.metadata?.remainingItemCount ?? 0);
  const [namespaces, pods] = await Promise.all([
    core.listNamespace({ limit: 1 }),
    core.listPodForAllNamespaces({ limit: 1 }),
  ]);
  return { namespaces: count(namespaces), pods: count(pods) };
}

/**
 * The baseline: the list calls TeamOverviewReader.read() makes, in the same
 * shape (namespaces by team label and each workload kind cluster-wide in
 * parallel, then per namespace quotas, pods and Warning events in
 * parallel), without any processing of the results.
 */
async function listDirectly(
  core: CoreV1Api,
  customObjects: CustomObjectsApi,
  plugin: MlPlatformNode,
  common: MlPlatformCommon,
): Promise<{ namespaces: number; pods: number }> {
  const [namespaceList] = await Promise.all([
    core.listNamespace({ labelSelector: `${common.TEAM_LABEL}=${TEAM}` }),
    Promise.all(
      plugin.WORKLOAD_SOURCES.map(({ group, version, plural }) =>
        customObjects
          .listClusterCustomObject({ group, version, plural })
          .catch((error: unknown) => {
            if (apiErrorOf(error).code === 404) {
              return { items: [] };
            }
            throw error;
          }),
      ),
    ),
  ]);
  const perNamespace = await Promise.all(
    namespaceList.items.map(ns => {
      const namespace = ns.metadata!.name!;
      return Promise.all([
        core.listNamespacedResourceQuota({ namespace }),
        core.listNamespacedPod({ namespace }),
        core.listNamespacedEvent({ namespace, fieldSelector: 'type=Warning' }),
      ]);
    }),
  );
  return {
    namespaces: perNamespace.length,
    pods: perNamespace.reduce((sum, [, pods]) => sum + pods.items.length, 0),
  };
}

/** Namespaces and Pod total of an overview. */
function overviewCounts(overview: TeamOverview): {
  namespaces: number;
  pods: number;
} {
  return {
    namespaces: overview.namespaces.length,
    pods: overview.namespaces.reduce(
      (sum, ns) => sum + (ns.workloads.find(w => w.kind === 'Pod')?.total ?? 0),
      0,
    ),
  };
}

function expectCounts(
  side: Side,
  counts: { namespaces: number; pods: number },
): void {
  const expected = {
    namespaces: 1 + PROJECTS.length,
    pods: (1 + PROJECTS.length) * PODS_PER_NAMESPACE,
  };
  if (
    counts.namespaces !== expected.namespaces ||
    counts.pods !== expected.pods
  ) {
    throw new Error(
      `${side} saw ${counts.namespaces} namespaces and ${counts.pods} pods of ${TEAM}, expected ${expected.namespaces} and ${expected.pods}`,
    );
  }
}

async function benchmark(
  platform: LocalPlatform,
  options: Options,
  checkInterrupted: () => void,
): Promise<void> {
  let started = Date.now();
  const plugin = requireWorkspacePackage<MlPlatformNode>(
    '@ml-platform/backstage-plugin-ml-platform-node',
  );
  const common = requireWorkspacePackage<MlPlatformCommon>(
    '@ml-platform/backstage-plugin-ml-platform-common',
  );
  log(`loaded the plugin's code in ${Date.now() - started} ms`);
  // the backend's own KubeConfig for the cluster it is configured with
  const kubeConfig = plugin.makeKubeConfig({
    name: 'local',
    url: platform.apiserverUrl,
    token: platform.backendToken,
    caData: platform.caData,
    skipTLSVerify: false,
  });
  if (options.cleanup) {
    await cleanup(kubeConfig);
    return;
  }

  const namespaces = benchNamespaces(plugin, common);
  const population = await populate(
    kubeConfig,
    plugin,
    namespaces,
    options.concurrency,
    checkInterrupted,
  );
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const customObjects = kubeConfig.makeApiClient(CustomObjectsApi);
  const cluster = await clusterCounts(core);

  started = Date.now();
  const { startPlatformBackend } =
    requireWorkspacePackage<PlatformBackendTestUtils>(
      '@ml-platform/backstage-plugin-ml-platform-backend/src/__testUtils__/platformBackend',
    );
  const backend = await startPlatformBackend({
    platform,
    organisation: {
      teams: [
        TEAM,
        ...Array.from(
          { length: OTHER_TEAMS },
          (_, i) => `bench-other-team-${i}`,
        ),
      ],
      members: { [MEMBER]: [TEAM], [OUTSIDER]: ['bench-other-team-0'] },
      admins: [],
    },
    // every request reads the cluster, as the reader and kubectl do (the
    // shared reads a portal keeps for a few seconds are bench:load's subject)
    extraConfig: { kubernetes: { cacheSeconds: 0 } },
  });
  log(
    `started the backend (ml-platform, permission backend and policy) in ${
      Date.now() - started
    } ms, port ${backend.server.port()}`,
  );
  try {
    const url = `http://127.0.0.1:${backend.server.port()}/api/ml-platform/teams/${TEAM}/overview`;
    const reader = new plugin.TeamOverviewReader(kubeConfig, {
      name: 'local',
      url: platform.apiserverUrl,
    });
    const teamRef = `group:default/${TEAM}`;
    const get = async (user: string) => {
      const response = await fetch(url, {
        headers: {
          authorization: mockCredentials.user.header(`user:default/${user}`),
        },
      });
      return { status: response.status, text: await response.text() };
    };
    let responseBytes = 0;
    let responseCounts = { namespaces: 0, pods: 0 };

    /** One call of a side; checks what it returned, returns its time. */
    const runSide = async (side: Side): Promise<number> => {
      checkInterrupted();
      switch (side) {
        case 'route': {
          const { ms, result } = await timed(() => get(MEMBER));
          if (result.status !== 200) {
            throw new Error(
              `the route answered ${result.status}: ${result.text.slice(
                0,
                500,
              )}`,
            );
          }
          responseBytes = Buffer.byteLength(result.text);
          responseCounts = overviewCounts(JSON.parse(result.text));
          expectCounts(side, responseCounts);
          return ms;
        }
        case 'baseline': {
          const { ms, result } = await timed(() =>
            listDirectly(core, customObjects, plugin, common),
          );
          expectCounts(side, result);
          return ms;
        }
        case 'reader': {
          const { ms, result } = await timed(() => reader.read(TEAM, teamRef));
          expectCounts(side, overviewCounts(result));
          return ms;
        }
        case 'denied': {
          const { ms, result } = await timed(() => get(OUTSIDER));
          if (result.status !== 403) {
            throw new Error(
              `the route answered ${OUTSIDER} with ${result.status}, expected 403`,
            );
          }
          return ms;
        }
        default:
          throw new Error(`unknown side ${side satisfies never}`);
      }
    };

    const samples = Object.fromEntries(
      SIDES.map(side => [side, [] as number[]]),
    ) as Record<Side, number[]>;
    // CPU time of this process (backend included) per call: less sensitive
    // to other work on the machine than the wall clock
    const cpuSamples = Object.fromEntries(
      SIDES.map(side => [side, [] as number[]]),
    ) as Record<Side, number[]>;
    const loadBefore = os.loadavg()[0];
    const rounds = options.warmup + options.iterations;
    log(
      `measuring: ${options.warmup} warm-up + ${
        options.iterations
      } rounds of ${SIDES.join(', ')}, interleaved`,
    );
    for (let round = 0; round < rounds; round++) {
      // rotate which side goes first, so none always runs right after another
      const ordered = SIDES.map((_, i) => SIDES[(i + round) % SIDES.length]);
      for (const side of ordered) {
        const cpuBefore = process.cpuUsage();
        const ms = await runSide(side);
        const cpu = process.cpuUsage(cpuBefore);
        if (round >= options.warmup) {
          samples[side].push(ms);
          cpuSamples[side].push((cpu.user + cpu.system) / 1000);
        }
      }
    }

    const loadAfter = os.loadavg()[0];
    const stats = Object.fromEntries(
      SIDES.map(side => [side, summarize(samples[side])]),
    ) as Record<Side, Summary>;
    const cpuStats = Object.fromEntries(
      SIDES.map(side => [side, summarize(cpuSamples[side])]),
    ) as Record<Side, Summary>;
    const { route, baseline } = stats;
    process.stdout.write(
      [
        '',
        `team-overview: GET /api/ml-platform/teams/${TEAM}/overview as a team member, ${options.iterations} runs per side (+${options.warmup} warm-up), interleaved; ratio = route/baseline`,
        `  cluster:    ${cluster.namespaces} namespaces (${
          namespaces.length
        } of the benchmark: ${
          1 + PROJECTS.length
        } of ${TEAM}, ${OTHER_NAMESPACES} others), ${
          cluster.pods
        } pods (all Pending); apiserver ${platform.apiserverUrl} (Kubernetes ${
          platform.versions.kubernetes
        })`,
        `  population: ${(population.ms / 1000).toFixed(1)} s (${
          population.namespacesCreated
        } namespaces and ${population.podsCreated} pods created, ${
          population.podsPresent
        } pods already there; ${options.concurrency} in flight)`,
        `  response:   ${responseCounts.namespaces} namespaces, ${
          responseCounts.pods
        } pods, ${(responseBytes / 1024).toFixed(1)} KiB`,
        `  machine:    ${
          os.cpus().length
        } CPUs, load average (1 min) ${loadBefore.toFixed(
          1,
        )} before and ${loadAfter.toFixed(1)} after the measured rounds`,
        `  route:      ${SIDE_DESCRIPTIONS.route}`,
        `  baseline:   ${SIDE_DESCRIPTIONS.baseline}: ${
          1 + plugin.WORKLOAD_SOURCES.length + 3 * (1 + PROJECTS.length)
        } lists, in parallel as the reader makes them`,
        '',
        renderTable(
          [
            'case',
            'n',
            'route median ms',
            'route p90 ms',
            'baseline median ms',
            'baseline p90 ms',
            'ratio median',
            'ratio p90',
            `ratio median <= ${TARGET_RATIO}`,
            `route median <= ${TARGET_MEDIAN_MS} ms`,
          ],
          [
            [
              'warm',
              route.n,
              formatMs(route.median),
              formatMs(route.p90),
              formatMs(baseline.median),
              formatMs(baseline.p90),
              formatRatio(route.median, baseline.median),
              formatRatio(route.p90, baseline.p90),
              route.median / baseline.median <= TARGET_RATIO ? 'yes' : 'NO',
              route.median <= TARGET_MEDIAN_MS ? 'yes' : 'NO',
            ],
          ],
        ),
        '',
        'Where the time goes (same rounds):',
        '',
        renderTable(
          [
            'side',
            'n',
            'median ms',
            'p90 ms',
            'min ms',
            'max ms',
            'median / baseline',
            'CPU ms median',
            'what',
          ],
          SIDES.map(side => [
            side,
            stats[side].n,
            formatMs(stats[side].median),
            formatMs(stats[side].p90),
            formatMs(stats[side].min),
            formatMs(stats[side].max),
            formatRatio(stats[side].median, baseline.median),
            formatMs(cpuStats[side].median),
            SIDE_DESCRIPTIONS[side],
          ]),
        ),
        '',
      ].join('\n'),
    );
  } finally {
    await backend.stop();
  }
}

runBenchmark('team-overview', readOptions, benchmark);
