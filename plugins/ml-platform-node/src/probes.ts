import { VersionApi } from '@kubernetes/client-node';
import type { ConnectionStatus } from '@ml-platform/backstage-plugin-ml-platform-common';
import type { PlatformConnections } from './connections';
import { makeKubeConfig } from './kubeConfig';
import {
  formatSeconds,
  isTimeout,
  networkCodeOf,
  RequestTimeoutError,
} from './requestFaults';
import type { PlatformTimeouts } from './timeouts';
import {
  basicAuthorization,
  displayUrl,
  redactUrlsIn,
  splitUserInfo,
} from './urls';

async function timed(
  probe: () => Promise<string>,
): Promise<Pick<ConnectionStatus, 'state' | 'detail' | 'latencyMs'>> {
  const started = performance.now();
  try {
    const detail = await probe();
    return {
      state: 'ok',
      detail,
      latencyMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    return { state: 'down', detail: describeFailure(error) };
  }
}

/**
 * Turns a network or HTTP failure into a sentence a user can act on; a URL
 * with credentials that a library quotes in its message is shown without them.
 */
export function describeFailure(error: unknown): string {
  return redactUrlsIn(failureReason(error));
}

function failureReason(error: unknown): string {
  // Duck-typed: errors thrown by fetch come from another realm under jest.
  if (typeof error !== 'object' || error === null || !('message' in error)) {
    return String(error);
  }
  if (networkCodeOf(error) === 'ECONNREFUSED') {
    return 'connection refused: nothing listens there (is the server running?)';
  }
  if (isTimeout(error)) {
    const timeoutMs = (error as { timeoutMs?: unknown }).timeoutMs;
    return typeof timeoutMs === 'number'
      ? `no answer within ${formatSeconds(timeoutMs)}`
      : 'no answer within the timeout';
  }
  return (error as { message: string }).message;
}

/** GETs a URL; its user info, if any, is sent as basic auth (fetch refuses URLs with credentials). */
async function getText(
  configuredUrl: string,
  timeoutMs: number,
): Promise<string> {
  const { url, credentials } = splitUserInfo(configuredUrl);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      headers: credentials
        ? { Authorization: basicAuthorization(credentials) }
        : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    throw isTimeout(error)
      ? new RequestTimeoutError(timeoutMs, { cause: error })
      : error;
  }
  if (!response.ok) {
    throw new Error(
      `HTTP ${response.status} from ${displayUrl(url)}: ${text.slice(0, 200)}`,
    );
  }
  return text.trim();
}

/**
 * Probes every configured system in parallel, each request under the
 * system's timeout (`options.timeouts`, MLflow's `timeoutMs`; else
 * `options.timeoutMs`, default 5 s) and without retries; never throws.
 * @public
 */
export async function probeConnections(
  connections: PlatformConnections,
  options: { timeoutMs?: number; timeouts?: Partial<PlatformTimeouts> } = {},
): Promise<ConnectionStatus[]> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const timeouts = options.timeouts ?? connections.timeouts;
  const kubernetesMs = timeouts?.kubernetesMs ?? timeoutMs;
  const prometheusMs = timeouts?.prometheusMs ?? timeoutMs;
  const { cluster, mlflow, prometheus } = connections;
  const notConfigured = (
    component: ConnectionStatus['component'],
  ): ConnectionStatus => ({
    component,
    state: 'not-configured',
    detail: 'not configured in app-config',
  });

  return Promise.all([
    cluster
      ? timed(async () => {
          const version = await makeKubeConfig(cluster, {
            timeoutMs: kubernetesMs,
            retries: 0,
          })
            .makeApiClient(VersionApi)
            .getCode();
          return `Kubernetes ${version.gitVersion}`;
        }).then(result => ({
          component: 'kubernetes' as const,
          endpoint: displayUrl(cluster.url),
          ...result,
        }))
      : notConfigured('kubernetes'),
    mlflow
      ? timed(async () => {
          const mlflowMs = mlflow.timeoutMs ?? timeoutMs;
          await getText(`${mlflow.baseUrl}/health`, mlflowMs);
          const version = await getText(`${mlflow.baseUrl}/version`, mlflowMs);
          return `MLflow ${version}`;
        }).then(result => ({
          component: 'mlflow' as const,
          endpoint: displayUrl(mlflow.baseUrl),
          ...result,
        }))
      : notConfigured('mlflow'),
    prometheus
      ? timed(async () => {
          await getText(`${prometheus.baseUrl}/-/ready`, prometheusMs);
          const info = JSON.parse(
            await getText(
              `${prometheus.baseUrl}/api/v1/status/buildinfo`,
              prometheusMs,
            ),
          );
          return `Prometheus ${info.data?.version ?? ''}`.trim();
        }).then(result => ({
          component: 'prometheus' as const,
          endpoint: displayUrl(prometheus.baseUrl),
          ...result,
        }))
      : notConfigured('prometheus'),
  ]);
}
