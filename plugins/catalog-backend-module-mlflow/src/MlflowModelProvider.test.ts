import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { EntityProviderMutation } from '@backstage/plugin-catalog-node';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import { MlflowClient } from '@ml-platform/backstage-plugin-ml-platform-node';
import { FakeMlflowRegistry } from './__testUtils__/fakeMlflow';
import {
  MlflowModelProvider,
  modelNameOfEvent,
  type MlflowModelProviderOptions,
} from './MlflowModelProvider';
import { MLFLOW_WEBHOOK_TOPIC } from './topic';

const TEAMS = ['fraud-detection', 'recommendations', 'forecasting'];
const LOCATION_KEY = 'mlflow-models:test';

/** Model i: owned by one of the teams (every 10th by none), every 7th public. */
function tagsOf(i: number): Record<string, string> {
  return {
    ...(i % 10 === 9 ? {} : { 'ml-platform.io/team': TEAMS[i % 3] }),
    ...(i % 7 === 0 ? { 'ml-platform.io/visibility': 'public' } : {}),
  };
}

function modelName(i: number): string {
  return `model-${String(i).padStart(5, '0')}`;
}

function setup(
  options: Partial<MlflowModelProviderOptions> & { models?: number } = {},
) {
  const registry = new FakeMlflowRegistry();
  for (let i = 0; i < (options.models ?? 0); i++) {
    registry.put(modelName(i), tagsOf(i));
  }
  const mutations: EntityProviderMutation[] = [];
  const logger = mockServices.logger.mock();
  const provider = new MlflowModelProvider({
    providerId: 'test',
    client: new MlflowClient({
      baseUrl: 'http://mlflow.test:5000',
      fetch: registry.fetch,
      retries: 0,
    }),
    mlflowExternalUrl: 'https://mlflow.example.com',
    ownerTag: 'ml-platform.io/team',
    defaultOwner: 'group:default/platform-admins',
    logger,
    taskRunner: { run: async () => undefined },
    ...options,
  });
  const connection = {
    applyMutation: jest.fn(async (mutation: EntityProviderMutation) => {
      mutations.push(mutation);
    }),
    refresh: async () => undefined,
  };
  return { registry, provider, mutations, logger, connection };
}

function fullEntities(mutation: EntityProviderMutation | undefined): Entity[] {
  if (mutation?.type !== 'full') {
    throw new Error(`expected a full mutation, got ${mutation?.type}`);
  }
  return mutation.entities.map(({ entity, locationKey }) => {
    expect(locationKey).toBe(LOCATION_KEY);
    return entity;
  });
}

function delta(mutation: EntityProviderMutation | undefined) {
  if (mutation?.type !== 'delta') {
    throw new Error(`expected a delta mutation, got ${mutation?.type}`);
  }
  for (const item of [...mutation.added, ...mutation.removed]) {
    expect(item.locationKey).toBe(LOCATION_KEY);
  }
  return {
    added: mutation.added.map(({ entity }) => entity.metadata.title),
    removed: mutation.removed.map(item =>
      'entityRef' in item ? item.entityRef : item.entity.metadata.name,
    ),
  };
}

