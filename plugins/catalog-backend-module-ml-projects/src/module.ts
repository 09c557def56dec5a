import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  namespaceBackend,
  namespaceSettingsServiceRef,
  platformConnectionsServiceRef,
  readOptionalSchedule,
  requireCluster,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import {
  ModelDeploymentProvider,
  seldonDeploymentLister,
} from './ModelDeploymentProvider';
import { ProjectNamespaceProvider } from './ProjectNamespaceProvider';

/**
 * Registers ML project namespaces and model deployments (SeldonDeployments)
 * as catalog components when `catalog.providers.mlPlatformProjects` is
 * configured.
 *
 * @public
 */
export const catalogModuleMlProjects = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'ml-projects',
  register({ registerInit }) {
    registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        scheduler: coreServices.scheduler,
        processing: catalogProcessingExtensionPoint,
        connections: platformConnectionsServiceRef,
        namespaceSettings: namespaceSettingsServiceRef,
        events: eventsServiceRef,
      },
      async init({
        logger,
        config,
        scheduler,
        processing,
        connections,
        namespaceSettings,
        events,
      }) {
        const providerConfig = config.getOptionalConfig(
          'catalog.providers.mlPlatformProjects',
        );
        if (!providerConfig) {
          return;
        }
        const { cluster, kubeConfig } = requireCluster(connections);
        const schedule = readOptionalSchedule(providerConfig, 'schedule', {
          frequency: { minutes: 5 },
          timeout: { minutes: 2 },
        });
        processing.addEntityProvider(
          new ProjectNamespaceProvider({
            cluster: cluster.name,
            namespaces: namespaceBackend(kubeConfig, namespaceSettings),
            logger,
            events,
            taskRunner: scheduler.createScheduledTaskRunner(schedule),
          }),
        );
        processing.addEntityProvider(
          new ModelDeploymentProvider({
            cluster: cluster.name,
            list: seldonDeploymentLister(kubeConfig, cluster),
            logger,
            events,
            taskRunner: scheduler.createScheduledTaskRunner(schedule),
          }),
        );
      },
    });
  },
});
