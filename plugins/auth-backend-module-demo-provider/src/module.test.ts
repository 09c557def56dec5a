import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import authPlugin from '@backstage/plugin-auth-backend';
import { authModuleDemoProvider } from './module';

const users = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'alice' },
    spec: {
      profile: { displayName: 'Alice Adams', email: 'alice@example.com' },
      memberOf: ['fraud-detection'],
    },
    // As the catalog's processing would add them.
    relations: [
      { type: 'memberOf', targetRef: 'group:default/fraud-detection' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'fraud-detection' },
    spec: { type: 'team', children: [], members: ['alice'] },
  },
];

async function startAuth(auth: object) {
  const { server } = await startTestBackend({
    features: [
      authPlugin,
      authModuleDemoProvider,
      catalogServiceMock.factory({ entities: users }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          auth: { session: { secret: 'test' }, ...auth },
        },
      }),
    ],
  });
  return server;
}

function decodeClaims(token: string) {
  return JSON.parse(
    Buffer.from(token.split('.')[1], 'base64url').toString('utf8'),
  );
}

describe('demo sign-in', () => {
  it('signs in the user named in the header, with their groups', async () => {
    const server = await startAuth({ providers: { demo: {} } });
    const response = await request(server)
      .get('/api/auth/demo/refresh')
      .set('x-ml-platform-demo-user', 'alice');
    expect(response.status).toBe(200);
    expect(response.body.backstageIdentity.identity).toEqual({
      type: 'user',
      userEntityRef: 'user:default/alice',
      ownershipEntityRefs: [
        'user:default/alice',
        'group:default/fraud-detection',
      ],
    });
    expect(decodeClaims(response.body.backstageIdentity.token).sub).toBe(
      'user:default/alice',
    );
  });

  it('refuses a user the catalog does not know', async () => {
    const server = await startAuth({ providers: { demo: {} } });
    const response = await request(server)
      .get('/api/auth/demo/refresh')
      .set('x-ml-platform-demo-user', 'mallory');
    expect(response.status).toBe(404);
    expect(response.body.error.message).toMatch(/mallory|not found/i);
  });

  it('says which header is missing', async () => {
    const server = await startAuth({ providers: { demo: {} } });
    const response = await request(server).get('/api/auth/demo/refresh');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('x-ml-platform-demo-user');
  });

  it('lists the demo users without authentication', async () => {
    const server = await startAuth({ providers: { demo: {} } });
    const response = await request(server).get('/api/auth/demo-users');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      users: [
        {
          name: 'alice',
          displayName: 'Alice Adams',
          email: 'alice@example.com',
          groups: ['fraud-detection'],
        },
      ],
    });
  });

  it('does not exist unless enabled in config', async () => {
    const server = await startAuth({ providers: {} });
    expect(
      (
        await request(server)
          .get('/api/auth/demo/refresh')
          .set('x-ml-platform-demo-user', 'alice')
      ).status,
    ).toBe(404);
    expect((await request(server).get('/api/auth/demo-users')).status).toBe(
      404,
    );
  });

  it('stays off with auth.environment production even when listed', async () => {
    const server = await startAuth({
      environment: 'production',
      providers: { demo: {} },
    });
    expect(
      (
        await request(server)
          .get('/api/auth/demo/refresh')
          .set('x-ml-platform-demo-user', 'alice')
      ).status,
    ).toBe(404);
    expect((await request(server).get('/api/auth/demo-users')).status).toBe(
      404,
    );
  });
});

describe('demo sign-in with NODE_ENV=production', () => {
  const nodeEnv = process.env.NODE_ENV;
  beforeEach(() => {
    process.env.NODE_ENV = 'production';
  });
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  it('stops the backend when auth.providers.demo is configured, saying what to remove', async () => {
    // auth.environment does not matter: development here
    const start = startAuth({
      environment: 'development',
      providers: { demo: {} },
    });
    await expect(start).rejects.toThrow(
      /auth\.providers\.demo.*NODE_ENV is production/,
    );
    await expect(start).rejects.toThrow(
      'Remove auth.providers.demo from the production config',
    );
  });

  it('does nothing without auth.providers.demo', async () => {
    const server = await startAuth({ providers: {} });
    expect((await request(server).get('/api/auth/demo-users')).status).toBe(
      404,
    );
  });

  it('does nothing when a later config sets auth.providers.demo to null', async () => {
    const server = await startAuth({
      environment: 'production',
      providers: { demo: null },
    });
    expect((await request(server).get('/api/auth/demo-users')).status).toBe(
      404,
    );
  });
});
