/**
 * The model serving paths of the OpenAPI document. Request bodies are the
 * serving service's zod schemas (one source), turned into JSON Schema.
 */
import {
  addPredictorRequestSchema,
  deployModelRequestSchema,
  setTrafficRequestSchema,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import { z } from 'zod/v3';
import { zodToJsonSchema } from 'zod-to-json-schema';
import {
  errors,
  json,
  namespaceParameter,
  teamParameter,
} from './workloadSchemas';

const schemaOf = (schema: z.ZodTypeAny) =>
  zodToJsonSchema(schema, {
    $refStrategy: 'none',
    target: 'openApi3',
  }) as object;

const body = (schema: object, required = true) => ({
  required,
  content: { 'application/json': { schema } },
});

const deploymentParameter = {
  name: 'name',
  in: 'path',
  required: true,
  description: 'The deployment (SeldonDeployment) name',
  schema: { type: 'string', minLength: 1, maxLength: 253 },
} as const;

const changed = (description: string) =>
  ({
    '200': json(`${description}: what was applied, and the deployment`),
    ...errors,
  } as const);

export const servingPaths = {
  '/models/{name}/serving': {
    get: {
      operationId: 'getModelServing',
      description:
        "Where a registered model's versions serve (deployments of its owning team, with their predictors, shares and states), and whether the caller may deploy it, and into which namespaces.",
      parameters: [
        {
          name: 'name',
          in: 'path',
          required: true,
          description: 'The registered model name',
          schema: { type: 'string', minLength: 1, maxLength: 500 },
        },
      ],
      responses: { '200': json('Where the model serves'), ...errors },
    },
  },
  '/teams/{team}/deployments': {
    get: {
      operationId: 'listTeamDeployments',
      description:
        "The model deployments of a team's namespaces. Members of the team only.",
      parameters: [teamParameter],
      responses: { '200': json('The deployments'), ...errors },
    },
  },
  '/namespaces/{namespace}/deployments': {
    get: {
      operationId: 'listNamespaceDeployments',
      description:
        'The model deployments of one team namespace. Members of the team only.',
      parameters: [namespaceParameter],
      responses: { '200': json('The deployments'), ...errors },
    },
    post: {
      operationId: 'deployModel',
      description:
        "Deploys a registered model's version (or the version of an alias) as a SeldonDeployment, as the user: the model URI is the version's artifact location from MLflow, mapped to the artifact store; server and executor containers times replicas are checked against the namespace's free quota first. Only namespaces of the model's owning team; members of the team only.",
      parameters: [namespaceParameter],
      requestBody: body(schemaOf(deployModelRequestSchema(z))),
      responses: changed('Deployed'),
    },
  },
  '/namespaces/{namespace}/deployments/{name}': {
    get: {
      operationId: 'getDeployment',
      description:
        'One deployment: state and why, each predictor with its version, share, replicas and Pending reason, the prediction URL and an example request.',
      parameters: [namespaceParameter, deploymentParameter],
      responses: { '200': json('The deployment'), ...errors },
    },
    delete: {
      operationId: 'deleteDeployment',
      description:
        'Deletes a deployment as the user. Members of the team only.',
      parameters: [namespaceParameter, deploymentParameter],
      responses: { '200': json('What was deleted'), ...errors },
    },
  },
  '/namespaces/{namespace}/deployments/{name}/predictors': {
    post: {
      operationId: 'addDeploymentPredictor',
      description:
        'Adds a second version to a deployment: a canary at a share of the traffic (the main version keeps the rest), or a shadow. A server-side apply of the same SeldonDeployment, checked against the quota for what it adds.',
      parameters: [namespaceParameter, deploymentParameter],
      requestBody: body(schemaOf(addPredictorRequestSchema(z))),
      responses: changed('Added'),
    },
  },
  '/namespaces/{namespace}/deployments/{name}/traffic': {
    put: {
      operationId: 'setDeploymentTraffic',
      description:
        "Sets each version's share of the traffic, by predictor name (v<version>), summing to 100.",
      parameters: [namespaceParameter, deploymentParameter],
      requestBody: body(schemaOf(setTrafficRequestSchema(z))),
      responses: changed('Changed'),
    },
  },
  '/namespaces/{namespace}/deployments/{name}/promote': {
    post: {
      operationId: 'promoteDeploymentPredictor',
      description:
        'The predictor takes 100 % of the traffic and becomes the main version; every other predictor goes.',
      parameters: [namespaceParameter, deploymentParameter],
      requestBody: body({
        type: 'object',
        required: ['predictor'],
        properties: {
          predictor: {
            type: 'string',
            description: 'The predictor to promote, v<version>',
          },
        },
        additionalProperties: false,
      }),
      responses: changed('Promoted'),
    },
  },
  '/namespaces/{namespace}/deployments/{name}/rollback': {
    post: {
      operationId: 'rollbackDeployment',
      description:
        'Back to the main version alone at 100 %: the canary and the shadow go.',
      parameters: [namespaceParameter, deploymentParameter],
      requestBody: body(
        { type: 'object', properties: {}, additionalProperties: false },
        false,
      ),
      responses: changed('Rolled back'),
    },
  },
};
