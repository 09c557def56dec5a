import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import {
  addPredictorRequestSchema,
  deployModelRequestSchema,
  setTrafficRequestSchema,
  type ServingServiceApi,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import type { ModelDeploymentResult } from '@ml-platform/backstage-plugin-ml-platform-common';
import { workloadOutput } from './workloadOutput';

/** What a change answers: the deployment and where it serves, without the full manifests. */
const changed = (result: ModelDeploymentResult) => ({
  ...workloadOutput(result),
  ...(result.predictionUrl ? { predictionUrl: result.predictionUrl } : {}),
  curlExample: result.curlExample,
  deployment: result.deployment,
});

/**
 * The model serving actions of the actions registry (MCP tools): the same
 * service, and so the same checks, as the REST routes.
 */
export function registerServingActions(
  register: ActionsRegistryService['register'],
  serving: ServingServiceApi,
) {
  const target = (z: any) => ({
    namespace: z
      .string()
      .describe(
        'The team or project namespace, e.g. fraud-detection-transaction-risk',
      ),
    name: z.string().describe('The deployment name'),
  });
  const changedSchema = (z: any) =>
    z.object({
      namespace: z.string(),
      name: z.string(),
      dryRun: z.boolean(),
      objects: z.array(z.string()).describe('Kind/name of each object'),
      notes: z.array(z.string()),
      predictionUrl: z.string().optional(),
      curlExample: z.string(),
      deployment: z
        .any()
        .optional()
        .describe('The ModelDeploymentSummary of the REST routes'),
    });

  register({
    name: 'deploy-model-version',
    title: 'Deploy a model version',
    description:
      "Deploys a registered model's version (or the version an alias names, e.g. champion) with Seldon Core into a namespace of the model's owning team, as the caller: the model URI is the version's artifact location from MLflow, mapped to the artifact store; the containers times replicas are checked against the namespace's free quota first. Members of the team only. With dryRun, validates everything and stores nothing.",
    attributes: { destructive: false, idempotent: true, readOnly: false },
    schema: {
      input: z =>
        deployModelRequestSchema(z).extend({
          namespace: z.string().describe('The team or project namespace'),
        }),
      output: changedSchema,
    },
    examples: [
      {
        title: "The fraud model's champion",
        input: {
          namespace: 'fraud-detection-transaction-risk',
          model: 'fraud-risk-classifier',
          alias: 'champion',
          name: 'fraud-risk',
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const { namespace, ...request } = input;
      return {
        output: changed(
          await serving.deploy(namespace, request, { credentials }),
        ),
      };
    },
  });

  register({
    name: 'list-model-deployments',
    title: 'List model deployments',
    description:
      'The model deployments of a team (all its namespaces), of one namespace, or of one registered model: each with its predictors (version, traffic share, replicas ready), state and reason, and prediction URL.',
    attributes: { destructive: false, idempotent: true, readOnly: true },
    schema: {
      input: z =>
        z.object({
          team: z.string().optional().describe('A team: all its namespaces'),
          namespace: z.string().optional().describe('Or one namespace'),
          model: z
            .string()
            .optional()
            .describe('Or a registered model: where it serves'),
        }),
      output: z =>
        z.object({
          deployments: z.array(z.any()).describe('ModelDeploymentSummary'),
          canDeploy: z.boolean().optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      if (input.model) {
        const where = await serving.modelServing(input.model, credentials);
        return {
          output: {
            deployments: where.deployments,
            canDeploy: where.canDeploy,
          },
        };
      }
      if (input.namespace) {
        return {
          output: await serving.listNamespace(input.namespace, credentials),
        };
      }
      if (!input.team) {
        throw new InputError('team: give a team, a namespace or a model');
      }
      return { output: await serving.listTeam(input.team, credentials) };
    },
  });

  register({
    name: 'get-model-deployment',
    title: 'Get a model deployment',
    description:
      'One model deployment: state and why, predictors with version, share, replicas and Pending reason, the prediction URL and an example request.',
    attributes: { destructive: false, idempotent: true, readOnly: true },
    schema: {
      input: z => z.object(target(z)),
      output: z => z.object({ deployment: z.any() }),
    },
    action: async ({ input, credentials }) => ({
      output: {
        deployment: await serving.get(input.namespace, input.name, credentials),
      },
    }),
  });

  register({
    name: 'add-model-canary',
    title: 'Add a canary or shadow version to a deployment',
    description:
      'Adds a second version of the same model to a deployment at a share of the traffic (the main version keeps the rest), or as a shadow that gets a copy of every request. Members of the team only.',
    attributes: { destructive: false, idempotent: false, readOnly: false },
    schema: {
      input: z => addPredictorRequestSchema(z).extend(target(z)),
      output: changedSchema,
    },
    action: async ({ input, credentials }) => {
      const { namespace, name, ...request } = input;
      return {
        output: changed(
          await serving.addPredictor(namespace, name, request, {
            credentials,
          }),
        ),
      };
    },
  });

  register({
    name: 'set-model-traffic',
    title: "Set a deployment's traffic split",
    description:
      "Sets each version's share of a deployment's traffic, by predictor name (v<version>), summing to 100. Members of the team only.",
    attributes: { destructive: false, idempotent: true, readOnly: false },
    schema: {
      input: z => setTrafficRequestSchema(z).extend(target(z)),
      output: changedSchema,
    },
    action: async ({ input, credentials }) => {
      const { namespace, name, ...request } = input;
      return {
        output: changed(
          await serving.setTraffic(namespace, name, request, { credentials }),
        ),
      };
    },
  });

  register({
    name: 'promote-model-version',
    title: 'Promote a version of a deployment',
    description:
      'The predictor takes 100 % of the traffic and becomes the main version; the others go. Members of the team only.',
    attributes: { destructive: true, idempotent: true, readOnly: false },
    schema: {
      input: z =>
        z.object({
          ...target(z),
          predictor: z.string().describe('The predictor, v<version>'),
        }),
      output: changedSchema,
    },
    action: async ({ input, credentials }) => ({
      output: changed(
        await serving.promote(input.namespace, input.name, input.predictor, {
          credentials,
        }),
      ),
    }),
  });

  register({
    name: 'rollback-model-deployment',
    title: 'Roll a deployment back to its main version',
    description:
      'Removes the canary and the shadow: the main version takes 100 % again. Members of the team only.',
    attributes: { destructive: true, idempotent: true, readOnly: false },
    schema: {
      input: z => z.object(target(z)),
      output: changedSchema,
    },
    action: async ({ input, credentials }) => ({
      output: changed(
        await serving.rollback(input.namespace, input.name, { credentials }),
      ),
    }),
  });

  register({
    name: 'delete-model-deployment',
    title: 'Delete a model deployment',
    description: 'Deletes a model deployment. Members of the team only.',
    attributes: { destructive: true, idempotent: true, readOnly: false },
    schema: {
      input: z => z.object(target(z)),
      output: z =>
        z.object({
          deleted: z.array(z.string()),
          kept: z.array(z.string()),
          notes: z.array(z.string()),
        }),
    },
    action: async ({ input, credentials }) => ({
      output: await serving.delete(input.namespace, input.name, credentials),
    }),
  });
}
