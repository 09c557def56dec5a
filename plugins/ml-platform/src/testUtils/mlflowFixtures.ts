import type {
  ExperimentSummary,
  MetricHistoryResponse,
  ModelDetails,
  ModelVersionSummary,
  RunSearchResponse,
  RunSummary,
  SourceRun,
} from '@ml-platform/backstage-plugin-ml-platform-common';

/**
 * MLflow data shaped like the local platform's seed (platform/seed/seed_mlflow.py):
 * team fraud-detection, experiment fraud-detection/transaction-risk with three
 * scikit-learn runs on the wine data set, registered as the three versions of
 * fraud-risk-classifier (champion and challenger aliases).
 */

export const MLFLOW_URL = 'http://127.0.0.1:15000';
export const EXPERIMENT_ID = '1';
export const EXPERIMENT_NAME = 'fraud-detection/transaction-risk';
export const MODEL_NAME = 'fraud-risk-classifier';

const experimentUrl = (id: string) => `${MLFLOW_URL}/#/experiments/${id}`;
const runUrl = (experimentId: string, runId: string) =>
  `${experimentUrl(experimentId)}/runs/${runId}`;

export function experiment(
  overrides: Partial<ExperimentSummary> = {},
): ExperimentSummary {
  const id = overrides.id ?? EXPERIMENT_ID;
  return {
    id,
    name: EXPERIMENT_NAME,
    team: 'fraud-detection',
    project: 'transaction-risk',
    description:
      'Demo experiment of the fraud-detection team (transaction-risk): scikit-learn models on the wine data set.',
    lifecycleStage: 'active',
    createdAt: '2025-05-01T09:00:00.000Z',
    updatedAt: '2025-05-02T09:00:00.000Z',
    mlflowUrl: experimentUrl(id),
    ...overrides,
  };
}

type RunSpec = {
  id: string;
  name: string;
  metrics: Record<string, number>;
  params: Record<string, string>;
  startTime: string;
};

const COMMON_PARAMS = {
  dataset: 'wine',
  test_size: '0.25',
  random_state: '42',
};

const RUN_SPECS: RunSpec[] = [
  {
    id: 'run-sgd',
    name: 'sgd-logistic-regression-wine',
    metrics: {
      accuracy: 0.9777,
      f1_macro: 0.9761,
      val_accuracy: 0.9777,
      train_log_loss: 0.0412,
    },
    params: {
      ...COMMON_PARAMS,
      model_type: 'sgd-logistic-regression',
      alpha: '0.001',
      epochs: '25',
    },
    startTime: '2025-05-01T10:00:00.000Z',
  },
  {
    id: 'run-forest',
    name: 'random-forest-wine',
    metrics: {
      accuracy: 1,
      f1_macro: 1,
      val_accuracy: 1,
      n_trees: 50,
    },
    params: {
      ...COMMON_PARAMS,
      model_type: 'random-forest',
      max_trees: '50',
      max_depth: '4',
    },
    startTime: '2025-05-01T10:05:00.000Z',
  },
  {
    id: 'run-boosting',
    name: 'gradient-boosting-wine',
    metrics: {
      accuracy: 0.9333,
      f1_macro: 0.9341,
      val_accuracy: 0.9333,
      val_log_loss: 0.2113,
      train_deviance: 0.0051,
    },
    params: {
      ...COMMON_PARAMS,
      model_type: 'gradient-boosting',
      n_estimators: '40',
      learning_rate: '0.1',
      max_depth: '2',
    },
    startTime: '2025-05-01T10:10:00.000Z',
  },
];

export function runs(experimentId = EXPERIMENT_ID): RunSummary[] {
  return RUN_SPECS.map(spec => ({
    id: spec.id,
    name: spec.name,
    experimentId,
    status: 'FINISHED',
    user: 'alice',
    startTime: spec.startTime,
    endTime: spec.startTime.replace(':00.000Z', ':42.000Z'),
    durationMs: 42_000,
    metrics: spec.metrics,
    params: spec.params,
    tags: { 'ml-platform.io/team': 'fraud-detection' },
    mlflowUrl: runUrl(experimentId, spec.id),
  }));
}

