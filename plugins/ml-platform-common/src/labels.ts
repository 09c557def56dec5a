/**
 * Label and annotation keys shared by every package of the suite.
 * Overviews select Kubernetes objects by these labels, never by name patterns.
 */

/** @public */
export const ML_PLATFORM_LABEL_PREFIX = 'ml-platform.io';

/** Kubernetes label / MLflow tag naming the owning team. @public */
export const TEAM_LABEL = `${ML_PLATFORM_LABEL_PREFIX}/team`;

/** Kubernetes label / MLflow tag naming the project inside a team. @public */
export const PROJECT_LABEL = `${ML_PLATFORM_LABEL_PREFIX}/project`;

/** The server-side apply field manager owning every object the suite writes. @public */
export const FIELD_MANAGER = 'ml-platform';

/** Catalog annotation: the MLflow experiment of an ML project component. @public */
export const MLFLOW_EXPERIMENT_ANNOTATION = `${ML_PLATFORM_LABEL_PREFIX}/mlflow-experiment`;

/** Catalog annotation: the MLflow registered model behind a catalog entity. @public */
export const MLFLOW_MODEL_ANNOTATION = `${ML_PLATFORM_LABEL_PREFIX}/mlflow-registered-model`;

/** Catalog annotation: the Kubernetes namespace a component or team lives in. @public */
export const NAMESPACE_ANNOTATION = `${ML_PLATFORM_LABEL_PREFIX}/namespace`;

/** Namespace annotation: the project's description, shown in the catalog. @public */
export const DESCRIPTION_ANNOTATION = `${ML_PLATFORM_LABEL_PREFIX}/description`;

/** Namespace annotation: where the project's code lives (a repository URL). @public */
export const SOURCE_LOCATION_ANNOTATION = `${ML_PLATFORM_LABEL_PREFIX}/source-location`;

/** Annotation read by the community Grafana plugin. @public */
export const GRAFANA_DASHBOARD_SELECTOR_ANNOTATION =
  'grafana/dashboard-selector';
