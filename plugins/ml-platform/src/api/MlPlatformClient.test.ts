import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  experiment,
  metricHistory,
  modelDetails,
  runSearchResponse,
} from '../testUtils/mlflowFixtures';
import {
  notebook,
  notebookDeletion,
  notebookList,
  notebookOptions,
} from '../testUtils/notebookFixtures';
import {
  fullSparkList,
  sparkDeletion,
  sparkJobDetail,
  sparkList,
  sparkOptions,
  sparkRerun,
  sparkSchedule,
} from '../testUtils/sparkFixtures';
import {
  canaryDeployment,
  deployment,
  deploymentDeletion,
  deploymentResult,
  modelServing,
} from '../testUtils/servingFixtures';
import { MlPlatformClient } from './MlPlatformClient';

const baseUrl = 'http://localhost:7007/api/ml-platform';
const client = new MlPlatformClient({
  discoveryApi: { getBaseUrl: async () => baseUrl },
  fetchApi: { fetch: (input, init) => fetch(input, init) },
});

describe('MlPlatformClient, MLflow routes', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('reads a team’s experiments and an experiment by name', async () => {
    server.use(
      http.get(`${baseUrl}/teams/fraud-detection/experiments`, () =>
        HttpResponse.json({ experiments: [experiment()] }),
      ),
      http.get(`${baseUrl}/experiments`, ({ request }) =>
        HttpResponse.json({
          experiments: [
            experiment({
              name: new URL(request.url).searchParams.get('name')!,
            }),
          ],
        }),
      ),
    );
    await expect(client.getTeamExperiments('fraud-detection')).resolves.toEqual(
      { experiments: [experiment()] },
    );
    const found = await client.getExperimentByName('a team/a b&c');
    expect(found.experiments[0].name).toBe('a team/a b&c');
  });

  it('posts the run search as JSON', async () => {
    let body: unknown;
    server.use(
      http.post(`${baseUrl}/runs/search`, async ({ request }) => {
        expect(request.headers.get('content-type')).toBe('application/json');
        body = await request.json();
        return HttpResponse.json(runSearchResponse());
      }),
    );
    const request = {
      experimentIds: ['1'],
      filter: 'metrics.val_accuracy > 0.9',
      orderBy: ['metrics.val_accuracy DESC'],
      maxResults: 25,
    };
    await expect(client.searchRuns(request)).resolves.toEqual(
      runSearchResponse(),
    );
    expect(body).toEqual(request);
  });

  it('asks for the metric history with repeated keys', async () => {
    let query = '';
    server.use(
      http.get(
        `${baseUrl}/runs/:runId/metric-history`,
        ({ request, params }) => {
          query = new URL(request.url).search;
          return HttpResponse.json(
            metricHistory(String(params.runId), ['val_accuracy']),
          );
        },
      ),
    );
    const history = await client.getMetricHistory('run-sgd', [
      'val_accuracy',
      'train loss',
    ]);
    expect(query).toBe('?keys=val_accuracy&keys=train+loss');
    expect(history.metrics.val_accuracy).toHaveLength(3);
  });

  it('encodes the model name and turns error answers into ResponseErrors', async () => {
    server.use(
      http.get(`${baseUrl}/models/:name`, ({ params }) =>
        params.name === 'fraud risk/v2'
          ? HttpResponse.json(modelDetails({ name: 'fraud risk/v2' }))
          : HttpResponse.json(
              {
                error: {
                  name: 'ServiceUnavailableError',
                  message: 'MLflow at http://127.0.0.1:15000 is unreachable',
                },
                response: { statusCode: 503 },
              },
              { status: 503 },
            ),
      ),
    );
    const model = await client.getModel('fraud risk/v2');
    expect(model.name).toBe('fraud risk/v2');

    const error = await client.getModel('other').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(503);
    expect(error.body.error.message).toBe(
      'MLflow at http://127.0.0.1:15000 is unreachable',
    );
  });
});

