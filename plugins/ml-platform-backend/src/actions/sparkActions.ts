import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import {
  sparkClusterInputSchema,
  sparkJobInputSchema,
  type SparkServiceApi,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import { workloadOutput } from './workloadOutput';

/**
 * The Spark actions of the actions registry (MCP tools): the same service,
 * and so the same checks, as the REST routes.
 */
export function registerSparkActions(
  register: ActionsRegistryService['register'],
  spark: SparkServiceApi,
) {
  const target = (z: any, what: string) => ({
    namespace: z
      .string()
      .describe('The team or project namespace, e.g. fraud-detection-scoring'),
    name: z.string().describe(`The ${what} name`),
  });
  const createdSchema = (z: any) =>
    z.object({
      namespace: z.string(),
      name: z.string(),
      dryRun: z.boolean(),
      objects: z.array(z.string()).describe('Kind/name of each object'),
      notes: z.array(z.string()),
      kind: z.string().optional(),
      nextRuns: z.array(z.string()).optional(),
      uiUrl: z.string().optional(),
      connection: z
        .any()
        .optional()
        .describe('sc:// strings and a PySpark snippet (clusters)'),
    });

  register({
    name: 'create-spark-job',
    title: 'Submit a Spark job',
    description:
      "Submits a Spark job (SparkApplication) in a team namespace as the caller, or with a schedule a ScheduledSparkApplication, after checking driver plus executors (with dynamic allocation, the maximum) against the namespace's free quota. Members of the team only. With dryRun, validates everything and stores nothing.",
    attributes: { destructive: false, idempotent: true, readOnly: false },
    schema: {
      input: z =>
        sparkJobInputSchema(z).extend({
          namespace: z.string().describe('The team or project namespace'),
          dryRun: z.boolean().optional(),
        }),
      output: createdSchema,
    },
    examples: [
      {
        title: 'SparkPi once',
        input: {
          namespace: 'fraud-detection-transaction-risk',
          name: 'pi',
          type: 'Scala',
          sparkVersion: '4.0.1',
          mainApplicationFile:
            'local:///opt/spark/examples/jars/spark-examples.jar',
          mainClass: 'org.apache.spark.examples.SparkPi',
          arguments: ['1000'],
          driver: { cores: 1, memory: '512m' },
          executor: { instances: 1, cores: 1, memory: '512m' },
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const { namespace, dryRun, ...rest } = input;
      const result = await spark.createJob(namespace, rest, {
        credentials,
        dryRun,
      });
      return {
        output: {
          ...workloadOutput(result),
          kind: result.kind,
          ...(result.nextRuns ? { nextRuns: result.nextRuns } : {}),
          ...(result.uiUrl ? { uiUrl: result.uiUrl } : {}),
        },
      };
    },
  });

  register({
    name: 'create-spark-cluster',
    title: 'Create a Spark Connect cluster',
    description:
      "Creates an interactive Spark Connect cluster in a team namespace as the caller, after checking the server plus executors against the namespace's free quota; answers the sc:// connection string. Members of the team only.",
    attributes: { destructive: false, idempotent: true, readOnly: false },
    schema: {
      input: z =>
        sparkClusterInputSchema(z).extend({
          namespace: z.string().describe('The team or project namespace'),
          dryRun: z.boolean().optional(),
        }),
      output: createdSchema,
    },
    action: async ({ input, credentials }) => {
      const { namespace, dryRun, ...rest } = input;
      const result = await spark.createCluster(namespace, rest, {
        credentials,
        dryRun,
      });
      return {
        output: {
          ...workloadOutput(result),
          ...(result.connection ? { connection: result.connection } : {}),
        },
      };
    },
  });

  register({
    name: 'list-spark',
    title: 'List Spark clusters, jobs and schedules',
    description:
      "The Spark workloads of a team (all its namespaces) or of one namespace: each job's state with the operator's message, attempts, driver and Spark UI; clusters with their state and connection; schedules with last and next run and their history. Members of the team only.",
    attributes: { destructive: false, idempotent: true, readOnly: true },
    schema: {
      input: z =>
        z.object({
          team: z.string().optional().describe('A team: all its namespaces'),
          namespace: z.string().optional().describe('Or one namespace'),
        }),
      output: z =>
        z.object({
          spark: z.any().describe('The SparkList of the REST routes'),
        }),
    },
    action: async ({ input, credentials }) => {
      if (input.namespace) {
        return {
          output: {
            spark: await spark.listNamespace(input.namespace, credentials),
          },
        };
      }
      if (!input.team) {
        throw new InputError('team: give a team, or a namespace');
      }
      return {
        output: { spark: await spark.listTeam(input.team, credentials) },
      };
    },
  });

  register({
    name: 'get-spark-job',
    title: 'Get a Spark job',
    description:
      'One Spark job with its state and why, attempts, driver pod, executors, Spark UI and the timeline of its attempts. Members of the team only.',
    attributes: { destructive: false, idempotent: true, readOnly: true },
    schema: {
      input: z => z.object(target(z, 'job')),
      output: z => z.object({ job: z.any().describe('The SparkJobDetail') }),
    },
    action: async ({ input, credentials }) => ({
      output: {
        job: await spark.getJob(input.namespace, input.name, credentials),
      },
    }),
  });

  register({
    name: 'rerun-spark-job',
    title: 'Run a finished Spark job again',
    description:
      'Makes a new SparkApplication from the spec of a finished (COMPLETED or FAILED) job, checked against the quota like a new one. Members of the team only.',
    attributes: { destructive: false, idempotent: false, readOnly: false },
    schema: {
      input: z =>
        z.object({
          ...target(z, 'finished job'),
          newName: z
            .string()
            .optional()
            .describe('The new name; <job>-rerun-<n> by default'),
          dryRun: z.boolean().optional(),
        }),
      output: createdSchema,
    },
    action: async ({ input, credentials }) => {
      const result = await spark.rerunJob(input.namespace, input.name, {
        credentials,
        dryRun: input.dryRun,
        newName: input.newName,
      });
      return { output: { ...workloadOutput(result), kind: result.kind } };
    },
  });

  for (const [verb, suspended] of [
    ['suspend', true],
    ['resume', false],
  ] as const) {
    register({
      name: `${verb}-spark-schedule`,
      title: `${verb === 'suspend' ? 'Suspend' : 'Resume'} a Spark schedule`,
      description:
        verb === 'suspend'
          ? 'Stops a ScheduledSparkApplication from starting runs (a run in progress goes on). Members of the team only.'
          : 'Lets a suspended ScheduledSparkApplication start runs again. Members of the team only.',
      attributes: { destructive: false, idempotent: true, readOnly: false },
      schema: {
        input: z => z.object(target(z, 'schedule')),
        output: z =>
          z.object({ schedule: z.any().describe('The SparkScheduleSummary') }),
      },
      action: async ({ input, credentials }) => ({
        output: {
          schedule: await spark.setScheduleSuspended(
            input.namespace,
            input.name,
            suspended,
            credentials,
          ),
        },
      }),
    });
  }

  register({
    name: 'delete-spark-workload',
    title: 'Delete a Spark job, schedule or cluster',
    description:
      'Deletes a Spark job, a schedule (with its runs) or a cluster, as the caller. Members of the team only.',
    attributes: { destructive: true, idempotent: false, readOnly: false },
    schema: {
      input: z =>
        z.object({
          ...target(z, 'job, schedule or cluster'),
          kind: z
            .enum(['jobs', 'schedules', 'clusters'])
            .describe('Which: jobs, schedules or clusters'),
        }),
      output: z =>
        z.object({
          deleted: z.array(z.string()),
          kept: z.array(z.string()),
          notes: z.array(z.string()),
        }),
    },
    action: async ({ input, credentials }) => ({
      output: await spark.delete(
        input.kind,
        input.namespace,
        input.name,
        credentials,
      ),
    }),
  });
}
