/**
 * Catalog entity provider: MLflow registered models become catalog entities,
 * kept up to date by a full sync, an incremental poll and MLflow's webhooks.
 *
 * The default export is the catalog module; the events backend module that
 * receives the webhooks is `eventsModuleMlflowWebhook`, also the default
 * export of the `/events` entry point.
 *
 * @packageDocumentation
 */
export { catalogModuleMlflow as default } from './module';
export { eventsModuleMlflowWebhook } from './webhook/module';
export {
  MlflowModelProvider,
  type FullSyncResult,
  type MlflowModelProviderOptions,
} from './MlflowModelProvider';
export type { ModelEntityOptions } from './modelEntity';
export { MLFLOW_WEBHOOK_TOPIC } from './topic';
