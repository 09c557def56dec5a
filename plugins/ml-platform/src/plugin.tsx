import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import {
  ML_MODEL_ENTITY_TYPE,
  ML_PROJECT_COMPONENT_TYPE,
  MODEL_DEPLOYMENT_COMPONENT_TYPE,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import ScatterPlotIcon from '@material-ui/icons/ScatterPlot';
import { MlPlatformClient, mlPlatformApiRef } from './api/MlPlatformClient';
import { rootRouteRef, teamsRouteRef } from './routes';

export const mlPlatformApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: mlPlatformApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new MlPlatformClient({ discoveryApi, fetchApi }),
    }),
});

export const mlPlatformPage = PageBlueprint.make({
  params: {
    path: '/ml-platform',
    title: 'ML Platform',
    icon: <ScatterPlotIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/MlPlatformPage').then(m => <m.MlPlatformPage />),
  },
});

/**
 * A page of its own rather than a sub-page: sub-pages would turn /ml-platform
 * into a redirect to its first tab. Without an icon it gets no sidebar item.
 */
export const myTeamsPage = PageBlueprint.make({
  name: 'teams',
  params: {
    path: '/ml-platform/teams',
    title: 'My teams',
    routeRef: teamsRouteRef,
    loader: () => import('./components/MyTeams').then(m => <m.MyTeamsPage />),
  },
});

/** The "Resources" tab of Group entity pages. */
export const teamResourcesEntityContent = EntityContentBlueprint.make({
  name: 'resources',
  params: {
    path: 'resources',
    title: 'Resources',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/TeamResourceOverview').then(m => (
        <m.EntityTeamResourcesContent />
      )),
  },
});

/** Catalog entities of MLflow registered models (see catalog-backend-module-mlflow). */
const ML_MODEL_FILTER = { kind: 'resource', 'spec.type': ML_MODEL_ENTITY_TYPE };

/** Catalog components of ML projects (see catalog-backend-module-ml-projects). */
const ML_PROJECT_FILTER = {
  kind: 'component',
  'spec.type': ML_PROJECT_COMPONENT_TYPE,
};

/** The "Model" tab of ml-model Resources: versions, lineage, comparison. */
export const modelEntityContent = EntityContentBlueprint.make({
  name: 'model',
  params: {
    path: 'model',
    title: 'Model',
    filter: ML_MODEL_FILTER,
    loader: () =>
      import('./components/Model').then(m => <m.EntityModelContent />),
  },
});

/** Overview card of ml-model Resources: latest version and aliases. */
export const modelEntityCard = EntityCardBlueprint.make({
  name: 'model-summary',
  params: {
    type: 'info',
    filter: ML_MODEL_FILTER,
    loader: () => import('./components/Model').then(m => <m.EntityModelCard />),
  },
});

/** The "Experiments" tab of ML project components: the project's experiment and runs. */
export const projectExperimentsEntityContent = EntityContentBlueprint.make({
  name: 'experiments',
  params: {
    path: 'experiments',
    title: 'Experiments',
    filter: ML_PROJECT_FILTER,
    loader: () =>
      import('./components/Experiments').then(m => (
        <m.EntityProjectExperimentsContent />
      )),
  },
});

/** The "Experiments" tab of Group entity pages: every experiment of the team. */
export const teamExperimentsEntityContent = EntityContentBlueprint.make({
  name: 'team-experiments',
  params: {
    path: 'experiments',
    title: 'Experiments',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/Experiments').then(m => (
        <m.EntityTeamExperimentsContent />
      )),
  },
});

/** The "Notebooks" tab of ML project components: the notebooks of the project's namespace. */
export const projectNotebooksEntityContent = EntityContentBlueprint.make({
  name: 'notebooks',
  params: {
    path: 'notebooks',
    title: 'Notebooks',
    filter: ML_PROJECT_FILTER,
    loader: () =>
      import('./components/Notebooks').then(m => (
        <m.EntityProjectNotebooksContent />
      )),
  },
});

/** The "Notebooks" tab of Group entity pages: the notebooks of every namespace of the team. */
export const teamNotebooksEntityContent = EntityContentBlueprint.make({
  name: 'team-notebooks',
  params: {
    path: 'notebooks',
    title: 'Notebooks',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/Notebooks').then(m => (
        <m.EntityTeamNotebooksContent />
      )),
  },
});

