import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mockServices } from '@backstage/backend-test-utils';
import type { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { EntityProviderMutation } from '@backstage/plugin-catalog-node';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import { SERVING_CHANGED_TOPIC } from '@ml-platform/backstage-plugin-ml-platform-common';
import { makeKubeConfig } from '@ml-platform/backstage-plugin-ml-platform-node';
import type { SeldonDeploymentObject } from './deploymentEntity';
import {
  ModelDeploymentProvider,
  seldonDeploymentLister,
} from './ModelDeploymentProvider';

const PROVIDER_NAME = 'ml-platform-model-deployments:local';

function seldonDeployment(
  namespace: string,
  name: string,
  model = 'iris',
  labels: Record<string, string> = { 'ml-platform.io/team': 'fraud-detection' },
): SeldonDeploymentObject {
  return {
    apiVersion: 'machinelearning.seldon.io/v1',
    kind: 'SeldonDeployment',
    metadata: {
      name,
      namespace,
      labels,
      annotations: { 'ml-platform.io/served-model': model },
    },
    spec: {
      predictors: [
        {
          name: 'v1',
          traffic: 100,
          labels: { 'ml-platform.io/model-version': '1' },
        },
      ],
    },
  };
}

/** What client-node rejects with when the apiserver answers 404. */
function apiError(code: number): Error {
  return Object.assign(new Error(`HTTP-Code: ${code}`), { code });
}

function setup(options: { events?: DefaultEventsService } = {}) {
  let objects: SeldonDeploymentObject[] = [];
  let failure: Error | undefined;
  const list = jest.fn(async () => {
    if (failure) {
      throw failure;
    }
    return objects;
  });
  const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
  const logger = mockServices.logger.mock();
  const provider = new ModelDeploymentProvider({
    cluster: 'local',
    list,
    logger,
    events: options.events,
    taskRunner: {
      run: async task => {
        tasks.push(task);
      },
    },
  });
  const mutations: EntityProviderMutation[] = [];
  const connection = {
    applyMutation: jest.fn(async (mutation: EntityProviderMutation) => {
      mutations.push(mutation);
    }),
    refresh: async () => undefined,
  };
  return {
    provider,
    list,
    logger,
    tasks,
    mutations,
    connection,
    setObjects: (next: SeldonDeploymentObject[]) => {
      objects = next;
    },
    fail: (error: Error | undefined) => {
      failure = error;
    },
  };
}

function fullEntities(mutation: EntityProviderMutation | undefined): Entity[] {
  if (mutation?.type !== 'full') {
    throw new Error(`expected a full mutation, got ${mutation?.type}`);
  }
  return mutation.entities.map(({ entity, locationKey }) => {
    expect(locationKey).toBe(PROVIDER_NAME);
    return entity;
  });
}

const names = (mutation: EntityProviderMutation | undefined) =>
  fullEntities(mutation).map(entity => entity.metadata.name);

describe('ModelDeploymentProvider', () => {
  it('is named after the cluster and schedules its refresh', async () => {
    const { provider, tasks, connection, list } = setup();
    expect(provider.getProviderName()).toBe(PROVIDER_NAME);
    await provider.connect(connection);
    expect(tasks.map(task => task.id)).toEqual([`${PROVIDER_NAME}:refresh`]);
    expect(list).not.toHaveBeenCalled();
  });

  it('refuses to refresh before it is connected', async () => {
    const { provider } = setup();
    await expect(provider.refresh()).rejects.toThrow(/not connected/);
  });

  it('applies every listed deployment as a full mutation, skipping those that are not the suite’s', async () => {
    const { provider, tasks, connection, mutations, setObjects, logger } =
      setup();
    setObjects([
      seldonDeployment('fraud-detection-scoring', 'scorer', 'iris', {
        'ml-platform.io/team': 'fraud-detection',
        'ml-platform.io/project': 'scoring',
      }),
      seldonDeployment('fraud-detection', 'shared'),
      { metadata: { name: 'foreign', namespace: 'fraud-detection' } },
    ]);
    await provider.connect(connection);
    await tasks[0].fn(new AbortController().signal);
    expect(names(mutations[0])).toEqual([
      'fraud-detection-scoring.scorer',
      'fraud-detection.shared',
    ]);
    const [scorer] = fullEntities(mutations[0]);
    expect(scorer.spec).toMatchObject({
      type: 'model-deployment',
      dependsOn: ['resource:default/iris'],
      subcomponentOf: 'component:default/fraud-detection-scoring',
    });
    expect(logger.info).toHaveBeenCalledWith(
      '2 model deployment components from cluster local',
    );
  });

  it('drops the component of a deleted deployment at the next refresh', async () => {
    const { provider, connection, mutations, setObjects } = setup();
    await provider.connect(connection);
    setObjects([
      seldonDeployment('fraud-detection', 'a'),
      seldonDeployment('fraud-detection', 'b'),
    ]);
    await provider.refresh();
    setObjects([seldonDeployment('fraud-detection', 'b')]);
    await provider.refresh();
    expect(names(mutations[1])).toEqual(['fraud-detection.b']);
  });

  it('emits no components without the SeldonDeployment CRD, and says so once', async () => {
    const { provider, connection, mutations, fail, logger, setObjects } =
      setup();
    await provider.connect(connection);
    setObjects([seldonDeployment('fraud-detection', 'a')]);
    await provider.refresh();
    fail(apiError(404));
    await provider.refresh();
    await provider.refresh();
    expect(mutations.map(names)).toEqual([['fraud-detection.a'], [], []]);
    const missing = logger.info.mock.calls.filter(([message]) =>
      /no SeldonDeployment resource/.test(message),
    );
    expect(missing).toHaveLength(1);
    expect(logger.warn).not.toHaveBeenCalled();
    // installed again: components come back, a later removal is logged again
    fail(undefined);
    await provider.refresh();
    expect(names(mutations[3])).toEqual(['fraud-detection.a']);
    fail(apiError(404));
    await provider.refresh();
    expect(
      logger.info.mock.calls.filter(([message]) =>
        /no SeldonDeployment resource/.test(message),
      ),
    ).toHaveLength(2);
  });

  it('keeps the components as they were when the cluster cannot be read', async () => {
    const { provider, connection, mutations, fail, logger, setObjects } =
      setup();
    await provider.connect(connection);
    setObjects([seldonDeployment('fraud-detection', 'a')]);
    await provider.refresh();
    for (const error of [
      apiError(403),
      apiError(500),
      new Error('ECONNRESET'),
    ]) {
      fail(error);
      await expect(provider.refresh()).resolves.toBeUndefined();
    }
    expect(mutations).toHaveLength(1);
    expect(logger.warn).toHaveBeenCalledTimes(3);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Could not read model deployments from cluster local: .*403/,
      ),
    );
  });

  it('logs a failed apply instead of throwing', async () => {
    const { provider, connection, logger } = setup();
    connection.applyMutation.mockRejectedValueOnce(new Error('database gone'));
    await provider.connect(connection);
    await expect(provider.refresh()).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('database gone'),
    );
  });

  it('refreshes at once when the suite publishes a serving change, and not on other topics', async () => {
    const events = DefaultEventsService.create({
      logger: mockServices.logger.mock(),
    });
    const { provider, connection, mutations, setObjects, list } = setup({
      events,
    });
    await provider.connect(connection);
    setObjects([seldonDeployment('fraud-detection', 'a')]);
    await events.publish({
      topic: 'ml-platform.namespace-applied',
      eventPayload: { namespace: 'fraud-detection' },
    });
    expect(list).not.toHaveBeenCalled();
    await events.publish({
      topic: SERVING_CHANGED_TOPIC,
      eventPayload: { namespace: 'fraud-detection', name: 'a' },
    });
    await waitFor(() => mutations.length === 1);
    expect(names(mutations[0])).toEqual(['fraud-detection.a']);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000) {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) {
      throw new Error('condition not met in time');
    }
    await new Promise(resolve => setTimeout(resolve, 5));
  }
}

