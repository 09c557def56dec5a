/**
 * Kubernetes backend module: an entity's Kubernetes objects are served only
 * from namespaces of the caller's teams.
 *
 * @packageDocumentation
 */
export { kubernetesModuleMlPlatform as default } from './module';
