import {
  createPermission,
  type Permission,
} from '@backstage/plugin-permission-common';

/**
 * Permissions of the ML platform. Team-scoped permissions are resource
 * permissions on a team (its group's entity ref): the policy answers with a
 * condition (e.g. "the user is a member of the team") that the ml-platform
 * backend evaluates for the team a request targets.
 */

/** Resource type of team-scoped permissions; the resource is the team's group entity ref. @public */
export const RESOURCE_TYPE_ML_PLATFORM_TEAM = 'ml-platform-team';

/**
 * Create, stop, start and delete a team's workloads (notebooks, Spark, model
 * deployments) in its namespaces (that team's members).
 * @public
 */
export const workloadManagePermission = createPermission({
  name: 'ml-platform.workloads.manage',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_ML_PLATFORM_TEAM,
});

/** Read the platform's connection status (cluster, MLflow, Prometheus). @public */
export const platformStatusReadPermission = createPermission({
  name: 'ml-platform.platform.status.read',
  attributes: { action: 'read' },
});

/** Create a team namespace or change a team's quota (platform admins). @public */
export const teamNamespaceManagePermission = createPermission({
  name: 'ml-platform.team-namespace.manage',
  attributes: { action: 'create' },
});

/** Create or update a project namespace of a team (that team's members). @public */
export const projectNamespaceManagePermission = createPermission({
  name: 'ml-platform.project-namespace.manage',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_ML_PLATFORM_TEAM,
});

/** Read a team's resources: namespaces, quotas, workloads, events, metrics. @public */
export const teamResourcesReadPermission = createPermission({
  name: 'ml-platform.team-resources.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_ML_PLATFORM_TEAM,
});

/**
 * Read a team's MLflow experiments, runs and registered models (the resource
 * is the owning team; objects without a team tag belong to
 * `mlPlatform.mlflow.defaultOwner`).
 * @public
 */
export const mlflowReadPermission = createPermission({
  name: 'ml-platform.mlflow.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_ML_PLATFORM_TEAM,
});

/** Read registered models tagged public (ml-platform.io/visibility=public), whoever owns them. @public */
export const publicModelReadPermission = createPermission({
  name: 'ml-platform.mlflow.public-model.read',
  attributes: { action: 'read' },
});

/** Every permission of the suite, for registration with the permission framework. @public */
export const mlPlatformPermissions: Permission[] = [
  platformStatusReadPermission,
  teamNamespaceManagePermission,
  projectNamespaceManagePermission,
  teamResourcesReadPermission,
  workloadManagePermission,
  mlflowReadPermission,
  publicModelReadPermission,
];

/** Permissions only platform admins are granted. @public */
export const adminOnlyPermissions: Permission[] = [
  teamNamespaceManagePermission,
];

/** Permissions granted to a team's members for their own team only. @public */
export const teamScopedPermissions: Permission[] = [
  projectNamespaceManagePermission,
  teamResourcesReadPermission,
  workloadManagePermission,
  mlflowReadPermission,
];
