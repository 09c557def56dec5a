import type { Entity } from '@backstage/catalog-model';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import {
  MLFLOW_EXPERIMENT_ANNOTATION,
  MLFLOW_MODEL_ANNOTATION,
  MODEL_DEPLOYMENT_COMPONENT_TYPE,
  NAMESPACE_ANNOTATION,
  SELDON_DEPLOYMENT_ANNOTATION,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { screen, waitFor, within } from '@testing-library/react';
import { mlPlatformApiRef } from './api/MlPlatformClient';
import {
  deploymentServingEntityContent,
  mlPlatformPlugin,
  modelEntityCard,
  modelEntityContent,
  notebookGpuPickerFormField,
  notebookImagePickerFormField,
  projectExperimentsEntityContent,
  projectNotebooksEntityContent,
  projectSparkEntityContent,
  teamExperimentsEntityContent,
  teamNotebooksEntityContent,
  teamResourcesEntityContent,
  teamSparkEntityContent,
} from './plugin';
import { notebook, notebookList } from './testUtils/notebookFixtures';
import { sparkJob, sparkList } from './testUtils/sparkFixtures';
import {
  fakeMlPlatformApi,
  populatedOverview,
} from './testUtils/overviewFixtures';

function entity(kind: string, name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
    spec: {},
  };
}

describe('the Resources entity content', () => {
  it("shows a group's resource overview, read by the group's name", async () => {
    const api = fakeMlPlatformApi({
      getTeamOverview: jest.fn(async (team: string) => populatedOverview(team)),
    });
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: entity('Group', 'fraud-detection') }),
        teamResourcesEntityContent,
      ],
      apis: [[mlPlatformApiRef, api]],
    });

    expect(
      await screen.findByText('Team namespace fraud-detection'),
    ).toBeInTheDocument();
    expect(api.getTeamOverview).toHaveBeenCalledWith('fraud-detection');
  });

  it('is not offered on entities other than groups', async () => {
    const api = fakeMlPlatformApi();
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: entity('Component', 'scorer') }),
        teamResourcesEntityContent,
      ],
      apis: [[mlPlatformApiRef, api]],
    });

    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
    expect(api.getTeamOverview).not.toHaveBeenCalled();
  });
});

function mlEntity(
  kind: string,
  name: string,
  type: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', annotations },
    spec: { type, owner: 'group:default/fraud-detection' },
  };
}

const mlflowExtensions = [
  modelEntityContent,
  modelEntityCard,
  projectExperimentsEntityContent,
  teamExperimentsEntityContent,
];

