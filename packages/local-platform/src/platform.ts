import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  ensureBinaries,
  goModVersion,
  linkBinary,
  type Binaries,
} from './binaries.ts';
import { ensureControllerKubeconfig } from './controllerIdentity.ts';
import { ensureOperators } from './operators.ts';
import {
  ensurePysparkVenv,
  SPARK_OPERATOR_NAMESPACE,
  sparkOperatorSpec,
  sparkWebhookConfigurationsOf,
  sparkWebhookSpec,
  sparkWebhookTrusted,
} from './spark.ts';
import {
  ensureSeldonServingCert,
  seldonOperatorSpec,
  seldonPrerequisites,
  seldonWebhook,
} from './seldon.ts';
import {
  controllerRbac,
  notebookControllerSpec,
  WORKLOAD_CONTROLLERS,
} from './workloadControllers.ts';
import {
  ensureNodes,
  KWOK_IDENTITY,
  kwokFiles,
  kwokSpec,
  SCHEDULER_IDENTITY,
  schedulerSpec,
} from './scheduling.ts';
import {
  COMPONENTS,
  ensureComponent,
  runningRecord,
  stopOrphans,
  type ComponentSpec,
} from './components.ts';
import type { PlatformConfig } from './config.ts';
import { crdsDigest, installCrds, loadCrds } from './crds.ts';
import { establishedCrds } from './kubeapi.ts';
import {
  adminConnection,
  apiserverSpec,
  controllerManagerSpec,
  etcdSpec,
  kubeStateMetricsSpec,
  writeAdminKubeconfig,
} from './kubernetes.ts';
import { acquireLock } from './lock.ts';
import {
  ensureMlflowVenv,
  mlflowSpec,
  mlflowUrl,
  mlflowVersion,
} from './mlflow.ts';
import {
  applyManifests,
  backendRbacFile,
  ensureBackendIdentity,
  loadManifests,
  readBackendToken,
} from './backendIdentity.ts';
import { ensurePki, writeSecret } from './pki.ts';
import { readRecord, removeRecord, stopRecorded } from './processes.ts';
import { formatDuration, type Reporter } from './progress.ts';
import {
  ensurePrometheusInstalled,
  prometheusSpec,
  writePrometheusConfig,
} from './prometheus.ts';
import {
  buildPlatformRecord,
  componentSpecs,
  platformInfo,
  readMarker,
  writeMarker,
  type LocalPlatform,
  type PlatformRecord,
} from './status.ts';
import { renderDemoWorkloads } from './demoWorkloads.ts';
import { DEMO_TEAMS, renderTeamObjects } from './teams.ts';

/** Runs tasks concurrently and waits for all of them; fails with every error, not just the first. */
async function allOrFail<T extends readonly unknown[]>(tasks: {
  [K in keyof T]: Promise<T[K]>;
}): Promise<T> {
  const results = await Promise.allSettled(tasks);
  const errors = results.flatMap(r =>
    r.status === 'rejected' ? [r.reason] : [],
  );
  if (errors.length === 1) {
    throw errors[0];
  }
  if (errors.length > 1) {
    throw new Error(
      errors
        .map(e => (e instanceof Error ? e.message : String(e)))
        .join('\n\n'),
    );
  }
  return results.map(
    r => (r as PromiseFulfilledResult<unknown>).value,
  ) as unknown as T;
}

async function runComponent(
  config: PlatformConfig,
  spec: ComponentSpec,
  report: Reporter,
): Promise<void> {
  const outcome = await ensureComponent(
    config.layout,
    config.ports,
    spec,
    report,
  );
  if (outcome === 'running') {
    const pid = runningRecord(config.layout, spec.name)?.pid;
    report(
      spec.name,
      `already running (pid ${pid})${spec.url ? ` at ${spec.url}` : ''}`,
    );
  }
}

type CrdMarker = { digest: string; names: string[] };

