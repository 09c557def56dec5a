/**
 * The events backend module receiving MLflow's model registry webhooks:
 * `backend.add(import('@ml-platform/backstage-plugin-catalog-backend-module-mlflow/events'))`.
 *
 * @packageDocumentation
 */
export { eventsModuleMlflowWebhook as default } from './webhook/module';
