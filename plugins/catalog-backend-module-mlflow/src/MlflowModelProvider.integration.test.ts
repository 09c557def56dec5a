import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { EntityProviderMutation } from '@backstage/plugin-catalog-node';
import { MlflowClient } from '@ml-platform/backstage-plugin-ml-platform-node';
import {
  DEMO_TEAMS,
  ensureLocalPlatform,
  type LocalPlatform,
} from '@ml-platform/local-platform';
import { MlflowModelProvider } from './MlflowModelProvider';

const SETUP_TIMEOUT = 30 * 60_000;

/** A provider on the local MLflow capturing its mutations, and the search calls its client made. */
function providerFor(platform: LocalPlatform) {
  const mutations: EntityProviderMutation[] = [];
  const searches: URL[] = [];
  const client = new MlflowClient({
    baseUrl: platform.mlflowUrl,
    fetch: (input, init) => {
      const url = new URL(String(input));
      if (url.pathname.endsWith('/registered-models/search')) {
        searches.push(url);
      }
      return fetch(input, init);
    },
  });
  const provider = new MlflowModelProvider({
    providerId: 'test',
    client,
    mlflowExternalUrl: platform.mlflowUrl,
    ownerTag: 'ml-platform.io/team',
    defaultOwner: 'group:default/platform-admins',
    logger: mockServices.logger.mock(),
    taskRunner: { run: async () => undefined },
  });
  const connection = {
    applyMutation: async (mutation: EntityProviderMutation) => {
      mutations.push(mutation);
    },
    refresh: async () => undefined,
  };
  return { provider, connection, mutations, searches };
}

function lastFull(mutations: EntityProviderMutation[]): Entity[] {
  const last = mutations[mutations.length - 1];
  if (last?.type !== 'full') {
    throw new Error(`expected a full mutation, got ${last?.type}`);
  }
  return last.entities.map(({ entity, locationKey }) => {
    expect(locationKey).toBe('mlflow-models:test');
    return entity;
  });
}

/** Runs `fn` on every item, at most `concurrency` at once. */
async function inPool<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        await fn(items[next++]);
      }
    }),
  );
}

describe('MlflowModelProvider against the seeded local MLflow', () => {
  it(
    'turns every registered model into a Resource owned by the team its tag names',
    async () => {
      const platform = await ensureLocalPlatform();
      const { provider, connection, mutations } = providerFor(platform);
      await provider.connect(connection);
      await provider.refresh();

      expect(mutations).toHaveLength(1);
      const byModel = new Map(
        lastFull(mutations).map(entity => [entity.metadata.title, entity]),
      );
      for (const team of DEMO_TEAMS) {
        const entity = byModel.get(team.mlflow.registeredModel);
        expect(entity).toMatchObject({
          kind: 'Resource',
          metadata: {
            name: team.mlflow.registeredModel,
            annotations: {
              'ml-platform.io/mlflow-registered-model':
                team.mlflow.registeredModel,
              'ml-platform.io/namespace': team.team,
            },
          },
          spec: { type: 'ml-model', owner: `group:default/${team.team}` },
        });
      }
    },
    SETUP_TIMEOUT,
  );
});

