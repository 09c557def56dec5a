import crypto from 'node:crypto';
import { ensureLocalPlatform, type LocalPlatform } from './index.ts';

/** The MLflow server is real: REST writes are read back, and the seed left real demo models. */

async function mlflow(
  platform: LocalPlatform,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<any> {
  const res = await fetch(`${platform.mlflowUrl}/api/2.0/mlflow/${path}`, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : undefined,
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  if (!res.ok) {
    throw new Error(
      `${method} ${path}: HTTP ${res.status} ${JSON.stringify(json)}`,
    );
  }
  return json;
}

describe('local MLflow', () => {
  let platform: LocalPlatform;

  beforeAll(async () => {
    platform = await ensureLocalPlatform({ seed: true });
  }, 30 * 60_000);

  it('finds an experiment created over REST again, by id, by name and by tag', async () => {
    const name = `lp-test-${crypto.randomBytes(4).toString('hex')}`;
    const { experiment_id: id } = await mlflow(
      platform,
      'POST',
      'experiments/create',
      {
        name,
        tags: [
          { key: 'ml-platform.io/team', value: 'lp-test' },
          { key: 'ml-platform.io/project', value: name },
        ],
      },
    );
    expect(id).toMatch(/^\d+$/);

    const byId = await mlflow(
      platform,
      'GET',
      `experiments/get?experiment_id=${id}`,
    );
    expect(byId.experiment.name).toBe(name);
    const byName = await mlflow(
      platform,
      'GET',
      `experiments/get-by-name?experiment_name=${encodeURIComponent(name)}`,
    );
    expect(byName.experiment.experiment_id).toBe(id);
    const search = await mlflow(platform, 'POST', 'experiments/search', {
      filter: `tags.\`ml-platform.io/project\` = '${name}'`,
      max_results: 10,
    });
    expect(search.experiments.map((e: any) => e.experiment_id)).toEqual([id]);

    const run = await mlflow(platform, 'POST', 'runs/create', {
      experiment_id: id,
      start_time: Date.now(),
    });
    const runId = run.run.info.run_id;
    for (const [step, value] of [0.5, 0.25, 0.125].entries()) {
      await mlflow(platform, 'POST', 'runs/log-metric', {
        run_id: runId,
        key: 'loss',
        value,
        timestamp: Date.now(),
        step,
      });
    }
    const history = await mlflow(
      platform,
      'GET',
      `metrics/get-history?run_id=${runId}&metric_key=loss`,
    );
    expect(history.metrics.map((m: any) => [m.step, m.value])).toEqual([
      [0, 0.5],
      [1, 0.25],
      [2, 0.125],
    ]);
    await mlflow(platform, 'POST', 'experiments/delete', { experiment_id: id });
  });

  it('holds the seeded demo models with team tags, versions and aliases', async () => {
    const { registered_model: model } = await mlflow(
      platform,
      'GET',
      'registered-models/get?name=fraud-risk-classifier',
    );
    const tags = Object.fromEntries(
      model.tags.map((t: any) => [t.key, t.value]),
    );
    expect(tags).toMatchObject({
      'ml-platform.io/team': 'fraud-detection',
      'ml-platform.io/project': 'transaction-risk',
    });
    expect(model.aliases.map((a: any) => a.alias).sort()).toEqual([
      'challenger',
      'champion',
    ]);

    const champion = await mlflow(
      platform,
      'GET',
      'registered-models/alias?name=fraud-risk-classifier&alias=champion',
    );
    const run = await mlflow(
      platform,
      'GET',
      `runs/get?run_id=${champion.model_version.run_id}`,
    );
    expect(run.run.data.params.map((p: any) => p.key)).toEqual(
      expect.arrayContaining(['model_type', 'dataset']),
    );
    expect(run.run.data.metrics.map((m: any) => m.key)).toEqual(
      expect.arrayContaining(['accuracy', 'f1_macro']),
    );

    const versions = await mlflow(
      platform,
      'GET',
      `model-versions/search?filter=${encodeURIComponent(
        "name='demand-forecast-regressor'",
      )}`,
    );
    expect(versions.model_versions.length).toBeGreaterThanOrEqual(3);

    const experiment = await mlflow(
      platform,
      'GET',
      `experiments/get-by-name?experiment_name=${encodeURIComponent(
        'forecasting/demand-forecast',
      )}`,
    );
    const runs = await mlflow(platform, 'POST', 'runs/search', {
      experiment_ids: [experiment.experiment.experiment_id],
      max_results: 10,
    });
    const history = await mlflow(
      platform,
      'GET',
      `metrics/get-history?run_id=${runs.runs[0].info.run_id}&metric_key=val_rmse`,
    );
    expect(history.metrics.length).toBeGreaterThan(5);
  });
});
