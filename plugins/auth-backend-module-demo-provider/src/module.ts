import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { authProvidersExtensionPoint } from '@backstage/plugin-auth-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { demoAuthProviderFactory } from './authenticator';
import { createDemoUsersRouter } from './demoUsers';

/**
 * Demo sign-in for local development. It does nothing unless
 * `auth.providers.demo` is present in config and `auth.environment` is
 * `development`, so a production config layered on top of a development one
 * turns it off.
 *
 * @public
 */
export const authModuleDemoProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'demo-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({ providers, config, logger, httpRouter, catalog, auth }) {
        if (!config.has('auth.providers.demo')) {
          return;
        }
        const environment =
          config.getOptionalString('auth.environment') ?? 'development';
        if (environment !== 'development') {
          logger.info(
            `Demo sign-in stays off: auth.environment is "${environment}", and it is only for "development"`,
          );
          return;
        }
        logger.warn(
          'Demo sign-in is enabled: anyone can sign in as any catalog user. Never enable auth.providers.demo in production.',
        );
        providers.registerProvider({
          providerId: 'demo',
          factory: demoAuthProviderFactory,
        });
        httpRouter.use(createDemoUsersRouter({ catalog, auth, logger }));
        httpRouter.addAuthPolicy({
          path: '/demo-users',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
