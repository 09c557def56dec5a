export { EntityModelDeploymentContent } from './EntityModelDeploymentContent';
export { ModelDeploymentView } from './ModelDeploymentView';
export { ModelServingSection } from './ModelServingSection';
export { DeployModelDialog } from './DeployModelDialog';
