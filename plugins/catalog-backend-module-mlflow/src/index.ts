/**
 * Catalog entity provider: MLflow registered models become catalog entities.
 *
 * @packageDocumentation
 */
export { catalogModuleMlflow as default } from './module';
export { MlflowModelProvider } from './MlflowModelProvider';
export { registeredModelToEntity } from './modelEntity';
