import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { closedPort, hangingServer } from '@ml-platform/local-platform';
import request from 'supertest';
import { mlPlatformPlugin } from './plugin';

/** mlPlatform.kubernetes.timeoutMs of the backend under test. */
const KUBERNETES_TIMEOUT_MS = 1_500;
/** Generous: the tests share a busy machine. */
const MARGIN_MS = 5_000;

jest.setTimeout(KUBERNETES_TIMEOUT_MS + 4 * MARGIN_MS);

function startBackend(clusterUrl: string) {
  return startTestBackend({
    features: [
      mlPlatformPlugin,
      catalogServiceMock.factory({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name: 'fraud', namespace: 'default' },
            spec: { type: 'team', children: [] },
          },
        ],
      }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: {
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: [
                  {
                    name: 'local',
                    url: clusterUrl,
                    serviceAccountToken: 'test-token',
                    skipTLSVerify: true,
                  },
                ],
              },
            ],
          },
          mlPlatform: {
            environmentName: 'unit test',
            kubernetes: { timeoutMs: KUBERNETES_TIMEOUT_MS },
          },
        },
      }),
    ],
  });
}

/** The answer to a request and how long it took. */
async function timed(test: PromiseLike<request.Response>) {
  const started = performance.now();
  const response = await test;
  return { response, elapsedMs: performance.now() - started };
}

describe('with a Kubernetes cluster that does not answer', () => {
  it('the team overview answers 503 naming the cluster within the timeout, and /status still answers meanwhile', async () => {
    const cluster = await hangingServer();
    const url = `https://127.0.0.1:${cluster.port}`;
    try {
      const { server } = await startBackend(url);
      const overview = timed(
        request(server)
          .get('/api/ml-platform/teams/fraud/overview')
          .set('Authorization', mockCredentials.user.header()),
      );
      const status = await timed(
        request(server)
          .get('/api/ml-platform/status')
          .set('Authorization', mockCredentials.user.header()),
      );
      expect(status.response.status).toBe(200);
      expect(status.response.body.connections[0]).toMatchObject({
        component: 'kubernetes',
        state: 'down',
        detail: expect.stringMatching(/^no answer within \d+(\.\d+)? s$/),
      });
      expect(status.elapsedMs).toBeLessThan(KUBERNETES_TIMEOUT_MS + MARGIN_MS);

      const { response, elapsedMs } = await overview;
      expect(response.status).toBe(503);
      expect(response.body.error).toMatchObject({
        name: 'ServiceUnavailableError',
        message: `Kubernetes cluster "local" at ${url} did not answer within 1.5 s`,
      });
      expect(elapsedMs).toBeGreaterThanOrEqual(KUBERNETES_TIMEOUT_MS - 100);
      expect(elapsedMs).toBeLessThan(KUBERNETES_TIMEOUT_MS + MARGIN_MS);
    } finally {
      await cluster.close();
    }
  });

  it('the team overview answers 503 naming a stopped cluster, without waiting for the timeout', async () => {
    const url = `https://127.0.0.1:${await closedPort()}`;
    const { server } = await startBackend(url);
    const { response, elapsedMs } = await timed(
      request(server)
        .get('/api/ml-platform/teams/fraud/overview')
        .set('Authorization', mockCredentials.user.header()),
    );
    expect(response.status).toBe(503);
    expect(response.body.error.message).toBe(
      `Kubernetes cluster "local" at ${url} is unreachable: ECONNREFUSED`,
    );
    expect(elapsedMs).toBeLessThan(KUBERNETES_TIMEOUT_MS);
  });
});
