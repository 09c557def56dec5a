import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { readAdminGroups } from '@ml-platform/backstage-plugin-ml-platform-node';
import {
  MlPlatformPermissionPolicy,
  readScaffolderActions,
} from './MlPlatformPermissionPolicy';

/**
 * Installs the ML platform's permission policy in the permission backend.
 *
 * @public
 */
export const permissionModuleMlPlatformPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'ml-platform-policy',
  register({ registerInit }) {
    registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ policy, config, logger }) {
        const adminGroups = readAdminGroups(config);
        const scaffolderActions = readScaffolderActions(config);
        logger.info(
          `Platform admins are the members of ${adminGroups.join(', ')}`,
        );
        logger.info(
          `Templates may run the scaffolder actions ${
            scaffolderActions.join(', ') || '(none)'
          }`,
        );
        policy.setPolicy(
          new MlPlatformPermissionPolicy({ adminGroups, scaffolderActions }),
        );
      },
    });
  },
});
