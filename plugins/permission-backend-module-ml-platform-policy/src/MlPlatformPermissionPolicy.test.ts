import { ConfigReader } from '@backstage/config';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { kubernetesProxyPermission } from '@backstage/plugin-kubernetes-common';
import type { Entity } from '@backstage/catalog-model';
import { permissionRules } from '@backstage/plugin-catalog-backend/alpha';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import {
  mlflowReadPermission,
  PUBLIC_MODEL_LABEL,
  publicModelReadPermission,
  platformStatusReadPermission,
  projectNamespaceManagePermission,
  teamNamespaceManagePermission,
  teamResourcesReadPermission,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import {
  MlPlatformPermissionPolicy,
  readAdminGroups,
} from './MlPlatformPermissionPolicy';

function userWith(name: string, groups: string[]) {
  const userEntityRef = `user:default/${name}`;
  return {
    credentials: mockCredentials.user(userEntityRef),
    info: {
      userEntityRef,
      ownershipEntityRefs: [
        userEntityRef,
        ...groups.map(g => `group:default/${g}`),
      ],
    },
  };
}

describe('MlPlatformPermissionPolicy', () => {
  const policy = new MlPlatformPermissionPolicy([
    'group:default/platform-admins',
  ]);
  const admin = userWith('erin', ['platform-admins']);
  const member = userWith('alice', ['fraud-detection']);

  it('lets platform admins create team namespaces', async () => {
    expect(
      await policy.handle({ permission: teamNamespaceManagePermission }, admin),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('denies team namespaces to team members', async () => {
    expect(
      await policy.handle(
        { permission: teamNamespaceManagePermission },
        member,
      ),
    ).toEqual({ result: AuthorizeResult.DENY });
  });

  it("grants team-scoped permissions on the user's own teams only", async () => {
    for (const permission of [
      projectNamespaceManagePermission,
      teamResourcesReadPermission,
      mlflowReadPermission,
    ]) {
      expect(await policy.handle({ permission }, member)).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'ml-platform',
        resourceType: 'ml-platform-team',
        conditions: {
          rule: 'IS_TEAM_MEMBER',
          resourceType: 'ml-platform-team',
          params: { claims: member.info.ownershipEntityRefs },
        },
      });
      expect(await policy.handle({ permission }, admin)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('lets signed-in users read the platform status', async () => {
    expect(
      await policy.handle({ permission: platformStatusReadPermission }, member),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  describe('catalog entities', () => {
    const entity = (
      kind: string,
      type: string,
      owner: string,
      labels?: Record<string, string>,
    ): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name: `${type}-${owner}`, ...(labels ? { labels } : {}) },
      spec: { type, owner: `group:default/${owner}` },
      relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
    });
    const canRead = async (user: typeof member, target: Entity) =>
      createConditionAuthorizer(Object.values(permissionRules))(
        await policy.handle({ permission: catalogEntityReadPermission }, user),
        target,
      );

    it("hides other teams' ML projects and models, but not public models", async () => {
      const cases: [Entity, boolean][] = [
        [entity('Component', 'ml-project', 'fraud-detection'), true],
        [entity('Component', 'ml-project', 'recommendations'), false],
        [entity('Resource', 'ml-model', 'fraud-detection'), true],
        [entity('Resource', 'ml-model', 'recommendations'), false],
        [
          entity('Resource', 'ml-model', 'recommendations', {
            [PUBLIC_MODEL_LABEL]: 'true',
          }),
          true,
        ],
        [
          entity('Component', 'ml-project', 'recommendations', {
            [PUBLIC_MODEL_LABEL]: 'true',
          }),
          false,
        ],
        [entity('Component', 'service', 'recommendations'), true],
        [entity('Resource', 'database', 'recommendations'), true],
      ];
      for (const [target, expected] of cases) {
        expect([target.metadata, await canRead(member, target)]).toEqual([
          target.metadata,
          expected,
        ]);
        expect(await canRead(admin, target)).toBe(true);
      }
    });
  });

  it("grants MLflow reads on the user's own teams, and public models to everyone signed in", async () => {
    expect(
      await policy.handle({ permission: mlflowReadPermission }, member),
    ).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: { rule: 'IS_TEAM_MEMBER' },
    });
    expect(
      await policy.handle({ permission: publicModelReadPermission }, member),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    expect(
      await policy.handle({ permission: publicModelReadPermission }),
    ).toEqual({ result: AuthorizeResult.DENY });
  });

  it("keeps the Kubernetes plugin's proxy, which uses the backend's credentials, to admins", async () => {
    expect(
      await policy.handle({ permission: kubernetesProxyPermission }, member),
    ).toEqual({ result: AuthorizeResult.DENY });
    expect(
      await policy.handle({ permission: kubernetesProxyPermission }, admin),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('denies a permission of the suite it does not know', async () => {
    const unknown = createPermission({
      name: 'ml-platform.something-new.delete',
      attributes: { action: 'delete' },
    });
    expect(await policy.handle({ permission: unknown }, member)).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('denies requests without a user', async () => {
    expect(
      await policy.handle({ permission: platformStatusReadPermission }),
    ).toEqual({ result: AuthorizeResult.DENY });
  });

  it('lets only owners delete catalog entities', async () => {
    expect(
      await policy.handle(
        { permission: catalogEntityDeletePermission },
        member,
      ),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: member.info.ownershipEntityRefs },
      },
    });
    expect(
      await policy.handle({ permission: catalogEntityDeletePermission }, admin),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('compares group refs case-insensitively', async () => {
    const shouting = new MlPlatformPermissionPolicy(
      readAdminGroups(
        new ConfigReader({
          mlPlatform: { permissions: { adminGroups: ['group:default/Ops'] } },
        }),
      ),
    );
    expect(
      await shouting.handle(
        { permission: teamNamespaceManagePermission },
        userWith('olga', ['ops']),
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });
});

describe('readAdminGroups', () => {
  it('defaults to group:default/platform-admins', () => {
    expect(readAdminGroups(new ConfigReader({}))).toEqual([
      'group:default/platform-admins',
    ]);
  });
});
