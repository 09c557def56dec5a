import fs from 'node:fs';
import path from 'node:path';
import { binaryPaths } from './binaries.ts';
import {
  COMPONENTS,
  currentSpecHash,
  runningRecord,
  type ComponentName,
  type ComponentSpec,
} from './components.ts';
import type { PlatformConfig } from './config.ts';
import { establishedCrds } from './kubeapi.ts';
import {
  adminConnection,
  apiserverSpec,
  apiserverUrl,
  controllerManagerSpec,
  etcdSpec,
  kubeStateMetricsSpec,
} from './kubernetes.ts';
import { mlflowSpec, mlflowUrl, venvDir } from './mlflow.ts';
import type { StateLayout } from './paths.ts';
import { readBackendToken } from './backendIdentity.ts';
import { readAdminToken } from './pki.ts';
import type { PlatformPorts } from './ports.ts';
import {
  prometheusBinary,
  prometheusSpec,
  prometheusUrl,
} from './prometheus.ts';
import { kwokSpec, schedulerSpec } from './scheduling.ts';
import { seldonOperatorSpec } from './seldon.ts';
import { sparkOperatorSpec, sparkWebhookSpec } from './spark.ts';
import { notebookControllerSpec } from './workloadControllers.ts';
import { DEMO_TEAMS } from './teams.ts';

/** Connection details of a running local platform. */
export type LocalPlatform = {
  stateDir: string;
  /** Admin kubeconfig (token auth; the CA is inline). */
  kubeconfigPath: string;
  apiserverUrl: string;
  /** Base64 of the CA certificate PEM (the apiserver's serving certificate is signed by it). */
  caData: string;
  caFile: string;
  /** Bearer token of `admin` (group system:masters), for tests and tools. */
  adminToken: string;
  /**
   * Bearer token of the portal backend's ServiceAccount, which holds only the
   * rights of platform/rbac/ml-platform-backend.yaml: what the portal uses.
   */
  backendToken: string;
  mlflowUrl: string;
  prometheusUrl: string;
  kubeStateMetricsUrl: string;
  etcdUrl: string;
  /**
   * kubectl of the same Kubernetes version, built and cached with the servers
   * (`<state>/bin/kubectl` links to it as well).
   */
  kubectlPath: string;
  ports: PlatformPorts;
  /** Names of the installed CRDs. */
  crds: string[];
  /** Demo teams (namespaces of the same name) when the platform was seeded. */
  teams: string[];
  versions: {
    kubernetes: string;
    etcd: string;
    kubeStateMetrics: string;
    kwok: string;
    mlflow: string;
  };
};

/** The non-secret part, stored in platform.json by `up`. */
export type PlatformRecord = Omit<
  LocalPlatform,
  'caData' | 'adminToken' | 'backendToken'
>;

export function componentSpecs(
  config: PlatformConfig,
): Record<ComponentName, ComponentSpec> {
  const { paths, layout, ports } = config;
  const bin = binaryPaths(paths);
  return {
    etcd: etcdSpec(bin, layout, ports),
    'kube-apiserver': apiserverSpec(bin, layout, ports),
    'kube-controller-manager': controllerManagerSpec(bin, layout, ports),
    'kube-scheduler': schedulerSpec(bin, layout, ports),
    kwok: kwokSpec(bin, paths, layout, ports),
    'notebook-controller': notebookControllerSpec(paths, layout, ports),
    'spark-webhook': sparkWebhookSpec(paths, layout, ports),
    'spark-operator': sparkOperatorSpec(paths, layout, ports),
    'seldon-operator': seldonOperatorSpec(paths, layout, ports),
    'kube-state-metrics': kubeStateMetricsSpec(bin, layout, ports),
    prometheus: prometheusSpec(prometheusBinary(), layout, ports),
    mlflow: mlflowSpec(venvDir(paths), layout, ports),
  };
}

export type ComponentState = {
  name: ComponentName;
  pid?: number;
  /** The process runs with the current configuration. */
  current: boolean;
  ready: boolean;
  url?: string;
  logFile: string;
};

export type PlatformState = {
  components: ComponentState[];
  crdsEstablished: number;
  crdsExpected: number;
  record?: PlatformRecord;
  /** Every component runs with the current configuration and is ready, and every CRD is Established. */
  allReady: boolean;
};

export function readMarker<T>(
  layout: StateLayout,
  name: string,
): T | undefined {
  try {
    return JSON.parse(
      fs.readFileSync(path.join(layout.markersDir, `${name}.json`), 'utf8'),
    );
  } catch {
    return undefined;
  }
}

