/**
 * What the ml-platform backend answers about MLflow: experiments, runs and
 * registered models, already filtered to what the caller may see. Times are
 * ISO 8601 strings; links point at the MLflow UI (`mlPlatform.mlflow.externalUrl`).
 */

/** MLflow tag marking a registered model as readable by every signed-in user. @public */
export const MODEL_VISIBILITY_TAG = 'ml-platform.io/visibility';

/** The value of {@link MODEL_VISIBILITY_TAG} that makes a model public. @public */
export const PUBLIC_VISIBILITY = 'public';

/**
 * Catalog label on the entities of public models (value "true"): the
 * permission policy shows them to everyone, other models to their team only.
 * @public
 */
export const PUBLIC_MODEL_LABEL = 'ml-platform.io/public';

/** The catalog entity type of registered models (kind Resource). @public */
export const ML_MODEL_ENTITY_TYPE = 'ml-model';

/** The catalog component type of ML projects. @public */
export const ML_PROJECT_COMPONENT_TYPE = 'ml-project';

/** @public */
export type ExperimentSummary = {
  id: string;
  name: string;
  /** From the experiment's team tag; experiments without one belong to the platform admins. */
  team?: string;
  project?: string;
  /** MLflow's `mlflow.note.content` tag. */
  description?: string;
  lifecycleStage: 'active' | 'deleted';
  createdAt?: string;
  updatedAt?: string;
  mlflowUrl: string;
};

/** `GET /teams/{team}/experiments` and `GET /experiments?name=...` @public */
export type ExperimentList = { experiments: ExperimentSummary[] };

/** @public */
export type RunSummary = {
  id: string;
  name: string;
  experimentId: string;
  /** RUNNING, SCHEDULED, FINISHED, FAILED or KILLED */
  status: string;
  user?: string;
  startTime?: string;
  endTime?: string;
  durationMs?: number;
  /** The latest value of each metric. */
  metrics: Record<string, number>;
  params: Record<string, string>;
  /** The run's tags without MLflow's own (`mlflow.*`). */
  tags: Record<string, string>;
  mlflowUrl: string;
};

/** POST /runs/search @public */
export type RunSearchRequest = {
  /** Every experiment must be readable by the caller; at most 20. */
  experimentIds: string[];
  /** MLflow's search syntax, e.g. `metrics.val_accuracy > 0.9 and params.model_type = 'random-forest'`. */
  filter?: string;
  /** e.g. `["metrics.val_accuracy DESC"]`; at most 5 clauses. */
  orderBy?: string[];
  /** 1 to 1000; default 100. */
  maxResults?: number;
  pageToken?: string;
};

/** @public */
export type RunSearchResponse = {
  runs: RunSummary[];
  nextPageToken?: string;
  /** Every metric and param key of the runs of this page, sorted: the columns a user may pick. */
  metricKeys: string[];
  paramKeys: string[];
};

/** @public */
export type MetricPoint = { step: number; value: number; timestamp: string };

/** `GET /runs/{runId}/metric-history?keys=a&keys=b` @public */
export type MetricHistoryResponse = {
  runId: string;
  metrics: Record<string, MetricPoint[]>;
};

/** The run a model version was logged from. @public */
export type SourceRun = {
  id: string;
  name: string;
  status: string;
  experimentId: string;
  experimentName?: string;
  metrics: Record<string, number>;
  params: Record<string, string>;
  mlflowUrl: string;
  experimentUrl: string;
};

/** @public */
export type ModelVersionSummary = {
  version: string;
  aliases: string[];
  /** The legacy stage (Staging, Production, Archived); absent when "None". */
  stage?: string;
  /** READY, PENDING_REGISTRATION or FAILED_REGISTRATION */
  status: string;
  statusMessage?: string;
  createdAt?: string;
  updatedAt?: string;
  description?: string;
  /** Where the model's files are, e.g. `models:/m-...` or `runs:/<run>/model`. */
  source?: string;
  tags: Record<string, string>;
  mlflowUrl: string;
  run?: SourceRun;
  /** Why the source run is not shown although the version names one (deleted, or another team's). */
  runUnavailable?: string;
};

/** `GET /models/{name}` @public */
export type ModelDetails = {
  name: string;
  description?: string;
  team?: string;
  project?: string;
  public: boolean;
  tags: Record<string, string>;
  aliases: { alias: string; version: string }[];
  createdAt?: string;
  updatedAt?: string;
  mlflowUrl: string;
  /** Newest first. */
  versions: ModelVersionSummary[];
  /** Every metric key of the versions' source runs, sorted: what the comparison chart offers. */
  metricKeys: string[];
};