/** The "Spark" tab of ML project components: the Spark workloads of the project's namespace. */
export const projectSparkEntityContent = EntityContentBlueprint.make({
  name: 'spark',
  params: {
    path: 'spark',
    title: 'Spark',
    filter: ML_PROJECT_FILTER,
    loader: () =>
      import('./components/Spark').then(m => <m.EntityProjectSparkContent />),
  },
});

/** The "Spark" tab of Group entity pages: the Spark workloads of every namespace of the team. */
export const teamSparkEntityContent = EntityContentBlueprint.make({
  name: 'team-spark',
  params: {
    path: 'spark',
    title: 'Spark',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/Spark').then(m => <m.EntityTeamSparkContent />),
  },
});

/** Catalog components of model deployments (see catalog-backend-module-ml-projects). */
const MODEL_DEPLOYMENT_FILTER = {
  kind: 'component',
  'spec.type': MODEL_DEPLOYMENT_COMPONENT_TYPE,
};

/**
 * The "Serving" tab of model-deployment components: the SeldonDeployment's
 * predictors, traffic and history, with canary, traffic, promote, roll back
 * and delete.
 */
export const deploymentServingEntityContent = EntityContentBlueprint.make({
  name: 'serving',
  params: {
    path: 'serving',
    title: 'Serving',
    filter: MODEL_DEPLOYMENT_FILTER,
    loader: () =>
      import('./components/Serving').then(m => (
        <m.EntityModelDeploymentContent />
      )),
  },
});

/**
 * `ui:field: NotebookImagePicker` of the scaffolder: the images the backend
 * offers (templates/notebook-server).
 */
export const notebookImagePickerFormField = FormFieldBlueprint.make({
  name: 'notebook-image-picker',
  params: {
    field: () =>
      import('./components/NotebookForm').then(m => m.NotebookImagePickerField),
  },
});

/**
 * `ui:field: NotebookGpuPicker` of the scaffolder: the GPUs some node of the
 * cluster has (templates/notebook-server).
 */
export const notebookGpuPickerFormField = FormFieldBlueprint.make({
  name: 'notebook-gpu-picker',
  params: {
    field: () =>
      import('./components/NotebookForm').then(m => m.NotebookGpuPickerField),
  },
});

/**
 * `ui:field: SparkVersionPicker` of the scaffolder: the Spark versions the
 * backend offers, with their images (templates/spark-job, spark-cluster).
 */
export const sparkVersionPickerFormField = FormFieldBlueprint.make({
  name: 'spark-version-picker',
  params: {
    field: () =>
      import('./components/SparkForm').then(m => m.SparkVersionPickerField),
  },
});

/**
 * `ui:field: SparkSchedulePicker` of the scaffolder: a cron schedule in a
 * time zone with its next runs (templates/spark-job).
 */
export const sparkSchedulePickerFormField = FormFieldBlueprint.make({
  name: 'spark-schedule-picker',
  params: {
    field: () =>
      import('./components/SparkForm').then(m => m.SparkSchedulePickerField),
  },
});

/**
 * `ui:field: SparkConfEditor` of the scaffolder: Spark conf entries of the
 * keys the backend allows (templates/spark-job, spark-cluster).
 */
export const sparkConfEditorFormField = FormFieldBlueprint.make({
  name: 'spark-conf-editor',
  params: {
    field: () =>
      import('./components/SparkForm').then(m => m.SparkConfEditorField),
  },
});

/** The ML platform frontend plugin. @public */
export const mlPlatformPlugin = createFrontendPlugin({
  pluginId: 'ml-platform',
  extensions: [
    mlPlatformApi,
    mlPlatformPage,
    myTeamsPage,
    teamResourcesEntityContent,
    teamExperimentsEntityContent,
    projectExperimentsEntityContent,
    teamNotebooksEntityContent,
    projectNotebooksEntityContent,
    teamSparkEntityContent,
    projectSparkEntityContent,
    modelEntityContent,
    modelEntityCard,
    deploymentServingEntityContent,
    notebookImagePickerFormField,
    notebookGpuPickerFormField,
    sparkVersionPickerFormField,
    sparkSchedulePickerFormField,
    sparkConfEditorFormField,
  ],
  routes: { root: rootRouteRef, teams: teamsRouteRef },
});
