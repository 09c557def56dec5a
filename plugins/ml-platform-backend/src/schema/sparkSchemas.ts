/**
 * The Spark paths of the OpenAPI document. Request bodies are the Spark
 * kinds' zod schemas (one source), turned into JSON Schema.
 */
import {
  sparkClusterInputSchema,
  sparkJobInputSchema,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import { z } from 'zod/v3';
import { zodToJsonSchema } from 'zod-to-json-schema';
import {
  errors,
  json,
  namespaceParameter,
  teamParameter,
} from './workloadSchemas';

const nameParameter = (what: string) =>
  ({
    name: 'name',
    in: 'path',
    required: true,
    description: `The ${what} name`,
    schema: { type: 'string', minLength: 1, maxLength: 253 },
  } as const);

const dryRun = z
  .boolean()
  .optional()
  .describe(
    'Validate everything and let the apiserver admit it, storing nothing',
  );

const requestOf = (schema: z.AnyZodObject) =>
  zodToJsonSchema(schema.extend({ dryRun }), {
    $refStrategy: 'none',
    target: 'openApi3',
  }) as object;

const body = (schema: object) => ({
  required: true,
  content: { 'application/json': { schema } },
});

const deletePath = (what: string) => ({
  delete: {
    operationId: `deleteSpark${what[0].toUpperCase()}${what.slice(1)}`,
    description: `Deletes a Spark ${what} as the user.${
      what === 'schedule' ? ' Its runs go with it.' : ''
    } Members of the team only.`,
    parameters: [namespaceParameter, nameParameter(what)],
    responses: { '200': json('What was deleted'), ...errors },
  },
});

export const sparkPaths = {
  '/spark/options': {
    get: {
      operationId: 'getSparkOptions',
      description:
        'What the Spark forms offer: versions and images, allowed application file prefixes and conf keys, the backend.',
      responses: { '200': json('The options'), ...errors },
    },
  },
  '/teams/{team}/spark': {
    get: {
      operationId: 'listTeamSpark',
      description:
        "The Spark clusters, jobs and schedules of a team's namespaces, with states and reasons. Members of the team only.",
      parameters: [teamParameter],
      responses: { '200': json('Clusters, jobs and schedules'), ...errors },
    },
  },
  '/namespaces/{namespace}/spark': {
    get: {
      operationId: 'listNamespaceSpark',
      description:
        'The Spark clusters, jobs and schedules of one team namespace. Members of the team only.',
      parameters: [namespaceParameter],
      responses: { '200': json('Clusters, jobs and schedules'), ...errors },
    },
  },
  '/namespaces/{namespace}/spark/jobs': {
    post: {
      operationId: 'createSparkJob',
      description:
        "Submits a Spark job (a SparkApplication), or with a schedule a ScheduledSparkApplication, as the user, after checking driver and executors against the namespace's free quota. Members of the team only.",
      parameters: [namespaceParameter],
      requestBody: body(requestOf(sparkJobInputSchema(z))),
      responses: {
        '200': json('What was applied, and for schedules the next runs'),
        ...errors,
      },
    },
  },
  '/namespaces/{namespace}/spark/clusters': {
    post: {
      operationId: 'createSparkCluster',
      description:
        "Creates a Spark Connect cluster (a SparkConnect, or Apache's SparkCluster) as the user, after checking server and executors against the namespace's free quota. Members of the team only.",
      parameters: [namespaceParameter],
      requestBody: body(requestOf(sparkClusterInputSchema(z))),
      responses: {
        '200': json('What was applied, and the sc:// connection string'),
        ...errors,
      },
    },
  },
  '/namespaces/{namespace}/spark/jobs/{name}': {
    get: {
      operationId: 'getSparkJob',
      description:
        'One job: state and why, attempts, driver and executors, Spark UI, and the timeline of its attempts.',
      parameters: [namespaceParameter, nameParameter('job')],
      responses: { '200': json('The job'), ...errors },
    },
    ...deletePath('job'),
  },
  '/namespaces/{namespace}/spark/jobs/{name}/rerun': {
    post: {
      operationId: 'rerunSparkJob',
      description:
        'Runs a finished job again: a new SparkApplication from the same spec, checked against the quota like a new one.',
      parameters: [namespaceParameter, nameParameter('job')],
      requestBody: {
        required: false,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: {
                name: {
                  type: 'string',
                  description: 'The new name; <job>-rerun-<n> by default',
                },
                dryRun: { type: 'boolean' },
              },
            },
          },
        },
      },
      responses: { '200': json('What was applied'), ...errors },
    },
  },
  '/namespaces/{namespace}/spark/schedules/{name}': {
    get: {
      operationId: 'getSparkSchedule',
      description:
        'One schedule: state, last and next run, and the history of its runs.',
      parameters: [namespaceParameter, nameParameter('schedule')],
      responses: { '200': json('The schedule'), ...errors },
    },
    ...deletePath('schedule'),
  },
  '/namespaces/{namespace}/spark/schedules/{name}/suspend': {
    post: {
      operationId: 'suspendSparkSchedule',
      description:
        'Suspends a schedule: no new runs start (a run in progress goes on).',
      parameters: [namespaceParameter, nameParameter('schedule')],
      responses: { '200': json('The schedule'), ...errors },
    },
  },
  '/namespaces/{namespace}/spark/schedules/{name}/resume': {
    post: {
      operationId: 'resumeSparkSchedule',
      description: 'Resumes a suspended schedule.',
      parameters: [namespaceParameter, nameParameter('schedule')],
      responses: { '200': json('The schedule'), ...errors },
    },
  },
  '/namespaces/{namespace}/spark/clusters/{name}': {
    get: {
      operationId: 'getSparkCluster',
      description:
        "One cluster: state and why, the server's pod, executors and the connection string.",
      parameters: [namespaceParameter, nameParameter('cluster')],
      responses: { '200': json('The cluster'), ...errors },
    },
    ...deletePath('cluster'),
  },
} as const;
