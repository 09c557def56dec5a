import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import {
  closedPort,
  hangingServer,
  serveOnLoopback as serve,
} from '@ml-platform/local-platform';
import { ServiceUnavailableError } from '@backstage/errors';
import { CoreV1Api } from '@kubernetes/client-node';
import { applyObjects } from './applyObjects';
import { apiStatusOf, onCluster } from './clusterErrors';
import { makeKubeConfig } from './kubeConfig';

const TIMEOUT_MS = 300;
/** Generous: the tests share a busy machine. */
const MARGIN_MS = 3000;

const clusterAt = (url: string) => ({
  name: 'local',
  url,
  token: 'test-token',
  // lets the client talk plain http to the stub apiservers below
  skipTLSVerify: true,
});

type Seen = Array<{ method: string; url: string }>;

/** A plain-http stub apiserver; `answer` decides each response. */
async function stubApiserver(
  answer: (req: IncomingMessage, res: ServerResponse, seen: Seen) => void,
) {
  const seen: Seen = [];
  const server = await serve(
    createHttpServer((req, res) => {
      seen.push({ method: req.method!, url: req.url! });
      answer(req, res, seen);
    }),
  );
  return { ...server, seen, url: `http://127.0.0.1:${server.port}` };
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

const EMPTY_NAMESPACE_LIST = {
  kind: 'NamespaceList',
  apiVersion: 'v1',
  metadata: {},
  items: [],
};

/** How long a call took and how it failed (undefined when it did not). */
async function timed(call: () => Promise<unknown>) {
  const started = performance.now();
  const error = await call().then(
    () => undefined,
    (e: any) => e,
  );
  return { error, elapsedMs: performance.now() - started };
}

describe('makeKubeConfig: timeouts', () => {
  it('gives up on an apiserver that accepts connections and never answers, naming the cluster', async () => {
    const server = await hangingServer();
    const cluster = clusterAt(`https://127.0.0.1:${server.port}`);
    try {
      const core = makeKubeConfig(cluster, {
        timeoutMs: TIMEOUT_MS,
      }).makeApiClient(CoreV1Api);
      const { error, elapsedMs } = await timed(() =>
        onCluster(cluster, () => core.listNamespace()),
      );
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error.name).toBe('ServiceUnavailableError');
      expect(error.message).toBe(
        `Kubernetes cluster "local" at ${cluster.url} did not answer within 0.3 s`,
      );
      expect(elapsedMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
      expect(elapsedMs).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
      // a timeout is not retried: one connection was made
      expect(server.connections()).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('times out an answer whose body never ends (plain http)', async () => {
    const server = await stubApiserver((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"kind":"NamespaceList","items":[');
    });
    const cluster = clusterAt(server.url);
    try {
      const core = makeKubeConfig(cluster, {
        timeoutMs: TIMEOUT_MS,
      }).makeApiClient(CoreV1Api);
      const { error, elapsedMs } = await timed(() =>
        onCluster(cluster, () => core.listNamespace()),
      );
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error.message).toBe(
        `Kubernetes cluster "local" at ${server.url} did not answer within 0.3 s`,
      );
      expect(elapsedMs).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
      expect(server.seen).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('reports a stopped apiserver as unreachable, after the retries of a read', async () => {
    const cluster = clusterAt(`https://127.0.0.1:${await closedPort()}`);
    const core = makeKubeConfig(cluster, {
      timeoutMs: TIMEOUT_MS,
      retryDelayMs: 20,
    }).makeApiClient(CoreV1Api);
    const { error, elapsedMs } = await timed(() =>
      onCluster(cluster, () => core.listNamespace()),
    );
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toBe(
      `Kubernetes cluster "local" at ${cluster.url} is unreachable: ECONNREFUSED`,
    );
    expect(elapsedMs).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
  });

  it('gives up a write on a hanging apiserver too', async () => {
    const server = await hangingServer();
    const cluster = clusterAt(`https://127.0.0.1:${server.port}`);
    try {
      const kubeConfig = makeKubeConfig(cluster, { timeoutMs: TIMEOUT_MS });
      const { error, elapsedMs } = await timed(() =>
        onCluster(cluster, () =>
          applyObjects(kubeConfig, [
            { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } },
          ]),
        ),
      );
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error.message).toBe(
        `Kubernetes cluster "local" at ${cluster.url} did not answer within 0.3 s`,
      );
      expect(elapsedMs).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
    } finally {
      await server.close();
    }
  });
});

describe('makeKubeConfig: retries', () => {
  it('retries a read after 503 and 502 and returns the answer', async () => {
    const server = await stubApiserver((_req, res, seen) => {
      if (seen.length === 1) {
        json(res, 503, { kind: 'Status', message: 'unavailable' });
      } else if (seen.length === 2) {
        res.writeHead(502);
        res.end('Bad Gateway');
      } else {
        json(res, 200, EMPTY_NAMESPACE_LIST);
      }
    });
    try {
      const core = makeKubeConfig(clusterAt(server.url), {
        retryDelayMs: 10,
      }).makeApiClient(CoreV1Api);
      await expect(core.listNamespace()).resolves.toMatchObject({
        items: [],
      });
      expect(server.seen.map(r => `${r.method} ${r.url}`)).toEqual([
        'GET /api/v1/namespaces',
        'GET /api/v1/namespaces',
        'GET /api/v1/namespaces',
      ]);
    } finally {
      await server.close();
    }
  });

  it('gives a read up after two retries, with the apiserver answer', async () => {
    const server = await stubApiserver((_req, res) =>
      json(res, 504, { kind: 'Status', message: 'gateway timeout' }),
    );
    try {
      const core = makeKubeConfig(clusterAt(server.url), {
        retryDelayMs: 10,
      }).makeApiClient(CoreV1Api);
      const { error } = await timed(() => core.listNamespace());
      expect(apiStatusOf(error)).toBe(504);
      expect(server.seen).toHaveLength(3);
    } finally {
      await server.close();
    }
  });

  it('never retries a write (server-side apply)', async () => {
    const server = await stubApiserver((req, res) => {
      if (req.method === 'GET' && req.url === '/api/v1') {
        json(res, 200, {
          kind: 'APIResourceList',
          groupVersion: 'v1',
          resources: [
            {
              name: 'namespaces',
              singularName: 'namespace',
              namespaced: false,
              kind: 'Namespace',
              verbs: ['get', 'list', 'patch'],
            },
          ],
        });
      } else {
        json(res, 503, { kind: 'Status', message: 'unavailable' });
      }
    });
    try {
      const kubeConfig = makeKubeConfig(clusterAt(server.url), {
        retryDelayMs: 10,
      });
      const { error } = await timed(() =>
        applyObjects(kubeConfig, [
          { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } },
        ]),
      );
      expect(apiStatusOf(error)).toBe(503);
      expect(server.seen.map(r => r.method)).toEqual(['GET', 'PATCH']);
    } finally {
      await server.close();
    }
  });
});
