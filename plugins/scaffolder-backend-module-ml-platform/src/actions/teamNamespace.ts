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
 * `ml-platform:namespace:team`: creates or updates a team's own namespace
 * (quota, default limits, RBAC, network isolation). Platform admins only.
 * @public
 */
export function createTeamNamespaceAction(options: {
  provisioner: NamespaceProvisionerService;
  /** Services that may act (see mlPlatform.permissions.servicePrincipals); none by default. */
  servicePrincipalRoles?: ServicePrincipalRoles;
}) {
  return createTemplateAction({
    id: 'ml-platform:namespace:team',
    description:
      "Creates or updates a team's namespace with its quota (the team's budget for projects), default limits, RBAC and network isolation, by server-side apply. Platform admins only; re-running with the same input changes nothing.",
    supportsDryRun: true,
    examples: [
      {
        description: 'A medium namespace for the fraud-detection team',
        example: [
          'steps:',
          '  - id: namespace',
          '    action: ml-platform:namespace:team',
          '    input:',
          '      team: group:default/fraud-detection',
          '      size: medium',
        ].join('\n'),
      },
      {
        description: 'A small namespace with more GPUs than the preset',
        example: [
          'steps:',
          '  - id: namespace',
          '    action: ml-platform:namespace:team',
          '    input:',
          '      team: forecasting',
          '      size: small',
          '      quota:',
          '        gpu: 2',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        team: z =>
          z
            .string()
            .describe(
              'The team: a group name or entity ref; the namespace is named after it',
            ),
        size: sizeInputSchema,
        quota: quotaOverridesSchema,
        validateOnly: validateOnlyInputSchema,
      },
      output: {
        namespace: z => z.string().describe('The namespace'),
        cluster: z => z.string().describe('The cluster it lives on'),
        teamRef: z => z.string().describe("The team's group entity ref"),
      },
    },
    async handler(ctx) {
      const { validateOnly, ...input } = ctx.input;
      const result = await options.provisioner.provisionTeamNamespace(input, {
        credentials: await actingUserCredentials(
          ctx,
          options.servicePrincipalRoles,
        ),
        dryRun: ctx.isDryRun || validateOnly,
      });
      reportResult(ctx.logger, result);
      ctx.output('namespace', result.namespace);
      ctx.output('cluster', result.cluster);
      ctx.output('teamRef', result.teamRef);
    },
  });
}