describe('the MLflow entity contents', () => {
  it('shows the Model tab and the summary card on ml-model resources', async () => {
    const api = fakeMlPlatformApi();
    renderTestApp({
      extensions: [
        createTestEntityPage({
          entity: mlEntity('Resource', 'fraud-risk-classifier', 'ml-model', {
            [MLFLOW_MODEL_ANNOTATION]: 'fraud-risk-classifier',
          }),
        }),
        ...mlflowExtensions,
      ],
      apis: [[mlPlatformApiRef, api]],
    });

    expect(
      await screen.findByTestId('model-versions-table', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    const card = within(await screen.findByTestId('model-summary-card'));
    expect(
      await card.findByText('v3, registered', { exact: false }),
    ).toBeInTheDocument();
    expect(card.getByText('champion → v2')).toBeInTheDocument();
    expect(card.getByRole('link', { name: 'All 3 versions' })).toHaveAttribute(
      'href',
      '/model',
    );
    expect(api.getModel).toHaveBeenCalledWith('fraud-risk-classifier');
    expect(api.getExperimentByName).not.toHaveBeenCalled();
    expect(api.getTeamExperiments).not.toHaveBeenCalled();
  });

  it("shows an ML project's experiment, named by its annotation", async () => {
    const api = fakeMlPlatformApi();
    renderTestApp({
      extensions: [
        createTestEntityPage({
          entity: mlEntity(
            'Component',
            'fraud-detection-transaction-risk',
            'ml-project',
            {
              [MLFLOW_EXPERIMENT_ANNOTATION]:
                'fraud-detection/transaction-risk',
            },
          ),
        }),
        ...mlflowExtensions,
      ],
      apis: [[mlPlatformApiRef, api]],
    });

    expect(
      await screen.findByTestId('runs-table', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(api.getExperimentByName).toHaveBeenCalledWith(
      'fraud-detection/transaction-risk',
    );
    expect(api.getModel).not.toHaveBeenCalled();
  });

  it('tells how to name the experiment of a project without annotation', async () => {
    const api = fakeMlPlatformApi();
    renderTestApp({
      extensions: [
        createTestEntityPage({
          entity: mlEntity(
            'Component',
            'fraud-detection-scoring',
            'ml-project',
            { [NAMESPACE_ANNOTATION]: 'fraud-detection-scoring' },
          ),
        }),
        ...mlflowExtensions,
      ],
      apis: [[mlPlatformApiRef, api]],
    });

    expect(
      await screen.findByText('This project names no MLflow experiment'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByTestId('no-experiment-annotation')).toHaveTextContent(
        'kubectl annotate namespace fraud-detection-scoring ml-platform.io/mlflow-experiment=fraud-detection/scoring',
      ),
    );
    expect(api.getExperimentByName).not.toHaveBeenCalled();
  });

  it("shows a group's experiments", async () => {
    const api = fakeMlPlatformApi();
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: entity('Group', 'fraud-detection') }),
        teamExperimentsEntityContent,
      ],
      apis: [[mlPlatformApiRef, api]],
    });

    expect(
      await screen.findByTestId('runs-table', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(api.getTeamExperiments).toHaveBeenCalledWith('fraud-detection');
  });

  it('is not offered on other components and resources', async () => {
    const api = fakeMlPlatformApi();
    renderTestApp({
      extensions: [
        createTestEntityPage({
          entity: mlEntity('Component', 'scorer', 'service', {
            [MLFLOW_EXPERIMENT_ANNOTATION]: 'x',
            [MLFLOW_MODEL_ANNOTATION]: 'y',
          }),
        }),
        ...mlflowExtensions,
      ],
      apis: [[mlPlatformApiRef, api]],
    });

    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
    expect(api.getModel).not.toHaveBeenCalled();
    expect(api.getExperimentByName).not.toHaveBeenCalled();
  });
});

const notebookExtensions = [
  projectNotebooksEntityContent,
  teamNotebooksEntityContent,
];

describe('the Notebooks entity contents', () => {
  it("shows the notebooks of an ML project's namespace, named by its annotation", async () => {
    const api = fakeMlPlatformApi({
      listNamespaceNotebooks: jest.fn(async (namespace: string) =>
        notebookList([notebook({ namespace })]),
      ),
    });
    renderTestApp({
      extensions: [
        createTestEntityPage({
          entity: mlEntity('Component', 'transaction-risk', 'ml-project', {
            [NAMESPACE_ANNOTATION]: 'fraud-detection-transaction-risk',
          }),
        }),
        ...notebookExtensions,
      ],
      apis: [[mlPlatformApiRef, api]],
    });

    expect(
      await screen.findByTestId('notebooks-table', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(api.listNamespaceNotebooks).toHaveBeenCalledWith(
      'fraud-detection-transaction-risk',
    );
    expect(api.listTeamNotebooks).not.toHaveBeenCalled();
  });

  it('falls back to the component name as the namespace', async () => {
    const api = fakeMlPlatformApi();
    renderTestApp({
      extensions: [
        createTestEntityPage({
          entity: mlEntity(
            'Component',
            'fraud-detection-scoring',
            'ml-project',
          ),
        }),
        ...notebookExtensions,
      ],
      apis: [[mlPlatformApiRef, api]],
    });

    expect(
      await screen.findByText(
        'No notebooks in project fraud-detection-scoring yet',
      ),
    ).toBeInTheDocument();
    expect(api.listNamespaceNotebooks).toHaveBeenCalledWith(
      'fraud-detection-scoring',
    );
  });

  it("shows a group's notebooks", async () => {
    const api = fakeMlPlatformApi();
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: entity('Group', 'fraud-detection') }),
        ...notebookExtensions,
      ],
      apis: [[mlPlatformApiRef, api]],
    });

    expect(
      await screen.findByText('No notebooks in team fraud-detection yet'),
    ).toBeInTheDocument();
    expect(api.listTeamNotebooks).toHaveBeenCalledWith('fraud-detection');
    expect(api.listNamespaceNotebooks).not.toHaveBeenCalled();
  });

  it('is not offered on other components', async () => {
    const api = fakeMlPlatformApi();
    renderTestApp({
      extensions: [
        createTestEntityPage({
          entity: mlEntity('Component', 'scorer', 'service'),
        }),
        ...notebookExtensions,
      ],
      apis: [[mlPlatformApiRef, api]],
    });

    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
    expect(api.listNamespaceNotebooks).not.toHaveBeenCalled();
    expect(api.listTeamNotebooks).not.toHaveBeenCalled();
  });
});

const sparkExtensions = [projectSparkEntityContent, teamSparkEntityContent];

describe('the Spark entity contents', () => {
  it("shows the Spark workloads of an ML project's namespace, named by its annotation", async () => {
    const api = fakeMlPlatformApi({
      listNamespaceSpark: jest.fn(async (namespace: string) =>
        sparkList({ jobs: [sparkJob({ namespace })] }),
      ),
    });
    renderTestApp({
      extensions: [
        createTestEntityPage({
          entity: mlEntity('Component', 'transaction-risk', 'ml-project', {
            [NAMESPACE_ANNOTATION]: 'fraud-detection-transaction-risk',
          }),
        }),
        ...sparkExtensions,
      ],
      apis: [[mlPlatformApiRef, api]],
    });

    expect(
      await screen.findByTestId('spark-jobs-table', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(api.listNamespaceSpark).toHaveBeenCalledWith(
      'fraud-detection-transaction-risk',
    );
    expect(api.listTeamSpark).not.toHaveBeenCalled();
  });

  it("shows a group's Spark workloads", async () => {
    const api = fakeMlPlatformApi();
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: entity('Group', 'fraud-detection') }),
        ...sparkExtensions,
      ],
      apis: [[mlPlatformApiRef, api]],
    });

    expect(
      await screen.findByText(
        'No Spark jobs or clusters in team fraud-detection yet',
      ),
    ).toBeInTheDocument();
    expect(api.listTeamSpark).toHaveBeenCalledWith('fraud-detection');
    expect(api.listNamespaceSpark).not.toHaveBeenCalled();
  });

  it('is not offered on other components', async () => {
    const api = fakeMlPlatformApi();
    renderTestApp({
      extensions: [
        createTestEntityPage({
          entity: mlEntity('Component', 'scorer', 'service'),
        }),
        ...sparkExtensions,
      ],
      apis: [[mlPlatformApiRef, api]],
    });

    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
    expect(api.listNamespaceSpark).not.toHaveBeenCalled();
    expect(api.listTeamSpark).not.toHaveBeenCalled();
  });
});

