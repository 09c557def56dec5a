/**
 * The ml-platform module for `@backstage/plugin-scaffolder-backend`.
 *
 * @packageDocumentation
 */
export { scaffolderModuleMlPlatform as default } from './module';
export { createValidateAction } from './actions/validate';
export { createTeamNamespaceAction } from './actions/teamNamespace';
export { createProjectNamespaceAction } from './actions/projectNamespace';
export { createProjectExperimentAction } from './actions/projectExperiment';
export { createNotebookAction } from './actions/notebook';
export {
  createSparkClusterAction,
  createSparkJobAction,
  type SparkActionOptions,
} from './actions/spark';
export {
  createDeployModelAction,
  type DeployModelActionOptions,
} from './actions/deployModel';