describe('MlPlatformClient, notebook routes', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it("lists a team's notebooks and a namespace's notebooks", async () => {
    server.use(
      http.get(`${baseUrl}/teams/:team/notebooks`, ({ params }) =>
        HttpResponse.json(
          notebookList([notebook({ team: String(params.team) })]),
        ),
      ),
      http.get(`${baseUrl}/namespaces/:namespace/notebooks`, ({ params }) =>
        HttpResponse.json(
          notebookList([notebook({ namespace: String(params.namespace) })]),
        ),
      ),
    );
    const team = await client.listTeamNotebooks('fraud detection');
    expect(team.items[0].team).toBe('fraud detection');
    expect(team.culling).toEqual({ enabled: true, idleMinutes: 60 });

    const namespace = await client.listNamespaceNotebooks('fraud-detection-x');
    expect(namespace.items[0].namespace).toBe('fraud-detection-x');
  });

  it('reads the notebook options', async () => {
    const options = notebookOptions({
      customImages: { allowed: true, registries: ['registry.example.com'] },
      gpus: [
        { vendor: 'nvidia', resourceName: 'nvidia.com/gpu', maxPerNode: 8 },
        { vendor: 'amd', resourceName: 'amd.com/gpu', maxPerNode: 2 },
      ],
    });
    let calls = 0;
    server.use(
      http.get(`${baseUrl}/notebooks/options`, () => {
        calls += 1;
        return HttpResponse.json(options);
      }),
    );
    await expect(client.getNotebookOptions()).resolves.toEqual(options);
    expect(calls).toBe(1);
  });

  it('rejects the notebook options with the backend message when the cluster is unreachable', async () => {
    server.use(
      http.get(`${baseUrl}/notebooks/options`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'ServiceUnavailableError',
              message: 'Cluster local is unreachable: connect ECONNREFUSED',
            },
            response: { statusCode: 503 },
          },
          { status: 503 },
        ),
      ),
    );
    const error = await client.getNotebookOptions().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(503);
    expect(error.body.error.message).toBe(
      'Cluster local is unreachable: connect ECONNREFUSED',
    );
  });

  it('posts stop and start to the notebook, names encoded', async () => {
    const posted: string[] = [];
    server.use(
      http.post(
        `${baseUrl}/namespaces/:namespace/notebooks/:name/:action`,
        ({ params }) => {
          posted.push(`${params.namespace} ${params.name} ${params.action}`);
          return HttpResponse.json(
            notebook({
              namespace: String(params.namespace),
              name: String(params.name),
              state: params.action === 'stop' ? 'Stopping' : 'Starting',
            }),
          );
        },
      ),
    );
    const stopped = await client.stopNotebook('team-a', 'my notebook');
    expect(stopped.state).toBe('Stopping');
    const started = await client.startNotebook('team-a', 'eda');
    expect(started.state).toBe('Starting');
    expect(posted).toEqual(['team-a my notebook stop', 'team-a eda start']);
  });

  it('deletes a notebook, saying whether its workspace goes too', async () => {
    const queries: string[] = [];
    server.use(
      http.delete(
        `${baseUrl}/namespaces/team-a/notebooks/:name`,
        ({ request, params }) => {
          const deleteWorkspace = new URL(request.url).searchParams.get(
            'deleteWorkspace',
          );
          queries.push(String(deleteWorkspace));
          return HttpResponse.json(
            notebookDeletion(String(params.name), {
              deleteWorkspace: deleteWorkspace === 'true',
            }),
          );
        },
      ),
    );
    const kept = await client.deleteNotebook('team-a', 'eda', {
      deleteWorkspace: false,
    });
    expect(kept.kept).toEqual(['PersistentVolumeClaim/eda-workspace']);
    const both = await client.deleteNotebook('team-a', 'eda', {
      deleteWorkspace: true,
    });
    expect(both.deleted).toEqual([
      'Notebook/eda',
      'PersistentVolumeClaim/eda-workspace',
    ]);
    expect(queries).toEqual(['false', 'true']);
  });

  it('turns error answers into ResponseErrors with the backend message', async () => {
    server.use(
      http.post(`${baseUrl}/namespaces/team-b/notebooks/eda/stop`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'You are not a member of team team-b',
            },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    const error = await client.stopNotebook('team-b', 'eda').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.body.error.message).toBe(
      'You are not a member of team team-b',
    );
  });
});