describe('the Serving entity content', () => {
  it("shows a model deployment's SeldonDeployment, named by its annotation", async () => {
    const api = fakeMlPlatformApi();
    renderTestApp({
      extensions: [
        createTestEntityPage({
          entity: mlEntity(
            'Component',
            'fraud-detection-transaction-risk.scorer',
            MODEL_DEPLOYMENT_COMPONENT_TYPE,
            {
              [SELDON_DEPLOYMENT_ANNOTATION]:
                'fraud-detection-transaction-risk/scorer',
              [MLFLOW_MODEL_ANNOTATION]: 'fraud-risk-classifier',
            },
          ),
        }),
        deploymentServingEntityContent,
        ...mlflowExtensions,
      ],
      apis: [[mlPlatformApiRef, api]],
    });

    expect(
      await screen.findByTestId('predictors-table', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(api.getDeployment).toHaveBeenCalledWith(
      'fraud-detection-transaction-risk',
      'scorer',
    );
    // the Model tab is for ml-model resources only
    expect(api.getModel).not.toHaveBeenCalled();
  });

  it('names the annotation a model deployment lacks', async () => {
    const api = fakeMlPlatformApi();
    renderTestApp({
      extensions: [
        createTestEntityPage({
          entity: mlEntity(
            'Component',
            'scorer',
            MODEL_DEPLOYMENT_COMPONENT_TYPE,
          ),
        }),
        deploymentServingEntityContent,
      ],
      apis: [[mlPlatformApiRef, api]],
    });

    expect(
      await screen.findByText(SELDON_DEPLOYMENT_ANNOTATION, {
        selector: 'code',
      }),
    ).toBeInTheDocument();
    expect(api.getDeployment).not.toHaveBeenCalled();
  });

  it('is not offered on other components', async () => {
    const api = fakeMlPlatformApi();
    renderTestApp({
      extensions: [
        createTestEntityPage({
          entity: mlEntity('Component', 'scorer', 'service', {
            [SELDON_DEPLOYMENT_ANNOTATION]: 'team-a/scorer',
          }),
        }),
        deploymentServingEntityContent,
      ],
      apis: [[mlPlatformApiRef, api]],
    });

    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
    expect(api.getDeployment).not.toHaveBeenCalled();
  });
});

describe('the ml-platform plugin', () => {
  it('offers the MLflow, resources and notebooks extensions and the notebook form fields to the app', () => {
    for (const id of [
      'entity-content:ml-platform/model',
      'entity-card:ml-platform/model-summary',
      'entity-content:ml-platform/experiments',
      'entity-content:ml-platform/team-experiments',
      'entity-content:ml-platform/resources',
      'entity-content:ml-platform/notebooks',
      'entity-content:ml-platform/team-notebooks',
      'entity-content:ml-platform/spark',
      'entity-content:ml-platform/team-spark',
      'entity-content:ml-platform/serving',
      'scaffolder-form-field:ml-platform/notebook-image-picker',
      'scaffolder-form-field:ml-platform/notebook-gpu-picker',
    ] as const) {
      expect(mlPlatformPlugin.getExtension(id)).toBeDefined();
    }
  });

  it('gives the scaffolder the fields of the notebook-server template', async () => {
    const formFieldsInput = {
      id: 'api:scaffolder/form-fields',
      input: 'formFields',
    };
    // The field's name is what `ui:field` names in the template.
    const nameOf = async (loader: () => Promise<unknown>) =>
      ((await loader()) as { name: string }).name;

    const image = createExtensionTester(notebookImagePickerFormField);
    expect(
      image.query(notebookImagePickerFormField).node.spec.attachTo,
    ).toEqual(formFieldsInput);
    expect(
      await nameOf(image.get(FormFieldBlueprint.dataRefs.formFieldLoader)),
    ).toBe('NotebookImagePicker');

    const gpu = createExtensionTester(notebookGpuPickerFormField);
    expect(gpu.query(notebookGpuPickerFormField).node.spec.attachTo).toEqual(
      formFieldsInput,
    );
    expect(
      await nameOf(gpu.get(FormFieldBlueprint.dataRefs.formFieldLoader)),
    ).toBe('NotebookGpuPicker');
  });
});
