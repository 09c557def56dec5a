import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CoreV1Api } from '@kubernetes/client-node';
import { impersonating, makeKubeConfig } from './kubeConfig';

describe('impersonating', () => {
  let seen: IncomingMessage[];
  let server: ReturnType<typeof createServer>;
  let url: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req);
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ kind: 'PodList', apiVersion: 'v1', items: [] }));
    });
    await new Promise<void>(resolve =>
      server.listen(0, '127.0.0.1', () => resolve()),
    );
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    seen = [];
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));

  const backend = () =>
    makeKubeConfig({
      name: 'local',
      url,
      token: 'backend-token',
      skipTLSVerify: true,
    });

  it('sends the user and one Impersonate-Group line per group, with the backend token', async () => {
    const asAlice = impersonating(backend(), {
      user: 'user:default/alice',
      groups: ['fraud-detection', 'recommendations'],
    });
    await asAlice
      .makeApiClient(CoreV1Api)
      .listNamespacedPod({ namespace: 'fraud-detection' });
    const [request] = seen;
    expect(request.headers.authorization).toBe('Bearer backend-token');
    expect(request.headers['impersonate-user']).toBe('user:default/alice');
    expect(request.headersDistinct['impersonate-group']).toEqual([
      'fraud-detection',
      'recommendations',
    ]);
  });

  it('leaves the backend itself as it is', async () => {
    const kubeConfig = backend();
    impersonating(kubeConfig, { user: 'user:default/alice', groups: ['a'] });
    await kubeConfig
      .makeApiClient(CoreV1Api)
      .listNamespacedPod({ namespace: 'fraud-detection' });
    expect(seen[0].headers['impersonate-user']).toBeUndefined();
    expect(seen[0].headers['impersonate-group']).toBeUndefined();
  });
});
