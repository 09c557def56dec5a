import { runs } from '../../testUtils/mlflowFixtures';
import {
  defaultComparisonKey,
  historyCandidates,
  historyKeys,
  isNumericParam,
  mergeHistories,
  paramMetricPoints,
  pickHistoryMetric,
  runLabels,
  unionKeys,
} from './chartData';

const point = (step: number, value: number, second = 0) => ({
  step,
  value,
  timestamp: `2025-05-01T10:00:0${second}.000Z`,
});

describe('runLabels', () => {
  it('names runs, telling apart those with the same or no name', () => {
    expect(
      runLabels([
        { id: 'aaaaaaaa1111', name: 'forest' },
        { id: 'bbbbbbbb2222', name: 'forest' },
        { id: 'cccccccc3333', name: 'sgd' },
        { id: 'dddddddd4444', name: '' },
      ]),
    ).toEqual(
      new Map([
        ['aaaaaaaa1111', 'forest (aaaaaaaa)'],
        ['bbbbbbbb2222', 'forest (bbbbbbbb)'],
        ['cccccccc3333', 'sgd'],
        ['dddddddd4444', 'run dddddddd'],
      ]),
    );
  });
});

describe('mergeHistories', () => {
  it('makes one row per step with each run under its id', () => {
    expect(
      mergeHistories([
        { runId: 'a', points: [point(2, 0.5), point(1, 0.4)] },
        { runId: 'b', points: [point(1, 0.6), point(3, 0.9)] },
      ]),
    ).toEqual([
      { step: 1, a: 0.4, b: 0.6 },
      { step: 2, a: 0.5 },
      { step: 3, b: 0.9 },
    ]);
  });

  it('keeps the latest value of a step logged twice and drops non-finite values', () => {
    expect(
      mergeHistories([
        {
          runId: 'a',
          points: [point(1, 0.9, 5), point(1, 0.1, 1), point(2, Number.NaN)],
        },
      ]),
    ).toEqual([{ step: 1, a: 0.9 }]);
    expect(mergeHistories([])).toEqual([]);
  });
});

describe('isNumericParam', () => {
  it('is numeric when every given value is a number', () => {
    expect(isNumericParam(['0.001', '1e-3', '25', undefined, ''])).toBe(true);
    expect(isNumericParam([' 4 ', '-2'])).toBe(true);
  });

  it('is categorical with any other value, or none', () => {
    expect(isNumericParam(['0.1', 'random-forest'])).toBe(false);
    expect(isNumericParam(['True'])).toBe(false);
    expect(isNumericParam(['NaN'])).toBe(false);
    expect(isNumericParam([undefined, ''])).toBe(false);
    expect(isNumericParam([])).toBe(false);
  });
});

describe('paramMetricPoints', () => {
  const seeded = runs();

  it('puts numeric params on a numeric axis', () => {
    expect(paramMetricPoints(seeded, 'max_depth', 'accuracy')).toEqual({
      numeric: true,
      points: [
        { runId: 'run-forest', label: 'random-forest-wine', x: 4, y: 1 },
        {
          runId: 'run-boosting',
          label: 'gradient-boosting-wine',
          x: 2,
          y: 0.9333,
        },
      ],
      missing: ['sgd-logistic-regression-wine'],
    });
  });

  it('keeps categorical params as strings', () => {
    const { numeric, points, missing } = paramMetricPoints(
      seeded,
      'model_type',
      'val_log_loss',
    );
    expect(numeric).toBe(false);
    expect(points).toEqual([
      {
        runId: 'run-boosting',
        label: 'gradient-boosting-wine',
        x: 'gradient-boosting',
        y: 0.2113,
      },
    ]);
    expect(missing).toEqual([
      'sgd-logistic-regression-wine',
      'random-forest-wine',
    ]);
  });
});

describe('comparison keys', () => {
  const seeded = runs();

  it('lists every key of the runs', () => {
    expect(unionKeys(seeded.map(r => r.metrics))).toEqual([
      'accuracy',
      'f1_macro',
      'n_trees',
      'train_deviance',
      'train_log_loss',
      'val_accuracy',
      'val_log_loss',
    ]);
  });

  it('starts with a preferred key every run has', () => {
    const metrics = seeded.map(r => r.metrics);
    expect(defaultComparisonKey(metrics, ['n_trees', 'val_accuracy'])).toBe(
      'val_accuracy',
    );
    expect(defaultComparisonKey(metrics, [])).toBe('accuracy');
    expect(defaultComparisonKey([{ a: 1 }, { b: 2 }], [])).toBe('a');
    expect(defaultComparisonKey([], [])).toBeUndefined();
  });
});

describe('history metrics', () => {
  const seeded = runs();

  it('fetches the preferred common metrics first, then the other common ones', () => {
    const metrics = seeded.map(r => r.metrics);
    expect(historyCandidates(metrics, ['val_accuracy', 'n_trees'])).toEqual([
      'val_accuracy',
      'accuracy',
      'f1_macro',
    ]);
    expect(historyCandidates(metrics, [], 1)).toEqual(['accuracy']);
  });

  it('starts with a metric logged over several steps', () => {
    const history = (steps: number) =>
      Array.from({ length: steps }, (_, step) => point(step, step));
    expect(
      pickHistoryMetric(
        ['accuracy', 'val_accuracy'],
        [
          { accuracy: history(1), val_accuracy: history(3) },
          { accuracy: history(1) },
        ],
      ),
    ).toBe('val_accuracy');
    expect(pickHistoryMetric(['a', 'b'], [{ b: history(1) }])).toBe('b');
    expect(pickHistoryMetric(['a'], [])).toBe('a');
    expect(pickHistoryMetric([], [])).toBeUndefined();
  });
});

describe('historyKeys', () => {
  it('asks for the candidates and the chosen metric, within the limit', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `m${i}`);
    expect(historyKeys(ten, undefined)).toEqual(ten);
    expect(historyKeys(ten, 'm3')).toEqual(ten);
    expect(historyKeys(ten, 'other')).toEqual([...ten.slice(0, 9), 'other']);
    expect(historyKeys(['a'], 'b')).toEqual(['a', 'b']);
    expect(historyKeys([], 'b')).toEqual(['b']);
  });
});