describe('MlflowModelProvider', () => {
  it('registers its tasks and subscribes to the webhook topic on connect', async () => {
    const full = jest.fn(async () => undefined);
    const poll = jest.fn(async () => undefined);
    const events = { subscribe: jest.fn(), publish: jest.fn() };
    const { provider, connection } = setup({
      taskRunner: { run: full },
      deltaTaskRunner: { run: poll },
      events,
    });
    await provider.connect(connection);
    expect(full).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'mlflow-models:test:refresh' }),
    );
    expect(poll).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'mlflow-models:test:delta' }),
    );
    expect(events.subscribe).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'mlflow-models:test',
        topics: ['mlflow.model-registry'],
      }),
    );
  });

  describe('full sync of a registry of 10,000 models', () => {
    it('makes exactly one entity per model, reading 1,000 per page', async () => {
      const { registry, provider, mutations, connection } = setup({
        models: 10_000,
      });
      await provider.connect(connection);
      const result = await provider.refresh();

      expect(result).toEqual({ models: 10_000, pages: 10, recovered: 0 });
      expect(
        registry.searchCalls().map(url => url.searchParams.get('max_results')),
      ).toEqual(Array(10).fill('1000'));
      expect(mutations).toHaveLength(1);
      const entities = fullEntities(mutations[0]);
      expect(entities).toHaveLength(10_000);
      expect(new Set(entities.map(e => e.metadata.name)).size).toBe(10_000);
      for (const entity of entities) {
        const i = Number(entity.metadata.title!.slice('model-'.length));
        const team = tagsOf(i)['ml-platform.io/team'];
        expect(entity.kind).toBe('Resource');
        expect(entity.spec).toEqual({
          type: 'ml-model',
          owner: team
            ? `group:default/${team}`
            : 'group:default/platform-admins',
        });
        expect(entity.metadata.labels?.['ml-platform.io/public']).toBe(
          i % 7 === 0 ? 'true' : undefined,
        );
      }
    });

    it('drops the entities of deleted models, after making sure they are gone', async () => {
      const { registry, provider, mutations, connection } = setup({
        models: 2_500,
      });
      await provider.connect(connection);
      await provider.refresh();
      const deleted = [3, 1_200, 2_499].map(modelName);
      deleted.forEach(name => registry.delete(name));
      registry.calls.length = 0;

      const result = await provider.refresh();
      expect(result).toEqual({ models: 2_497, pages: 3, recovered: 0 });
      const titles = fullEntities(mutations[1]).map(e => e.metadata.title);
      expect(titles).toHaveLength(2_497);
      expect(titles).not.toEqual(expect.arrayContaining([deleted[0]]));
      expect(titles.filter(t => deleted.includes(t!))).toEqual([]);
      // one lookup per missing model: MLflow answered not found
      expect(
        registry.getCalls().map(url => url.searchParams.get('name')),
      ).toEqual(deleted);
    });

    it('keeps a model that a deletion during the sync shifted past the page it was on', async () => {
      const { registry, provider, mutations, connection } = setup({
        models: 2_500,
      });
      await provider.connect(connection);
      await provider.refresh();
      // MLflow's page tokens are offsets: deleting model 10 after the first
      // page moves model 1000 onto the first page, which was read already
      registry.beforeSearchPage = offset => {
        if (offset === 1000) {
          registry.delete(modelName(10));
        }
      };
      const result = await provider.refresh();
      // model 10 was read before its deletion: it goes with the next sync
      expect(result).toEqual({ models: 2_500, pages: 3, recovered: 1 });
      const titles = fullEntities(mutations[1]).map(e => e.metadata.title);
      expect(titles).toContain(modelName(1000));
      expect(new Set(titles).size).toBe(2_500);
    });

    it('fails without a mutation when MLflow fails', async () => {
      const { registry, provider, mutations, connection } = setup({
        models: 5,
      });
      await provider.connect(connection);
      registry.failWith = 500;
      await expect(provider.refresh()).rejects.toThrow(/MLflow/);
      expect(mutations).toEqual([]);
    });
  });

  describe('incremental poll', () => {
    it('applies only the models updated since the last sync, newest first, and stops there', async () => {
      const { registry, provider, mutations, connection } = setup({
        models: 2_500,
        deltaPageSize: 100,
      });
      await provider.connect(connection);
      await provider.refresh();
      // ten seconds later (MLflow's clock moves on a second per call)
      for (let i = 0; i < 10; i++) registry.now();
      registry.addVersion(modelName(5));
      registry.put('brand-new', { 'ml-platform.io/team': 'forecasting' });
      registry.addVersion(modelName(2_000));
      registry.calls.length = 0;

      await expect(provider.pollChanges()).resolves.toEqual({ upserted: 3 });
      expect(delta(mutations[1])).toEqual({
        added: [modelName(2_000), 'brand-new', modelName(5)],
        removed: [],
      });
      // one page of 100, newest first
      expect(registry.searchCalls()).toHaveLength(1);
      expect(registry.searchCalls()[0].searchParams.get('order_by')).toBe(
        'last_updated_timestamp DESC',
      );

      // nothing changed since: nothing applied
      mutations.length = 0;
      for (let i = 0; i < 20; i++) registry.now();
      await expect(provider.pollChanges()).resolves.toEqual({ upserted: 0 });
      expect(mutations).toEqual([]);
    });

    it('catches a change committed late with a stamp up to 5 seconds older than the newest it saw', async () => {
      const { registry, provider, mutations, connection } = setup({
        models: 20,
      });
      await provider.connect(connection);
      await provider.refresh();
      await expect(provider.pollChanges()).resolves.toEqual({ upserted: 0 });
      // model-00019 was the newest at the sync; an update of model-00003
      // stamped 4 s before it commits only now
      const newest = registry.models.get(modelName(19))!.last_updated_timestamp;
      const late = registry.models.get(modelName(3))!;
      late.last_updated_timestamp = newest - 4_000;
      late.description = 'committed late';
      await expect(provider.pollChanges()).resolves.toEqual({ upserted: 1 });
      expect(delta(mutations[1]).added).toEqual([modelName(3)]);
      // 6 s older: left to the next full sync
      registry.models.get(modelName(4))!.last_updated_timestamp =
        newest - 6_000;
      await expect(provider.pollChanges()).resolves.toEqual({ upserted: 0 });
    });

    it('follows the pages while they hold changes', async () => {
      const { registry, provider, mutations, connection } = setup({
        models: 1_000,
        deltaPageSize: 100,
      });
      await provider.connect(connection);
      await provider.refresh();
      for (let i = 0; i < 20; i++) registry.now();
      for (let i = 0; i < 250; i++) {
        registry.addVersion(modelName(i * 3));
      }
      registry.calls.length = 0;
      await expect(provider.pollChanges()).resolves.toEqual({ upserted: 250 });
      expect(delta(mutations[1]).added).toHaveLength(250);
      expect(registry.searchCalls()).toHaveLength(3);
    });

    it('without a sync in this process, applies the newest page only', async () => {
      const { registry, provider, mutations, connection } = setup({
        models: 300,
        deltaPageSize: 100,
      });
      await provider.connect(connection);
      await expect(provider.pollChanges()).resolves.toEqual({ upserted: 100 });
      expect(delta(mutations[0]).added[0]).toBe(modelName(299));
      expect(registry.searchCalls()).toHaveLength(1);
    });
  });

  describe('webhook events', () => {
    const event = (entity: string, action: string, name: unknown) => ({
      topic: MLFLOW_WEBHOOK_TOPIC,
      eventPayload: {
        entity,
        action,
        timestamp: '2026-01-01T00:00:00+00:00',
        data: { name, version: '1' },
      },
    });

    it.each([
      ['registered_model', 'created'],
      ['model_version', 'created'],
      ['model_version_tag', 'set'],
      ['model_version_tag', 'deleted'],
      ['model_version_alias', 'created'],
      ['model_version_alias', 'deleted'],
    ])('%s.%s refetches the model and applies it as a delta', async (e, a) => {
      const { registry, provider, mutations, connection } = setup({
        models: 3,
      });
      await provider.connect(connection);
      registry.put('churn', { 'ml-platform.io/visibility': 'public' });
      await provider.handleEvent(event(e, a, 'churn'));
      expect(delta(mutations[0])).toEqual({ added: ['churn'], removed: [] });
      expect(
        mutations[0].type === 'delta' &&
          mutations[0].added[0].entity.metadata.labels,
      ).toEqual({ 'ml-platform.io/public': 'true' });
      expect(registry.getCalls()).toHaveLength(1);
    });

    it('removes the entity of a model MLflow no longer has', async () => {
      const { provider, mutations, connection } = setup({ models: 3 });
      await provider.connect(connection);
      await provider.handleEvent(
        event('model_version_alias', 'deleted', 'My Model'),
      );
      expect(mutations).toEqual([
        {
          type: 'delta',
          added: [],
          removed: [
            {
              entityRef: expect.stringMatching(
                /^resource:default\/my-model-[0-9a-f]{8}$/,
              ),
              locationKey: LOCATION_KEY,
            },
          ],
        },
      ]);
    });

    it('ignores other events, topics and malformed payloads', async () => {
      const { registry, provider, mutations, connection } = setup({
        models: 3,
      });
      await provider.connect(connection);
      await provider.handleEvent(event('prompt', 'created', 'p'));
      await provider.handleEvent(event('budget_policy', 'exceeded', 'x'));
      await provider.handleEvent(event('model_version', 'created', 42));
      await provider.handleEvent(event('model_version', 'created', ''));
      await provider.handleEvent({
        ...event('model_version', 'created', modelName(1)),
        topic: 'github',
      });
      await provider.handleEvent({
        topic: MLFLOW_WEBHOOK_TOPIC,
        eventPayload: 'not json',
      });
      expect(mutations).toEqual([]);
      expect(registry.calls).toEqual([]);
    });

    it('refetches a model once for a burst of events', async () => {
      const { registry, provider, mutations, connection } = setup({
        models: 3,
      });
      await provider.connect(connection);
      const sync = provider.refresh();
      await Promise.all(
        ['created', 'created', 'created'].map(() =>
          provider.handleEvent(event('model_version', 'created', modelName(1))),
        ),
      );
      await sync;
      expect(registry.getCalls()).toHaveLength(1);
      expect(mutations.map(m => m.type)).toEqual(['full', 'delta']);
    });

    it('never interleaves a delta with a full sync', async () => {
      const { registry, provider, mutations, connection } = setup({
        models: 2_000,
      });
      await provider.connect(connection);
      let release!: () => void;
      const gate = new Promise<void>(resolve => {
        release = resolve;
      });
      connection.applyMutation.mockImplementationOnce(async mutation => {
        await gate;
        mutations.push(mutation);
      });
      const sync = provider.refresh();
      registry.put('late', {});
      const refreshed = provider.handleEvent(
        event('registered_model', 'created', 'late'),
      );
      await new Promise(resolve => setTimeout(resolve, 20));
      expect(mutations).toEqual([]);
      release();
      await Promise.all([sync, refreshed]);
      expect(mutations.map(m => m.type)).toEqual(['full', 'delta']);
    });

    it('logs a failed refetch as a warning and throws nothing', async () => {
      const { registry, provider, mutations, logger, connection } = setup({
        models: 3,
      });
      await provider.connect(connection);
      registry.failWith = 500;
      await provider.handleEvent(event('model_version', 'created', 'churn'));
      expect(mutations).toEqual([]);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(
          'Could not refresh MLflow registered model "churn" after a webhook event',
        ),
      );
    });

    it('receives the events published on the topic', async () => {
      const events = DefaultEventsService.create({
        logger: mockServices.logger.mock(),
      });
      const { registry, provider, mutations, connection } = setup({
        models: 3,
        events,
      });
      await provider.connect(connection);
      registry.addVersion(modelName(2));
      // publishing does not wait for the refetch
      await events.publish(event('model_version', 'created', modelName(2)));
      expect(mutations).toEqual([]);
      await provider.refresh();
      expect(delta(mutations[0]).added).toEqual([modelName(2)]);
      expect(mutations[1].type).toBe('full');
    });
  });
});

describe('modelNameOfEvent', () => {
  it('reads data.name of the events that change a model', () => {
    expect(
      modelNameOfEvent({
        entity: 'model_version_tag',
        action: 'set',
        data: { name: 'm', version: '1', key: 'k', value: 'v' },
      }),
    ).toBe('m');
    expect(
      modelNameOfEvent({
        entity: 'model_version',
        action: 'updated',
        data: {},
      }),
    ).toBeUndefined();
    expect(modelNameOfEvent(null)).toBeUndefined();
  });
});
