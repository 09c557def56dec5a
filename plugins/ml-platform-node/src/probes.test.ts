import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { probeConnections } from './probes';

function listen(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  return new Promise(resolve => {
    const server = createServer(handler);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function urlOf(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('probeConnections', () => {
  it('reports systems that are not configured', async () => {
    const statuses = await probeConnections({ environmentName: 'test' });
    expect(statuses.map(s => [s.component, s.state])).toEqual([
      ['kubernetes', 'not-configured'],
      ['mlflow', 'not-configured'],
      ['prometheus', 'not-configured'],
    ]);
  });

  it('explains a refused connection', async () => {
    const server = await listen(() => {});
    const url = urlOf(server);
    await new Promise(resolve => server.close(resolve));

    const [, mlflow] = await probeConnections({
      environmentName: 'test',
      mlflow: { baseUrl: url, externalUrl: url },
    });
    expect(mlflow).toEqual({
      component: 'mlflow',
      endpoint: url,
      state: 'down',
      detail:
        'connection refused: nothing listens there (is the server running?)',
    });
  });

  it('reports the HTTP status of an unhealthy server and a timeout', async () => {
    const failing = await listen((_req, res) => {
      res.statusCode = 503;
      res.end('Service Unavailable');
    });
    const silent = await listen(() => {});
    try {
      const [, mlflow, prometheus] = await probeConnections(
        {
          environmentName: 'test',
          mlflow: { baseUrl: urlOf(failing), externalUrl: urlOf(failing) },
          prometheus: { baseUrl: urlOf(silent) },
        },
        { timeoutMs: 300 },
      );
      expect(mlflow.state).toBe('down');
      expect(mlflow.detail).toBe(
        `HTTP 503 from ${urlOf(failing)}/health: Service Unavailable`,
      );
      expect(prometheus.state).toBe('down');
      expect(prometheus.detail).toBe('no answer within the timeout');
    } finally {
      failing.close();
      silent.closeAllConnections();
      silent.close();
    }
  });
});
