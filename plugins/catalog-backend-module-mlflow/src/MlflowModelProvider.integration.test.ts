import { mockServices } from '@backstage/backend-test-utils';
import type { DeferredEntity } from '@backstage/plugin-catalog-node';
import { MlflowClient } from '@ml-platform/backstage-plugin-ml-platform-node';
import { DEMO_TEAMS, ensureLocalPlatform } from '@ml-platform/local-platform';
import { MlflowModelProvider } from './MlflowModelProvider';

describe('MlflowModelProvider against the seeded local MLflow', () => {
  it(
    'turns every registered model into a Resource owned by the team its tag names',
    async () => {
      const platform = await ensureLocalPlatform();
      const mutations: DeferredEntity[][] = [];
      const provider = new MlflowModelProvider({
        providerId: 'test',
        client: new MlflowClient({ baseUrl: platform.mlflowUrl }),
        mlflowExternalUrl: platform.mlflowUrl,
        ownerTag: 'ml-platform.io/team',
        defaultOwner: 'group:default/platform-admins',
        logger: mockServices.logger.mock(),
        taskRunner: { run: async () => undefined },
      });
      await provider.connect({
        applyMutation: async mutation => {
          if (mutation.type === 'full') {
            mutations.push(mutation.entities);
          }
        },
        refresh: async () => undefined,
      });
      await provider.refresh();

      expect(mutations).toHaveLength(1);
      const byModel = new Map(
        mutations[0].map(({ entity }) => [entity.metadata.title, entity]),
      );
      for (const team of DEMO_TEAMS) {
        const entity = byModel.get(team.mlflow.registeredModel);
        expect(entity).toMatchObject({
          kind: 'Resource',
          spec: { type: 'ml-model', owner: `group:default/${team.team}` },
        });
        expect(
          entity?.metadata.annotations?.[
            'ml-platform.io/mlflow-registered-model'
          ],
        ).toBe(team.mlflow.registeredModel);
      }
    },
    30 * 60_000,
  );
});
