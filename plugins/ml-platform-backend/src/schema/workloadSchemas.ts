/**
 * The workload paths of the OpenAPI document. Request bodies are the kinds'
 * zod schemas (one source), turned into JSON Schema by zod-to-json-schema.
 */
import { notebookInputSchema } from '@ml-platform/backstage-plugin-ml-platform-node';
import { z } from 'zod/v3';
import { zodToJsonSchema } from 'zod-to-json-schema';

export const namespaceParameter = {
  name: 'namespace',
  in: 'path',
  required: true,
  description: 'A team or project namespace, e.g. fraud-detection-scoring',
  schema: { type: 'string', minLength: 1, maxLength: 63 },
} as const;

const nameParameter = {
  name: 'name',
  in: 'path',
  required: true,
  description: 'The notebook name',
  schema: { type: 'string', minLength: 1, maxLength: 253 },
} as const;

export const teamParameter = {
  name: 'team',
  in: 'path',
  required: true,
  description: "The team's group name in the catalog's default namespace",
  schema: { type: 'string', minLength: 1, maxLength: 253 },
} as const;

export const json = (
  description: string,
  schema: object = { type: 'object' },
) => ({ description, content: { 'application/json': { schema } } } as const);

export const errors = {
  '400': json('Bad input: names the field and the reason'),
  '401': json('Not signed in'),
  '403': json('Not a member of the team, or Kubernetes refused it to the user'),
  '404': json('No such team namespace or notebook'),
  '409': json("It does not fit in the namespace's quota: says what is left"),
  '503': json('The cluster is unreachable or not configured'),
} as const;

/** The notebook request: the kind's input, and dryRun. */
const notebookRequest = {
  ...(zodToJsonSchema(
    notebookInputSchema(z).extend({
      dryRun: z
        .boolean()
        .optional()
        .describe(
          'Validate everything and let the apiserver admit it, storing nothing',
        ),
    }),
    { $refStrategy: 'none', target: 'openApi3' },
  ) as object),
};

export const workloadPaths = {
  '/notebooks/options': {
    get: {
      operationId: 'getNotebookOptions',
      description:
        'What the notebook form offers: configured images, GPU vendors some node has (with the most one node has), scheduling groups, limit factors.',
      responses: { '200': json('The options'), ...errors },
    },
  },
  '/teams/{team}/notebooks': {
    get: {
      operationId: 'listTeamNotebooks',
      description:
        "Every notebook of a team's namespaces, with state and reason. Members of the team only.",
      parameters: [teamParameter],
      responses: {
        '200': json('The notebooks and the culling they are under'),
        ...errors,
      },
    },
  },
  '/namespaces/{namespace}/notebooks': {
    get: {
      operationId: 'listNamespaceNotebooks',
      description:
        'The notebooks of one team namespace. Members of the team only.',
      parameters: [namespaceParameter],
      responses: {
        '200': json('The notebooks and the culling they are under'),
        ...errors,
      },
    },
    post: {
      operationId: 'createNotebook',
      description:
        "Creates (or applies again) a notebook server and its new volume claims, as the user, after checking the namespace's quota and the nodes' capacity. Members of the team only.",
      parameters: [namespaceParameter],
      requestBody: {
        required: true,
        content: { 'application/json': { schema: notebookRequest } },
      },
      responses: {
        '200': json('What was applied, or validated on a dry-run'),
        ...errors,
      },
    },
  },
  '/namespaces/{namespace}/notebooks/{name}': {
    get: {
      operationId: 'getNotebook',
      description: 'One notebook with its state and reason.',
      parameters: [namespaceParameter, nameParameter],
      responses: { '200': json('The notebook'), ...errors },
    },
    delete: {
      operationId: 'deleteNotebook',
      description:
        'Deletes a notebook; the volume claims made for it are kept unless deleteWorkspace=true.',
      parameters: [
        namespaceParameter,
        nameParameter,
        {
          name: 'deleteWorkspace',
          in: 'query',
          required: false,
          description: 'Delete the volume claims made for the notebook too',
          schema: { type: 'string', enum: ['true', 'false'] },
        },
      ],
      responses: {
        '200': json('What was deleted and what was kept'),
        ...errors,
      },
    },
  },
  '/namespaces/{namespace}/notebooks/{name}/stop': {
    post: {
      operationId: 'stopNotebook',
      description: 'Stops the server: its pod goes, its workspace stays.',
      parameters: [namespaceParameter, nameParameter],
      responses: { '200': json('The notebook'), ...errors },
    },
  },
  '/namespaces/{namespace}/notebooks/{name}/start': {
    post: {
      operationId: 'startNotebook',
      description: 'Starts a stopped or culled server again.',
      parameters: [namespaceParameter, nameParameter],
      responses: { '200': json('The notebook'), ...errors },
    },
  },
} as const;
