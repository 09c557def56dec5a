import http from 'node:http';
import { createServer } from 'node:net';
import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { ensureLocalPlatform } from '@ml-platform/local-platform';
import { MlflowClient } from './MlflowClient';
import { collectMlflowPages } from './pagination';

/** A minimal fetch over node:http that sends the given Host header. */
function fetchWithHost(host: string): typeof fetch {
  return ((input: URL | string, init: RequestInit = {}) =>
    new Promise<Response>((resolve, reject) => {
      const request = http.request(
        String(input),
        {
          method: init.method,
          headers: { ...(init.headers as Record<string, string>), host },
          signal: init.signal ?? undefined,
        },
        response => {
          const chunks: Buffer[] = [];
          response.on('data', chunk => chunks.push(chunk));
          response.on('end', () =>
            resolve(
              new Response(Buffer.concat(chunks), {
                status: response.statusCode,
              }),
            ),
          );
        },
      );
      request.on('error', reject);
      request.end(init.body as string | undefined);
    })) as typeof fetch;
}

const unique = `${Date.now().toString(36)}${Math.random()
  .toString(36)
  .slice(2, 7)}`;
const experimentName = `backstage-mlflow-client-it-${unique}`;
const modelName = `backstage-mlflow-client-it-model-${unique}`;

