/** Scaffolder template that creates a team's namespace and quota (platform admins only). */
export const TEAM_NAMESPACE_TEMPLATE_PATH =
  '/create/templates/default/team-namespace';

/** Scaffolder template that creates a project namespace inside a team. */
export const ML_PROJECT_TEMPLATE_PATH = '/create/templates/default/ml-project';

/** Scaffolder template that creates a notebook server in a project namespace. */
export const NOTEBOOK_SERVER_TEMPLATE_PATH =
  '/create/templates/default/notebook-server';

/** Scaffolder template that creates a Spark job (or a schedule of one) in a project namespace. */
export const SPARK_JOB_TEMPLATE_PATH = '/create/templates/default/spark-job';

/** Scaffolder template that creates an interactive Spark (Connect) cluster in a project namespace. */
export const SPARK_CLUSTER_TEMPLATE_PATH =
  '/create/templates/default/spark-cluster';