function sortedKeys(records: Record<string, unknown>[]): string[] {
  return [...new Set(records.flatMap(r => Object.keys(r)))].sort();
}

export function runSearchResponse(
  page: RunSummary[] = runs(),
  nextPageToken?: string,
): RunSearchResponse {
  return {
    runs: page,
    nextPageToken,
    metricKeys: sortedKeys(page.map(r => r.metrics)),
    paramKeys: sortedKeys(page.map(r => r.params)),
  };
}

/** Metrics the seed logs once, after training, rather than per step. */
const FINAL_METRICS = new Set(['accuracy', 'f1_macro']);

/**
 * The history of every metric asked for that the run has: three steps
 * ending at the run's final value, or a single point at step 0 for the
 * final metrics.
 */
export function metricHistory(
  runId: string,
  keys: string[],
): MetricHistoryResponse {
  const run = runs().find(r => r.id === runId);
  const metrics = Object.fromEntries(
    keys
      .filter(key => run?.metrics[key] !== undefined)
      .map(key => {
        const last = run!.metrics[key];
        const steps = FINAL_METRICS.has(key) ? [0] : [1, 2, 3];
        return [
          key,
          steps.map(step => ({
            step,
            value: step === 0 ? last : (last * step) / 3,
            timestamp: `2025-05-01T10:00:0${step}.000Z`,
          })),
        ];
      }),
  );
  return { runId, metrics };
}

function sourceRun(run: RunSummary): SourceRun {
  return {
    id: run.id,
    name: run.name,
    status: run.status,
    experimentId: run.experimentId,
    experimentName: EXPERIMENT_NAME,
    metrics: run.metrics,
    params: run.params,
    mlflowUrl: run.mlflowUrl,
    experimentUrl: experimentUrl(run.experimentId),
  };
}

function version(
  number: number,
  run: RunSummary,
  extra: Partial<ModelVersionSummary> = {},
): ModelVersionSummary {
  return {
    version: String(number),
    aliases: [],
    status: 'READY',
    createdAt: `2025-05-01T11:0${number}:00.000Z`,
    updatedAt: `2025-05-01T11:0${number}:00.000Z`,
    description: `${run.params.model_type} (accuracy=${run.metrics.accuracy} on the held-out split)`,
    source: `models:/m-${run.id}`,
    tags: { model_type: run.params.model_type },
    mlflowUrl: `${MLFLOW_URL}/#/models/${MODEL_NAME}/versions/${number}`,
    run: sourceRun(run),
    ...extra,
  };
}

/** fraud-risk-classifier: v2 (random forest) champion, v1 (SGD) challenger. */
export function modelDetails(
  overrides: Partial<ModelDetails> = {},
): ModelDetails {
  const [sgd, forest, boosting] = runs();
  return {
    name: MODEL_NAME,
    description:
      "transaction-risk model of the fraud-detection team, trained on scikit-learn's wine data set.",
    team: 'fraud-detection',
    project: 'transaction-risk',
    public: false,
    tags: {
      'ml-platform.io/team': 'fraud-detection',
      'ml-platform.io/project': 'transaction-risk',
    },
    aliases: [
      { alias: 'champion', version: '2' },
      { alias: 'challenger', version: '1' },
    ],
    createdAt: '2025-05-01T11:00:00.000Z',
    updatedAt: '2025-05-01T11:05:00.000Z',
    mlflowUrl: `${MLFLOW_URL}/#/models/${MODEL_NAME}`,
    versions: [
      version(3, boosting),
      version(2, forest, {
        aliases: ['champion'],
        tags: { model_type: 'random-forest', validation_status: 'approved' },
      }),
      version(1, sgd, { aliases: ['challenger'] }),
    ],
    metricKeys: sortedKeys([sgd, forest, boosting].map(r => r.metrics)),
    ...overrides,
  };
}