describe('MlflowClient against the local MLflow', () => {
  let mlflow: MlflowClient;
  let mlflowUrl: string;
  const cleanup: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    const platform = await ensureLocalPlatform({ seed: false });
    mlflowUrl = platform.mlflowUrl;
    mlflow = new MlflowClient({ baseUrl: mlflowUrl });
  }, 30 * 60_000);

  afterAll(async () => {
    for (const step of cleanup.reverse()) {
      await step().catch(() => undefined);
    }
  });

  it('creates, reads and searches experiments, runs, metrics and registered models', async () => {
    // experiments
    const experimentId = await mlflow.createExperiment(experimentName, {
      'ml-platform/test': unique,
    });
    cleanup.push(() => mlflow.deleteExperiment(experimentId));
    expect(experimentId).toMatch(/^\d+$/);

    const byId = await mlflow.getExperiment(experimentId);
    expect(byId).toMatchObject({
      experiment_id: experimentId,
      name: experimentName,
      lifecycle_stage: 'active',
    });
    expect(byId.tags).toContainEqual({
      key: 'ml-platform/test',
      value: unique,
    });
    await expect(
      mlflow.getExperimentByName(experimentName),
    ).resolves.toMatchObject({ experiment_id: experimentId });
    await expect(
      mlflow.getExperimentByName(`${experimentName}-missing`),
    ).resolves.toBeUndefined();

    await mlflow.setExperimentTag(experimentId, 'team', 'fraud');
    const found = await mlflow.searchExperiments({
      filter: `tags.\`ml-platform/test\` = '${unique}' AND tags.team = 'fraud'`,
    });
    expect(found.items.map(e => e.experiment_id)).toEqual([experimentId]);

    // runs, logged through the REST API
    const runIds: string[] = [];
    for (const [index, accuracy] of [0.4, 0.7, 0.9].entries()) {
      const run = await mlflow.createRun({
        experimentId,
        runName: `run-${index}`,
        tags: { 'mlflow.user': 'backstage-it' },
      });
      runIds.push(run.info.run_id);
      const now = Date.now();
      await mlflow.logBatch(run.info.run_id, {
        params: [{ key: 'lr', value: String(0.01 * (index + 1)) }],
        metrics: [0, 1, 2, 3].map(step => ({
          key: 'accuracy',
          value: accuracy - (3 - step) * 0.05,
          timestamp: now + step,
          step,
        })),
      });
    }

    const good = await mlflow.searchRuns({
      experimentIds: [experimentId],
      filter: 'metrics.accuracy > 0.5',
      orderBy: ['metrics.accuracy DESC'],
    });
    expect(good.items.map(r => r.info.run_name)).toEqual(['run-2', 'run-1']);
    expect(good.items[0].data.params).toContainEqual({
      key: 'lr',
      value: '0.03',
    });
    expect(good.items[0].data.metrics).toContainEqual(
      expect.objectContaining({ key: 'accuracy', value: 0.9, step: 3 }),
    );

    // one run per page: the page tokens are followed to the end
    const allRuns = await collectMlflowPages(pageToken =>
      mlflow.searchRuns({
        experimentIds: [experimentId],
        orderBy: ['attributes.run_name ASC'],
        maxResults: 1,
        pageToken,
      }),
    );
    expect(allRuns.map(r => r.info.run_name)).toEqual([
      'run-0',
      'run-1',
      'run-2',
    ]);

    const history = await mlflow.getMetricHistory(runIds[2], 'accuracy');
    expect(history.map(m => m.step)).toEqual([0, 1, 2, 3]);
    expect(history[3].value).toBeCloseTo(0.9);
    expect(history[0].value).toBeCloseTo(0.75);

    // registry
    const bestRun = good.items[0];
    await mlflow.createRegisteredModel(modelName, {
      description: 'made by the MlflowClient integration test',
      tags: { 'ml-platform/test': unique },
    });
    cleanup.push(() => mlflow.deleteRegisteredModel(modelName));
    const version = await mlflow.createModelVersion({
      name: modelName,
      source: `${bestRun.info.artifact_uri}/model`,
      runId: bestRun.info.run_id,
    });
    expect(version).toMatchObject({ name: modelName, version: '1' });
    await mlflow.setRegisteredModelAlias(modelName, 'champion', '1');
    await mlflow.setRegisteredModelTag(modelName, 'stage', 'candidate');
    await mlflow.setModelVersionTag(modelName, '1', 'validated', 'true');

    const models = await mlflow.searchRegisteredModels({
      filter: `name = '${modelName}'`,
    });
    expect(models.items).toHaveLength(1);
    expect(models.items[0].aliases).toEqual([
      { alias: 'champion', version: '1' },
    ]);
    expect(models.items[0].tags).toEqual(
      expect.arrayContaining([
        { key: 'ml-platform/test', value: unique },
        { key: 'stage', value: 'candidate' },
      ]),
    );

    const model = await mlflow.getRegisteredModel(modelName);
    expect(model.latest_versions?.map(v => v.version)).toEqual(['1']);

    const versions = await mlflow.searchModelVersions({
      filter: `name = '${modelName}'`,
    });
    expect(versions.items).toEqual([
      expect.objectContaining({
        version: '1',
        run_id: bestRun.info.run_id,
        tags: [{ key: 'validated', value: 'true' }],
      }),
    ]);

    const champion = await mlflow.getModelVersionByAlias(modelName, 'champion');
    expect(champion).toMatchObject({
      name: modelName,
      version: '1',
      aliases: ['champion'],
    });
  }, 120_000);

  it('explains a bad filter as an InputError naming the problem', async () => {
    const error = await mlflow
      .searchRuns({ experimentIds: ['0'], filter: 'metrics.accuracy >>> 0.5' })
      .catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    // MLflow lists the comparators it accepts in no fixed order
    expect(error.message).toContain(
      `MLflow at ${mlflowUrl} rejected the search with filter "metrics.accuracy >>> 0.5": Invalid comparator '>>>' not one of`,
    );
  });

  it('gives NotFoundError for an unknown model and experiment', async () => {
    const error = await mlflow
      .getRegisteredModel(`${modelName}-missing`)
      .catch(e => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain(`${modelName}-missing`);
    await expect(mlflow.getExperiment('987654321')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("explains MLflow's Host header check", async () => {
    // as through a proxy or DNS name MLflow was not told about: fetch always
    // sends the URL's host, so this sends the request with node:http
    const error = await new MlflowClient({
      baseUrl: mlflowUrl,
      fetch: fetchWithHost('mlflow.example.com'),
    })
      .getExperiment('0')
      .catch(e => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toContain(
      `MLflow at ${mlflowUrl} refused the Host header`,
    );
    expect(error.message).toContain('Invalid Host header');
    expect(error.message).toContain('--allowed-hosts');
  });

  it('reports a closed port as unreachable', async () => {
    // a port that was free a moment ago: nothing listens there
    const port = await new Promise<number>(resolve => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address() as { port: number };
        server.close(() => resolve(address.port));
      });
    });
    const error = await new MlflowClient({
      baseUrl: `http://127.0.0.1:${port}`,
      retries: 0,
    })
      .getExperiment('0')
      .catch(e => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toBe(
      `MLflow at http://127.0.0.1:${port} is unreachable: connection refused: nothing listens there (is the server running?)`,
    );
  });
});
