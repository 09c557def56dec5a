import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigReader } from '@backstage/config';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogEntityValidatePermission,
  catalogIngestionManagePermission,
  catalogIngestionReadPermission,
  catalogLocationAnalyzePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
  catalogLocationReadPermission,
  catalogPermissions,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  createPermission,
  type Permission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  kubernetesClustersReadPermission,
  kubernetesPermissions,
  kubernetesProxyPermission,
  kubernetesResourcesReadPermission,
} from '@backstage/plugin-kubernetes-common';
import {
  actionExecutePermission,
  scaffolderPermissions,
  taskCancelPermission,
  taskCreatePermission,
  taskReadPermission,
  templateDryRunPermission,
  templateManagementPermission,
  templateParameterReadPermission,
  templateStepReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import type { Entity } from '@backstage/catalog-model';
import { permissionRules } from '@backstage/plugin-catalog-backend/alpha';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import {
  mlflowReadPermission,
  mlPlatformPermissions,
  PUBLIC_MODEL_LABEL,
  publicModelReadPermission,
  platformStatusReadPermission,
  projectNamespaceManagePermission,
  teamNamespaceManagePermission,
  teamResourcesReadPermission,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { readAdminGroups } from '@ml-platform/backstage-plugin-ml-platform-node';
import {
  createProjectExperimentAction,
  createProjectNamespaceAction,
  createTeamNamespaceAction,
  createValidateAction,
} from '@ml-platform/backstage-plugin-scaffolder-backend-module-ml-platform';
import {
  DEFAULT_SCAFFOLDER_ACTIONS,
  MlPlatformPermissionPolicy,
  readScaffolderActions,
} from './MlPlatformPermissionPolicy';
import { buildRuleTable } from './permissionRules';

/**
 * Every permission the portal's backend plugins define (packages/backend):
 * catalog, scaffolder, kubernetes and the suite. The other installed plugins
 * (techdocs, search, notifications, signals, user-settings, mcp-actions,
 * proxy, app, auth, permission, events) define none: their packages have no
 * `createPermission(`; techdocs and search check catalog.entity.read.
 */
const portalPermissions: Permission[] = [
  ...catalogPermissions,
  ...scaffolderPermissions,
  ...kubernetesPermissions,
  ...mlPlatformPermissions,
];

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

const ALLOW = { result: AuthorizeResult.ALLOW };
const DENY = { result: AuthorizeResult.DENY };

describe('MlPlatformPermissionPolicy', () => {
  const policy = new MlPlatformPermissionPolicy({
    adminGroups: ['group:default/platform-admins'],
    scaffolderActions: DEFAULT_SCAFFOLDER_ACTIONS,
  });
  const admin = userWith('erin', ['platform-admins']);
  const member = userWith('alice', ['fraud-detection']);
  const decide = (permission: Permission, user?: typeof member) =>
    policy.handle({ permission }, user);

  describe('the rules table', () => {
    it('has exactly one rule for every permission the installed plugins define', () => {
      const ruled = [
        ...buildRuleTable({ scaffolderActions: [] }).keys(),
      ].sort();
      const defined = [...new Set(portalPermissions.map(p => p.name))].sort();
      expect(ruled).toEqual(defined);
    });

    it('lets admins hold every known permission (scaffolder actions only as listed)', async () => {
      for (const permission of portalPermissions) {
        const decision = await decide(permission, admin);
        expect([permission.name, decision.result]).toEqual([
          permission.name,
          permission.name === actionExecutePermission.name
            ? AuthorizeResult.CONDITIONAL
            : AuthorizeResult.ALLOW,
        ]);
      }
    });

    it('denies a permission it does not know, to admins too', async () => {
      for (const name of [
        'some-plugin.thing.do',
        'ml-platform.something-new.delete',
      ]) {
        const unknown = createPermission({ name, attributes: {} });
        expect(await decide(unknown, member)).toEqual(DENY);
        expect(await decide(unknown, admin)).toEqual(DENY);
      }
    });

    it('denies a known name asked with another permission type or resource type', async () => {
      const basicRead = createPermission({
        name: catalogEntityReadPermission.name,
        attributes: { action: 'read' },
      });
      const otherResource = createPermission({
        name: teamResourcesReadPermission.name,
        attributes: { action: 'read' },
        resourceType: 'catalog-entity',
      });
      for (const permission of [basicRead, otherResource]) {
        expect(await decide(permission, admin)).toEqual(DENY);
        expect(await decide(permission, member)).toEqual(DENY);
      }
    });

    it('denies every permission to requests without a user', async () => {
      for (const permission of portalPermissions) {
        expect([permission.name, await decide(permission)]).toEqual([
          permission.name,
          DENY,
        ]);
      }
    });
  });

  it.each([
    platformStatusReadPermission,
    publicModelReadPermission,
    catalogEntityValidatePermission,
    catalogLocationReadPermission,
    taskCreatePermission,
    templateParameterReadPermission,
    templateStepReadPermission,
    kubernetesResourcesReadPermission,
    kubernetesClustersReadPermission,
  ])('allows $name to every signed-in user', async permission => {
    expect(await decide(permission, member)).toEqual(ALLOW);
  });

  it.each([
    teamNamespaceManagePermission,
    catalogEntityCreatePermission,
    catalogLocationAnalyzePermission,
    catalogLocationCreatePermission,
    catalogLocationDeletePermission,
    catalogIngestionReadPermission,
    catalogIngestionManagePermission,
    templateDryRunPermission,
    templateManagementPermission,
    kubernetesProxyPermission,
  ])('keeps $name to platform admins', async permission => {
    expect(await decide(permission, member)).toEqual(DENY);
    expect(await decide(permission, admin)).toEqual(ALLOW);
  });

  it.each([
    projectNamespaceManagePermission,
    teamResourcesReadPermission,
    mlflowReadPermission,
  ])("grants $name on the user's own teams only", async permission => {
    expect(await decide(permission, member)).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'ml-platform',
      resourceType: 'ml-platform-team',
      conditions: {
        rule: 'IS_TEAM_MEMBER',
        resourceType: 'ml-platform-team',
        params: { claims: member.info.ownershipEntityRefs },
      },
    });
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
    const isAuthorized = createConditionAuthorizer(
      Object.values(permissionRules),
    );
    const may = async (
      permission: Permission,
      user: typeof member,
      target: Entity,
    ) => isAuthorized(await decide(permission, user), target);

    it.each([catalogEntityReadPermission, catalogEntityRefreshPermission])(
      "hides other teams' ML projects, model deployments and models, but not public models ($name)",
      async permission => {
        const cases: [Entity, boolean][] = [
          [entity('Component', 'ml-project', 'fraud-detection'), true],
          [entity('Component', 'ml-project', 'recommendations'), false],
          [entity('Component', 'model-deployment', 'fraud-detection'), true],
          [entity('Component', 'model-deployment', 'recommendations'), false],
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
          expect([
            target.metadata,
            await may(permission, member, target),
          ]).toEqual([target.metadata, expected]);
          expect(await may(permission, admin, target)).toBe(true);
        }
      },
    );

    it('lets owners delete their entities except Templates, which only admins delete', async () => {
      const cases: [Entity, boolean][] = [
        [entity('Component', 'service', 'fraud-detection'), true],
        [entity('Component', 'service', 'recommendations'), false],
        [entity('Template', 'ml-project', 'fraud-detection'), false],
      ];
      for (const [target, expected] of cases) {
        expect([
          target.kind,
          target.metadata.name,
          await may(catalogEntityDeletePermission, member, target),
        ]).toEqual([target.kind, target.metadata.name, expected]);
        expect(await may(catalogEntityDeletePermission, admin, target)).toBe(
          true,
        );
      }
    });
  });

  it.each([taskReadPermission, taskCancelPermission])(
    'gives $name on tasks to their creator, and admins',
    async permission => {
      expect(await decide(permission, member)).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'scaffolder',
        resourceType: 'scaffolder-task',
        conditions: {
          rule: 'IS_TASK_OWNER',
          resourceType: 'scaffolder-task',
          params: { createdBy: [member.info.userEntityRef] },
        },
      });
      expect(await decide(permission, admin)).toEqual(ALLOW);
    },
  );

  describe('scaffolder actions', () => {
    const listedIn = (decision: PolicyDecision) => {
      expect(decision).toMatchObject({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'scaffolder',
        resourceType: 'scaffolder-action',
      });
      const { conditions } = decision as any;
      return conditions.anyOf.map((condition: any) => {
        expect(condition).toMatchObject({
          rule: 'HAS_ACTION_ID',
          resourceType: 'scaffolder-action',
        });
        return condition.params.actionId;
      });
    };

    it('lets everyone, admins included, run only the listed actions', async () => {
      const strict = new MlPlatformPermissionPolicy({
        adminGroups: ['group:default/platform-admins'],
        scaffolderActions: ['fetch:template', 'ml-platform:namespace:project'],
      });
      for (const user of [member, admin]) {
        expect(
          listedIn(
            await strict.handle({ permission: actionExecutePermission }, user),
          ),
        ).toEqual(['fetch:template', 'ml-platform:namespace:project']);
      }
    });

    it('denies every action when the list is empty', async () => {
      const none = new MlPlatformPermissionPolicy({
        adminGroups: ['group:default/platform-admins'],
        scaffolderActions: [],
      });
      expect(
        await none.handle({ permission: actionExecutePermission }, admin),
      ).toEqual(DENY);
    });

    it("lists by default the suite's actions and every action its templates use", async () => {
      const suiteActions = [
        createValidateAction(),
        createTeamNamespaceAction({ provisioner: {} as any }),
        createProjectNamespaceAction({ provisioner: {} as any }),
        createProjectExperimentAction({ experiments: {} as any }),
      ].map(action => action.id);
      const templatesDir = resolve(__dirname, '../../../templates');
      const templateActions = readdirSync(templatesDir, {
        withFileTypes: true,
      })
        .filter(entry => entry.isDirectory())
        .flatMap(entry =>
          [
            ...readFileSync(
              resolve(templatesDir, entry.name, 'template.yaml'),
              'utf8',
            ).matchAll(/^\s*action:\s*(\S+)\s*$/gm),
          ].map(match => match[1]),
        );
      expect(templateActions.length).toBeGreaterThan(0);
      const listed = listedIn(await decide(actionExecutePermission, member));
      expect(listed).toEqual(expect.arrayContaining(suiteActions));
      expect(listed).toEqual(expect.arrayContaining(templateActions));
      expect(listed).toEqual([...DEFAULT_SCAFFOLDER_ACTIONS]);
    });
  });

  it('compares admin group refs case-insensitively', async () => {
    const shouting = new MlPlatformPermissionPolicy({
      adminGroups: readAdminGroups(
        new ConfigReader({
          mlPlatform: { permissions: { adminGroups: ['group:default/Ops'] } },
        }),
      ),
      scaffolderActions: [],
    });
    expect(
      await shouting.handle(
        { permission: teamNamespaceManagePermission },
        userWith('olga', ['OPS']),
      ),
    ).toEqual(ALLOW);
  });
});

describe('readScaffolderActions', () => {
  const read = (scaffolderActions?: string[]) =>
    readScaffolderActions(
      new ConfigReader({ mlPlatform: { permissions: { scaffolderActions } } }),
    );

  it('defaults to DEFAULT_SCAFFOLDER_ACTIONS and reads a list from config', () => {
    expect(read()).toEqual([...DEFAULT_SCAFFOLDER_ACTIONS]);
    expect(read(['fetch:template'])).toEqual(['fetch:template']);
  });

  it('refuses patterns and ids with spaces, naming the key', () => {
    expect(() => read(['fetch:*'])).toThrow(
      'mlPlatform.permissions.scaffolderActions lists "fetch:*", which is not an action id',
    );
    expect(() => read(['fetch: template'])).toThrow(/not an action id/);
  });
});
