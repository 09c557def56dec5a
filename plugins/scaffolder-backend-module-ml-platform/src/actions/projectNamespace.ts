import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  quotaOverridesSchema,
  sizeInputSchema,
  validateOnlyInputSchema,
  type NamespaceProvisionerService,
  type ServicePrincipalRoles,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import { actingUserCredentials } from './actingUser';
import { reportResult } from './reportResult';

/**
 * `ml-platform:namespace:project`: creates or updates the namespace
 * `<team>-<name>` of an ML project within the team's budget. Members of the
 * team only. The project's catalog component follows from the namespace.
 * @public
 */
export function createProjectNamespaceAction(options: {
  provisioner: NamespaceProvisionerService;
  /** Services that may act (see mlPlatform.permissions.servicePrincipals); none by default. */
  servicePrincipalRoles?: ServicePrincipalRoles;
}) {
  return createTemplateAction({
    id: 'ml-platform:namespace:project',
    description:
      "Creates or updates the namespace <team>-<name> of an ML project (quota within the team's budget, default limits, RBAC, network isolation) by server-side apply. Members of the team only; re-running with the same input changes nothing, a changed size updates the quota.",
    supportsDryRun: true,
    examples: [
      {
        description: 'A small project of the fraud-detection team',
        example: [
          'steps:',
          '  - id: namespace',
          '    action: ml-platform:namespace:project',
          '    input:',
          '      team: group:default/fraud-detection',
          '      name: scoring',
          '      size: small',
          '      description: Scores card transactions',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        team: z => z.string().describe('The team: a group name or entity ref'),
        name: z =>
          z
            .string()
            .describe(
              'The project name (DNS-1123 label); the namespace is <team>-<name>',
            ),
        description: z => z.string().optional(),
        sourceLocation: z =>
          z
            .string()
            .optional()
            .describe(
              "Where the project's code lives, e.g. the publish step's repoContentsUrl",
            ),
        mlflowExperiment: z =>
          z
            .string()
            .optional()
            .describe(
              "Name of the project's MLflow experiment (the ml-platform:mlflow:experiment step's output)",
            ),
        size: sizeInputSchema,
        quota: quotaOverridesSchema,
        validateOnly: validateOnlyInputSchema,
      },
      output: {
        namespace: z => z.string().describe('The namespace, <team>-<name>'),
        cluster: z => z.string(),
        teamRef: z => z.string(),
        componentRef: z =>
          z.string().describe("The project's catalog component"),
      },
    },
    async handler(ctx) {
      const { validateOnly, ...input } = ctx.input;
      const result = await options.provisioner.provisionProjectNamespace(
        input,
        {
          credentials: await actingUserCredentials(
            ctx,
            options.servicePrincipalRoles,
          ),
          dryRun: ctx.isDryRun || validateOnly,
        },
      );
      reportResult(ctx.logger, result);
      ctx.output('namespace', result.namespace);
      ctx.output('cluster', result.cluster);
      ctx.output('teamRef', result.teamRef);
      ctx.output('componentRef', `component:default/${result.namespace}`);
    },
  });
}
