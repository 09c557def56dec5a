import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { mlPlatformPlugin } from './plugin';

describe('mlPlatformPlugin /status', () => {
  const config = mockServices.rootConfig.factory({
    data: { mlPlatform: { environmentName: 'unit test' } },
  });

  it('reports every system, here all unconfigured', async () => {
    const { server } = await startTestBackend({
      features: [mlPlatformPlugin, config],
    });
    const response = await request(server)
      .get('/api/ml-platform/status')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      environmentName: 'unit test',
      connections: [
        expect.objectContaining({
          component: 'kubernetes',
          state: 'not-configured',
        }),
        expect.objectContaining({
          component: 'mlflow',
          state: 'not-configured',
        }),
        expect.objectContaining({
          component: 'prometheus',
          state: 'not-configured',
        }),
      ],
    });
  });

  it('refuses a user the policy denies', async () => {
    const { server } = await startTestBackend({
      features: [
        mlPlatformPlugin,
        config,
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    const response = await request(server)
      .get('/api/ml-platform/status')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(403);
    expect(response.body.error.message).toContain(
      'ml-platform.platform.status.read',
    );
  });

  it('refuses anonymous requests', async () => {
    const { server } = await startTestBackend({
      features: [
        mlPlatformPlugin,
        config,
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    const response = await request(server).get('/api/ml-platform/status');
    expect(response.status).toBe(401);
  });

  it('serves its OpenAPI document', async () => {
    const { server } = await startTestBackend({
      features: [mlPlatformPlugin, config],
    });
    const response = await request(server)
      .get('/api/ml-platform/openapi.json')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual([
      '/api/ml-platform/status',
      '/api/ml-platform/teams/{team}/overview',
      '/api/ml-platform/teams/{team}/namespace',
      '/api/ml-platform/teams/{team}/projects',
      '/api/ml-platform/teams/{team}/experiments',
      '/api/ml-platform/experiments',
      '/api/ml-platform/runs/search',
      '/api/ml-platform/runs/{runId}/metric-history',
      '/api/ml-platform/models/{name}',
    ]);
  });
});
