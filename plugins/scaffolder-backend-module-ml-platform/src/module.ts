import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  namespaceProvisionerServiceRef,
  notebookServiceRef,
  sparkServiceRef,
  servingServiceRef,
  projectExperimentsServiceRef,
  readServicePrincipalRoles,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import { createDeployModelAction } from './actions/deployModel';
import { createNotebookAction } from './actions/notebook';
import {
  createSparkClusterAction,
  createSparkJobAction,
} from './actions/spark';
import { createProjectExperimentAction } from './actions/projectExperiment';
import { createProjectNamespaceAction } from './actions/projectNamespace';
import { createTeamNamespaceAction } from './actions/teamNamespace';
import { createValidateAction } from './actions/validate';

/**
 * Registers the ML platform's scaffolder actions.
 *
 * @public
 */
export const scaffolderModuleMlPlatform = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'ml-platform',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        provisioner: namespaceProvisionerServiceRef,
        experiments: projectExperimentsServiceRef,
        notebooks: notebookServiceRef,
        spark: sparkServiceRef,
        serving: servingServiceRef,
        config: coreServices.rootConfig,
      },
      async init({
        scaffolderActions,
        provisioner,
        experiments,
        notebooks,
        spark,
        serving,
        config,
      }) {
        const servicePrincipalRoles = readServicePrincipalRoles(config);
        scaffolderActions.addActions(
          createValidateAction(),
          createTeamNamespaceAction({ provisioner, servicePrincipalRoles }),
          createProjectNamespaceAction({ provisioner, servicePrincipalRoles }),
          createProjectExperimentAction({ experiments, servicePrincipalRoles }),
          createNotebookAction({ notebooks, servicePrincipalRoles }),
          createSparkJobAction({ spark, servicePrincipalRoles }),
          createSparkClusterAction({ spark, servicePrincipalRoles }),
          createDeployModelAction({ serving, servicePrincipalRoles }),
        );
      },
    });
  },
});
