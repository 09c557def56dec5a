import {
  createPermission,
  type BasicPermission,
} from '@backstage/plugin-permission-common';

/**
 * Permissions of the ML platform. Team-scoped permissions are checked by the
 * backend against the team the request targets; the policy decides who may act
 * for which team.
 */

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
});

/** Read a team's resources: namespaces, quotas, workloads, events, metrics. @public */
export const teamResourcesReadPermission = createPermission({
  name: 'ml-platform.team-resources.read',
  attributes: { action: 'read' },
});

/** Read MLflow experiments, runs and registered models of a team. @public */
export const mlflowReadPermission = createPermission({
  name: 'ml-platform.mlflow.read',
  attributes: { action: 'read' },
});

/** Every permission of the suite, for registration with the permission framework. @public */
export const mlPlatformPermissions: BasicPermission[] = [
  platformStatusReadPermission,
  teamNamespaceManagePermission,
  projectNamespaceManagePermission,
  teamResourcesReadPermission,
  mlflowReadPermission,
];

/** Permissions only platform admins are granted. @public */
export const adminOnlyPermissions: BasicPermission[] = [
  teamNamespaceManagePermission,
];
