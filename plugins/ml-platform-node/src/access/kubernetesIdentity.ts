import type { BackstageUserInfo } from '@backstage/backend-plugin-api';
import { isPlatformAdmin } from '../adminGroups';
import {
  teamGroupOf,
  type NamespacePolicy,
} from '../namespaces/renderNamespace';
import { teamNamesOf } from '../teamRef';

/**
 * Who a request for a user is sent to the apiserver as (`Impersonate-User`,
 * `Impersonate-Group`), so that Kubernetes RBAC decides it too.
 * @public
 */
export type KubernetesIdentity = { user: string; groups: string[] };

/**
 * The Kubernetes identity of a portal user: their user entity ref as the
 * user name, the Kubernetes group of each of their teams (the group the team
 * RoleBindings name) and, for platform admins, the admins' groups.
 * @public
 */
export function kubernetesIdentityOf(
  userInfo: BackstageUserInfo,
  policy: Pick<NamespacePolicy, 'teamGroupPattern' | 'adminGroups'>,
  adminGroups: readonly string[],
): KubernetesIdentity {
  const teams = teamNamesOf(userInfo.ownershipEntityRefs).map(team =>
    teamGroupOf(team, policy as NamespacePolicy),
  );
  const admin = isPlatformAdmin(userInfo.ownershipEntityRefs, adminGroups)
    ? policy.adminGroups
    : [];
  return {
    user: userInfo.userEntityRef,
    groups: [...new Set([...teams, ...admin])],
  };
}
