import {
  coreServices,
  createBackendModule,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  MlflowClient,
  platformConnectionsServiceRef,
  readOptionalSchedule,
  readMlflowOwnership,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import { MlflowModelProvider } from './MlflowModelProvider';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
};

const DEFAULT_DELTA_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 1 },
  timeout: { minutes: 1 },
  // the full sync runs at start; the first poll after it is a cheap one
  initialDelay: { minutes: 1 },
};

/**
 * Registers MLflow registered models as catalog entities when
 * `catalog.providers.mlflow` and `mlPlatform.mlflow.baseUrl` are configured:
 * a full sync on `schedule`, an incremental poll on `deltaSchedule`, and an
 * immediate refresh of a model on each MLflow webhook event (with the
 * events module of this package, `eventsModuleMlflowWebhook`).
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
        events: eventsServiceRef,
      },
      async init({
        logger,
        config,
        scheduler,
        processing,
        connections,
        events,
      }) {
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
        // one setting for the catalog and the ml-platform backend, or the
        // entities' owners and the backend's access checks could disagree
        for (const moved of ['ownerTag', 'defaultOwner']) {
          if (providerConfig.has(moved)) {
            throw new Error(
              `catalog.providers.mlflow.${moved} has moved to mlPlatform.mlflow.${moved}, which the ml-platform backend reads as well`,
            );
          }
        }
        const ownership = readMlflowOwnership(config);
        processing.addEntityProvider(
          new MlflowModelProvider({
            providerId: 'default',
            client: new MlflowClient(connections.mlflow),
            mlflowExternalUrl: connections.mlflow.externalUrl,
            ownerTag: ownership.ownerTag,
            defaultOwner: ownership.defaultOwner,
            logger,
            taskRunner: scheduler.createScheduledTaskRunner(
              readOptionalSchedule(
                providerConfig,
                'schedule',
                DEFAULT_SCHEDULE,
              ),
            ),
            deltaTaskRunner: scheduler.createScheduledTaskRunner(
              readOptionalSchedule(
                providerConfig,
                'deltaSchedule',
                DEFAULT_DELTA_SCHEDULE,
              ),
            ),
            events,
          }),
        );
      },
    });
  },
});
