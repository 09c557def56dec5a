import {
  APACHE_SPARK_CLUSTER_RESOURCE,
  SCHEDULED_SPARK_APPLICATION_RESOURCE,
  SPARK_APP_NAME_LABEL,
  SPARK_APPLICATION_RESOURCE,
  SPARK_CONNECT_NAME_LABEL,
  SPARK_CONNECT_RESOURCE,
  SPARK_SCHEDULED_APP_NAME_LABEL,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import type { z as zod } from 'zod/v3';
import type { SparkSettings } from '../sparkSettings';
import type { WorkloadKind } from '../WorkloadKind';
import {
  checkSparkClusterInput,
  checkSparkJobInput,
  sparkClusterInputSchema,
  sparkJobInputSchema,
  type SparkClusterInput,
  type SparkJobInput,
} from './spark/input';
import { renderSparkCluster, renderSparkJob } from './spark/render';
import { largestSparkPod, sparkQuotaRequests } from './spark/size';
import {
  sparkApplicationStatus,
  sparkClusterStatus,
  sparkScheduleStatus,
} from './spark/status';

export * from './spark/input';
export * from './spark/render';
export * from './spark/status';

const mostExecutors = (input: SparkJobInput | SparkClusterInput) =>
  input.dynamicAllocation?.maxExecutors ?? input.executor.instances;

/** The drivers run as the namespace's Spark service account: it must be there. */
const driverAccount = (settings: SparkSettings) => [
  {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    name: settings.serviceAccount,
    why: 'the Spark pods run as it; the project namespace template makes it: run the ML project template again for this namespace',
  },
];

const jobKind = (
  resource: typeof SPARK_APPLICATION_RESOURCE,
  noun: string,
  podLabel: string,
): WorkloadKind<SparkJobInput, SparkSettings> => ({
  resource,
  noun,
  schema: z => sparkJobInputSchema(z) as unknown as zod.ZodType<SparkJobInput>,
  check: checkSparkJobInput,
  // driver and executors (with dynamic allocation, the most it may start)
  requests: input =>
    sparkQuotaRequests(
      input.driver,
      input.executor,
      mostExecutors(input),
      input.type === 'Python',
    ),
  podRequests: input =>
    largestSparkPod([input.driver, input.executor], input.type === 'Python'),
  requires: (_input, settings) => driverAccount(settings),
  render: renderSparkJob,
  status:
    resource === SPARK_APPLICATION_RESOURCE
      ? sparkApplicationStatus
      : sparkScheduleStatus,
  podSelector: name => `${podLabel}=${name}`,
});

/** Batch jobs: Kubeflow's SparkApplication. @public */
export const sparkApplicationKind = jobKind(
  SPARK_APPLICATION_RESOURCE,
  'Spark job',
  SPARK_APP_NAME_LABEL,
);

/** Jobs on a schedule: Kubeflow's ScheduledSparkApplication (each run is sized like a job). @public */
export const scheduledSparkApplicationKind = jobKind(
  SCHEDULED_SPARK_APPLICATION_RESOURCE,
  'Spark schedule',
  SPARK_SCHEDULED_APP_NAME_LABEL,
);

/** Interactive clusters: Kubeflow's SparkConnect, or Apache's SparkCluster. @public */
export function sparkClusterKind(
  backend: SparkSettings['backend'],
): WorkloadKind<SparkClusterInput, SparkSettings> {
  return {
    resource:
      backend === 'apache'
        ? APACHE_SPARK_CLUSTER_RESOURCE
        : SPARK_CONNECT_RESOURCE,
    noun: 'Spark cluster',
    schema: z =>
      sparkClusterInputSchema(z) as unknown as zod.ZodType<SparkClusterInput>,
    check: checkSparkClusterInput,
    requests: input =>
      sparkQuotaRequests(
        input.server,
        input.executor,
        mostExecutors(input),
        false,
      ),
    podRequests: input =>
      largestSparkPod([input.server, input.executor], false),
    requires: (_input, settings) => driverAccount(settings),
    render: renderSparkCluster,
    status: sparkClusterStatus,
    podSelector: name =>
      backend === 'apache'
        ? `spark.operator/spark-cluster-name=${name}`
        : `${SPARK_CONNECT_NAME_LABEL}=${name}`,
  };
}
