import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { MlflowAuth } from './mlflow/types';
import { readPlatformTimeouts, type PlatformTimeouts } from './timeouts';
import { displayUrl, splitUserInfo } from './urls';

/** How the suite reaches the Kubernetes cluster. @public */
export type ClusterConnection = {
  name: string;
  /** Where requests go, as configured; shown only through `displayUrl`. */
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
    /** Where requests go: the configured URL without its user info. */
    baseUrl: string;
    /** The base of links for browsers, as it may be shown: never with credentials. */
    externalUrl: string;
    /**
     * Credentials for the backend's calls; never sent to the browser. The
     * user info of `mlPlatform.mlflow.baseUrl` when `mlPlatform.mlflow.auth`
     * is not configured.
     */
    auth?: MlflowAuth;
    timeoutMs?: number;
  };
  /** `baseUrl` as configured (its user info is sent as basic auth); shown only through `displayUrl`. */
  prometheus?: { baseUrl: string };
  /** Per-request timeouts of the Kubernetes and Prometheus calls; 10 s each when absent. */
  timeouts?: PlatformTimeouts;
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

/**
 * `mlPlatform.mlflow`. User info in `baseUrl` (`http://user:secret@mlflow`)
 * is the backend's basic auth unless `auth` is configured; it never stays in
 * a URL, so nothing built from the connection can show it.
 */
function readMlflow(
  config: Config,
  configuredUrl: string,
): NonNullable<PlatformConnections['mlflow']> {
  const { url, credentials } = splitUserInfo(configuredUrl);
  const auth: MlflowAuth | undefined =
    readMlflowAuth(config) ??
    (credentials ? { type: 'basic', ...credentials } : undefined);
  return {
    baseUrl: trimSlash(url),
    externalUrl: displayUrl(
      config.getOptionalString('mlPlatform.mlflow.externalUrl') ??
        configuredUrl,
    ),
    ...optional('auth', auth),
    ...optional(
      'timeoutMs',
      config.getOptionalNumber('mlPlatform.mlflow.timeoutMs'),
    ),
  };
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
    timeouts: readPlatformTimeouts(config),
    environmentName:
      config.getOptionalString('mlPlatform.environmentName') ?? 'configured',
    cluster,
    mlflow: mlflowUrl ? readMlflow(config, mlflowUrl) : undefined,
    prometheus: prometheusUrl
      ? { baseUrl: trimSlash(prometheusUrl) }
      : undefined,
  };
}

/**
 * One line for the start-up log: which systems are used, at URLs without
 * credentials.
 * @public
 */
export function describeConnections(connections: PlatformConnections): string {
  const { cluster, mlflow, prometheus } = connections;
  const parts = [
    cluster
      ? `Kubernetes cluster "${cluster.name}" at ${displayUrl(cluster.url)}`
      : 'no Kubernetes cluster configured',
    mlflow ? `MLflow at ${displayUrl(mlflow.baseUrl)}` : 'no MLflow configured',
    prometheus
      ? `Prometheus at ${displayUrl(prometheus.baseUrl)}`
      : 'no Prometheus configured',
  ];
  return `ML platform (${connections.environmentName}): ${parts.join(', ')}`;
}
