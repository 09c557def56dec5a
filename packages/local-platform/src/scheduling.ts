import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { Binaries } from './binaries.ts';
import { applyManifests, type Manifest } from './backendIdentity.ts';
import { httpOk, type ComponentSpec } from './components.ts';
import {
  controllerKubeconfigPath,
  type ControllerIdentity,
} from './controllerIdentity.ts';
import { kubeRequest, type KubeConnection } from './kubeapi.ts';
import { adminConnection } from './kubernetes.ts';
import type { PlatformPaths, StateLayout } from './paths.ts';
import type { PlatformPorts } from './ports.ts';
import { sleep } from './processes.ts';

/** The scheduler's own identity, which Kubernetes' bootstrap RBAC binds to system:kube-scheduler. */
export const SCHEDULER_IDENTITY: ControllerIdentity = {
  name: 'kube-scheduler',
  user: 'system:kube-scheduler',
};

/** kwok's identity, bound by kwok/rbac.yaml to what a kubelet does to its node and pods. */
export const KWOK_IDENTITY: ControllerIdentity = {
  name: 'kwok',
  user: 'ml-platform:kwok',
};

/** The label of the nodes kwok plays, so `up` can tell them from others. */
export const KWOK_NODE_LABEL = 'ml-platform.io/kwok-node';

/** The committed kwok files: its settings, the Stages, the nodes, kwok's RBAC and the storage class. */
export function kwokFiles(paths: Pick<PlatformPaths, 'repoRoot'>) {
  const dir = path.join(paths.repoRoot, 'packages', 'local-platform', 'kwok');
  const stagesDir = path.join(dir, 'stages');
  return {
    config: path.join(dir, 'kwok.yaml'),
    stages: fs
      .readdirSync(stagesDir)
      .filter(file => file.endsWith('.yaml'))
      .sort()
      .map(file => path.join(stagesDir, file)),
    nodes: path.join(dir, 'nodes.yaml'),
    rbac: path.join(dir, 'rbac.yaml'),
    storage: path.join(dir, 'storage.yaml'),
  };
}

export function schedulerSpec(
  bin: Binaries,
  layout: StateLayout,
  ports: PlatformPorts,
): ComponentSpec {
  const kubeconfig = controllerKubeconfigPath(layout, SCHEDULER_IDENTITY.name);
  const url = `https://127.0.0.1:${ports.scheduler}`;
  return {
    name: 'kube-scheduler',
    command: bin.kubeScheduler,
    args: [
      `--kubeconfig=${kubeconfig}`,
      '--leader-elect=false',
      '--bind-address=127.0.0.1',
      `--secure-port=${ports.scheduler}`,
      // serves its health endpoints with the platform's certificate for 127.0.0.1
      `--tls-cert-file=${layout.apiserverCert}`,
      `--tls-private-key-file=${layout.apiserverKey}`,
      // /healthz and /readyz need no authentication; nothing else is served to anyone
      '--authentication-skip-lookup=true',
      '--profiling=false',
    ],
    inputFiles: [kubeconfig, layout.apiserverCert],
    ports: ['scheduler'],
    ready: async () => {
      try {
        const res = await kubeRequest(
          { ...adminConnection(layout, ports), server: url },
          'GET',
          '/readyz',
          { timeoutMs: 2000 },
        );
        return res.status === 200;
      } catch {
        return false;
      }
    },
    readyTimeoutMs: 60_000,
    readyDescription: `${url}/readyz`,
    url,
  };
}

export function kwokSpec(
  bin: Binaries,
  paths: PlatformPaths,
  layout: StateLayout,
  ports: PlatformPorts,
): ComponentSpec {
  const kubeconfig = controllerKubeconfigPath(layout, KWOK_IDENTITY.name);
  const files = kwokFiles(paths);
  const url = `http://127.0.0.1:${ports.kwok}`;
  return {
    name: 'kwok',
    command: bin.kwok,
    args: [
      `--kubeconfig=${kubeconfig}`,
      ...[files.config, ...files.stages].map(file => `--config=${file}`),
      `--server-address=127.0.0.1:${ports.kwok}`,
    ],
    inputFiles: [kubeconfig, files.config, ...files.stages],
    ports: ['kwok'],
    ready: () => httpOk(`${url}/healthz`),
    readyTimeoutMs: 60_000,
    readyDescription: `${url}/healthz`,
    url,
  };
}

type NodeManifest = Manifest & {
  metadata: Manifest['metadata'] & { labels?: Record<string, string> };
  status?: unknown;
};

/** The nodes of nodes.yaml, each labelled as kwok's (pure). */
export function loadNodes(file: string): NodeManifest[] {
  return YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map(doc => doc.toJS() as NodeManifest)
    .filter(Boolean)
    .map(node => {
      if (node.kind !== 'Node' || !node.metadata?.name) {
        throw new Error(`${file}: every document must be a Node with a name`);
      }
      return {
        ...node,
        metadata: {
          ...node.metadata,
          labels: { ...node.metadata.labels, [KWOK_NODE_LABEL]: 'true' },
        },
      };
    });
}

/**
 * Applies the nodes of nodes.yaml (their capacity through the status
 * subresource, which a kubelet would report), deletes kwok nodes the file no
 * longer has, and waits until kwok reports every node Ready.
 */
export async function ensureNodes(
  conn: KubeConnection,
  file: string,
  report: (message: string) => void,
  timeoutMs = 60_000,
): Promise<string[]> {
  const nodes = loadNodes(file);
  await applyManifests(conn, nodes);
  await applyManifests(
    conn,
    nodes.map(node => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: node.metadata.name },
      status: node.status,
    })),
    '/status',
  );
  const names = nodes.map(node => node.metadata.name);
  const listed = await kubeRequest(
    conn,
    'GET',
    `/api/v1/nodes?labelSelector=${encodeURIComponent(KWOK_NODE_LABEL)}`,
  );
  for (const item of listed.json().items ?? []) {
    const name = item.metadata.name as string;
    if (!names.includes(name)) {
      await kubeRequest(conn, 'DELETE', `/api/v1/nodes/${name}`);
      report(`deleted node ${name} (no longer in ${path.basename(file)})`);
    }
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const notReady = await nodesNotReady(conn, names);
    if (notReady.length === 0) {
      return names;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `kwok did not report node(s) ${notReady.join(', ')} Ready within ${
          timeoutMs / 1000
        } s (see its log)`,
      );
    }
    await sleep(250);
  }
}

async function nodesNotReady(
  conn: KubeConnection,
  names: string[],
): Promise<string[]> {
  const res = await kubeRequest(conn, 'GET', '/api/v1/nodes');
  const ready = new Set(
    (res.json().items ?? [])
      .filter((node: any) =>
        node.status?.conditions?.some(
          (c: any) => c.type === 'Ready' && c.status === 'True',
        ),
      )
      .map((node: any) => node.metadata.name),
  );
  return names.filter(name => !ready.has(name));
}
