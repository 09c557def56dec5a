import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type {
  ProjectExperimentsService,
  ServicePrincipalRoles,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import { actingUserCredentials } from './actingUser';

/**
 * `ml-platform:mlflow:experiment`: creates the MLflow experiment
 * `<team>/<name>` of an ML project, tagged with team and project, or reuses
 * the team's existing one; one of another team is an error. Members of the
 * team only.
 * @public
 */
export function createProjectExperimentAction(options: {
  experiments: ProjectExperimentsService;
  /** Services that may act (see mlPlatform.permissions.servicePrincipals); none by default. */
  servicePrincipalRoles?: ServicePrincipalRoles;
}) {
  return createTemplateAction({
    id: 'ml-platform:mlflow:experiment',
    description:
      'Creates or reuses the MLflow experiment <team>/<name> of an ML project, tagged with ml-platform.io/team and ml-platform.io/project. An experiment of the same name of another team is an error. Members of the team only.',
    supportsDryRun: true,
    examples: [
      {
        description:
          'The experiment of project scoring of team fraud-detection',
        example: [
          'steps:',
          '  - id: experiment',
          '    action: ml-platform:mlflow:experiment',
          '    input:',
          '      team: group:default/fraud-detection',
          '      name: scoring',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        team: z => z.string().describe('The team: a group name or entity ref'),
        name: z => z.string().describe('The project name (DNS-1123 label)'),
      },
      output: {
        experimentName: z => z.string().describe('<team>/<name>'),
        experimentId: z =>
          z.string().optional().describe('Not set on a dry-run of a new one'),
        experimentUrl: z => z.string().optional().describe('Link to MLflow'),
      },
    },
    async handler(ctx) {
      const result = await options.experiments.ensure(
        { team: ctx.input.team, project: ctx.input.name },
        {
          credentials: await actingUserCredentials(
            ctx,
            options.servicePrincipalRoles,
          ),
          dryRun: ctx.isDryRun,
        },
      );
      ctx.logger.info(
        `MLflow experiment "${result.name}": ${result.outcome}${
          result.experimentId ? ` (id ${result.experimentId})` : ''
        }`,
      );
      ctx.output('experimentName', result.name);
      if (result.experimentId) {
        ctx.output('experimentId', result.experimentId);
      }
      if (result.url) {
        ctx.output('experimentUrl', result.url);
      }
    },
  });
}
