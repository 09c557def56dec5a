import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { eventsExtensionPoint } from '@backstage/plugin-events-node/alpha';
import { MLFLOW_WEBHOOK_TOPIC } from '../topic';
import { createMlflowWebhookValidator } from './signature';

/** Where the secret is configured. */
export const WEBHOOK_SECRET_KEY = 'catalog.providers.mlflow.webhook.secret';

/**
 * The prefix of the local development secret in app-config.yaml. The
 * production config is loaded on top of app-config.yaml, so a deployment
 * that does not set its own secret would otherwise accept calls signed with
 * a secret anyone can read in the repository: in production, such a secret
 * turns the webhooks off instead.
 */
export const INSECURE_SECRET_PREFIX = 'insecure-local-';

const MIN_SECRET_LENGTH = 16;

/**
 * Reads and checks the webhook secret: undefined when none is configured,
 * or when it is the local development one in production (`NODE_ENV=production`):
 * webhooks are then off, and `warn` says why. Throws for a secret that is too
 * short. The messages never show the secret.
 */
export function readWebhookSecret(
  config: { getOptionalString(key: string): string | undefined },
  warn: (message: string) => void,
  nodeEnv = process.env.NODE_ENV,
): string | undefined {
  const secret = config.getOptionalString(WEBHOOK_SECRET_KEY);
  if (secret === undefined) {
    return undefined;
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `${WEBHOOK_SECRET_KEY} must be at least ${MIN_SECRET_LENGTH} characters long`,
    );
  }
  if (nodeEnv === 'production' && secret.startsWith(INSECURE_SECRET_PREFIX)) {
    warn(
      `MLflow webhooks are off: ${WEBHOOK_SECRET_KEY} is the local development secret of app-config.yaml, which anyone can read; set a secret of your own for production (e.g. \${MLFLOW_WEBHOOK_SECRET})`,
    );
    return undefined;
  }
  return secret;
}

/**
 * A module of the events backend: when `catalog.providers.mlflow.webhook.secret`
 * is configured, MLflow's model registry webhooks are received at
 * `POST /api/events/http/mlflow.model-registry` (no Backstage token: MLflow
 * cannot send one) and published on the `mlflow.model-registry` topic, but
 * only when their signature verifies. Unsigned, forged, stale and replayed
 * calls are refused (401/403) and publish nothing.
 *
 * @public
 */
export const eventsModuleMlflowWebhook = createBackendModule({
  pluginId: 'events',
  moduleId: 'mlflow-webhook',
  register({ registerInit }) {
    registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        events: eventsExtensionPoint,
      },
      async init({ config, logger, events }) {
        let refused = false;
        const secret = readWebhookSecret(config, message => {
          refused = true;
          logger.error(message);
        });
        if (!secret) {
          if (!refused) {
            logger.info(
              `MLflow webhooks are off: ${WEBHOOK_SECRET_KEY} is not configured`,
            );
          }
          return;
        }
        events.addHttpPostIngress({
          topic: MLFLOW_WEBHOOK_TOPIC,
          validator: createMlflowWebhookValidator({ secret, logger }),
        });
        logger.info(
          `MLflow webhooks are received at /api/events/http/${MLFLOW_WEBHOOK_TOPIC} (signature checked)`,
        );
      },
    });
  },
});
