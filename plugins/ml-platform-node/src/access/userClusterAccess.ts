import type {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { KubeConfig } from '@kubernetes/client-node';
import { readAdminGroups } from '../adminGroups';
import { impersonating } from '../kubeConfig';
import type { NamespacePolicy } from '../namespaces/renderNamespace';
import { kubernetesIdentityOf } from './kubernetesIdentity';

/** `mlPlatform.kubernetes.impersonation`, on unless turned off. @public */
export function readImpersonation(config: Config): boolean {
  return (
    config.getOptionalBoolean('mlPlatform.kubernetes.impersonation') ?? true
  );
}

/** The cluster as a request for a user reaches it, and who that is. @public */
export type UserClusterAccess = {
  kubeConfig: KubeConfig;
  /** For messages: the user, or "the portal" without impersonation. */
  actingAs: string;
  /** The same for every request Kubernetes sees as the same identity (user and groups). */
  identityKey: string;
};

/** Who the backend's own requests are, as an {@link UserClusterAccess.identityKey}. */
const BACKEND_IDENTITY_KEY = 'the portal';

/**
 * Gives the KubeConfig through which work in team namespaces is sent for a
 * signed-in user: impersonating the user and their teams' groups (see
 * {@link kubernetesIdentityOf}), or with impersonation turned off, the
 * backend's own.
 * @public
 */
export function userClusterAccess(options: {
  kubeConfig: KubeConfig;
  userInfo: UserInfoService;
  config: Config;
  policy: Pick<NamespacePolicy, 'teamGroupPattern' | 'adminGroups'>;
}): (credentials: BackstageCredentials) => Promise<UserClusterAccess> {
  const { kubeConfig, userInfo, config, policy } = options;
  const enabled = readImpersonation(config);
  const adminGroups = readAdminGroups(config);
  return async credentials => {
    if (!enabled) {
      return {
        kubeConfig,
        actingAs: 'the portal',
        identityKey: BACKEND_IDENTITY_KEY,
      };
    }
    const identity = kubernetesIdentityOf(
      await userInfo.getUserInfo(credentials),
      policy,
      adminGroups,
    );
    return {
      kubeConfig: impersonating(kubeConfig, identity),
      actingAs: identity.user,
      identityKey: JSON.stringify([identity.user, [...identity.groups].sort()]),
    };
  };
}
