import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigReader } from '@backstage/config';
import { readPlatformConnections } from './connections';
import { describeFailure, probeConnections } from './probes';

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
      expect(prometheus.detail).toBe('no answer within 0.3 s');
    } finally {
      failing.close();
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('shows no credentials of credentialed URLs, and sends them as basic auth', async () => {
    const authorizations: Record<string, string | undefined> = {};
    const server = await listen((req, res) => {
      authorizations[req.url!] = req.headers.authorization;
      const answers: Record<string, string> = {
        '/health': 'OK',
        '/version': '3.1.0',
        '/-/ready': 'Prometheus Server is Ready.',
        '/api/v1/status/buildinfo': '{"data":{"version":"3.0.0"}}',
      };
      res.end(answers[req.url!] ?? '');
    });
    const closed = await listen(() => {});
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise(resolve => closed.close(resolve));
    const { host } = new URL(urlOf(server));
    try {
      const connections = readPlatformConnections(
        new ConfigReader({
          kubernetes: {
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: [
                  {
                    name: 'local',
                    url: `https://admin:cluster-secret@127.0.0.1:${closedPort}`,
                  },
                ],
              },
            ],
          },
          mlPlatform: {
            mlflow: { baseUrl: `http://bob:mlflow-secret@${host}` },
            prometheus: { baseUrl: `http://prom:prometheus-secret@${host}` },
          },
        }),
      );
      const statuses = await probeConnections(connections, {
        timeoutMs: 2000,
      });
      expect(statuses.map(s => [s.component, s.state, s.endpoint])).toEqual([
        ['kubernetes', 'down', `https://127.0.0.1:${closedPort}`],
        ['mlflow', 'ok', `http://${host}`],
        ['prometheus', 'ok', `http://${host}`],
      ]);
      const shown = JSON.stringify(statuses);
      for (const secret of [
        'cluster-secret',
        'mlflow-secret',
        'prometheus-secret',
      ]) {
        expect(shown).not.toContain(secret);
      }
      expect(authorizations['/-/ready']).toBe(
        `Basic ${Buffer.from('prom:prometheus-secret').toString('base64')}`,
      );
    } finally {
      server.close();
    }
  });
});

describe('describeFailure', () => {
  it('shows a URL a library quotes without its credentials', () => {
    expect(
      describeFailure(
        new TypeError(
          'request to https://admin:cluster-secret@k8s:6443/version failed, reason: socket hang up',
        ),
      ),
    ).toBe(
      'request to https://k8s:6443/version failed, reason: socket hang up',
    );
  });
});