describe('MlPlatformClient, Spark routes', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('reads the Spark options', async () => {
    server.use(
      http.get(`${baseUrl}/spark/options`, () =>
        HttpResponse.json(sparkOptions()),
      ),
    );
    await expect(client.getSparkOptions()).resolves.toEqual(sparkOptions());
  });

  it("lists a team's and a namespace's Spark workloads, names encoded", async () => {
    const asked: string[] = [];
    server.use(
      http.get(`${baseUrl}/teams/:team/spark`, ({ params }) => {
        asked.push(`team ${params.team}`);
        return HttpResponse.json(fullSparkList());
      }),
      http.get(`${baseUrl}/namespaces/:namespace/spark`, ({ params }) => {
        asked.push(`namespace ${params.namespace}`);
        return HttpResponse.json(sparkList());
      }),
    );
    const team = await client.listTeamSpark('fraud detection');
    expect(team.jobs).toHaveLength(fullSparkList().jobs.length);
    expect(team.schedules[0].name).toBe('nightly-features');
    expect(team.clusters[0].connection?.inCluster).toMatch(/^sc:\/\//);
    await expect(client.listNamespaceSpark('team-a')).resolves.toEqual(
      sparkList(),
    );
    expect(asked).toEqual(['team fraud detection', 'namespace team-a']);
  });

  it('reads a job with its timeline', async () => {
    server.use(
      http.get(
        `${baseUrl}/namespaces/:namespace/spark/jobs/:name`,
        ({ params }) =>
          HttpResponse.json(
            sparkJobDetail({
              namespace: String(params.namespace),
              name: String(params.name),
            }),
          ),
      ),
    );
    const job = await client.getSparkJob('team-a', 'my job');
    expect(job.name).toBe('my job');
    expect(job.timeline.map(entry => entry.type)).toEqual([
      'Normal',
      'Warning',
      'Normal',
      'Warning',
    ]);
  });

  it('posts a re-run with an empty JSON body', async () => {
    let body: unknown;
    let contentType: string | null = null;
    server.use(
      http.post(
        `${baseUrl}/namespaces/:namespace/spark/jobs/:name/rerun`,
        async ({ request, params }) => {
          contentType = request.headers.get('content-type');
          body = await request.json();
          return HttpResponse.json(
            sparkRerun(String(params.namespace), String(params.name)),
          );
        },
      ),
    );
    const result = await client.rerunSparkJob('team-a', 'etl');
    expect(result.name).toBe('etl-rerun-x7k2p');
    expect(body).toEqual({});
    expect(contentType).toBe('application/json');
  });

  it('posts suspend and resume to the schedule', async () => {
    const posted: string[] = [];
    server.use(
      http.post(
        `${baseUrl}/namespaces/:namespace/spark/schedules/:name/:action`,
        ({ params }) => {
          posted.push(`${params.namespace} ${params.name} ${params.action}`);
          const suspended = params.action === 'suspend';
          return HttpResponse.json(
            sparkSchedule({
              name: String(params.name),
              suspended,
              state: suspended ? 'Suspended' : 'Scheduled',
            }),
          );
        },
      ),
    );
    const suspended = await client.suspendSparkSchedule('team-a', 'nightly');
    expect(suspended.state).toBe('Suspended');
    const resumed = await client.resumeSparkSchedule('team-a', 'nightly');
    expect(resumed.state).toBe('Scheduled');
    expect(posted).toEqual(['team-a nightly suspend', 'team-a nightly resume']);
  });

  it('deletes a job, a schedule and a cluster at their own paths', async () => {
    const deleted: string[] = [];
    server.use(
      http.delete(
        `${baseUrl}/namespaces/:namespace/spark/:kind/:name`,
        ({ params }) => {
          deleted.push(`${params.namespace} ${params.kind} ${params.name}`);
          return HttpResponse.json(
            sparkDeletion(String(params.kind), String(params.name)),
          );
        },
      ),
    );
    const job = await client.deleteSparkWorkload('team-a', 'jobs', 'etl');
    expect(job.deleted).toEqual(['SparkApplication/etl']);
    await client.deleteSparkWorkload('team-a', 'schedules', 'nightly');
    await client.deleteSparkWorkload('team-a', 'clusters', 'my cluster');
    expect(deleted).toEqual([
      'team-a jobs etl',
      'team-a schedules nightly',
      'team-a clusters my cluster',
    ]);
  });

  it('turns error answers into ResponseErrors with the backend message', async () => {
    server.use(
      http.post(`${baseUrl}/namespaces/team-a/spark/jobs/etl/rerun`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'ConflictError',
              message:
                'SparkApplication etl is still RUNNING: only a finished job can run again',
            },
            response: { statusCode: 409 },
          },
          { status: 409 },
        ),
      ),
      http.get(`${baseUrl}/teams/team-b/spark`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'You are not a member of team team-b',
            },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    const conflict = await client.rerunSparkJob('team-a', 'etl').catch(e => e);
    expect(conflict).toBeInstanceOf(ResponseError);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body.error.message).toMatch(/only a finished job/);

    const forbidden = await client.listTeamSpark('team-b').catch(e => e);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.body.error.message).toBe(
      'You are not a member of team team-b',
    );
  });
});

