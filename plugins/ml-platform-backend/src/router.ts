import type {
  AuthService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  platformStatusReadPermission,
  type PlatformStatus,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import {
  probeConnections,
  requireAllowed,
  type MlflowReaderService,
  type NamespaceProvisionerService,
  type NotebookServiceApi,
  type SparkServiceApi,
  type ServingServiceApi,
  type PlatformConnections,
  type TeamOverviewService,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import type express from 'express';
import { spec } from './schema/openapi';
import { addNotebookRoutes } from './routes/notebookRoutes';
import { addSparkRoutes } from './routes/sparkRoutes';
import { addServingRoutes } from './routes/servingRoutes';
import { requireKnownTeam, requireTeamReader } from './teamAccess';

export type RouterOptions = {
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  connections: PlatformConnections;
  provisioner: NamespaceProvisionerService;
  teamOverview: TeamOverviewService;
  mlflowReader: MlflowReaderService;
  notebooks: NotebookServiceApi;
  spark: SparkServiceApi;
  serving: ServingServiceApi;
};

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    httpAuth,
    permissions,
    connections,
    provisioner,
    teamOverview,
    mlflowReader,
  } = options;
  const router = createValidatedOpenApiRouter(spec);

  const userCredentials = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user'] });

  router.get('/status', async (req, res) => {
    const credentials = await userCredentials(req);
    await requireAllowed(
      permissions,
      credentials,
      { permission: platformStatusReadPermission },
      'You may not read the platform status',
    );
    const status: PlatformStatus = {
      environmentName: connections.environmentName,
      connections: await probeConnections(connections),
    };
    res.json(status);
  });

  router.get('/teams/:team/overview', async (req, res) => {
    const credentials = await userCredentials(req);
    const team = await requireTeamReader(options, credentials, req.params.team);
    res.json(await teamOverview.read(team.name, team.ref, credentials));
  });

  router.put('/teams/:team/namespace', async (req, res) => {
    const credentials = await userCredentials(req);
    const { dryRun, ...input } = req.body;
    res.json(
      await provisioner.provisionTeamNamespace(
        { ...input, team: req.params.team },
        { credentials, dryRun },
      ),
    );
  });

  router.post('/teams/:team/projects', async (req, res) => {
    const credentials = await userCredentials(req);
    const { dryRun, ...input } = req.body;
    res.json(
      await provisioner.provisionProjectNamespace(
        { ...input, team: req.params.team },
        { credentials, dryRun },
      ),
    );
  });

  router.get('/teams/:team/experiments', async (req, res) => {
    const credentials = await userCredentials(req);
    await requireKnownTeam(options, req.params.team);
    res.json(
      await mlflowReader.listTeamExperiments(req.params.team, credentials),
    );
  });

  router.get('/experiments', async (req, res) => {
    const credentials = await userCredentials(req);
    res.json(
      await mlflowReader.findExperimentByName(req.query.name, credentials),
    );
  });

  router.post('/runs/search', async (req, res) => {
    const credentials = await userCredentials(req);
    res.json(await mlflowReader.searchRuns(req.body, credentials));
  });

  router.get('/runs/:runId/metric-history', async (req, res) => {
    const credentials = await userCredentials(req);
    res.json(
      await mlflowReader.metricHistory(
        req.params.runId,
        req.query.keys,
        credentials,
      ),
    );
  });

  router.get('/models/:name', async (req, res) => {
    const credentials = await userCredentials(req);
    res.json(await mlflowReader.modelDetails(req.params.name, credentials));
  });

  addNotebookRoutes(
    router as unknown as express.Router,
    options.notebooks,
    userCredentials,
  );
  addSparkRoutes(
    router as unknown as express.Router,
    options.spark,
    userCredentials,
  );
  addServingRoutes(
    router as unknown as express.Router,
    options.serving,
    userCredentials,
  );

  return router;
}