async function ensureCrds(
  config: PlatformConfig,
  report: Reporter,
): Promise<string[]> {
  const conn = adminConnection(config.layout, config.ports);
  const digest = crdsDigest(config.paths.crdsDir);
  const marker = readMarker<CrdMarker>(config.layout, 'crds');
  if (marker?.digest === digest) {
    const established = await establishedCrds(conn, marker.names);
    if (established.size === marker.names.length) {
      report('crds', `${marker.names.length} CRDs installed and Established`);
      return marker.names;
    }
  }
  const started = Date.now();
  report('crds', `server-side applying the CRDs of ${config.paths.crdsDir}`);
  const crds = loadCrds(config.paths.crdsDir);
  await installCrds(conn, crds, message => report('crds', message));
  const names = crds.map(c => c.name);
  writeMarker(config.layout, 'crds', { digest, names } satisfies CrdMarker);
  report(
    'crds',
    `${names.length} CRDs Established in ${formatDuration(
      Date.now() - started,
    )}`,
  );
  return names;
}

/** The portal backend's own, least-privileged identity (platform/rbac). */
async function ensureBackendToken(
  config: PlatformConfig,
  report: Reporter,
): Promise<void> {
  const token = await ensureBackendIdentity(
    adminConnection(config.layout, config.ports),
    backendRbacFile(config.paths.repoRoot),
  );
  if (readBackendToken(config.layout) !== token) {
    writeSecret(config.layout.backendToken, `${token}\n`);
  }
  report(
    'rbac',
    'the portal backend acts as ServiceAccount ml-platform/ml-platform-backend (platform/rbac/ml-platform-backend.yaml)',
  );
}

/** kube-scheduler and kwok, each as itself, and the nodes kwok plays, all Ready. */
async function ensureScheduling(
  config: PlatformConfig,
  bin: Binaries,
  report: Reporter,
): Promise<void> {
  const { paths, layout, ports } = config;
  const conn = adminConnection(layout, ports);
  const files = kwokFiles(paths);
  await applyManifests(conn, [
    ...loadManifests(files.rbac),
    ...loadManifests(files.storage),
  ]);
  await Promise.all(
    [SCHEDULER_IDENTITY, KWOK_IDENTITY].map(identity =>
      ensureControllerKubeconfig(layout, ports, identity),
    ),
  );
  await allOrFail([
    runComponent(config, schedulerSpec(bin, layout, ports), report),
    runComponent(config, kwokSpec(bin, paths, layout, ports), report),
  ] as const);
  const nodes = await ensureNodes(conn, files.nodes, message =>
    report('nodes', message),
  );
  report(
    'nodes',
    `${nodes.join(', ')} Ready (kwok, ${path.relative(
      paths.repoRoot,
      files.nodes,
    )})`,
  );
}

/** The upstream workload controllers, each as itself with its upstream ClusterRole. */
async function ensureWorkloadControllers(
  config: PlatformConfig,
  report: Reporter,
): Promise<void> {
  const { paths, layout, ports } = config;
  const conn = adminConnection(layout, ports);
  // the operators' own namespaces first: the Roles bound in them need them
  await applyManifests(conn, [
    ...seldonPrerequisites(paths),
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: SPARK_OPERATOR_NAMESPACE },
    },
  ]);
  for (const controller of WORKLOAD_CONTROLLERS) {
    await applyManifests(conn, controllerRbac(paths, controller));
    await ensureControllerKubeconfig(layout, ports, controller.identity);
  }
  await ensureSeldonServingCert(layout);
  await allOrFail([
    runComponent(config, notebookControllerSpec(paths, layout, ports), report),
    (async () => {
      // the webhook first: it trusts the configurations it finds, and the
      // apiserver sends the operator's driver pods through it
      await runComponent(
        config,
        sparkWebhookSpec(paths, layout, ports),
        report,
      );
      await applyManifests(conn, sparkWebhookConfigurationsOf(paths, ports));
      await waitUntil(
        () => sparkWebhookTrusted(conn),
        30_000,
        'the Spark webhook to put its CA into its webhook configurations (see logs/spark-webhook.log)',
      );
      await runComponent(
        config,
        sparkOperatorSpec(paths, layout, ports),
        report,
      );
    })(),
    runComponent(config, seldonOperatorSpec(paths, layout, ports), report),
  ] as const);
  // only once the operator answers: the apiserver refuses SeldonDeployments while it cannot reach it
  await applyManifests(conn, [
    seldonWebhook(fs.readFileSync(layout.caCert, 'utf8'), ports.seldonWebhook),
  ]);
}

