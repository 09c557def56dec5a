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
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { adminOnlyPermissions } from '@ml-platform/backstage-plugin-ml-platform-common';

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
 * - catalog entities may be deleted by their owners only;
 * - anything else is allowed to signed-in users, and denied to requests without a user.
 * Team-scoped checks (a member acts in their own team only) are made by the
 * backend routes against the team a request targets.
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
