import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  loadYaml,
  PatchStrategy,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { FIELD_MANAGER } from './crds.ts';
import { MLFLOW_ENV, venvPython } from './mlflow.ts';
import type { PlatformPaths, StateLayout } from './paths.ts';
import { sleep, tailFile } from './processes.ts';
import type { Reporter } from './progress.ts';
import { DEMO_PROJECT, renderDemoWorkloads } from './demoWorkloads.ts';
import { DEMO_TEAMS, renderTeamObjects } from './teams.ts';

export const SEED_SCRIPT = 'seed_mlflow.py';

/** Server-side applies the manifests in order, as the seed's field manager. */
async function applyServerSide(
  objects: KubernetesObjectApi,
  manifests: object[],
): Promise<void> {
  for (const manifest of manifests) {
    // Through loadYaml: the client's typed serializer would otherwise drop
    // wire-format fields whose model names differ (LimitRange `default`).
    await objects.patch(
      loadYaml<KubernetesObject>(JSON.stringify(manifest)),
      undefined,
      undefined,
      FIELD_MANAGER,
      true,
      PatchStrategy.ServerSideApply,
    );
  }
}

/**
 * Applies the team namespaces, quotas, limit ranges and role bindings with
 * server-side apply, then waits until the quota controller has filled in
 * every quota's `status.used`: until then quota admission rejects creates
 * with "status unknown for quota".
 */
export async function seedKubernetes(
  kubeconfigPath: string,
  report: Reporter,
  timeoutMs = 60_000,
): Promise<void> {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  const objects = kc.makeApiClient(KubernetesObjectApi);
  const core = kc.makeApiClient(CoreV1Api);
  const manifests = renderTeamObjects();
  await applyServerSide(objects, manifests);
  report(
    'seed kubernetes',
    `applied ${manifests.length} objects (namespaces ${DEMO_TEAMS.map(
      t => t.team,
    ).join(', ')})`,
  );
  const quotas = manifests.filter(m => m.kind === 'ResourceQuota');
  const deadline = Date.now() + timeoutMs;
  for (const quota of quotas) {
    for (;;) {
      const current = await core.readNamespacedResourceQuota({
        name: quota.metadata.name,
        namespace: quota.metadata.namespace,
      });
      const used = current.status?.used ?? {};
      if (Object.keys(quota.spec.hard).every(k => k in used)) {
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `ResourceQuota ${quota.metadata.namespace}/${
            quota.metadata.name
          } has no status.used after ${
            timeoutMs / 1000
          }s: is kube-controller-manager running? (see its log)`,
        );
      }
      await sleep(250);
    }
  }
  report(
    'seed kubernetes',
    'quota controller has computed status.used of every team quota',
  );
}

/** Runs platform/seed/seed_mlflow.py in the MLflow venv against the running server. */
export async function seedMlflow(
  paths: PlatformPaths,
  layout: StateLayout,
  venv: string,
  trackingUri: string,
  report: Reporter,
): Promise<void> {
  const script = path.join(paths.seedDir, SEED_SCRIPT);
  const logFile = path.join(layout.logsDir, 'seed-mlflow.log');
  fs.mkdirSync(layout.logsDir, { recursive: true });
  fs.appendFileSync(logFile, `\n===== ${new Date().toISOString()} ${script}\n`);
  const teams = DEMO_TEAMS.map(t => ({
    team: t.team,
    project: t.project,
    ...t.mlflow,
  }));
  const child = spawn(
    venvPython(venv),
    [script, '--teams-json', JSON.stringify(teams)],
    {
      cwd: paths.seedDir,
      env: { ...process.env, ...MLFLOW_ENV, MLFLOW_TRACKING_URI: trackingUri },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    fs.appendFileSync(logFile, chunk);
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('seed: ')) {
        report('seed mlflow', line.slice('seed: '.length));
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => fs.appendFileSync(logFile, chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) {
    throw new Error(
      `The MLflow seed failed (exit code ${code})\n--- last lines of ${logFile} ---\n${tailFile(
        logFile,
      )}`,
    );
  }
}

/**
 * The champion version of a registered model and where MLflow says its files
 * are (get-download-uri resolves MLflow 3's `models:/` sources), as the
 * registry says.
 */
async function championVersion(
  trackingUri: string,
  name: string,
): Promise<{ version: string; location: string }> {
  const read = async (route: string) => {
    const res = await fetch(`${trackingUri}/api/2.0/mlflow/${route}`, {
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) {
      throw new Error(
        `MLflow at ${trackingUri} answered ${route} with HTTP ${res.status}: has the seed registered ${name}?`,
      );
    }
    return res.json();
  };
  const query = `name=${encodeURIComponent(name)}`;
  const { model_version: champion } = await read(
    `registered-models/alias?${query}&alias=champion`,
  );
  const { artifact_uri: location } = await read(
    `model-versions/get-download-uri?${query}&version=${champion.version}`,
  );
  return { version: String(champion.version), location };
}

/**
 * Applies the demo workloads of demoWorkloads.ts (server-side apply, so a
 * re-run changes nothing): their controllers make the pods.
 */
export async function seedWorkloads(
  kubeconfigPath: string,
  trackingUri: string,
  report: Reporter,
): Promise<void> {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  const objects = kc.makeApiClient(KubernetesObjectApi);
  const manifests = renderDemoWorkloads(
    await championVersion(trackingUri, DEMO_PROJECT.model),
  );
  await applyServerSide(objects, manifests);
  report(
    'seed workloads',
    `applied ${manifests
      .filter(
        m =>
          ![
            'ResourceQuota',
            'LimitRange',
            'RoleBinding',
            'ServiceAccount',
          ].includes(m.kind),
      )
      .map(m => `${m.kind} ${m.metadata.name}`)
      .join(', ')} in ${DEMO_PROJECT.namespace}`,
  );
}
