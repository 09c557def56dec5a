import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  mlPlatformPermissions,
  teamScopedPermissions,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import {
  mlflowReaderServiceRef,
  namespaceProvisionerServiceRef,
  notebookServiceRef,
  sparkServiceRef,
  servingServiceRef,
  platformConnectionsServiceRef,
  teamOverviewServiceRef,
  teamPermissionResourceRef,
  readServicePrincipalRoles,
  teamPermissionRules,
  userPermissionsServiceRef,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import { registerActions } from './actions';
import { createRouter } from './router';

/**
 * The ML platform backend plugin: the REST API behind the frontend, the
 * team permission resource, and the suite's actions in the actions registry.
 *
 * @public
 */
export const mlPlatformPlugin = createBackendPlugin({
  pluginId: 'ml-platform',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        config: coreServices.rootConfig,
        permissions: userPermissionsServiceRef,
        permissionsRegistry: coreServices.permissionsRegistry,
        actionsRegistry: actionsRegistryServiceRef,
        catalog: catalogServiceRef,
        connections: platformConnectionsServiceRef,
        provisioner: namespaceProvisionerServiceRef,
        teamOverview: teamOverviewServiceRef,
        mlflowReader: mlflowReaderServiceRef,
        notebooks: notebookServiceRef,
        spark: sparkServiceRef,
        serving: servingServiceRef,
      },
      async init({
        config,
        permissionsRegistry,
        actionsRegistry,
        httpRouter,
        ...deps
      }) {
        permissionsRegistry.addPermissions(
          mlPlatformPermissions.filter(p => !teamScopedPermissions.includes(p)),
        );
        permissionsRegistry.addResourceType({
          resourceRef: teamPermissionResourceRef,
          permissions: teamScopedPermissions,
          rules: Object.values(teamPermissionRules),
          getResources: async refs => refs.map(ref => ({ ref })),
        });
        registerActions(actionsRegistry, {
          ...deps,
          servicePrincipalRoles: readServicePrincipalRoles(config),
        });
        httpRouter.use(await createRouter(deps));
      },
    });
  },
});
