import { parseEntityRef } from '@backstage/catalog-model';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  deployModelRequestSchema,
  validateOnlyInputSchema,
  type ServicePrincipalRoles,
  type ServingServiceApi,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import { actingUserCredentials } from './actingUser';
import { formInput, namespaceOf } from './notebook';
import { reportResult } from './reportResult';

/** What the deploy action is made with. @public */
export type DeployModelActionOptions = {
  serving: ServingServiceApi;
  servicePrincipalRoles?: ServicePrincipalRoles;
};

/**
 * A model given as its catalog entity's ref: the MLflow name is in its
 * annotation, which the template passes as `model`; a plain name is the
 * MLflow name itself.
 */
const modelNameOf = (model: string) =>
  model.startsWith('resource:') ? parseEntityRef(model).name : model;

/**
 * `ml-platform:model:deploy`: deploys a registered model's version (or the
 * version of an alias) with Seldon Core in a namespace of the model's team,
 * as the task's user, after the quota check of the workload path.
 * @public
 */
export function createDeployModelAction(options: DeployModelActionOptions) {
  return createTemplateAction({
    id: 'ml-platform:model:deploy',
    description:
      "Deploys a registered model's version (or an alias's version, e.g. champion) as a Seldon Core SeldonDeployment in a namespace of the model's owning team, by server-side apply as the user. The model URI is the version's artifact location from MLflow mapped to the artifact store; server plus executor containers times replicas are checked against the namespace's free quota first. On a dry-run, shows the exact object and the apiserver's verdict.",
    supportsDryRun: true,
    examples: [
      {
        description: "The champion of the fraud model in the team's project",
        example: [
          'steps:',
          '  - id: deploy',
          '    action: ml-platform:model:deploy',
          '    input:',
          '      project: component:default/fraud-detection-transaction-risk',
          '      model: fraud-risk-classifier',
          '      alias: champion',
          '      name: fraud-risk',
          '      protocol: seldon',
          '      replicas: 1',
          '      cpu: 500m',
          '      memory: 1Gi',
        ].join('\n'),
      },
    ],
    schema: {
      input: z =>
        deployModelRequestSchema(z)
          .omit({ dryRun: true })
          .extend({
            project: z
              .string()
              .describe(
                'The ML project: its catalog component ref (its name is the namespace) or the namespace',
              ),
            model: z
              .string()
              .min(1)
              .describe('The registered model: its MLflow name'),
            validateOnly: validateOnlyInputSchema(z),
          }),
      output: {
        namespace: z => z.string(),
        name: z => z.string(),
        predictionUrl: z =>
          z
            .string()
            .optional()
            .describe('Where predictions are asked, through the gateway'),
        curlExample: z => z.string().describe('An example request'),
      },
    },
    async handler(ctx) {
      const { project, validateOnly, model, ...input } = ctx.input;
      const credentials = await actingUserCredentials(
        ctx,
        options.servicePrincipalRoles,
      );
      const result = await options.serving.deploy(
        namespaceOf(project),
        formInput({ ...input, model: modelNameOf(model) }),
        { credentials, dryRun: ctx.isDryRun || validateOnly },
      );
      reportResult(ctx.logger, result);
      ctx.output('namespace', result.namespace);
      ctx.output('name', result.name);
      if (result.predictionUrl) {
        ctx.output('predictionUrl', result.predictionUrl);
      }
      ctx.output('curlExample', result.curlExample);
      ctx.logger.info(`Try it: ${result.curlExample}`);
    },
  });
}