describe('MlPlatformClient, serving routes', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it("reads a model's serving, the name encoded", async () => {
    server.use(
      http.get(`${baseUrl}/models/:name/serving`, ({ params }) =>
        HttpResponse.json(
          modelServing({
            model: String(params.name),
            deployments: [deployment()],
          }),
        ),
      ),
    );
    const serving = await client.getModelServing('fraud risk/v2');
    expect(serving.model).toBe('fraud risk/v2');
    expect(serving.deployments[0].predictors[0].name).toBe('v2');
    expect(serving.canDeploy).toBe(true);
  });

  it("lists a namespace's and a team's deployments and reads one", async () => {
    const asked: string[] = [];
    server.use(
      http.get(`${baseUrl}/namespaces/:namespace/deployments`, ({ params }) => {
        asked.push(`namespace ${params.namespace}`);
        return HttpResponse.json({ deployments: [deployment()] });
      }),
      http.get(`${baseUrl}/teams/:team/deployments`, ({ params }) => {
        asked.push(`team ${params.team}`);
        return HttpResponse.json({ deployments: [canaryDeployment()] });
      }),
      http.get(
        `${baseUrl}/namespaces/:namespace/deployments/:name`,
        ({ params }) => {
          asked.push(`get ${params.namespace}/${params.name}`);
          return HttpResponse.json(
            deployment({
              namespace: String(params.namespace),
              name: String(params.name),
            }),
          );
        },
      ),
    );
    const namespace = await client.listNamespaceDeployments('team-a');
    expect(namespace.deployments).toHaveLength(1);
    const team = await client.listTeamDeployments('fraud detection');
    expect(team.deployments[0].predictors).toHaveLength(3);
    const one = await client.getDeployment('team-a', 'my scorer');
    expect(one.name).toBe('my scorer');
    expect(asked).toEqual([
      'namespace team-a',
      'team fraud detection',
      'get team-a/my scorer',
    ]);
  });

  it('posts a deployment, a predictor, the traffic, promote and rollback as JSON', async () => {
    const calls: Array<{
      method: string;
      path: string;
      contentType: string | null;
      body: unknown;
    }> = [];
    const record = async ({ request }: { request: Request }) => {
      calls.push({
        method: request.method,
        path: new URL(request.url).pathname.replace('/api/ml-platform', ''),
        contentType: request.headers.get('content-type'),
        body: await request.json(),
      });
      return HttpResponse.json(deploymentResult(), { status: 201 });
    };
    server.use(
      http.post(`${baseUrl}/namespaces/:namespace/deployments`, record),
      http.post(
        `${baseUrl}/namespaces/:namespace/deployments/:name/:action`,
        record,
      ),
      http.put(
        `${baseUrl}/namespaces/:namespace/deployments/:name/traffic`,
        record,
      ),
    );
    const request = {
      model: 'fraud-risk-classifier',
      alias: 'champion',
      name: 'scorer',
      protocol: 'v2' as const,
      replicas: 2,
      cpu: '500m',
      memory: '1Gi',
      dryRun: true,
    };
    const result = await client.deployModel('team-a', request);
    expect(result.curlExample).toMatch(/^curl -X POST/);
    await client.addPredictor('team-a', 'scorer', {
      version: '3',
      traffic: 10,
    });
    await client.setTraffic('team-a', 'scorer', { v2: 70, v3: 30 });
    await client.promotePredictor('team-a', 'scorer', 'v3');
    await client.rollbackDeployment('team-a', 'scorer');
    expect(calls).toEqual([
      {
        method: 'POST',
        path: '/namespaces/team-a/deployments',
        contentType: 'application/json',
        body: request,
      },
      {
        method: 'POST',
        path: '/namespaces/team-a/deployments/scorer/predictors',
        contentType: 'application/json',
        body: { version: '3', traffic: 10 },
      },
      {
        method: 'PUT',
        path: '/namespaces/team-a/deployments/scorer/traffic',
        contentType: 'application/json',
        body: { traffic: { v2: 70, v3: 30 } },
      },
      {
        method: 'POST',
        path: '/namespaces/team-a/deployments/scorer/promote',
        contentType: 'application/json',
        body: { predictor: 'v3' },
      },
      {
        method: 'POST',
        path: '/namespaces/team-a/deployments/scorer/rollback',
        contentType: 'application/json',
        body: {},
      },
    ]);
  });

  it('deletes a deployment, names encoded', async () => {
    const deleted: string[] = [];
    server.use(
      http.delete(
        `${baseUrl}/namespaces/:namespace/deployments/:name`,
        ({ params }) => {
          deleted.push(`${params.namespace} ${params.name}`);
          return HttpResponse.json(deploymentDeletion(String(params.name)));
        },
      ),
    );
    const deletion = await client.deleteDeployment('team-a', 'my scorer');
    expect(deletion.deleted).toEqual(['SeldonDeployment/my scorer']);
    expect(deleted).toEqual(['team-a my scorer']);
  });

  it('turns error answers into ResponseErrors with the backend message', async () => {
    server.use(
      http.post(`${baseUrl}/namespaces/team-a/deployments`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message:
                'replicas 2 × cpu 4 exceeds the quota of namespace team-a (requests.cpu 4, 2 used)',
            },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
      http.get(`${baseUrl}/models/:name/serving`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'Model other belongs to team team-b',
            },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    const refused = await client
      .deployModel('team-a', { model: 'm', version: '1', name: 'scorer' })
      .catch(e => e);
    expect(refused).toBeInstanceOf(ResponseError);
    expect(refused.statusCode).toBe(400);
    expect(refused.body.error.message).toMatch(/exceeds the quota/);

    const forbidden = await client.getModelServing('other').catch(e => e);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.body.error.message).toBe(
      'Model other belongs to team team-b',
    );
  });
});
