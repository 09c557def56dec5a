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
  RESOURCE_TYPE_CATALOG_ENTITY,
} from '@backstage/plugin-catalog-common/alpha';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  kubernetesClustersReadPermission,
  kubernetesProxyPermission,
  kubernetesResourcesReadPermission,
} from '@backstage/plugin-kubernetes-common';
import {
  actionExecutePermission,
  RESOURCE_TYPE_SCAFFOLDER_TASK,
  taskCancelPermission,
  taskCreatePermission,
  taskReadPermission,
  templateDryRunPermission,
  templateManagementPermission,
  templateParameterReadPermission,
  templateStepReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import {
  createScaffolderActionConditionalDecision,
  createScaffolderTaskConditionalDecision,
  scaffolderActionConditions,
  scaffolderTaskConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';
import {
  AuthorizeResult,
  isResourcePermission,
  type Permission,
  type PermissionCondition,
  type PermissionCriteria,
  type PolicyDecision,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  adminOnlyPermissions,
  ML_MODEL_ENTITY_TYPE,
  ML_PROJECT_COMPONENT_TYPE,
  MODEL_DEPLOYMENT_COMPONENT_TYPE,
  platformStatusReadPermission,
  PUBLIC_MODEL_LABEL,
  publicModelReadPermission,
  RESOURCE_TYPE_ML_PLATFORM_TEAM,
  teamScopedPermissions,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import {
  createTeamConditionalDecision,
  teamConditions,
} from '@ml-platform/backstage-plugin-ml-platform-node';

/** A signed-in user the policy answers, and whether they are a platform admin. */
export type SignedInUser = {
  user: PolicyQueryUser;
  isAdmin: boolean;
};

/** How the policy decides one permission for a signed-in user. */
export type Rule = (asker: SignedInUser) => PolicyDecision;

/** What the rules need from config. */
export type RuleOptions = {
  /** Exact ids of the scaffolder actions a template may run. */
  scaffolderActions: readonly string[];
};

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

const signedInUsers: Rule = () => ALLOW;
const adminsOnly: Rule = ({ isAdmin }) => (isAdmin ? ALLOW : DENY);
/** Admins are allowed; everyone else gets `rule`'s answer. */
const adminsAnd =
  (rule: Rule): Rule =>
  asker =>
    asker.isAdmin ? ALLOW : rule(asker);

type CatalogCriteria = PermissionCriteria<
  PermissionCondition<typeof RESOURCE_TYPE_CATALOG_ENTITY>
>;

const ownedBy = (user: PolicyQueryUser): CatalogCriteria =>
  catalogConditions.isEntityOwner({ claims: user.info.ownershipEntityRefs });

const isMlProject: CatalogCriteria = {
  allOf: [
    catalogConditions.isEntityKind({ kinds: ['Component'] }),
    catalogConditions.hasSpec({
      key: 'type',
      value: ML_PROJECT_COMPONENT_TYPE,
    }),
  ],
};
const isModelDeployment: CatalogCriteria = {
  allOf: [
    catalogConditions.isEntityKind({ kinds: ['Component'] }),
    catalogConditions.hasSpec({
      key: 'type',
      value: MODEL_DEPLOYMENT_COMPONENT_TYPE,
    }),
  ],
};
const isMlModel: CatalogCriteria = {
  allOf: [
    catalogConditions.isEntityKind({ kinds: ['Resource'] }),
    catalogConditions.hasSpec({ key: 'type', value: ML_MODEL_ENTITY_TYPE }),
  ],
};

/**
 * Entities a user may see: everything but ML projects, model deployments
 * and ML models, which only their team sees (and so their Kubernetes tabs),
 * except models tagged public.
 */
const visibleEntities =
  (permission: ResourcePermission<typeof RESOURCE_TYPE_CATALOG_ENTITY>): Rule =>
  ({ user }) =>
    createCatalogConditionalDecision(permission, {
      anyOf: [
        { not: { anyOf: [isMlProject, isModelDeployment, isMlModel] } },
        ownedBy(user),
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

/** Owners may delete their entities, except Templates (admins only). */
const ownEntitiesButTemplates: Rule = ({ user }) =>
  createCatalogConditionalDecision(catalogEntityDeletePermission, {
    allOf: [
      ownedBy(user),
      { not: catalogConditions.isEntityKind({ kinds: ['Template'] }) },
    ],
  });

const ownTeams = (permission: Permission): Rule => {
  if (!isResourcePermission(permission, RESOURCE_TYPE_ML_PLATFORM_TEAM)) {
    throw new Error(
      `Team-scoped permission ${permission.name} is not a permission on resource type ${RESOURCE_TYPE_ML_PLATFORM_TEAM}`,
    );
  }
  return ({ user }) =>
    createTeamConditionalDecision(
      permission,
      teamConditions.isTeamMember({ claims: user.info.ownershipEntityRefs }),
    );
};

/**
 * Tasks the user started. The scaffolder filters GET /v2/tasks by this
 * condition and checks it on a task's get, events, event stream, cancel
 * (cancel and read) and retry (read, plus task.create).
 */
const ownTasks =
  (
    permission: ResourcePermission<typeof RESOURCE_TYPE_SCAFFOLDER_TASK>,
  ): Rule =>
  ({ user }) =>
    createScaffolderTaskConditionalDecision(
      permission,
      scaffolderTaskConditions.isTaskOwner({
        createdBy: [user.info.userEntityRef],
      }),
    );

/**
 * The scaffolder asks once per task and checks every step's action against
 * the conditions; `HAS_ACTION_ID` matches an action id exactly. Admins get
 * the same list: no one runs an action that is not listed.
 */
const listedActions = (actionIds: readonly string[]): Rule => {
  const [first, ...rest] = actionIds.map(actionId =>
    scaffolderActionConditions.hasActionId({ actionId }),
  );
  if (!first) {
    return () => DENY;
  }
  const decision = createScaffolderActionConditionalDecision(
    actionExecutePermission,
    { anyOf: [first, ...rest] },
  );
  return () => decision;
};

/**
 * Every permission the portal's plugins define, and who holds it. A
 * permission missing here is denied to everyone, admins included.
 */
function ruleEntries(options: RuleOptions): [Permission, Rule][] {
  return [
    // The suite's own: adminOnlyPermissions and teamScopedPermissions of ml-platform-common.
    [platformStatusReadPermission, signedInUsers],
    [publicModelReadPermission, signedInUsers],
    ...adminOnlyPermissions.map((p): [Permission, Rule] => [p, adminsOnly]),
    ...teamScopedPermissions.map((p): [Permission, Rule] => [
      p,
      adminsAnd(ownTeams(p)),
    ]),

    // Catalog
    [
      catalogEntityReadPermission,
      adminsAnd(visibleEntities(catalogEntityReadPermission)),
    ],
    [
      catalogEntityRefreshPermission,
      adminsAnd(visibleEntities(catalogEntityRefreshPermission)),
    ],
    [catalogEntityDeletePermission, adminsAnd(ownEntitiesButTemplates)],
    [catalogEntityValidatePermission, signedInUsers],
    [catalogLocationReadPermission, signedInUsers],
    // Registering brings entities (Templates among them) into the catalog;
    // entity.create gates the catalog import page and the catalog page's
    // Create button, the backend does not check it.
    [catalogEntityCreatePermission, adminsOnly],
    [catalogLocationAnalyzePermission, adminsOnly],
    [catalogLocationCreatePermission, adminsOnly],
    [catalogLocationDeletePermission, adminsOnly],
    [catalogIngestionReadPermission, adminsOnly],
    [catalogIngestionManagePermission, adminsOnly],

    // Scaffolder
    [taskCreatePermission, signedInUsers],
    [taskReadPermission, adminsAnd(ownTasks(taskReadPermission))],
    [taskCancelPermission, adminsAnd(ownTasks(taskCancelPermission))],
    [templateParameterReadPermission, signedInUsers],
    [templateStepReadPermission, signedInUsers],
    [templateDryRunPermission, adminsOnly],
    [templateManagementPermission, adminsOnly],
    [actionExecutePermission, listedActions(options.scaffolderActions)],

    // Kubernetes. The proxy reaches the cluster with the backend's own
    // credentials. Resources and clusters are readable by every signed-in
    // user here: which namespaces an entity may point at is to be restricted
    // by a kubernetes-backend module, not by this policy.
    [kubernetesProxyPermission, adminsOnly],
    [kubernetesResourcesReadPermission, signedInUsers],
    [kubernetesClustersReadPermission, signedInUsers],
  ];
}

/** A known permission and its rule. */
export type RuledPermission = { permission: Permission; rule: Rule };

/** The rules table, by permission name; a name listed twice is a programming error. */
export function buildRuleTable(
  options: RuleOptions,
): ReadonlyMap<string, RuledPermission> {
  const table = new Map<string, RuledPermission>();
  for (const [permission, rule] of ruleEntries(options)) {
    if (table.has(permission.name)) {
      throw new Error(`Permission ${permission.name} has two rules`);
    }
    table.set(permission.name, { permission, rule });
  }
  return table;
}

const resourceTypeOf = (permission: Permission) =>
  isResourcePermission(permission) ? permission.resourceType : undefined;

/** Whether a requested permission is the known one: same name, type and resource type. */
export function isSamePermission(requested: Permission, known: Permission) {
  return (
    requested.name === known.name &&
    requested.type === known.type &&
    resourceTypeOf(requested) === resourceTypeOf(known)
  );
}
