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
  type PermissionCondition,
  type PermissionCriteria,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  adminOnlyPermissions,
  ML_MODEL_ENTITY_TYPE,
  ML_PROJECT_COMPONENT_TYPE,
  platformStatusReadPermission,
  PUBLIC_MODEL_LABEL,
  publicModelReadPermission,
  RESOURCE_TYPE_ML_PLATFORM_TEAM,
  teamScopedPermissions,
} from '@ml-platform/backstage-plugin-ml-platform-common';

const ML_PLATFORM_PERMISSION_PREFIX = 'ml-platform.';

/** The suite's permissions every signed-in user holds. */
const everyoneSignedInPermissions = [
  platformStatusReadPermission,
  publicModelReadPermission,
];
import {
  createTeamConditionalDecision,
  teamConditions,
} from '@ml-platform/backstage-plugin-ml-platform-node';

type CatalogCondition = PermissionCondition<
  typeof RESOURCE_TYPE_CATALOG_ENTITY
>;

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
 * - team-scoped permissions (a team's projects, resources and MLflow
 *   experiments and models) are granted on the user's own teams only;
 *   models tagged public may be read by every signed-in user;
 * - catalog entities may be deleted by their owners only; ML project
 *   components and ML models are visible to their team only, public models
 *   to everyone;
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
      // Another team's ML projects (and so their Kubernetes tabs) and models
      // stay hidden; models tagged public are visible to everyone.
      const isMlProject: PermissionCriteria<CatalogCondition> = {
        allOf: [
          catalogConditions.isEntityKind({ kinds: ['Component'] }),
          catalogConditions.hasSpec({
            key: 'type',
            value: ML_PROJECT_COMPONENT_TYPE,
          }),
        ],
      };
      const isMlModel: PermissionCriteria<CatalogCondition> = {
        allOf: [
          catalogConditions.isEntityKind({ kinds: ['Resource'] }),
          catalogConditions.hasSpec({
            key: 'type',
            value: ML_MODEL_ENTITY_TYPE,
          }),
        ],
      };
      return createCatalogConditionalDecision(request.permission, {
        anyOf: [
          { not: { anyOf: [isMlProject, isMlModel] } },
          catalogConditions.isEntityOwner({
            claims: user.info.ownershipEntityRefs,
          }),
          {
            allOf: [
              isMlModel,
              catalogConditions.hasLabel({
                label: PUBLIC_MODEL_LABEL,
                value: 'true',
              }),
            ],
          },
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
