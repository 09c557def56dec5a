import type { SparkList } from '@ml-platform/backstage-plugin-ml-platform-common';
import type { MlPlatformApi } from '../../api/MlPlatformClient';
import {
  type NotebookScope,
  scopedTemplatePath,
} from '../Notebooks/notebookScope';
import {
  SPARK_CLUSTER_TEMPLATE_PATH,
  SPARK_JOB_TEMPLATE_PATH,
} from '../TeamResourceOverview/templatePaths';

/**
 * Whose Spark workloads are shown: a whole team's, or one (project)
 * namespace's; the same scopes as the notebooks'.
 * @public
 */
export type SparkScope = NotebookScope;

export function listSpark(
  api: MlPlatformApi,
  scope: SparkScope,
): Promise<SparkList> {
  return scope.kind === 'team'
    ? api.listTeamSpark(scope.team)
    : api.listNamespaceSpark(scope.namespace);
}

/** The spark-job template, for the project of the scope if it is one. */
export function newSparkJobPath(scope: SparkScope): string {
  return scopedTemplatePath(SPARK_JOB_TEMPLATE_PATH, scope);
}

/** The spark-cluster template, for the project of the scope if it is one. */
export function newSparkClusterPath(scope: SparkScope): string {
  return scopedTemplatePath(SPARK_CLUSTER_TEMPLATE_PATH, scope);
}

/** Whether a list has no cluster, job or schedule at all. */
export function isEmptySparkList(list: SparkList): boolean {
  return (
    list.clusters.length === 0 &&
    list.jobs.length === 0 &&
    list.schedules.length === 0
  );
}