async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs / 1000} s waiting for ${what}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

function inode(file: string): number {
  try {
    return fs.statSync(file).ino;
  } catch {
    return 0;
  }
}

/**
 * What a seed depends on: its inputs and the identity of the databases it
 * wrote to, so a wiped etcd or MLflow database is seeded again.
 */
function seedFingerprint(config: PlatformConfig): string {
  const script = path.join(config.paths.seedDir, 'seed_mlflow.py');
  return crypto
    .createHash('sha256')
    .update(
      JSON.stringify([
        renderTeamObjects(),
        DEMO_TEAMS,
        renderDemoWorkloads({
          version: 'from MLflow',
          location: 'mlflow-artifacts:/from-mlflow',
        }),
      ]),
    )
    .update(fs.existsSync(script) ? fs.readFileSync(script) : 'missing')
    .update(`${inode(config.layout.etcdData)}:${inode(config.layout.mlflowDb)}`)
    .digest('hex')
    .slice(0, 16);
}

async function runSeed(
  config: PlatformConfig,
  venv: string,
  force: boolean,
  report: Reporter,
): Promise<void> {
  const fingerprint = seedFingerprint(config);
  if (
    !force &&
    readMarker<{ fingerprint: string }>(config.layout, 'seed')?.fingerprint ===
      fingerprint
  ) {
    report(
      'seed',
      'demo data already seeded (`./scripts/yarn platform seed` applies it again)',
    );
    return;
  }
  const started = Date.now();
  // loaded only when seeding: the Kubernetes client takes a while to import
  const { seedKubernetes, seedMlflow, seedWorkloads } = await import(
    './seed.ts'
  );
  await seedKubernetes(config.layout.kubeconfig, report);
  await seedMlflow(
    config.paths,
    config.layout,
    venv,
    mlflowUrl(config.ports),
    report,
  );
  await seedWorkloads(
    config.layout.kubeconfig,
    mlflowUrl(config.ports),
    report,
  );
  writeMarker(config.layout, 'seed', { fingerprint });
  report('seed', `demo data seeded in ${formatDuration(Date.now() - started)}`);
}

function versions(config: PlatformConfig): LocalPlatform['versions'] {
  const goMod = (module: string) =>
    fs.readFileSync(
      path.join(config.paths.goModulesDir, module, 'go.mod'),
      'utf8',
    );
  return {
    kubernetes: goModVersion(goMod('kubernetes'), 'k8s.io/kubernetes'),
    etcd: goModVersion(goMod('etcd'), 'go.etcd.io/etcd/server/v3'),
    kubeStateMetrics: goModVersion(
      goMod('kube-state-metrics'),
      'k8s.io/kube-state-metrics/v2',
    ),
    kwok: goModVersion(goMod('kwok'), 'sigs.k8s.io/kwok'),
    mlflow: mlflowVersion(),
  };
}

export type UpOptions = { seed: boolean; forceSeed?: boolean };

/**
 * Brings everything up, idempotently: installs and builds what is missing,
 * starts what is not running, restarts what runs with another configuration,
 * and returns once every component is ready.
 */
