import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mlPlatformPermissions } from '@ml-platform/backstage-plugin-ml-platform-common';
import { platformConnectionsServiceRef } from '@ml-platform/backstage-plugin-ml-platform-node';
import { createRouter } from './router';

/**
 * The ML platform backend plugin: the REST API behind the frontend.
 *
 * @public
 */
export const mlPlatformPlugin = createBackendPlugin({
  pluginId: 'ml-platform',
  register(env) {
    env.registerInit({
      deps: {
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        connections: platformConnectionsServiceRef,
      },
      async init({
        httpAuth,
        httpRouter,
        permissions,
        permissionsRegistry,
        connections,
      }) {
        permissionsRegistry.addPermissions(mlPlatformPermissions);
        httpRouter.use(
          await createRouter({ httpAuth, permissions, connections }),
        );
      },
    });
  },
});
