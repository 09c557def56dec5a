import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  MlPlatformPermissionPolicy,
  readAdminGroups,
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
        logger.info(
          `Platform admins are the members of ${adminGroups.join(', ')}`,
        );
        policy.setPolicy(new MlPlatformPermissionPolicy(adminGroups));
      },
    });
  },
});
