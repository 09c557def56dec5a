import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import {
  describeConnections,
  readPlatformConnections,
  type PlatformConnections,
} from './connections';

/**
 * The suite's connections to Kubernetes, MLflow and Prometheus, read once from
 * config and shared by the backend plugin and its modules.
 * @public
 */
export const platformConnectionsServiceRef =
  createServiceRef<PlatformConnections>({
    id: 'ml-platform.connections',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.rootLogger,
        },
        factory({ config, logger }) {
          const connections = readPlatformConnections(config);
          logger.info(describeConnections(connections));
          return connections;
        },
      }),
  });
