import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { TEAM_LABEL } from '@ml-platform/backstage-plugin-ml-platform-common';
import {
  MlflowClient,
  platformConnectionsServiceRef,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import { MlflowModelProvider } from './MlflowModelProvider';

/**
 * Registers MLflow registered models as catalog entities when
 * `catalog.providers.mlflow` and `mlPlatform.mlflow.baseUrl` are configured.
 *
 * @public
 */
export const catalogModuleMlflow = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'mlflow',
  register({ registerInit }) {
    registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        scheduler: coreServices.scheduler,
        processing: catalogProcessingExtensionPoint,
        connections: platformConnectionsServiceRef,
      },
      async init({ logger, config, scheduler, processing, connections }) {
        const providerConfig = config.getOptionalConfig(
          'catalog.providers.mlflow',
        );
        if (!providerConfig) {
          return;
        }
        if (!connections.mlflow) {
          throw new Error(
            'catalog.providers.mlflow is configured, but mlPlatform.mlflow.baseUrl is not',
          );
        }
        const schedule = providerConfig.has('schedule')
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
              providerConfig.getConfig('schedule'),
            )
          : { frequency: { minutes: 30 }, timeout: { minutes: 10 } };
        processing.addEntityProvider(
          new MlflowModelProvider({
            providerId: 'default',
            client: new MlflowClient(connections.mlflow),
            mlflowExternalUrl: connections.mlflow.externalUrl,
            ownerTag:
              providerConfig.getOptionalString('ownerTag') ?? TEAM_LABEL,
            defaultOwner:
              providerConfig.getOptionalString('defaultOwner') ??
              'group:default/platform-admins',
            logger,
            taskRunner: scheduler.createScheduledTaskRunner(schedule),
          }),
        );
      },
    });
  },
});