describe('seldonDeploymentLister', () => {
  /** A plain-http stub apiserver on a free loopback port. */
  async function stubApiserver(
    answer: (url: URL, res: ServerResponse) => void,
  ) {
    const seen: URL[] = [];
    const server = createServer((req, res) => {
      const url = new URL(req.url!, 'http://127.0.0.1');
      seen.push(url);
      answer(url, res);
    });
    await new Promise<void>(resolve =>
      server.listen(0, '127.0.0.1', () => resolve()),
    );
    const { port } = server.address() as AddressInfo;
    const cluster = {
      name: 'local',
      url: `http://127.0.0.1:${port}`,
      token: 'test-token',
      skipTLSVerify: true,
    };
    const list = seldonDeploymentLister(
      makeKubeConfig(cluster, { timeoutMs: 2000, retries: 0 }),
      cluster,
    );
    return {
      list,
      seen,
      close: () => new Promise(resolve => server.close(resolve)),
    };
  }

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  it('lists the team-labelled SeldonDeployments of all namespaces, page by page', async () => {
    const stub = await stubApiserver((url, res) => {
      const page = url.searchParams.get('continue');
      json(res, 200, {
        apiVersion: 'machinelearning.seldon.io/v1',
        kind: 'SeldonDeploymentList',
        metadata: page ? {} : { continue: 'next' },
        items: [seldonDeployment('fraud-detection', page ? 'b' : 'a')],
      });
    });
    try {
      const items = await stub.list();
      expect(items.map(item => item.metadata?.name)).toEqual(['a', 'b']);
      expect(stub.seen.map(url => url.pathname)).toEqual([
        '/apis/machinelearning.seldon.io/v1/seldondeployments',
        '/apis/machinelearning.seldon.io/v1/seldondeployments',
      ]);
      expect(stub.seen[0].searchParams.get('labelSelector')).toBe(
        'ml-platform.io/team',
      );
      expect(stub.seen[1].searchParams.get('continue')).toBe('next');
    } finally {
      await stub.close();
    }
  });

  it('rejects with a 404 when the CRD is not installed, which the provider reads as no deployments', async () => {
    const stub = await stubApiserver((_url, res) =>
      json(res, 404, {
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        code: 404,
      }),
    );
    try {
      await expect(stub.list()).rejects.toMatchObject({ code: 404 });
      const { connection, mutations, logger } = setup();
      const real = new ModelDeploymentProvider({
        cluster: 'local',
        list: stub.list,
        logger,
        taskRunner: { run: async () => undefined },
      });
      await real.connect(connection);
      await real.refresh();
      expect(mutations.map(names)).toEqual([[]]);
      expect(logger.warn).not.toHaveBeenCalled();
    } finally {
      await stub.close();
    }
  });
});
