import { closedPort, hangingServer } from '@ml-platform/local-platform';
import { probeConnections } from './probes';

const TIMEOUT_MS = 300;
/** Generous: the tests share a busy machine. */
const MARGIN_MS = 3000;

const cluster = (url: string) => ({
  name: 'local',
  url,
  skipTLSVerify: true,
});

async function probeTimed(
  ...args: Parameters<typeof probeConnections>
): Promise<{
  statuses: Awaited<ReturnType<typeof probeConnections>>;
  elapsedMs: number;
}> {
  const started = performance.now();
  const statuses = await probeConnections(...args);
  return { statuses, elapsedMs: performance.now() - started };
}

describe('probeConnections with per-system timeouts', () => {
  it('reports a hanging apiserver and Prometheus as down within their timeouts', async () => {
    const server = await hangingServer();
    try {
      const { statuses, elapsedMs } = await probeTimed(
        {
          environmentName: 'test',
          cluster: cluster(`https://127.0.0.1:${server.port}`),
          prometheus: { baseUrl: `http://127.0.0.1:${server.port}` },
        },
        {
          // the default would keep the probe waiting for 5 s
          timeouts: { kubernetesMs: TIMEOUT_MS, prometheusMs: TIMEOUT_MS },
        },
      );
      const [kubernetes, , prometheus] = statuses;
      expect(kubernetes).toMatchObject({
        component: 'kubernetes',
        state: 'down',
        detail: 'no answer within 0.3 s',
      });
      expect(prometheus).toMatchObject({
        component: 'prometheus',
        state: 'down',
        detail: 'no answer within 0.3 s',
      });
      expect(elapsedMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
      expect(elapsedMs).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
    } finally {
      await server.close();
    }
  });

  it('reports a stopped apiserver and Prometheus as refusing connections', async () => {
    const port = await closedPort();
    const { statuses, elapsedMs } = await probeTimed(
      {
        environmentName: 'test',
        cluster: cluster(`https://127.0.0.1:${port}`),
        prometheus: { baseUrl: `http://127.0.0.1:${port}` },
      },
      { timeouts: { kubernetesMs: TIMEOUT_MS, prometheusMs: TIMEOUT_MS } },
    );
    const refused =
      'connection refused: nothing listens there (is the server running?)';
    expect(statuses[0]).toMatchObject({ state: 'down', detail: refused });
    expect(statuses[2]).toMatchObject({ state: 'down', detail: refused });
    expect(elapsedMs).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
  });
});