export function writeMarker(
  layout: StateLayout,
  name: string,
  value: unknown,
): void {
  fs.mkdirSync(layout.markersDir, { recursive: true });
  fs.writeFileSync(
    path.join(layout.markersDir, `${name}.json`),
    `${JSON.stringify(value, null, 2)}\n`,
  );
}

export function readPlatformRecord(
  layout: StateLayout,
): PlatformRecord | undefined {
  try {
    return JSON.parse(fs.readFileSync(layout.platformFile, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Looks at what runs, without starting or changing anything. */
export async function inspectPlatform(
  config: PlatformConfig,
): Promise<PlatformState> {
  const { layout } = config;
  const specs = componentSpecs(config);
  const components = await Promise.all(
    COMPONENTS.map(async (name): Promise<ComponentState> => {
      const spec = specs[name];
      const record = runningRecord(layout, name);
      const ready = record ? await spec.ready() : false;
      return {
        name,
        pid: record?.pid,
        current: record ? record.specHash === currentSpecHash(spec) : false,
        ready,
        url: spec.url,
        logFile: path.join(layout.logsDir, `${name}.log`),
      };
    }),
  );
  const record = readPlatformRecord(layout);
  const crdNames =
    record?.crds ??
    readMarker<{ names: string[] }>(layout, 'crds')?.names ??
    [];
  const apiserver = components.find(c => c.name === 'kube-apiserver')!;
  let crdsEstablished = 0;
  if (apiserver.ready && crdNames.length > 0) {
    try {
      crdsEstablished = (
        await establishedCrds(adminConnection(layout, config.ports), crdNames)
      ).size;
    } catch {
      crdsEstablished = 0;
    }
  }
  const allReady =
    components.every(c => c.ready && c.current) &&
    crdNames.length > 0 &&
    crdsEstablished === crdNames.length;
  return {
    components,
    crdsEstablished,
    crdsExpected: crdNames.length,
    record,
    allReady,
  };
}

/** The full connection info of a platform that `up` brought up, or undefined. */
export function platformInfo(
  config: PlatformConfig,
): LocalPlatform | undefined {
  const record = readPlatformRecord(config.layout);
  if (!record) {
    return undefined;
  }
  return {
    ...record,
    // a platform.json written before kubectl was part of the build lacks it
    kubectlPath: record.kubectlPath ?? binaryPaths(config.paths).kubectl,
    caData: Buffer.from(fs.readFileSync(config.layout.caCert, 'utf8')).toString(
      'base64',
    ),
    adminToken: readAdminToken(config.layout),
    backendToken: readBackendToken(config.layout),
  };
}

export function buildPlatformRecord(
  config: PlatformConfig,
  crds: string[],
  seeded: boolean,
  versions: LocalPlatform['versions'],
): PlatformRecord {
  const { layout, ports } = config;
  return {
    stateDir: layout.stateDir,
    kubeconfigPath: layout.kubeconfig,
    apiserverUrl: apiserverUrl(ports),
    caFile: layout.caCert,
    mlflowUrl: mlflowUrl(ports),
    prometheusUrl: prometheusUrl(ports),
    kubeStateMetricsUrl: `http://127.0.0.1:${ports.kubeStateMetrics}`,
    etcdUrl: `http://127.0.0.1:${ports.etcd}`,
    kubectlPath: binaryPaths(config.paths).kubectl,
    ports,
    crds,
    teams: seeded ? DEMO_TEAMS.map(t => t.team) : [],
    versions,
  };
}

/** The environment variables the portal and the tests read. */
export function platformEnvironment(
  platform: LocalPlatform,
): Record<string, string> {
  return {
    KUBECONFIG: platform.kubeconfigPath,
    K8S_URL: platform.apiserverUrl,
    K8S_CA_DATA: platform.caData,
    K8S_TOKEN: platform.backendToken,
    MLFLOW_TRACKING_URI: platform.mlflowUrl,
    PROMETHEUS_URL: platform.prometheusUrl,
    KUBE_STATE_METRICS_URL: platform.kubeStateMetricsUrl,
    KUBECTL: platform.kubectlPath,
  };
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * `export NAME='value'` lines for `eval "$(./scripts/yarn platform env)"`,
 * and the folders put in front of the shell's PATH (kubectl's).
 */
export function renderExports(
  env: Record<string, string>,
  pathDirs: string[] = [],
): string {
  const exports = Object.entries(env).map(
    ([name, value]) => `export ${name}=${shellQuote(value)}`,
  );
  if (pathDirs.length > 0) {
    exports.push(`export PATH=${pathDirs.map(shellQuote).join(':')}:"$PATH"`);
  }
  return exports.join('\n');
}
