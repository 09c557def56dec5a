import {
  createServer,
  type AddressInfo,
  type Server,
  type Socket,
} from 'node:net';
import { probeConnections } from './probes';

const TIMEOUT_MS = 300;
/** Generous: the tests share a busy machine. */
const MARGIN_MS = 3000;

/** A loopback server that accepts connections and never answers. */
async function hangingServer() {
  const sockets = new Set<Socket>();
  const server: Server = createServer(socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>(resolve =>
    server.listen(0, '127.0.0.1', () => resolve()),
  );
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>(resolve => {
        sockets.forEach(socket => socket.destroy());
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on any more. */
async function closedPort(): Promise<number> {
  const server = await hangingServer();
  await server.close();
  return server.port;
}

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
