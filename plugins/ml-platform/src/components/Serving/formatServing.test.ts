import {
  canaryDeployment,
  deployment,
  modelServing,
  predictor,
} from '../../testUtils/servingFixtures';
import {
  deploymentEntityRef,
  deploymentStateDisplay,
  formatAutoscaling,
  formatReplicas,
  formatResources,
  formatTraffic,
  historyNewestFirst,
  modelEntityRef,
  parseDeploymentAnnotation,
  predictorStateDisplay,
  rowReason,
  servingRows,
  userName,
} from './formatServing';

describe('formatServing', () => {
  it('says the traffic share, or shadow', () => {
    expect(formatTraffic({ traffic: 80, shadow: false })).toBe('80 %');
    expect(formatTraffic({ traffic: 0, shadow: true })).toBe('shadow');
  });

  it('says replicas as ready/desired', () => {
    expect(formatReplicas({ readyReplicas: 1, replicas: 2 })).toBe('1/2');
  });

  it('gives the states their tones', () => {
    expect(predictorStateDisplay('Ready')).toEqual({
      label: 'Ready',
      tone: 'ok',
    });
    expect(predictorStateDisplay('Starting').tone).toBe('pending');
    expect(predictorStateDisplay('Pending').tone).toBe('pending');
    expect(predictorStateDisplay('Failed').tone).toBe('error');
    expect(predictorStateDisplay('Odd')).toEqual({
      label: 'Odd',
      tone: 'warning',
    });
    expect(deploymentStateDisplay('Available').tone).toBe('ok');
    expect(deploymentStateDisplay('Creating').tone).toBe('pending');
    expect(deploymentStateDisplay('Failed').tone).toBe('error');
    expect(deploymentStateDisplay('').label).toBe('Unknown');
  });

  it('says the resources and the autoscaling', () => {
    expect(formatResources({ cpu: '500m', memory: '1Gi' })).toBe(
      '500m CPU · 1Gi memory per replica',
    );
    expect(formatAutoscaling(undefined)).toBe('off');
    expect(formatAutoscaling({ minReplicas: 2, maxReplicas: 5 })).toBe(
      '2 to 5 replicas',
    );
  });

  it('names users without user:default/', () => {
    expect(userName('user:default/alice')).toBe('alice');
    expect(userName('user:other/bob')).toBe('user:other/bob');
    expect(userName(undefined)).toBeUndefined();
  });

  it('orders the history newest first, ties by position', () => {
    const history = [
      { at: '2025-05-01T10:00:00Z', by: 'a', action: 'deploy', summary: '1' },
      { at: '2025-05-01T12:00:00Z', by: 'a', action: 'add', summary: '3' },
      { at: '2025-05-01T11:00:00Z', by: 'a', action: 'traffic', summary: '2' },
      { at: '2025-05-01T12:00:00Z', by: 'a', action: 'promote', summary: '4' },
    ] as const;
    expect(historyNewestFirst([...history]).map(c => c.summary)).toEqual([
      '4',
      '3',
      '2',
      '1',
    ]);
  });

  it('reads the seldon-deployment annotation', () => {
    expect(parseDeploymentAnnotation('team-a/scorer')).toEqual({
      namespace: 'team-a',
      name: 'scorer',
    });
    expect(parseDeploymentAnnotation(' team-a/scorer ')).toEqual({
      namespace: 'team-a',
      name: 'scorer',
    });
    expect(parseDeploymentAnnotation('scorer')).toBeUndefined();
    expect(parseDeploymentAnnotation('a/b/c')).toBeUndefined();
    expect(parseDeploymentAnnotation(undefined)).toBeUndefined();
  });

  it('builds the entity refs of deployments and models when the names are valid', () => {
    expect(deploymentEntityRef({ namespace: 'team-a', name: 'scorer' })).toBe(
      'component:default/team-a.scorer',
    );
    expect(
      deploymentEntityRef({ namespace: 'a'.repeat(40), name: 'b'.repeat(40) }),
    ).toBeUndefined();
    expect(modelEntityRef('fraud-risk-classifier')).toBe(
      'resource:default/fraud-risk-classifier',
    );
    expect(modelEntityRef('fraud risk/v2')).toBeUndefined();
  });

  it('makes a row per predictor, deployments by place, the main one first', () => {
    const other = deployment({ namespace: 'fraud-detection', name: 'batch' });
    const rows = servingRows(
      modelServing({ deployments: [canaryDeployment(), other] }),
    );
    expect(rows.map(row => row.id)).toEqual([
      'fraud-detection/batch/v2',
      'fraud-detection-transaction-risk/scorer/v2',
      'fraud-detection-transaction-risk/scorer/v3',
      'fraud-detection-transaction-risk/scorer/v1',
    ]);
    expect(rows[1].deployment.name).toBe('scorer');
  });

  it("gives a predictor's reason, else its deployment's while it is not ready", () => {
    const rows = servingRows(
      modelServing({
        deployments: [
          canaryDeployment({
            predictors: [
              predictor({ version: '2' }),
              predictor({ version: '3', main: false, state: 'Starting' }),
              predictor({
                version: '1',
                main: false,
                state: 'Failed',
                reason: 'OOMKilled',
              }),
            ],
          }),
        ],
      }),
    );
    expect(rows.map(rowReason)).toEqual([
      undefined,
      'Waiting for predictor v1 to be ready',
      'OOMKilled',
    ]);
  });
});
