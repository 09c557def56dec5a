import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import type { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { LocalPlatform } from '@ml-platform/local-platform';
import permissionBackend from '@backstage/plugin-permission-backend';
import mlPlatformPolicy from '@ml-platform/backstage-plugin-permission-backend-module-ml-platform-policy';
import { mlPlatformPlugin } from '../plugin';

/** A demo organisation for tests: teams, and which teams each user is in. */
export type TestOrganisation = {
  teams: string[];
  members: Record<string, string[]>;
  admins: string[];
};

function groupEntity(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  };
}

/** Ownership refs of a user: the user and their groups, as the catalog resolves them. */
const userInfoFactory = (organisation: TestOrganisation) =>
  createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => ({
      async getUserInfo(credentials: any) {
        const userEntityRef: string = credentials.principal.userEntityRef;
        const name = userEntityRef.replace(/^user:default\//, '');
        const groups = organisation.admins.includes(name)
          ? ['platform-admins']
          : organisation.members[name] ?? [];
        return {
          userEntityRef,
          ownershipEntityRefs: [
            userEntityRef,
            ...groups.map(group => `group:default/${group}`),
          ],
        };
      },
    }),
  });

const MOCK_SERVICE_TOKEN_PREFIX = 'mock-service-token:';

/**
 * The test kit's HttpAuthService, except that a plugin-to-plugin call made on
 * behalf of a user keeps the calling plugin as the actor, as real Backstage
 * tokens do. The permission framework relies on it: a plugin's
 * apply-conditions endpoint only answers such calls, not users directly.
 */
const onBehalfOfAwareHttpAuth = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const inner = mockServices.httpAuth({ pluginId: plugin.getId() });
    return {
      ...inner,
      issueUserCookie: inner.issueUserCookie.bind(inner),
      async credentials(req: any, options?: any) {
        const token = /^Bearer (\S+)$/.exec(
          req.headers.authorization ?? '',
        )?.[1];
        if (token?.startsWith(MOCK_SERVICE_TOKEN_PREFIX)) {
          const { sub, obo } = JSON.parse(
            token.slice(MOCK_SERVICE_TOKEN_PREFIX.length),
          );
          if (obo) {
            return mockCredentials.user(obo, {
              actor: { subject: sub },
            }) as any;
          }
        }
        return inner.credentials(req, options);
      },
    };
  },
});

/**
 * The ml-platform backend plugin with the real permission backend and the
 * suite's policy, a catalog holding the test organisation's groups, and the
 * local platform's cluster.
 */
export async function startPlatformBackend(options: {
  platform: Pick<LocalPlatform, 'apiserverUrl' | 'backendToken' | 'caData'>;
  organisation: TestOrganisation;
  clusterUrl?: string;
  extraConfig?: Record<string, unknown>;
  /**
   * `allow-all` replaces the permission framework by a test double that
   * allows everything, to show what Kubernetes itself enforces.
   */
  permissions?: 'policy' | 'allow-all';
}) {
  const { platform, organisation } = options;
  const permissions =
    options.permissions === 'allow-all'
      ? [mockServices.permissions.factory({ result: AuthorizeResult.ALLOW })]
      : [permissionBackend, mlPlatformPolicy, permissionsServiceFactory];
  return startTestBackend({
    features: [
      mlPlatformPlugin,
      ...permissions,
      onBehalfOfAwareHttpAuth,
      userInfoFactory(organisation),
      catalogServiceMock.factory({
        entities: [
          ...organisation.teams.map(groupEntity),
          groupEntity('platform-admins'),
        ],
      }),
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          kubernetes: {
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: [
                  {
                    name: 'local',
                    url: options.clusterUrl ?? platform.apiserverUrl,
                    serviceAccountToken: platform.backendToken,
                    caData: platform.caData,
                  },
                ],
              },
            ],
          },
          mlPlatform: {
            environmentName: 'integration test',
            permissions: { adminGroups: ['group:default/platform-admins'] },
            ...options.extraConfig,
          },
        },
      }),
    ],
  });
}
