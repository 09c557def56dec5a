import type { Config } from '@backstage/config';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  RESOURCE_TYPE_CATALOG_ENTITY,
} from '@backstage/plugin-catalog-common/alpha';
import { kubernetesProxyPermission } from '@backstage/plugin-kubernetes-common';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  adminOnlyPermissions,
  mlflowReadPermission,
  platformStatusReadPermission,
  RESOURCE_TYPE_ML_PLATFORM_TEAM,
  teamScopedPermissions,
} from '@ml-platform/backstage-plugin-ml-platform-common';

/** The component type of ML projects (their namespaces' catalog entries). */
const ML_PROJECT_TYPE = 'ml-project';

const ML_PLATFORM_PERMISSION_PREFIX = 'ml-platform.';

/** The suite's permissions every signed-in user holds. */
const everyoneSignedInPermissions = [
  platformStatusReadPermission,
  mlflowReadPermission,
];
import {
  createTeamConditionalDecision,
  teamConditions,
} from '@ml-platform/backstage-plugin-ml-platform-node';

/** The default admin group when config names none. */
export const DEFAULT_ADMIN_GROUP = 'group:default/platform-admins';

export function readAdminGroups(config: Config): string[] {
  return (
    config.getOptionalStringArray('mlPlatform.permissions.adminGroups') ?? [
      DEFAULT_ADMIN_GROUP,
    ]
  ).map(ref => ref.toLocaleLowerCase('en-US'));
}

/**
 * The ML platform's policy:
 * - platform admins may do everything;
 * - admin-only permissions (team namespaces, quotas) are denied to everyone else;
 * - team-scoped permissions (a team's projects and resources) are granted on
 *   the user's own teams only;
 * - catalog entities may be deleted by their owners only, and ML project
 *   components are visible to their team only;
 * - the Kubernetes plugin's proxy (which uses the backend's credentials) is
 *   for admins only;
 * - any other permission of the suite is denied unless listed as granted to
 *   every signed-in user;
 * - anything else is allowed to signed-in users, and denied to requests without a user.
 *
 * @public
 */
export class MlPlatformPermissionPolicy implements PermissionPolicy {
  readonly #adminGroups: Set<string>;

  constructor(adminGroups: string[]) {
    this.#adminGroups = new Set(adminGroups);
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    const ownership = user.info.ownershipEntityRefs.map(ref =>
      ref.toLocaleLowerCase('en-US'),
    );
    if (ownership.some(ref => this.#adminGroups.has(ref))) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (
      adminOnlyPermissions.some(permission =>
        isPermission(request.permission, permission),
      )
    ) {
      return { result: AuthorizeResult.DENY };
    }
    if (
      isResourcePermission(
        request.permission,
        RESOURCE_TYPE_ML_PLATFORM_TEAM,
      ) &&
      teamScopedPermissions.some(permission =>
        isPermission(request.permission, permission),
      )
    ) {
      return createTeamConditionalDecision(
        request.permission,
        teamConditions.isTeamMember({
          claims: user.info.ownershipEntityRefs,
        }),
      );
    }
    if (
      isPermission(request.permission, catalogEntityDeletePermission) &&
      request.permission.resourceType === RESOURCE_TYPE_CATALOG_ENTITY
    ) {
      return createCatalogConditionalDecision(
        request.permission,
        catalogConditions.isEntityOwner({
          claims: user.info.ownershipEntityRefs,
        }),
      );
    }
    if (
      isPermission(request.permission, catalogEntityReadPermission) &&
      request.permission.resourceType === RESOURCE_TYPE_CATALOG_ENTITY
    ) {
      // Another team's ML projects (and so their Kubernetes tabs) stay hidden.
      return createCatalogConditionalDecision(request.permission, {
        anyOf: [
          {
            not: {
              allOf: [
                catalogConditions.isEntityKind({ kinds: ['Component'] }),
                catalogConditions.hasSpec({
                  key: 'type',
                  value: ML_PROJECT_TYPE,
                }),
              ],
            },
          },
          catalogConditions.isEntityOwner({
            claims: user.info.ownershipEntityRefs,
          }),
        ],
      });
    }
    if (isPermission(request.permission, kubernetesProxyPermission)) {
      // The proxy runs with the backend's cluster credentials.
      return { result: AuthorizeResult.DENY };
    }
    if (
      request.permission.name.startsWith(ML_PLATFORM_PERMISSION_PREFIX) &&
      !everyoneSignedInPermissions.some(permission =>
        isPermission(request.permission, permission),
      )
    ) {
      // A permission of the suite this policy does not know: fail closed.
      return { result: AuthorizeResult.DENY };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
