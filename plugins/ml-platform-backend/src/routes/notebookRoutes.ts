import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { NotebookServiceApi } from '@ml-platform/backstage-plugin-ml-platform-node';
import type express from 'express';

/**
 * The notebook routes: parse, call the notebook service with the caller's
 * credentials, answer. The service decides everything else.
 */
export function addNotebookRoutes(
  router: express.Router,
  notebooks: NotebookServiceApi,
  userCredentials: (req: express.Request) => Promise<BackstageCredentials>,
) {
  router.get('/notebooks/options', async (req, res) => {
    await userCredentials(req);
    res.json(await notebooks.options());
  });

  router.get('/teams/:team/notebooks', async (req, res) => {
    res.json(
      await notebooks.listTeam(req.params.team, await userCredentials(req)),
    );
  });

  router.get('/namespaces/:namespace/notebooks', async (req, res) => {
    res.json(
      await notebooks.listNamespace(
        req.params.namespace,
        await userCredentials(req),
      ),
    );
  });

  router.post('/namespaces/:namespace/notebooks', async (req, res) => {
    const credentials = await userCredentials(req);
    const { dryRun, ...input } = req.body ?? {};
    res.json(
      await notebooks.create(req.params.namespace, input, {
        credentials,
        dryRun,
      }),
    );
  });

  router.get('/namespaces/:namespace/notebooks/:name', async (req, res) => {
    res.json(
      await notebooks.get(
        req.params.namespace,
        req.params.name,
        await userCredentials(req),
      ),
    );
  });

  router.post(
    '/namespaces/:namespace/notebooks/:name/stop',
    async (req, res) => {
      res.json(
        await notebooks.stop(
          req.params.namespace,
          req.params.name,
          await userCredentials(req),
        ),
      );
    },
  );

  router.post(
    '/namespaces/:namespace/notebooks/:name/start',
    async (req, res) => {
      res.json(
        await notebooks.start(
          req.params.namespace,
          req.params.name,
          await userCredentials(req),
        ),
      );
    },
  );

  router.delete('/namespaces/:namespace/notebooks/:name', async (req, res) => {
    const credentials = await userCredentials(req);
    res.json(
      await notebooks.delete(req.params.namespace, req.params.name, {
        credentials,
        deleteWorkspace: req.query.deleteWorkspace === 'true',
      }),
    );
  });
}
