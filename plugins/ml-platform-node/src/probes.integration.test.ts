import { createServer } from 'node:net';
import { ensureLocalPlatform } from '@ml-platform/local-platform';
import { probeConnections } from './probes';

describe('probeConnections against the local platform', () => {
  it(
    'reaches the real Kubernetes, MLflow and Prometheus and reports their versions',
    async () => {
      const platform = await ensureLocalPlatform({ seed: false });
      const statuses = await probeConnections({
        environmentName: 'local platform',
        cluster: {
          name: 'local',
          url: platform.apiserverUrl,
          token: platform.adminToken,
          caData: platform.caData,
          skipTLSVerify: false,
        },
        mlflow: {
          baseUrl: platform.mlflowUrl,
          externalUrl: platform.mlflowUrl,
        },
        prometheus: { baseUrl: platform.prometheusUrl },
      });

      expect(statuses.map(s => [s.component, s.state, s.detail])).toEqual([
        ['kubernetes', 'ok', `Kubernetes ${platform.versions.kubernetes}`],
        ['mlflow', 'ok', `MLflow ${platform.versions.mlflow}`],
        ['prometheus', 'ok', expect.stringMatching(/^Prometheus \d+\.\d+/)],
      ]);
    },
    30 * 60_000,
  );

  it(
    'explains a refused connection and a rejected token in words',
    async () => {
      const platform = await ensureLocalPlatform({ seed: false });
      // a port that was free a moment ago: nothing listens there
      const port = await new Promise<number>(resolve => {
        const server = createServer().listen(0, '127.0.0.1', () => {
          const address = server.address() as { port: number };
          server.close(() => resolve(address.port));
        });
      });
      const [kubernetes, mlflow] = await probeConnections({
        environmentName: 'local platform',
        cluster: {
          name: 'local',
          url: platform.apiserverUrl,
          token: 'not-a-valid-token',
          caData: platform.caData,
          skipTLSVerify: false,
        },
        mlflow: {
          baseUrl: `http://127.0.0.1:${port}`,
          externalUrl: `http://127.0.0.1:${port}`,
        },
      });
      expect(kubernetes).toMatchObject({ state: 'down' });
      expect(kubernetes.detail).toMatch(/401|Unauthorized/);
      expect(mlflow).toMatchObject({
        state: 'down',
        detail: expect.stringContaining('connection refused'),
      });
    },
    30 * 60_000,
  );
});
