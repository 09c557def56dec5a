import { modelDetails } from '../../testUtils/mlflowFixtures';
import {
  compareVersionNumbers,
  defaultChartMetric,
  hasStages,
  keyRunColumns,
  latestVersion,
  sourceExperiments,
  versionLabel,
  versionMetricSeries,
  versionStatus,
} from './modelVersions';

describe('modelVersions', () => {
  const model = modelDetails();

  it('chooses the metrics and params that tell the versions apart', () => {
    expect(keyRunColumns(model.versions)).toEqual({
      metrics: ['accuracy', 'f1_macro', 'val_accuracy'],
      params: ['model_type', 'max_depth', 'dataset'],
    });
    expect(
      keyRunColumns(model.versions.map(v => ({ ...v, run: undefined }))),
    ).toEqual({ metrics: [], params: [] });
  });

  it('shows the stage column only when a version has a stage', () => {
    expect(hasStages(model.versions)).toBe(false);
    expect(hasStages([{ ...model.versions[0], stage: 'None' }])).toBe(false);
    expect(hasStages([{ ...model.versions[0], stage: 'Production' }])).toBe(
      true,
    );
  });

  it('says the registration status in words', () => {
    expect(versionStatus('READY')).toEqual({ level: 'ok', label: 'Ready' });
    expect(versionStatus('PENDING_REGISTRATION').level).toBe('pending');
    expect(versionStatus('FAILED_REGISTRATION')).toEqual({
      level: 'error',
      label: 'Registration failed',
    });
    expect(versionStatus('SOMETHING')).toEqual({
      level: 'unknown',
      label: 'SOMETHING',
    });
  });

  it('orders versions as numbers', () => {
    expect(['10', '9', '1', 'x'].sort(compareVersionNumbers)).toEqual([
      '1',
      '9',
      '10',
      'x',
    ]);
  });

  it('gives the metric per version, oldest first, and the versions without it', () => {
    const versions = [
      ...model.versions,
      { ...model.versions[0], version: '4', run: undefined, aliases: [] },
    ];
    expect(versionMetricSeries(versions, 'val_accuracy')).toEqual({
      points: [
        { version: '1', label: 'v1 (challenger)', value: 0.9777 },
        { version: '2', label: 'v2 (champion)', value: 1 },
        { version: '3', label: 'v3', value: 0.9333 },
      ],
      missing: ['v4'],
    });
    expect(versionMetricSeries(versions, 'val_log_loss').points).toEqual([
      { version: '3', label: 'v3', value: 0.2113 },
    ]);
  });

  it('names versions with their aliases', () => {
    expect(versionLabel(model.versions[1])).toBe('v2 (champion)');
    expect(versionLabel(model.versions[0])).toBe('v3');
  });

  it('finds the latest version and the experiments of the source runs', () => {
    expect(latestVersion(model.versions)?.version).toBe('3');
    expect(latestVersion([])).toBeUndefined();
    expect(sourceExperiments(model.versions)).toEqual([
      {
        id: '1',
        name: 'fraud-detection/transaction-risk',
        url: 'http://127.0.0.1:15000/#/experiments/1',
      },
    ]);
  });

  it('starts the chart with a key metric the registry offers', () => {
    expect(defaultChartMetric(model, ['f1_macro'])).toBe('f1_macro');
    expect(defaultChartMetric(model, ['unknown'])).toBe('accuracy');
    expect(defaultChartMetric({ metricKeys: [] }, [])).toBeUndefined();
  });
});
