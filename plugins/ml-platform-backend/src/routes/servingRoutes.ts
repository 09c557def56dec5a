import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { ServingServiceApi } from '@ml-platform/backstage-plugin-ml-platform-node';
import type express from 'express';

/**
 * The model serving routes: parse, call the serving service with the
 * caller's credentials, answer. The service decides everything else.
 */
export function addServingRoutes(
  router: express.Router,
  serving: ServingServiceApi,
  userCredentials: (req: express.Request) => Promise<BackstageCredentials>,
) {
  router.get('/models/:name/serving', async (req, res) => {
    res.json(
      await serving.modelServing(req.params.name, await userCredentials(req)),
    );
  });

  router.get('/teams/:team/deployments', async (req, res) => {
    res.json(
      await serving.listTeam(req.params.team, await userCredentials(req)),
    );
  });

  router.get('/namespaces/:namespace/deployments', async (req, res) => {
    res.json(
      await serving.listNamespace(
        req.params.namespace,
        await userCredentials(req),
      ),
    );
  });

  router.post('/namespaces/:namespace/deployments', async (req, res) => {
    const credentials = await userCredentials(req);
    res.json(
      await serving.deploy(req.params.namespace, req.body, { credentials }),
    );
  });

  router.get('/namespaces/:namespace/deployments/:name', async (req, res) => {
    res.json(
      await serving.get(
        req.params.namespace,
        req.params.name,
        await userCredentials(req),
      ),
    );
  });

  router.delete(
    '/namespaces/:namespace/deployments/:name',
    async (req, res) => {
      res.json(
        await serving.delete(
          req.params.namespace,
          req.params.name,
          await userCredentials(req),
        ),
      );
    },
  );

  router.post(
    '/namespaces/:namespace/deployments/:name/predictors',
    async (req, res) => {
      const credentials = await userCredentials(req);
      res.json(
        await serving.addPredictor(
          req.params.namespace,
          req.params.name,
          req.body,
          { credentials },
        ),
      );
    },
  );

  router.put(
    '/namespaces/:namespace/deployments/:name/traffic',
    async (req, res) => {
      const credentials = await userCredentials(req);
      res.json(
        await serving.setTraffic(
          req.params.namespace,
          req.params.name,
          req.body,
          { credentials },
        ),
      );
    },
  );

  router.post(
    '/namespaces/:namespace/deployments/:name/promote',
    async (req, res) => {
      const credentials = await userCredentials(req);
      res.json(
        await serving.promote(
          req.params.namespace,
          req.params.name,
          req.body?.predictor,
          { credentials },
        ),
      );
    },
  );

  router.post(
    '/namespaces/:namespace/deployments/:name/rollback',
    async (req, res) => {
      const credentials = await userCredentials(req);
      res.json(
        await serving.rollback(req.params.namespace, req.params.name, {
          credentials,
        }),
      );
    },
  );
}
