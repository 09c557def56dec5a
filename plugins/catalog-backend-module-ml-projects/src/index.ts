/**
 * Catalog entity providers: every ML project namespace becomes a component of
 * its team, and so does every model deployment (a SeldonDeployment).
 *
 * @packageDocumentation
 */
export { catalogModuleMlProjects as default } from './module';
export { ProjectNamespaceProvider } from './ProjectNamespaceProvider';
export { projectNamespaceToEntity, ML_PROJECT_TYPE } from './projectEntity';
export {
  ModelDeploymentProvider,
  seldonDeploymentLister,
} from './ModelDeploymentProvider';
export {
  modelDeploymentToEntity,
  type SeldonDeploymentObject,
  type SeldonPredictorObject,
} from './deploymentEntity';
