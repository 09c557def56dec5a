import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  requireActingUser,
  quotaOverridesSchema,
  sizeInputSchema,
  type MlflowReaderService,
  type NamespaceProvisionerService,
  type NotebookServiceApi,
  type SparkServiceApi,
  type ServingServiceApi,
  type ProvisionResult,
  type ServicePrincipalRoles,
  type TeamOverviewService,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import { registerNotebookActions } from './actions/notebookActions';
import { registerSparkActions } from './actions/sparkActions';
import { registerServingActions } from './actions/servingActions';
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
    mlflowReader: MlflowReaderService;
    notebooks: NotebookServiceApi;
    spark: SparkServiceApi;
    serving: ServingServiceApi;
    servicePrincipalRoles: ServicePrincipalRoles;
  },
) {
  // Every action refuses callers that are not users before it does anything.
  const register: ActionsRegistryService['register'] = options =>
    actionsRegistry.register({
      ...options,
      action: async context => {
        requireActingUser(context.credentials, deps.servicePrincipalRoles);
        return options.action(context);
      },
    });

  const resultSchema = (z: any) =>
    z.object({
      namespace: z.string(),
      cluster: z.string(),
      teamRef: z.string(),
      dryRun: z.boolean(),
      objects: z.array(z.string()).describe('Kind/name of each object'),
      notes: z.array(z.string()),
    });

  register({
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

  register({
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

  register({
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
        output: {
          overview: await deps.teamOverview.read(
            team.name,
            team.ref,
            credentials,
          ),
        },
      };
    },
  });
  register({
    name: 'get-ml-model',
    title: 'Read a registered model',
    description:
      'An MLflow registered model with its versions (aliases, stage, status, created) and the source run of each version with its metrics and params. Members of its team, or everyone when the model is tagged public.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          name: z.string().describe('The registered model name in MLflow'),
        }),
      output: z =>
        z.object({
          model: z.any().describe('The ModelDetails of GET /models/{name}'),
        }),
    },
    examples: [
      {
        title: 'The fraud team model',
        input: { name: 'fraud-risk-classifier' },
      },
    ],
    action: async ({ input, credentials }) => ({
      output: {
        model: await deps.mlflowReader.modelDetails(input.name, credentials),
      },
    }),
  });

  register({
    name: 'search-mlflow-runs',
    title: 'Search the runs of MLflow experiments',
    description:
      "One page of the runs of experiments the caller's teams own, filtered and sorted in MLflow's search syntax, with their latest metrics and params.",
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          team: z
            .string()
            .optional()
            .describe(
              'Search all experiments of this team (group name or ref)',
            ),
          experimentIds: z.array(z.string()).optional(),
          filter: z
            .string()
            .optional()
            .describe(
              "e.g. metrics.val_accuracy > 0.9 and params.model_type = 'random-forest'",
            ),
          orderBy: z
            .array(z.string())
            .optional()
            .describe('e.g. ["metrics.val_accuracy DESC"]'),
          maxResults: z.number().int().min(1).max(1000).optional(),
          pageToken: z.string().optional(),
        }),
      output: z =>
        z.object({
          result: z
            .any()
            .describe('The RunSearchResponse of POST /runs/search'),
        }),
    },
    examples: [
      {
        title: 'The best runs of a team',
        input: {
          team: 'fraud-detection',
          orderBy: ['metrics.val_accuracy DESC'],
          maxResults: 5,
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const { team, experimentIds = [], ...search } = input;
      const teamExperiments = team
        ? (await deps.mlflowReader.listTeamExperiments(team, credentials))
            .experiments
        : [];
      return {
        output: {
          result: await deps.mlflowReader.searchRuns(
            {
              ...search,
              experimentIds: [
                ...experimentIds,
                ...teamExperiments.map(experiment => experiment.id),
              ],
            },
            credentials,
          ),
        },
      };
    },
  });

  registerNotebookActions(register, deps.notebooks);
  registerSparkActions(register, deps.spark);
  registerServingActions(register, deps.serving);
}
