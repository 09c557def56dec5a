import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  sparkClusterInputSchema,
  sparkJobInputSchema,
  validateOnlyInputSchema,
  type ServicePrincipalRoles,
  type SparkServiceApi,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import { actingUserCredentials } from './actingUser';
import { formInput, namespaceOf } from './notebook';
import { reportResult } from './reportResult';

/** What the Spark actions are made with. @public */
export type SparkActionOptions = {
  spark: SparkServiceApi;
  servicePrincipalRoles?: ServicePrincipalRoles;
};

const projectInput = (z: any) =>
  z
    .string()
    .describe(
      'The ML project: its catalog component ref (its name is the namespace) or the namespace',
    );

/**
 * `ml-platform:spark:job:create`: submits a Spark job (a SparkApplication),
 * or with a schedule a ScheduledSparkApplication, in an ML project's
 * namespace as the task's user, after the quota check of the workload path.
 * @public
 */
export function createSparkJobAction(options: SparkActionOptions) {
  return createTemplateAction({
    id: 'ml-platform:spark:job:create',
    description:
      "Submits a Spark job (Kubeflow SparkApplication), or with a schedule a ScheduledSparkApplication, in a team namespace by server-side apply as the user, after checking driver plus executors (with dynamic allocation, the maximum) against the namespace's free quota. On a dry-run, shows the exact object and the apiserver's verdict.",
    supportsDryRun: true,
    examples: [
      {
        description: 'A nightly PySpark job in a project',
        example: [
          'steps:',
          '  - id: job',
          '    action: ml-platform:spark:job:create',
          '    input:',
          '      project: component:default/fraud-detection-transaction-risk',
          '      name: nightly-features',
          '      type: Python',
          "      sparkVersion: '4.0.1'",
          '      mainApplicationFile: local:///opt/spark/examples/src/main/python/pi.py',
          '      driver: { cores: 1, memory: 1g }',
          '      executor: { instances: 2, cores: 1, memory: 2g }',
          "      schedule: { cron: '0 2 * * *', timeZone: Europe/Berlin, concurrencyPolicy: Forbid }",
        ].join('\n'),
      },
    ],
    schema: {
      input: z =>
        sparkJobInputSchema(z).extend({
          project: projectInput(z),
          // the form's preview of the next runs rides along; the backend computes its own
          schedule: sparkJobInputSchema(z)
            .shape.schedule.unwrap()
            .extend({ nextRuns: z.array(z.string()).optional() })
            .optional(),
          validateOnly: validateOnlyInputSchema(z),
        }),
      output: {
        namespace: z => z.string(),
        name: z => z.string(),
        kind: z =>
          z.string().describe('SparkApplication, or ScheduledSparkApplication'),
        nextRuns: z =>
          z
            .array(z.string())
            .optional()
            .describe('The next three runs of a schedule (ISO timestamps)'),
        uiUrl: z =>
          z
            .string()
            .optional()
            .describe("Where the driver's Spark UI is while it runs"),
        objects: z =>
          z.array(z.string()).describe('Kind/name of each object applied'),
      },
    },
    async handler(ctx) {
      const { project, validateOnly, schedule, ...input } = ctx.input;
      const credentials = await actingUserCredentials(
        ctx,
        options.servicePrincipalRoles,
      );
      const namespace = namespaceOf(project);
      const { nextRuns: _preview, ...given } = schedule ?? {};
      const result = await options.spark.createJob(
        namespace,
        formInput({ ...input, ...(schedule ? { schedule: given } : {}) }),
        { credentials, dryRun: ctx.isDryRun || validateOnly },
      );
      reportResult(ctx.logger, result);
      ctx.output('namespace', result.namespace);
      ctx.output('name', result.name);
      ctx.output('kind', result.kind);
      ctx.output(
        'objects',
        result.applied.map(applied => applied.object),
      );
      if (result.nextRuns) {
        ctx.output('nextRuns', result.nextRuns);
        ctx.logger.info(`Next runs: ${result.nextRuns.join(', ')}`);
      }
      if (result.uiUrl) {
        ctx.output('uiUrl', result.uiUrl);
      }
    },
  });
}

/**
 * `ml-platform:spark:cluster:create`: creates an interactive Spark Connect
 * cluster in an ML project's namespace as the task's user, after the quota
 * check of the workload path; outputs the sc:// connection string.
 * @public
 */
export function createSparkClusterAction(options: SparkActionOptions) {
  return createTemplateAction({
    id: 'ml-platform:spark:cluster:create',
    description:
      "Creates a Spark Connect cluster (Kubeflow SparkConnect, or Apache's SparkCluster when that is the configured backend) in a team namespace by server-side apply as the user, after checking the server plus executors against the namespace's free quota. Outputs the sc:// connection string and a PySpark snippet.",
    supportsDryRun: true,
    examples: [
      {
        description: 'A small cluster for notebooks of a project',
        example: [
          'steps:',
          '  - id: cluster',
          '    action: ml-platform:spark:cluster:create',
          '    input:',
          '      project: component:default/fraud-detection-transaction-risk',
          '      name: analysts',
          "      sparkVersion: '4.0.1'",
          '      server: { cores: 1, memory: 2g }',
          '      executor: { instances: 2, cores: 1, memory: 2g }',
        ].join('\n'),
      },
    ],
    schema: {
      input: z =>
        sparkClusterInputSchema(z).extend({
          project: projectInput(z),
          validateOnly: validateOnlyInputSchema(z),
        }),
      output: {
        namespace: z => z.string(),
        name: z => z.string(),
        connection: z =>
          z
            .string()
            .optional()
            .describe('sc:// address of the server inside the cluster'),
        gatewayConnection: z =>
          z
            .string()
            .optional()
            .describe('sc:// address through the gateway, when configured'),
        pysparkSnippet: z =>
          z.string().optional().describe('PySpark code that connects'),
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
      const result = await options.spark.createCluster(
        namespaceOf(project),
        formInput(input),
        { credentials, dryRun: ctx.isDryRun || validateOnly },
      );
      reportResult(ctx.logger, result);
      ctx.output('namespace', result.namespace);
      ctx.output('name', result.name);
      ctx.output(
        'objects',
        result.applied.map(applied => applied.object),
      );
      if (result.connection) {
        ctx.output('connection', result.connection.inCluster);
        if (result.connection.gateway) {
          ctx.output('gatewayConnection', result.connection.gateway);
        }
        ctx.output('pysparkSnippet', result.connection.pyspark);
        ctx.logger.info(`Connect with ${result.connection.inCluster}`);
      }
    },
  });
}
