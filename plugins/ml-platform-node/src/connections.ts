import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { MlflowAuth } from './mlflow/types';

/** How the suite reaches the Kubernetes cluster. @public */
export type ClusterConnection = {
  name: string;
  url: string;
  /** Bearer token of the backend's identity; never sent to the browser. */
  token?: string;
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
};

/** The external systems the suite talks to, as configured. @public */
export type PlatformConnections = {
  environmentName: string;
  cluster?: ClusterConnection;
  mlflow?: {
    baseUrl: string;
    externalUrl: string;
    /** Credentials for the backend's calls; never sent to the browser. */
    auth?: MlflowAuth;
    timeoutMs?: number;
  };
  prometheus?: { baseUrl: string };
};

function readClusters(config: Config): ClusterConnection[] {
  const methods =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  return methods
    .filter(method => method.getString('type') === 'config')
    .flatMap(method => method.getOptionalConfigArray('clusters') ?? [])
    .map(cluster => ({
      name: cluster.getString('name'),
      url: cluster.getString('url'),
      token: cluster.getOptionalString('serviceAccountToken'),
      caData: cluster.getOptionalString('caData'),
      caFile: cluster.getOptionalString('caFile'),
      skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
    }));
}

function readMlflowAuth(config: Config): MlflowAuth | undefined {
  const auth = config.getOptionalConfig('mlPlatform.mlflow.auth');
  if (!auth) {
    return undefined;
  }
  const type = auth.getString('type');
  switch (type) {
    case 'none':
      return { type };
    case 'basic':
      return {
        type,
        username: auth.getString('username'),
        password: auth.getString('password'),
      };
    case 'bearer':
      return { type, token: auth.getString('token') };
    default:
      throw new InputError(
        `mlPlatform.mlflow.auth.type must be none, basic or bearer, not "${type}"`,
      );
  }
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** `{ [key]: value }`, or nothing when the value is undefined (keeps objects free of undefined keys). */
function optional<K extends string, V>(
  key: K,
  value: V | undefined,
): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * Reads the suite's connections. The cluster reuses the stock Kubernetes
 * plugin's `kubernetes.clusterLocatorMethods` entries, so one cluster
 * definition serves both.
 * @public
 */
export function readPlatformConnections(config: Config): PlatformConnections {
  const clusters = readClusters(config);
  const wanted = config.getOptionalString('mlPlatform.kubernetes.cluster');
  const cluster = wanted
    ? clusters.find(candidate => candidate.name === wanted)
    : clusters[0];
  if (wanted && !cluster) {
    throw new InputError(
      `mlPlatform.kubernetes.cluster names "${wanted}", but kubernetes.clusterLocatorMethods lists only: ${
        clusters.map(c => c.name).join(', ') || 'no cluster'
      }`,
    );
  }
  const mlflowUrl = config.getOptionalString('mlPlatform.mlflow.baseUrl');
  const prometheusUrl = config.getOptionalString(
    'mlPlatform.prometheus.baseUrl',
  );
  return {
    environmentName:
      config.getOptionalString('mlPlatform.environmentName') ?? 'configured',
    cluster,
    mlflow: mlflowUrl
      ? {
          baseUrl: trimSlash(mlflowUrl),
          externalUrl: trimSlash(
            config.getOptionalString('mlPlatform.mlflow.externalUrl') ??
              mlflowUrl,
          ),
          ...optional('auth', readMlflowAuth(config)),
          ...optional(
            'timeoutMs',
            config.getOptionalNumber('mlPlatform.mlflow.timeoutMs'),
          ),
        }
      : undefined,
    prometheus: prometheusUrl
      ? { baseUrl: trimSlash(prometheusUrl) }
      : undefined,
  };
}

/**
 * One line per connection, for the start-up log: which systems are used.
 * @public
 */
export function describeConnections(connections: PlatformConnections): string {
  const parts = [
    connections.cluster
      ? `Kubernetes cluster "${connections.cluster.name}" at ${connections.cluster.url}`
      : 'no Kubernetes cluster configured',
    connections.mlflow
      ? `MLflow at ${connections.mlflow.baseUrl}`
      : 'no MLflow configured',
    connections.prometheus
      ? `Prometheus at ${connections.prometheus.baseUrl}`
      : 'no Prometheus configured',
  ];
  return `ML platform (${connections.environmentName}): ${parts.join(', ')}`;
}
