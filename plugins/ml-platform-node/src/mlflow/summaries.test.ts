import { mlflowLinks } from './links';
import {
  keyValues,
  sortedKeys,
  toExperimentSummary,
  toModelDetails,
  toModelVersionSummary,
  toRunSummary,
  toSourceRun,
} from './summaries';
import type { MlflowRun } from './types';

const links = mlflowLinks('https://mlflow.example.com/');

const run: MlflowRun = {
  info: {
    run_id: 'r1',
    run_name: 'forest',
    experiment_id: '7',
    user_id: 'alice',
    status: 'FINISHED',
    start_time: 1_700_000_000_000,
    end_time: 1_700_000_060_000,
  },
  data: {
    metrics: [
      { key: 'val_accuracy', value: 0.9, timestamp: 1, step: 3 },
      { key: 'train_loss', value: 0.2, timestamp: 1, step: 3 },
    ],
    params: [{ key: 'max_depth', value: '4' }],
    tags: [
      { key: 'ml-platform.io/team', value: 'fraud' },
      { key: 'mlflow.user', value: 'alice' },
    ],
  },
};

describe('MLflow summaries', () => {
  it('links into the MLflow UI, encoding names', () => {
    expect(links.run('7', 'r1')).toBe(
      'https://mlflow.example.com/#/experiments/7/runs/r1',
    );
    expect(links.modelVersion('a b', '2')).toBe(
      'https://mlflow.example.com/#/models/a%20b/versions/2',
    );
  });

  it('reads tags as a record and sorts the keys of several records', () => {
    expect(keyValues([{ key: 'a', value: '1' }])).toEqual({ a: '1' });
    expect(keyValues(undefined)).toEqual({});
    expect(
      sortedKeys([
        { b: 1, a: 1 },
        { c: 1, a: 2 },
      ]),
    ).toEqual(['a', 'b', 'c']);
  });

  it('summarises an experiment with team, project and note', () => {
    expect(
      toExperimentSummary(
        {
          experiment_id: '7',
          name: 'fraud/scoring',
          lifecycle_stage: 'active',
          creation_time: 1_700_000_000_000,
          tags: [
            { key: 'ml-platform.io/team', value: 'fraud' },
            { key: 'ml-platform.io/project', value: 'scoring' },
            { key: 'mlflow.note.content', value: 'Scoring models' },
          ],
        },
        links,
      ),
    ).toEqual({
      id: '7',
      name: 'fraud/scoring',
      team: 'fraud',
      project: 'scoring',
      description: 'Scoring models',
      lifecycleStage: 'active',
      createdAt: '2023-11-14T22:13:20.000Z',
      updatedAt: undefined,
      mlflowUrl: 'https://mlflow.example.com/#/experiments/7',
    });
  });

  it("summarises a run without MLflow's own tags, with its duration", () => {
    expect(toRunSummary(run, links)).toEqual({
      id: 'r1',
      name: 'forest',
      experimentId: '7',
      status: 'FINISHED',
      user: 'alice',
      startTime: '2023-11-14T22:13:20.000Z',
      endTime: '2023-11-14T22:14:20.000Z',
      durationMs: 60_000,
      metrics: { val_accuracy: 0.9, train_loss: 0.2 },
      params: { max_depth: '4' },
      tags: { 'ml-platform.io/team': 'fraud' },
      mlflowUrl: 'https://mlflow.example.com/#/experiments/7/runs/r1',
    });
  });

  it('names a running run without a name by its id and gives no duration', () => {
    const running = toRunSummary(
      { info: { run_id: 'r2', experiment_id: '7' }, data: {} },
      links,
    );
    expect(running).toMatchObject({ name: 'r2', status: 'UNKNOWN' });
    expect(running.durationMs).toBeUndefined();
  });

  it("gives a version the model's aliases, its stage only when set, and its run", () => {
    const version = toModelVersionSummary(
      {
        name: 'm',
        version: '2',
        current_stage: 'None',
        status: 'READY',
        run_id: 'r1',
        aliases: ['b-alias'],
      },
      links,
      { run: toSourceRun(run, undefined, links) },
      [
        { alias: 'champion', version: '2' },
        { alias: 'old', version: '1' },
      ],
    );
    expect(version.aliases).toEqual(['b-alias', 'champion']);
    expect(version.stage).toBeUndefined();
    expect(version.run?.experimentUrl).toBe(
      'https://mlflow.example.com/#/experiments/7',
    );
    expect(
      toModelVersionSummary(
        { name: 'm', version: '1', current_stage: 'Production' },
        links,
        { runUnavailable: 'gone' },
      ),
    ).toMatchObject({ stage: 'Production', runUnavailable: 'gone' });
  });

  it('orders versions newest first by number and offers the metrics of their runs', () => {
    const details = toModelDetails({
      model: {
        name: 'm',
        tags: [{ key: 'ml-platform.io/project', value: 'p' }],
      },
      team: 'fraud',
      isPublic: false,
      links,
      versions: ['2', '10', '9'].map(v =>
        toModelVersionSummary({ name: 'm', version: v }, links, {
          run: toSourceRun(run, undefined, links),
        }),
      ),
    });
    expect(details.versions.map(v => v.version)).toEqual(['10', '9', '2']);
    expect(details.metricKeys).toEqual(['train_loss', 'val_accuracy']);
    expect(details).toMatchObject({
      team: 'fraud',
      project: 'p',
      public: false,
    });
  });
});
