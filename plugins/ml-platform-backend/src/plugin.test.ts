import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
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
      '/api/ml-platform/notebooks/options',
      '/api/ml-platform/teams/{team}/notebooks',
      '/api/ml-platform/namespaces/{namespace}/notebooks',
      '/api/ml-platform/namespaces/{namespace}/notebooks/{name}',
      '/api/ml-platform/namespaces/{namespace}/notebooks/{name}/stop',
      '/api/ml-platform/namespaces/{namespace}/notebooks/{name}/start',
      '/api/ml-platform/spark/options',
      '/api/ml-platform/teams/{team}/spark',
      '/api/ml-platform/namespaces/{namespace}/spark',
      '/api/ml-platform/namespaces/{namespace}/spark/jobs',
      '/api/ml-platform/namespaces/{namespace}/spark/clusters',
      '/api/ml-platform/namespaces/{namespace}/spark/jobs/{name}',
      '/api/ml-platform/namespaces/{namespace}/spark/jobs/{name}/rerun',
      '/api/ml-platform/namespaces/{namespace}/spark/schedules/{name}',
      '/api/ml-platform/namespaces/{namespace}/spark/schedules/{name}/suspend',
      '/api/ml-platform/namespaces/{namespace}/spark/schedules/{name}/resume',
      '/api/ml-platform/namespaces/{namespace}/spark/clusters/{name}',
      '/api/ml-platform/models/{name}/serving',
      '/api/ml-platform/teams/{team}/deployments',
      '/api/ml-platform/namespaces/{namespace}/deployments',
      '/api/ml-platform/namespaces/{namespace}/deployments/{name}',
      '/api/ml-platform/namespaces/{namespace}/deployments/{name}/predictors',
      '/api/ml-platform/namespaces/{namespace}/deployments/{name}/traffic',
      '/api/ml-platform/namespaces/{namespace}/deployments/{name}/promote',
      '/api/ml-platform/namespaces/{namespace}/deployments/{name}/rollback',
    ]);
  });
});

describe('mlPlatformPlugin actions', () => {
  const invoke = (action: string) =>
    `/api/ml-platform/.backstage/actions/v1/actions/ml-platform:${action}/invoke`;
  const features = (
    servicePrincipals: Array<{ subject: string; role: string }> = [],
  ) => [
    mlPlatformPlugin,
    mockServices.rootConfig.factory({
      data: {
        mlPlatform: {
          environmentName: 'unit test',
          permissions: { servicePrincipals },
        },
      },
    }),
    catalogServiceMock.factory({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'fraud-detection', namespace: 'default' },
          spec: { type: 'team', children: [] },
        },
      ],
    }),
  ];

  it.each([
    ['get-team-overview', { team: 'fraud-detection' }],
    ['provision-project-namespace', { team: 'fraud-detection', name: 'p' }],
    ['provision-team-namespace', { team: 'fraud-detection' }],
    ['get-ml-model', { name: 'm' }],
    ['search-mlflow-runs', { team: 'fraud-detection' }],
  ])(
    '%s refuses a service caller and says how to call as a user',
    async (action, input) => {
      const { server } = await startTestBackend({ features: features() });
      const response = await request(server)
        .post(invoke(action))
        .set('Authorization', mockCredentials.service.header())
        .send(input);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toContain(
        'The ML platform acts only for signed-in users, and this call comes from the service "external:test-service". Call it with a user\'s Backstage token',
      );
    },
  );

  it('lets users and services with a configured role through to the operation', async () => {
    const { server } = await startTestBackend({
      features: features([
        { subject: 'external:test-service', role: 'platform-admin' },
      ]),
    });
    for (const authorization of [
      mockCredentials.user.header(),
      mockCredentials.service.header(),
    ]) {
      const response = await request(server)
        .post(invoke('get-team-overview'))
        .set('Authorization', authorization)
        .send({ team: 'fraud-detection' });
      // past the caller check: no cluster is configured here
      expect(response.status).toBe(503);
      expect(response.body.error.message).toContain(
        'No Kubernetes cluster is configured',
      );
    }
  });
});
