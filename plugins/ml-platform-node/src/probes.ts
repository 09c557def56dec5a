import { VersionApi } from '@kubernetes/client-node';
import type { ConnectionStatus } from '@ml-platform/backstage-plugin-ml-platform-common';
import type { PlatformConnections } from './connections';
import { makeKubeConfig } from './kubeConfig';

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

/** Turns a network or HTTP failure into a sentence a user can act on. */
export function describeFailure(error: unknown): string {
  // Duck-typed: errors thrown by fetch come from another realm under jest.
  if (typeof error !== 'object' || error === null || !('message' in error)) {
    return String(error);
  }
  const { name, message, cause } = error as {
    name?: string;
    message: string;
    cause?: { code?: string };
  };
  if (cause?.code === 'ECONNREFUSED') {
    return 'connection refused: nothing listens there (is the server running?)';
  }
  if (name === 'TimeoutError' || name === 'AbortError') {
    return 'no answer within the timeout';
  }
  return message;
}

async function getText(url: string, timeoutMs: number): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(
      `HTTP ${response.status} from ${url}: ${text.slice(0, 200)}`,
    );
  }
  return text.trim();
}

/**
 * Probes every configured system in parallel; never throws.
 * @public
 */
export async function probeConnections(
  connections: PlatformConnections,
  options: { timeoutMs?: number } = {},
): Promise<ConnectionStatus[]> {
  const timeoutMs = options.timeoutMs ?? 5000;
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
          const api = makeKubeConfig(cluster).makeApiClient(VersionApi);
          const version = await Promise.race([
            api.getCode(),
            new Promise<never>((_, reject) =>
              setTimeout(
                () => reject(new Error('no answer within the timeout')),
                timeoutMs,
              ).unref(),
            ),
          ]);
          return `Kubernetes ${version.gitVersion}`;
        }).then(result => ({
          component: 'kubernetes' as const,
          endpoint: cluster.url,
          ...result,
        }))
      : notConfigured('kubernetes'),
    mlflow
      ? timed(async () => {
          await getText(`${mlflow.baseUrl}/health`, timeoutMs);
          const version = await getText(`${mlflow.baseUrl}/version`, timeoutMs);
          return `MLflow ${version}`;
        }).then(result => ({
          component: 'mlflow' as const,
          endpoint: mlflow.baseUrl,
          ...result,
        }))
      : notConfigured('mlflow'),
    prometheus
      ? timed(async () => {
          await getText(`${prometheus.baseUrl}/-/ready`, timeoutMs);
          const info = JSON.parse(
            await getText(
              `${prometheus.baseUrl}/api/v1/status/buildinfo`,
              timeoutMs,
            ),
          );
          return `Prometheus ${info.data?.version ?? ''}`.trim();
        }).then(result => ({
          component: 'prometheus' as const,
          endpoint: prometheus.baseUrl,
          ...result,
        }))
      : notConfigured('prometheus'),
  ]);
}
