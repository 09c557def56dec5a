/**
 * Wire types of the MLflow REST API 2.0 (field names as MLflow sends them).
 * Repeated fields MLflow leaves out when empty are optional.
 */

/** How the backend authenticates to MLflow. @public */
export type MlflowAuth =
  | { type: 'none' }
  | { type: 'basic'; username: string; password: string }
  | { type: 'bearer'; token: string };

/** A key and value, as MLflow sends tags and params. @public */
export type MlflowKeyValue = { key: string; value: string };

/** One page of a search, with the token of the next page if there is one. @public */
export type MlflowPage<T> = { items: T[]; nextPageToken?: string };

/** Paging and sorting of a search. @public */
export type MlflowSearchOptions = {
  /** MLflow's search filter, e.g. `tags.team = 'ml'` or `metrics.accuracy > 0.5`. */
  filter?: string;
  /** e.g. `['metrics.accuracy DESC', 'start_time ASC']` */
  orderBy?: string[];
  maxResults?: number;
  pageToken?: string;
};

/** @public */
export type MlflowExperiment = {
  experiment_id: string;
  name: string;
  artifact_location?: string;
  /** `active` or `deleted` */
  lifecycle_stage?: string;
  last_update_time?: number;
  creation_time?: number;
  tags?: MlflowKeyValue[];
};

/** @public */
export type MlflowMetric = {
  key: string;
  value: number;
  timestamp: number;
  step?: number;
};

/** @public */
export type MlflowRunInfo = {
  run_id: string;
  run_name?: string;
  experiment_id: string;
  user_id?: string;
  /** RUNNING, SCHEDULED, FINISHED, FAILED or KILLED */
  status?: string;
  start_time?: number;
  end_time?: number;
  artifact_uri?: string;
  lifecycle_stage?: string;
};

/** @public */
export type MlflowRun = {
  info: MlflowRunInfo;
  data: {
    metrics?: MlflowMetric[];
    params?: MlflowKeyValue[];
    tags?: MlflowKeyValue[];
  };
};

/** @public */
export type MlflowModelVersion = {
  name: string;
  version: string;
  creation_timestamp?: number;
  last_updated_timestamp?: number;
  user_id?: string;
  current_stage?: string;
  description?: string;
  source?: string;
  run_id?: string;
  /** PENDING_REGISTRATION, FAILED_REGISTRATION or READY */
  status?: string;
  status_message?: string;
  tags?: MlflowKeyValue[];
  run_link?: string;
  aliases?: string[];
};

/** @public */
export type MlflowRegisteredModel = {
  name: string;
  creation_timestamp?: number;
  last_updated_timestamp?: number;
  user_id?: string;
  description?: string;
  latest_versions?: MlflowModelVersion[];
  tags?: MlflowKeyValue[];
  aliases?: { alias: string; version: string }[];
};

/** MLflow's JSON error answer. @public */
export type MlflowErrorBody = { error_code?: string; message?: string };
