import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  notebookInputSchema,
  validateOnlyInputSchema,
  type NotebookServiceApi,
  type ServicePrincipalRoles,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import { actingUserCredentials } from './actingUser';
import { reportResult } from './reportResult';

/** The namespace of a project: its component's name, or the namespace itself. */
export function namespaceOf(project: string): string {
  return project.includes(':') || project.includes('/')
    ? parseEntityRef(project, { defaultKind: 'component' }).name
    : project;
}

/**
 * A form's input as the kind takes it: fields left empty are not given, and
 * an existing workspace claim is used instead of a new volume's size.
 */
export function formInput<T extends Record<string, unknown>>(input: T): T {
  const given = (value: unknown): unknown => {
    if (value === '' || value === null) {
      return undefined;
    }
    if (Array.isArray(value)) {
      return value.map(given);
    }
    if (typeof value === 'object') {
      const entries = Object.entries(value as object)
        .map(([key, inner]) => [key, given(inner)] as const)
        .filter(([, inner]) => inner !== undefined);
      return Object.fromEntries(entries);
    }
    return value;
  };
  const result = given(input) as Record<string, any>;
  for (const volume of [result.workspace, ...(result.dataVolumes ?? [])]) {
    if (volume?.existingClaim) {
      delete volume.size;
    }
  }
  return result as T;
}

/**
 * `ml-platform:notebook:create`: creates a notebook server and its workspace
 * volume in an ML project's namespace, as the task's user, after the quota
 * and capacity checks of the workload path. Members of the team only.
 * @public
 */
export function createNotebookAction(options: {
  notebooks: NotebookServiceApi;
  servicePrincipalRoles?: ServicePrincipalRoles;
}) {
  return createTemplateAction({
    id: 'ml-platform:notebook:create',
    description:
      "Creates a Jupyter or code-server notebook server (a Kubeflow Notebook) and its new volume claims in a team namespace by server-side apply as the user, after checking the namespace's quota (hard - used) and that some node could run it. On a dry-run, shows the exact objects and the apiserver's verdict.",
    supportsDryRun: true,
    examples: [
      {
        description: 'A PyTorch notebook with one GPU in a project',
        example: [
          'steps:',
          '  - id: notebook',
          '    action: ml-platform:notebook:create',
          '    input:',
          '      project: component:default/fraud-detection-transaction-risk',
          '      name: train-gpu',
          '      image: JupyterLab (PyTorch, CUDA)',
          "      cpu: '2'",
          '      memory: 8Gi',
          '      gpu: { count: 1, vendor: nvidia }',
          '      workspace: { size: 20Gi }',
          '      sharedMemory: true',
        ].join('\n'),
      },
    ],
    schema: {
      input: z =>
        notebookInputSchema(z).extend({
          project: z
            .string()
            .describe(
              'The ML project: its catalog component ref (its name is the namespace) or the namespace',
            ),
          validateOnly: validateOnlyInputSchema(z),
        }),
      output: {
        namespace: z => z.string(),
        name: z => z.string(),
        notebookUrl: z =>
          z
            .string()
            .optional()
            .describe("Where the notebook opens (the gateway's URL)"),
        objects: z =>
          z.array(z.string()).describe('Kind/name of each object applied'),
      },
    },
    async handler(ctx) {
      const { project, validateOnly, ...input } = ctx.input;
      const credentials = await actingUserCredentials(
        ctx,
        options.servicePrincipalRoles,
      );
      const namespace = namespaceOf(project);
      const result = await options.notebooks.create(
        namespace,
        formInput(input),
        {
          credentials,
          dryRun: ctx.isDryRun || validateOnly,
        },
      );
      reportResult(ctx.logger, result);
      ctx.output('namespace', result.namespace);
      ctx.output('name', result.name);
      ctx.output(
        'objects',
        result.applied.map(applied => applied.object),
      );
      if (!result.dryRun) {
        const notebook = await options.notebooks.get(
          namespace,
          result.name,
          credentials,
        );
        if (notebook.url) {
          ctx.output('notebookUrl', notebook.url);
        }
        ctx.logger.info(
          `Notebook ${namespace}/${result.name} is ${notebook.state}${
            notebook.reason ? `: ${notebook.reason}` : ''
          }`,
        );
      }
    },
  });
}
