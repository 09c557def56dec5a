import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  SparkServiceApi,
  SparkWorkloadGroup,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import type express from 'express';

/**
 * The Spark routes: parse, call the Spark service with the caller's
 * credentials, answer. The service decides everything else.
 */
export function addSparkRoutes(
  router: express.Router,
  spark: SparkServiceApi,
  userCredentials: (req: express.Request) => Promise<BackstageCredentials>,
) {
  router.get('/spark/options', async (req, res) => {
    await userCredentials(req);
    res.json(await spark.options());
  });

  router.get('/teams/:team/spark', async (req, res) => {
    res.json(await spark.listTeam(req.params.team, await userCredentials(req)));
  });

  router.get('/namespaces/:namespace/spark', async (req, res) => {
    res.json(
      await spark.listNamespace(
        req.params.namespace,
        await userCredentials(req),
      ),
    );
  });

  router.post('/namespaces/:namespace/spark/jobs', async (req, res) => {
    const credentials = await userCredentials(req);
    const { dryRun, ...input } = req.body ?? {};
    res.json(
      await spark.createJob(req.params.namespace, input, {
        credentials,
        dryRun,
      }),
    );
  });

  router.post('/namespaces/:namespace/spark/clusters', async (req, res) => {
    const credentials = await userCredentials(req);
    const { dryRun, ...input } = req.body ?? {};
    res.json(
      await spark.createCluster(req.params.namespace, input, {
        credentials,
        dryRun,
      }),
    );
  });

  router.get('/namespaces/:namespace/spark/jobs/:name', async (req, res) => {
    res.json(
      await spark.getJob(
        req.params.namespace,
        req.params.name,
        await userCredentials(req),
      ),
    );
  });

  router.get(
    '/namespaces/:namespace/spark/schedules/:name',
    async (req, res) => {
      res.json(
        await spark.getSchedule(
          req.params.namespace,
          req.params.name,
          await userCredentials(req),
        ),
      );
    },
  );

  router.get(
    '/namespaces/:namespace/spark/clusters/:name',
    async (req, res) => {
      res.json(
        await spark.getCluster(
          req.params.namespace,
          req.params.name,
          await userCredentials(req),
        ),
      );
    },
  );

  router.post(
    '/namespaces/:namespace/spark/jobs/:name/rerun',
    async (req, res) => {
      const credentials = await userCredentials(req);
      res.json(
        await spark.rerunJob(req.params.namespace, req.params.name, {
          credentials,
          dryRun: req.body?.dryRun,
          newName: req.body?.name,
        }),
      );
    },
  );

  for (const [verb, suspended] of [
    ['suspend', true],
    ['resume', false],
  ] as const) {
    router.post(
      `/namespaces/:namespace/spark/schedules/:name/${verb}`,
      async (req, res) => {
        res.json(
          await spark.setScheduleSuspended(
            req.params.namespace,
            req.params.name,
            suspended,
            await userCredentials(req),
          ),
        );
      },
    );
  }

  for (const group of ['jobs', 'schedules', 'clusters'] as const) {
    router.delete(
      `/namespaces/:namespace/spark/${group}/:name`,
      async (req, res) => {
        res.json(
          await spark.delete(
            group satisfies SparkWorkloadGroup,
            req.params.namespace,
            req.params.name,
            await userCredentials(req),
          ),
        );
      },
    );
  }
}
