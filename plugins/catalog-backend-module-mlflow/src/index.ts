/***/
/**
 * The mlflow-provider module for @backstage/plugin-catalog-backend
 *
 * @packageDocumentation
 */

export { catalogModuleMlflow as default } from './module';
