import { decideExperiment, projectExperimentName } from './projectExperiment';

const experiment = (tags: Record<string, string>, lifecycle = 'active') => ({
  experiment_id: '7',
  name: 'fraud-detection/scoring',
  lifecycle_stage: lifecycle,
  tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
});

describe('decideExperiment', () => {
  it('creates a missing experiment', () => {
    expect(decideExperiment(undefined, 'fraud-detection', 'scoring')).toEqual({
      action: 'create',
    });
  });

  it("reuses the team's own, adding the project tag when missing", () => {
    expect(
      decideExperiment(
        experiment({ 'ml-platform.io/team': 'fraud-detection' }),
        'fraud-detection',
        'scoring',
      ),
    ).toEqual({ action: 'reuse', experimentId: '7', addProjectTag: true });
    expect(
      decideExperiment(
        experiment({
          'ml-platform.io/team': 'fraud-detection',
          'ml-platform.io/project': 'scoring',
        }),
        'fraud-detection',
        'scoring',
      ),
    ).toEqual({ action: 'reuse', experimentId: '7', addProjectTag: false });
  });

  it("refuses another team's, an untagged and a deleted experiment", () => {
    expect(
      decideExperiment(
        experiment({ 'ml-platform.io/team': 'recommendations' }),
        'fraud-detection',
        'scoring',
      ),
    ).toEqual({
      action: 'refuse',
      reason:
        'MLflow experiment "fraud-detection/scoring" exists and belongs to team "recommendations"',
    });
    expect(
      decideExperiment(experiment({}), 'fraud-detection', 'scoring'),
    ).toMatchObject({
      action: 'refuse',
      reason: expect.stringContaining('no team'),
    });
    expect(
      decideExperiment(
        experiment({ 'ml-platform.io/team': 'fraud-detection' }, 'deleted'),
        'fraud-detection',
        'scoring',
      ),
    ).toMatchObject({
      action: 'refuse',
      reason: expect.stringContaining('deleted'),
    });
  });

  it('names experiments <team>/<project>', () => {
    expect(projectExperimentName('fraud-detection', 'scoring')).toBe(
      'fraud-detection/scoring',
    );
  });
});