describe('MlflowModelProvider with thousands of models in the local MLflow', () => {
  const MODELS = 2_500;
  const CONCURRENCY = 8;
  const TEAMS = ['fraud-detection', 'recommendations', 'forecasting'];
  const prefix = `it-mlflow-provider-${Date.now().toString(36)}${Math.random()
    .toString(36)
    .slice(2, 6)}`;
  const names = Array.from(
    { length: MODELS },
    (_, i) => `${prefix}-${String(i).padStart(4, '0')}`,
  );
  const indexOf = (name: string) => Number(name.slice(prefix.length + 1));
  /** Model i: a team's (every 10th none), every 5th public. */
  const teamOf = (i: number) => (i % 10 === 9 ? undefined : TEAMS[i % 3]);
  const isPublic = (i: number) => i % 5 === 0;
  const created = new Set<string>();
  let mlflow: MlflowClient;
  let platform: LocalPlatform;
  const timings: string[] = [];

  beforeAll(async () => {
    platform = await ensureLocalPlatform({ seed: false });
    mlflow = new MlflowClient({ baseUrl: platform.mlflowUrl });
    const started = Date.now();
    await inPool(names, CONCURRENCY, async name => {
      const i = indexOf(name);
      const team = teamOf(i);
      await mlflow.createRegisteredModel(name, {
        description: `model ${i} of the catalog module's integration test`,
        tags: {
          ...(team ? { 'ml-platform.io/team': team } : {}),
          ...(isPublic(i) ? { 'ml-platform.io/visibility': 'public' } : {}),
        },
      });
      created.add(name);
    });
    timings.push(`created ${MODELS} models in ${Date.now() - started} ms`);
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    // the portal shares this MLflow: leave none of them behind
    const started = Date.now();
    await inPool([...created], CONCURRENCY, async name => {
      await mlflow.deleteRegisteredModel(name).catch(() => undefined);
    });
    timings.push(
      `deleted ${created.size} models in ${Date.now() - started} ms`,
    );
    process.stderr.write(`${timings.join('\n')}\n`);
  }, 120_000);

  /** This test's entities of the last full mutation, by model name. */
  function ours(mutations: EntityProviderMutation[]): Map<string, Entity> {
    const entities = lastFull(mutations).filter(entity =>
      entity.metadata.title?.startsWith(`${prefix}-`),
    );
    const byName = new Map(entities.map(e => [e.metadata.title!, e]));
    // exactly one entity per model
    expect(byName.size).toBe(entities.length);
    return byName;
  }

  it('makes one entity per model with its owner and visibility, over several pages, and removes deleted ones', async () => {
    const { provider, connection, mutations, searches } = providerFor(platform);
    await provider.connect(connection);

    let started = Date.now();
    const first = await provider.refresh();
    timings.push(
      `full sync of ${first.models} models: ${first.pages} pages in ${
        Date.now() - started
      } ms`,
    );
    expect(first.pages).toBeGreaterThanOrEqual(3);
    expect(searches.map(url => url.searchParams.get('max_results'))).toEqual(
      Array(first.pages).fill('1000'),
    );
    const entities = ours(mutations);
    expect(entities.size).toBe(MODELS);
    for (const [name, entity] of entities) {
      const i = indexOf(name);
      const team = teamOf(i);
      expect(entity.metadata.name).toBe(name);
      expect(entity.spec).toEqual({
        type: 'ml-model',
        owner: team ? `group:default/${team}` : 'group:default/platform-admins',
      });
      expect(entity.metadata.labels?.['ml-platform.io/public']).toBe(
        isPublic(i) ? 'true' : undefined,
      );
      expect(entity.metadata.annotations?.['ml-platform.io/namespace']).toBe(
        team,
      );
    }

    // an update shows up in the incremental poll, which reads one page
    searches.length = 0;
    const updated = names[1234];
    const response = await fetch(
      `${platform.mlflowUrl}/api/2.0/mlflow/registered-models/update`,
      {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: updated, description: 'updated' }),
      },
    );
    expect(response.status).toBe(200);
    await provider.pollChanges();
    const last = mutations[mutations.length - 1];
    expect(last.type).toBe('delta');
    const added =
      last.type === 'delta' ? last.added.map(d => d.entity.metadata) : [];
    expect(added).toContainEqual(
      expect.objectContaining({ title: updated, description: 'updated' }),
    );
    // other tests may change models of this shared MLflow at the same time
    expect(added.length).toBeLessThan(50);
    // it stopped paging at the models older than the sync (it still reads
    // those created in the last seconds before it, 100 per page)
    expect(searches.length).toBeLessThan(Math.ceil(first.models / 100));
    timings.push(`incremental poll: ${searches.length} pages of 100`);

    // deleted models disappear with the next full sync
    const deleted = names.filter((_, i) => i % 100 === 42);
    await inPool(deleted, CONCURRENCY, async name => {
      await mlflow.deleteRegisteredModel(name);
      created.delete(name);
    });
    started = Date.now();
    const second = await provider.refresh();
    timings.push(
      `full sync after deleting ${deleted.length}: ${second.models} models, ${
        second.pages
      } pages in ${Date.now() - started} ms`,
    );
    const remaining = ours(mutations);
    expect(remaining.size).toBe(MODELS - deleted.length);
    for (const name of deleted) {
      expect(remaining.has(name)).toBe(false);
    }
    expect(remaining.get(updated)?.metadata.description).toBe('updated');
  }, 120_000);
});
