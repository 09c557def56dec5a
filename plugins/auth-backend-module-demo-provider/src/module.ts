import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { authProvidersExtensionPoint } from '@backstage/plugin-auth-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { demoAuthProviderFactory } from './authenticator';
import { createDemoUsersRouter } from './demoUsers';

/**
 * The error that stops a backend started with `NODE_ENV=production` whose
 * config enables the demo sign-in: a silently ignored setting could be
 * turned on by a later change of `auth.environment`.
 */
export function demoSignInInProductionError(): Error {
  return new Error(
    'The demo sign-in is configured (auth.providers.demo) but NODE_ENV is production: it lets anyone sign in as any catalog user, so the backend does not start. ' +
      'Remove auth.providers.demo from the production config (when a development config that lists it is loaded first, set it to null in the config loaded last, e.g. app-config.production.yaml: auth.providers.demo: null), ' +
      'or remove @ml-platform/backstage-plugin-auth-backend-module-demo-provider from the backend.',
  );
}

/**
 * Demo sign-in for local development. It does nothing unless
 * `auth.providers.demo` is present in config and `auth.environment` is
 * `development`, so a production config layered on top of a development one
 * turns it off. With `NODE_ENV=production` and `auth.providers.demo`
 * present, whatever `auth.environment` says, it fails the backend's start.
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
        if (process.env.NODE_ENV === 'production') {
          throw demoSignInInProductionError();
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