export async function up(
  config: PlatformConfig,
  options: UpOptions,
  report: Reporter,
): Promise<LocalPlatform> {
  const { paths, layout, ports } = config;
  fs.mkdirSync(layout.stateDir, { recursive: true });
  const release = await acquireLock(layout.lockFile, 'up', {
    onWait: owner => report('lock', `waiting for ${owner} to finish`),
  });
  try {
    // fail fast on a missing CRD folder, before minutes of building
    crdsDigest(paths.crdsDir);
    const [bin, venv, prometheusBin] = await allOrFail([
      (async () => {
        const binaries = await ensureBinaries(paths, layout.logsDir, report);
        await ensureOperators(paths, layout.logsDir, report);
        return binaries;
      })(),
      (async () => {
        const mlflowVenv = await ensureMlflowVenv(
          paths,
          layout.logsDir,
          report,
        );
        await ensurePysparkVenv(paths, layout.logsDir, report);
        return mlflowVenv;
      })(),
      ensurePrometheusInstalled(layout.logsDir, report),
    ] as const);
    linkBinary(layout.binDir, bin.kubectl);
    const pki = await ensurePki(layout);
    if (pki.created.length) {
      report('pki', `created ${pki.created.join(', ')} in ${layout.pki}`);
    }
    writeAdminKubeconfig(layout, ports);
    writePrometheusConfig(layout, ports);
    fs.mkdirSync(layout.mlflowArtifacts, { recursive: true });

    const [crds] = await allOrFail([
      (async () => {
        await runComponent(config, etcdSpec(bin, layout, ports), report);
        await runComponent(config, apiserverSpec(bin, layout, ports), report);
        await runComponent(
          config,
          controllerManagerSpec(bin, layout, ports),
          report,
        );
        const names = await ensureCrds(config, report);
        await ensureBackendToken(config, report);
        await ensureScheduling(config, bin, report);
        await ensureWorkloadControllers(config, report);
        await runComponent(
          config,
          kubeStateMetricsSpec(bin, layout, ports),
          report,
        );
        return names;
      })(),
      runComponent(config, mlflowSpec(venv, layout, ports), report),
      runComponent(
        config,
        prometheusSpec(prometheusBin, layout, ports),
        report,
      ),
    ] as const);

    const previous = readMarker<{ fingerprint: string }>(layout, 'seed');
    if (options.seed || options.forceSeed) {
      await runSeed(config, venv, Boolean(options.forceSeed), report);
    } else {
      report('seed', 'skipped (--no-seed)');
    }
    const seeded = Boolean(options.seed || options.forceSeed || previous);
    const record: PlatformRecord = buildPlatformRecord(
      config,
      crds,
      seeded,
      versions(config),
    );
    fs.writeFileSync(
      layout.platformFile,
      `${JSON.stringify(record, null, 2)}\n`,
    );
    return platformInfo(config)!;
  } finally {
    release();
  }
}

/** Stops exactly the processes `up` recorded, after checking each is still the process that was started. */
export async function down(
  config: PlatformConfig,
  report: Reporter,
): Promise<void> {
  const { layout } = config;
  if (!fs.existsSync(layout.stateDir)) {
    report('platform', `nothing to stop (no state in ${layout.stateDir})`);
    return;
  }
  const release = await acquireLock(layout.lockFile, 'down', {
    onWait: owner => report('lock', `waiting for ${owner} to finish`),
  });
  try {
    const specs = componentSpecs(config);
    for (const name of [...COMPONENTS].reverse()) {
      const record = readRecord(layout.pidsDir, name);
      if (!record) {
        await stopOrphans(specs[name], report);
        continue;
      }
      const result = await stopRecorded(record);
      const messages = {
        stopped: `stopped (pid ${record.pid})`,
        killed: `did not stop on SIGTERM, killed (pid ${record.pid})`,
        'not-running': `was not running (pid ${record.pid} gone)`,
        'not-ours': `pid ${record.pid} is now another process: left alone`,
      };
      report(name, messages[result]);
      removeRecord(layout.pidsDir, name);
    }
    fs.rmSync(layout.platformFile, { force: true });
  } finally {
    release();
  }
}

/** Removes the state folder after `down`; refuses anything that does not look like one. */
export function purgeState(config: PlatformConfig, report: Reporter): void {
  const { layout, paths } = config;
  const dir = path.resolve(layout.stateDir);
  const looksLikeState =
    fs.existsSync(layout.pki) ||
    fs.existsSync(layout.logsDir) ||
    fs.existsSync(layout.pidsDir);
  if (!fs.existsSync(dir)) {
    return;
  }
  if (
    !looksLikeState ||
    dir === paths.repoRoot ||
    dir === path.parse(dir).root ||
    dir === process.env.HOME
  ) {
    throw new Error(
      `Refusing to delete ${dir}: it does not look like a local-platform state folder`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
  report('platform', `deleted ${dir}`);
}

/** `yarn platform seed`: applies the demo data again on a running platform. */
export async function seed(
  config: PlatformConfig,
  report: Reporter,
): Promise<LocalPlatform> {
  return up(config, { seed: true, forceSeed: true }, report);
}
