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
