import type { Config } from '@backstage/config';
import {
  catalogEntityDeletePermission,
  RESOURCE_TYPE_CATALOG_ENTITY,
} from '@backstage/plugin-catalog-common/alpha';
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
  RESOURCE_TYPE_ML_PLATFORM_TEAM,
  teamScopedPermissions,
} from '@ml-platform/backstage-plugin-ml-platform-common';
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
 * - catalog entities may be deleted by their owners only;
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
    return { result: AuthorizeResult.ALLOW };
  }
}
