/**
 * Model serving with Seldon Core 1.17: the SeldonDeployment kind, the marks
 * the suite puts on it, and the wire types of the serving routes.
 */
import { ML_PLATFORM_LABEL_PREFIX } from './labels';
import { workloadResourceOf, type WorkloadResult } from './workloads';

/** Seldon Core's SeldonDeployment. @public */
export const SELDON_DEPLOYMENT_RESOURCE = workloadResourceOf(
  'SeldonDeployment',
  'machinelearning.seldon.io',
);

/** The label Seldon puts on every pod of a SeldonDeployment (its name). @public */
export const SELDON_DEPLOYMENT_ID_LABEL = 'seldon-deployment-id';

/** The registered model a SeldonDeployment serves (its MLflow name), on the object. @public */
export const SERVED_MODEL_ANNOTATION = `${ML_PLATFORM_LABEL_PREFIX}/served-model`;

/** The model version a predictor serves, on the predictor (and so its pods). @public */
export const MODEL_VERSION_LABEL = `${ML_PLATFORM_LABEL_PREFIX}/model-version`;

/** The predictor that takes all traffic after a rollback, on the object. @public */
export const MAIN_PREDICTOR_ANNOTATION = `${ML_PLATFORM_LABEL_PREFIX}/main-predictor`;

/** The changes made through the suite (JSON, newest last), on the object. @public */
export const SERVING_HISTORY_ANNOTATION = `${ML_PLATFORM_LABEL_PREFIX}/serving-history`;

/** The protocols a deployment may speak: Seldon's, or V2 (MLServer). @public */
export const SERVING_PROTOCOLS = ['seldon', 'v2'] as const;

/** @public */
export type ServingProtocol = (typeof SERVING_PROTOCOLS)[number];

/** A deployment's state as Seldon's operator reports it. @public */
export type ServingState = 'Creating' | 'Available' | 'Failed';

/** One predictor of a deployment: which version it serves, at what share. @public */
export type ServingPredictor = {
  /** The predictor's name: `v<version>`. */
  name: string;
  version: string;
  /** Where the storage initializer reads the model (never `models:/`). */
  modelUri: string;
  /** Share of the traffic in percent; a shadow gets a copy of every request instead. */
  traffic: number;
  shadow: boolean;
  /** Whether it is the predictor a rollback keeps. */
  main: boolean;
  replicas: number;
  readyReplicas: number;
  state: 'Ready' | 'Starting' | 'Pending' | 'Failed';
  /** Why it is not Ready, from the operator, the pods and the scheduler's events. */
  reason?: string;
};

/** What was changed through the suite, by whom and when. @public */
export type ServingChange = {
  at: string;
  /** The user entity ref. */
  by: string;
  action: 'deploy' | 'add' | 'traffic' | 'promote' | 'rollback';
  summary: string;
};

/** A model deployment as the routes and the UI show it. @public */
export type ModelDeploymentSummary = {
  namespace: string;
  name: string;
  team: string;
  project?: string;
  /** The registered model it serves (MLflow name). */
  model: string;
  protocol: ServingProtocol;
  state: ServingState;
  /** The operator's description, or why it is not Available. */
  reason?: string;
  predictors: ServingPredictor[];
  /** Resources of the model server of each replica, as Kubernetes quantities. */
  cpu: string;
  memory: string;
  autoscaling?: { minReplicas: number; maxReplicas: number };
  /** Through the configured gateway; absent when none is configured. */
  predictionUrl?: string;
  /** The in-cluster address of the deployment's service. */
  serviceUrl: string;
  /** An example request, with a payload shaped from the model's signature when MLflow has one. */
  curlExample: string;
  createdBy?: string;
  createdAt?: string;
  history: ServingChange[];
};

/** `GET /models/{name}/serving`: where the model serves, and whether the caller may deploy it. @public */
export type ModelServing = {
  model: string;
  team?: string;
  deployments: ModelDeploymentSummary[];
  /** Whether the caller may deploy this model; when not, why. */
  canDeploy: boolean;
  cannotDeployReason?: string;
  /** The namespaces the caller may deploy it to. */
  namespaces: string[];
  protocols: readonly ServingProtocol[];
};

/** `GET /namespaces/{ns}/deployments` and `GET /teams/{team}/deployments` @public */
export type ModelDeploymentList = { deployments: ModelDeploymentSummary[] };

/** `POST /namespaces/{ns}/deployments` @public */
export type DeployModelRequest = {
  model: string;
  /** A version number, or give `alias`. */
  version?: string;
  alias?: string;
  name: string;
  protocol?: ServingProtocol;
  replicas?: number;
  cpu?: string;
  memory?: string;
  autoscaling?: { minReplicas: number; maxReplicas: number };
  dryRun?: boolean;
};

/** `POST /namespaces/{ns}/deployments/{name}/predictors`: a canary at a share, or a shadow. @public */
export type AddPredictorRequest = {
  version?: string;
  alias?: string;
  /** Percent for the new predictor; the others share the rest in proportion. */
  traffic?: number;
  shadow?: boolean;
  dryRun?: boolean;
};

/** `PUT /namespaces/{ns}/deployments/{name}/traffic`: percent by predictor name, summing to 100. @public */
export type SetTrafficRequest = { traffic: Record<string, number> };

/** What deploying, or changing a deployment, answers. @public */
export type ModelDeploymentResult = WorkloadResult & {
  deployment?: ModelDeploymentSummary;
  predictionUrl?: string;
  curlExample: string;
};

/** The events topic the suite publishes on after it changed a model deployment (payload: namespace and name). @public */
export const SERVING_CHANGED_TOPIC = 'ml-platform.serving-changed';

/** The catalog component type of model deployments. @public */
export const MODEL_DEPLOYMENT_COMPONENT_TYPE = 'model-deployment';

/** On a model deployment's catalog entity: `<namespace>/<name>` of its SeldonDeployment. @public */
export const SELDON_DEPLOYMENT_ANNOTATION = `${ML_PLATFORM_LABEL_PREFIX}/seldon-deployment`;
