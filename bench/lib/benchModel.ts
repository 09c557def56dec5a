import { log } from './log.ts';

type MlflowClient = InstanceType<
  typeof import('@ml-platform/backstage-plugin-ml-platform-node')['MlflowClient']
>;

const TEAM_TAG = 'ml-platform.io/team';

/**
 * The registered model the `model-page` and `load` benchmarks read, in the
 * local platform's MLflow: kept between runs, owned by `team`.
 */
export const BENCH_MODEL = {
  team: 'bench-models',
  name: 'bench-model-page',
  experiment: 'bench-models/model-page',
  versions: 4,
} as const;

/**
 * Creates the model when it is missing: 4 versions, each from its own run
 * (3 metrics of 20 steps, 3 params) in the team's experiment, and 2 aliases.
 */
export async function seedBenchModel(client: MlflowClient): Promise<void> {
  const { team, name, experiment, versions } = BENCH_MODEL;
  const existing = await client.getRegisteredModel(name).catch(() => undefined);
  if (existing) {
    log(`seed: ${name} exists, reusing it`);
    return;
  }
  const experimentId =
    (await client.getExperimentByName(experiment))?.experiment_id ??
    (await client.createExperiment(experiment, { [TEAM_TAG]: team }));
  await client.createRegisteredModel(name, {
    description: 'Benchmark model of the model page route',
    tags: { [TEAM_TAG]: team },
  });
  for (let v = 1; v <= versions; v++) {
    const run = await client.createRun({
      experimentId,
      runName: `candidate-${v}`,
    });
    const now = Date.now();
    await client.logBatch(run.info.run_id, {
      metrics: ['val_accuracy', 'val_f1', 'train_loss'].flatMap(key =>
        Array.from({ length: 20 }, (_, step) => ({
          key,
          value: Math.random(),
          timestamp: now + step,
          step,
        })),
      ),
      params: [
        { key: 'max_depth', value: String(v + 2) },
        { key: 'learning_rate', value: String(0.1 / v) },
        { key: 'model_type', value: 'gradient-boosting' },
      ],
    });
    await client.createModelVersion({
      name,
      source: `runs:/${run.info.run_id}/model`,
      runId: run.info.run_id,
    });
  }
  await client.setRegisteredModelAlias(name, 'champion', String(versions));
  await client.setRegisteredModelAlias(
    name,
    'challenger',
    String(versions - 1),
  );
  log(`seed: created ${name} with ${versions} versions`);
}

/** Deletes the model and moves its experiment to MLflow's trash. */
export async function deleteBenchModel(client: MlflowClient): Promise<void> {
  const { name, experiment } = BENCH_MODEL;
  await client.deleteRegisteredModel(name).catch(() => undefined);
  const found = await client.getExperimentByName(experiment);
  if (found && found.lifecycle_stage !== 'deleted') {
    await client.deleteExperiment(found.experiment_id);
  }
  log(`cleanup: deleted ${name} and moved ${experiment} to MLflow's trash`);
}
