import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  quotaOverridesSchema,
  sizeInputSchema,
  type NamespaceProvisionerService,
  type ProvisionResult,
  type TeamOverviewService,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import { requireTeamReader, type TeamAccessDeps } from './teamAccess';

/** What an action answers: the result without the full manifests. */
function summary(result: ProvisionResult) {
  return {
    namespace: result.namespace,
    cluster: result.cluster,
    teamRef: result.teamRef,
    dryRun: result.dryRun,
    objects: result.applied.map(applied => applied.object),
    notes: result.notes,
  };
}

/**
 * Registers the suite's operations in Backstage's actions registry (and so as
 * MCP tools): the same provisioner and overview the routes use, with the
 * caller's credentials, so the same permissions apply.
 */
export function registerActions(
  actionsRegistry: ActionsRegistryService,
  deps: TeamAccessDeps & {
    provisioner: NamespaceProvisionerService;
    teamOverview: TeamOverviewService;
  },
) {
  const resultSchema = (z: any) =>
    z.object({
      namespace: z.string(),
      cluster: z.string(),
      teamRef: z.string(),
      dryRun: z.boolean(),
      objects: z.array(z.string()).describe('Kind/name of each object'),
      notes: z.array(z.string()),
    });

  actionsRegistry.register({
    name: 'provision-team-namespace',
    title: 'Create or update a team namespace',
    description:
      "Creates or updates a team's own namespace with its quota (the team's budget for projects), default limits, RBAC and network isolation. Platform admins only. Running it again with the same input changes nothing.",
    attributes: { destructive: false, idempotent: true, readOnly: false },
    schema: {
      input: z =>
        z.object({
          team: z.string().describe('The team: a group name or entity ref'),
          size: sizeInputSchema(z),
          quota: quotaOverridesSchema(z),
          dryRun: z
            .boolean()
            .optional()
            .describe('Validate on the apiserver without storing anything'),
        }),
      output: resultSchema,
    },
    examples: [
      {
        title: 'A medium team namespace',
        input: { team: 'fraud-detection', size: 'medium' },
      },
    ],
    action: async ({ input, credentials }) => {
      const { dryRun, ...rest } = input;
      return {
        output: summary(
          await deps.provisioner.provisionTeamNamespace(rest, {
            credentials,
            dryRun,
          }),
        ),
      };
    },
  });

  actionsRegistry.register({
    name: 'provision-project-namespace',
    title: 'Create or update an ML project namespace',
    description:
      "Creates or updates the namespace <team>-<name> of an ML project, with a quota that must fit in the team's budget. Members of the team only. Running it again with the same input changes nothing; a changed size updates the quota.",
    attributes: { destructive: false, idempotent: true, readOnly: false },
    schema: {
      input: z =>
        z.object({
          team: z.string().describe('The team: a group name or entity ref'),
          name: z.string().describe('The project name (DNS-1123 label)'),
          description: z.string().optional(),
          size: sizeInputSchema(z),
          quota: quotaOverridesSchema(z),
          dryRun: z.boolean().optional(),
        }),
      output: resultSchema,
    },
    examples: [
      {
        title: 'A small project of the fraud-detection team',
        input: { team: 'fraud-detection', name: 'scoring', size: 'small' },
      },
    ],
    action: async ({ input, credentials }) => {
      const { dryRun, ...rest } = input;
      return {
        output: summary(
          await deps.provisioner.provisionProjectNamespace(rest, {
            credentials,
            dryRun,
          }),
        ),
      };
    },
  });

  actionsRegistry.register({
    name: 'get-team-overview',
    title: "Read a team's resource overview",
    description:
      "A team's namespaces with quota used and hard (CPU, memory, GPU, storage, pods), workloads by kind and state, and recent warnings. Members of the team only.",
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          team: z.string().describe('The team: a group name or entity ref'),
        }),
      output: z =>
        z.object({
          overview: z.any().describe('The TeamOverview of the REST route'),
        }),
    },
    action: async ({ input, credentials }) => {
      const team = await requireTeamReader(deps, credentials, input.team);
      return {
        output: { overview: await deps.teamOverview.read(team.name, team.ref) },
      };
    },
  });
}
