import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import {
  notebookInputSchema,
  type NotebookServiceApi,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import { workloadOutput } from './workloadOutput';

/**
 * The notebook actions of the actions registry (MCP tools): the same
 * service, and so the same checks, as the REST routes.
 */
export function registerNotebookActions(
  register: ActionsRegistryService['register'],
  notebooks: NotebookServiceApi,
) {
  const target = (z: any) => ({
    namespace: z
      .string()
      .describe('The team or project namespace, e.g. fraud-detection-scoring'),
    name: z.string().describe('The notebook name'),
  });
  const notebookOutput = (z: any) =>
    z.object({
      notebook: z
        .any()
        .describe('The NotebookSummary: state, reason, resources, URL'),
    });

  register({
    name: 'create-notebook',
    title: 'Create a notebook server',
    description:
      "Creates a Jupyter (or code-server) notebook server and its workspace volume in a team namespace, as the caller, after checking the namespace's quota and that some node could run it. Members of the team only. With dryRun, validates everything and stores nothing.",
    attributes: { destructive: false, idempotent: true, readOnly: false },
    schema: {
      input: z =>
        notebookInputSchema(z).extend({
          namespace: z.string().describe('The team or project namespace'),
          dryRun: z.boolean().optional(),
        }),
      output: z =>
        z.object({
          namespace: z.string(),
          name: z.string(),
          dryRun: z.boolean(),
          objects: z.array(z.string()).describe('Kind/name of each object'),
          notes: z.array(z.string()),
        }),
    },
    examples: [
      {
        title: 'A small SciPy notebook',
        input: {
          namespace: 'fraud-detection-transaction-risk',
          name: 'explore',
          image: 'JupyterLab (SciPy)',
          cpu: '1',
          memory: '2Gi',
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const { namespace, dryRun, ...rest } = input;
      const result = await notebooks.create(namespace, rest, {
        credentials,
        dryRun,
      });
      return {
        output: workloadOutput(result),
      };
    },
  });

  register({
    name: 'list-notebooks',
    title: 'List notebook servers',
    description:
      'The notebooks of a team (all its namespaces) or of one namespace, with state, the reason when Pending, Failed, Stopped or Culled, resources, last activity and URL. Members of the team only.',
    attributes: { destructive: false, idempotent: true, readOnly: true },
    schema: {
      input: z =>
        z.object({
          team: z.string().optional().describe('A team: all its namespaces'),
          namespace: z.string().optional().describe('Or one namespace'),
        }),
      output: z =>
        z.object({
          notebooks: z.any().describe('The NotebookList of the REST routes'),
        }),
    },
    examples: [
      { title: "A team's notebooks", input: { team: 'fraud-detection' } },
    ],
    action: async ({ input, credentials }) => {
      if (input.namespace) {
        return {
          output: {
            notebooks: await notebooks.listNamespace(
              input.namespace,
              credentials,
            ),
          },
        };
      }
      if (!input.team) {
        throw new InputError('team: give a team, or a namespace');
      }
      return {
        output: {
          notebooks: await notebooks.listTeam(input.team, credentials),
        },
      };
    },
  });

  for (const [verb, title, description] of [
    [
      'stop',
      'Stop a notebook server',
      'Stops the server: its pod goes, its workspace volume stays.',
    ],
    [
      'start',
      'Start a notebook server',
      'Starts a stopped or culled notebook server again.',
    ],
  ] as const) {
    register({
      name: `${verb}-notebook`,
      title,
      description: `${description} Members of the team only.`,
      attributes: { destructive: false, idempotent: true, readOnly: false },
      schema: { input: z => z.object(target(z)), output: notebookOutput },
      action: async ({ input, credentials }) => ({
        output: {
          notebook: await notebooks[verb](
            input.namespace,
            input.name,
            credentials,
          ),
        },
      }),
    });
  }

  register({
    name: 'delete-notebook',
    title: 'Delete a notebook server',
    description:
      'Deletes a notebook server. Its workspace volume is kept (and said so) unless deleteWorkspace is true. Members of the team only.',
    attributes: { destructive: true, idempotent: false, readOnly: false },
    schema: {
      input: z =>
        z.object({
          ...target(z),
          deleteWorkspace: z
            .boolean()
            .optional()
            .describe('Delete the volume claims made for it too'),
        }),
      output: z =>
        z.object({
          deleted: z.array(z.string()),
          kept: z.array(z.string()),
          notes: z.array(z.string()),
        }),
    },
    action: async ({ input, credentials }) => ({
      output: await notebooks.delete(input.namespace, input.name, {
        credentials,
        deleteWorkspace: input.deleteWorkspace ?? false,
      }),
    }),
  });
}
