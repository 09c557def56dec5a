import type { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import {
  NAMESPACE_APPLIED_TOPIC,
  namespaceBackend,
  type NamespaceAppliedEvent,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import { ensureLocalPlatform } from '@ml-platform/local-platform';
import { ProjectNamespaceProvider } from './ProjectNamespaceProvider';

const SETUP_TIMEOUT = 30 * 60_000;
const TEST_TIMEOUT = 120_000;

const team = `it-cat-${Date.now().toString(36)}`;
const projectA = `${team}-alpha`;
const projectB = `${team}-beta`;
const projectC = `${team}-gamma`;
const created = [team, projectA, projectB, projectC];

/** Waits until a deleted namespace is gone (the namespace controller emptied it). */
async function namespaceGone(core: CoreV1Api, name: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const found = await core.readNamespace({ name }).then(
      () => true,
      (error: { code?: number }) => {
        if (error?.code === 404) {
          return false;
        }
        throw error;
      },
    );
    if (!found) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`namespace ${name} was never deleted`);
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

describe('ProjectNamespaceProvider on the local cluster', () => {
  let kubeConfig: KubeConfig;
  let core: CoreV1Api;
  const logger = mockServices.logger.mock();
  const events = DefaultEventsService.create({ logger });
  let recorded: SchedulerServiceTaskInvocationDefinition | undefined;
  const mutations: EntityProviderMutation[] = [];
  const connection: EntityProviderConnection = {
    applyMutation: async mutation => {
      mutations.push(mutation);
    },
    refresh: async () => {},
  };
  let provider: ProjectNamespaceProvider;

  /** The latest mutation, which must replace all of the provider's entities. */
  function latestFullMutation() {
    const latest = mutations[mutations.length - 1];
    if (!latest || latest.type !== 'full') {
      throw new Error(`expected a full mutation, got ${latest?.type}`);
    }
    return latest;
  }

  /** The entities of this test's namespaces in the latest mutation, by name. */
  function ourEntities(): Entity[] {
    return latestFullMutation()
      .entities.map(({ entity }) => entity)
      .filter(entity => created.includes(entity.metadata.name))
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  }

  /** A refresh that failed is only logged: make it fail the test. */
  function expectNoWarnings() {
    expect(logger.warn).not.toHaveBeenCalled();
  }

  async function createNamespace(
    name: string,
    labels: Record<string, string>,
    annotations?: Record<string, string>,
  ) {
    await core.createNamespace({
      body: { metadata: { name, labels, annotations } },
    });
  }

  beforeAll(async () => {
    const platform = await ensureLocalPlatform({ seed: false });
    kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(platform.kubeconfigPath);
    core = kubeConfig.makeApiClient(CoreV1Api);

    await createNamespace(team, { 'ml-platform.io/team': team });
    await createNamespace(
      projectA,
      { 'ml-platform.io/team': team, 'ml-platform.io/project': 'alpha' },
      { 'ml-platform.io/description': 'The first project' },
    );
    await createNamespace(projectB, {
      'ml-platform.io/team': team,
      'ml-platform.io/project': 'beta',
    });

    provider = new ProjectNamespaceProvider({
      cluster: 'local',
      namespaces: namespaceBackend(kubeConfig, { kubeflowProfiles: false }),
      logger,
      events,
      taskRunner: {
        run: async task => {
          recorded = task;
        },
      },
    });
    await provider.connect(connection);
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await Promise.all(
      created.map(name =>
        core?.deleteNamespace({ name }).catch(() => undefined),
      ),
    );
  });

  it('schedules its refresh with the task runner on connect', () => {
    expect(recorded?.id).toBe('ml-platform-projects:local:refresh');
    expect(provider.getProviderName()).toBe('ml-platform-projects:local');
  });

  it(
    'replaces its entities with the project namespaces, not the team namespace',
    async () => {
      await provider.refresh();
      expectNoWarnings();
      expect(mutations).toHaveLength(1);
      expect(
        latestFullMutation().entities.every(
          e => e.locationKey === 'ml-platform-projects:local',
        ),
      ).toBe(true);
      expect(ourEntities().map(e => e.metadata.name)).toEqual([
        projectA,
        projectB,
      ]);
      const [alpha, beta] = ourEntities();
      expect(alpha).toMatchObject({
        kind: 'Component',
        metadata: {
          name: projectA,
          title: `alpha (${team})`,
          description: 'The first project',
          annotations: {
            'backstage.io/kubernetes-namespace': projectA,
            'backstage.io/kubernetes-label-selector':
              'ml-platform.io/project=alpha',
            'ml-platform.io/namespace': projectA,
          },
        },
        spec: { type: 'ml-project', owner: `group:default/${team}` },
      });
      expect(beta.metadata.description).toBeUndefined();
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringMatching(/ML project components from cluster local$/),
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'runs the same refresh as its scheduled task',
    async () => {
      const before = mutations.length;
      await recorded!.fn(new AbortController().signal);
      expectNoWarnings();
      expect(mutations).toHaveLength(before + 1);
      expect(ourEntities().map(e => e.metadata.name)).toEqual([
        projectA,
        projectB,
      ]);
    },
    TEST_TIMEOUT,
  );

  it(
    'drops the component of a deleted namespace',
    async () => {
      await core.deleteNamespace({ name: projectB });
      await namespaceGone(core, projectB);
      await provider.refresh();
      expectNoWarnings();
      expect(ourEntities().map(e => e.metadata.name)).toEqual([projectA]);
    },
    TEST_TIMEOUT,
  );

  it(
    'refreshes when a namespace was applied',
    async () => {
      await createNamespace(projectC, {
        'ml-platform.io/team': team,
        'ml-platform.io/project': 'gamma',
      });
      const before = mutations.length;
      await events.publish({
        topic: NAMESPACE_APPLIED_TOPIC,
        eventPayload: {
          namespace: projectC,
          team,
          project: 'gamma',
        } satisfies NamespaceAppliedEvent,
      });
      expectNoWarnings();
      expect(mutations).toHaveLength(before + 1);
      expect(ourEntities().map(e => e.metadata.name)).toEqual([
        projectA,
        projectC,
      ]);
    },
    TEST_TIMEOUT,
  );

  it(
    'ignores events of other topics',
    async () => {
      const before = mutations.length;
      await events.publish({
        topic: 'something-else',
        eventPayload: {},
      });
      expect(mutations).toHaveLength(before);
    },
    TEST_TIMEOUT,
  );
});
