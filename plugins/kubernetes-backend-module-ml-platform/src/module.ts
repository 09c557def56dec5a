import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { kubernetesObjectsProviderExtensionPoint } from '@backstage/plugin-kubernetes-node';
import { TEAM_LABEL } from '@ml-platform/backstage-plugin-ml-platform-common';
import {
  namespaceBackend,
  namespaceSettingsServiceRef,
  platformConnectionsServiceRef,
  readAdminGroups,
  requireCluster,
  type NamespaceSettings,
  type PlatformConnections,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import { NamespaceLabelsReader } from './NamespaceLabelsReader';
import {
  TeamNamespaceObjectsProvider,
  type PlatformCluster,
} from './TeamNamespaceObjectsProvider';

/**
 * The suite's cluster, made on first use so that a portal without a cluster
 * still starts (non-admins' reads then fail saying none is configured); a
 * failed attempt is made again next time.
 */
function lazyPlatformCluster(
  connections: PlatformConnections,
  settings: Pick<NamespaceSettings, 'kubeflowProfiles'>,
): () => PlatformCluster {
  let platform: PlatformCluster | undefined;
  return () => {
    if (!platform) {
      const { cluster, kubeConfig } = requireCluster(connections);
      platform = {
        cluster,
        namespaces: new NamespaceLabelsReader({
          namespaces: namespaceBackend(kubeConfig, settings),
          cluster,
        }),
      };
    }
    return platform;
  };
}

/**
 * Wraps the Kubernetes backend's objects provider so that no one reads
 * another team's Kubernetes objects through an entity: non-admins are served
 * an entity's objects only from namespaces of their own teams.
 *
 * @public
 */
export const kubernetesModuleMlPlatform = createBackendModule({
  pluginId: 'kubernetes',
  moduleId: 'ml-platform',
  register({ registerInit }) {
    registerInit({
      deps: {
        objectsProviders: kubernetesObjectsProviderExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        userInfo: coreServices.userInfo,
        connections: platformConnectionsServiceRef,
        namespaceSettings: namespaceSettingsServiceRef,
      },
      async init({
        objectsProviders,
        config,
        logger,
        auth,
        userInfo,
        connections,
        namespaceSettings,
      }) {
        const adminGroups = readAdminGroups(config);
        const platformCluster = lazyPlatformCluster(
          connections,
          namespaceSettings,
        );
        objectsProviders.addObjectsProvider(
          async ({ getDefault, serviceLocator, objectTypesToFetch }) =>
            new TeamNamespaceObjectsProvider({
              defaultProvider: await getDefault(),
              serviceLocator,
              objectTypesToFetch: objectTypesToFetch ?? [],
              auth,
              userInfo,
              adminGroups,
              platformCluster,
              logger,
            }),
        );
        logger.info(
          `Kubernetes objects of an entity are served to members of ${adminGroups.join(
            ', ',
          )} and otherwise only from namespaces labelled ${TEAM_LABEL}=<a team of the caller>`,
        );
      },
    });
  },
});
