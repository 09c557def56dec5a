/**
 * Catalog entity provider: every ML project namespace becomes a component of its team.
 *
 * @packageDocumentation
 */
export { catalogModuleMlProjects as default } from './module';
export { ProjectNamespaceProvider } from './ProjectNamespaceProvider';
export { projectNamespaceToEntity, ML_PROJECT_TYPE } from './projectEntity';
