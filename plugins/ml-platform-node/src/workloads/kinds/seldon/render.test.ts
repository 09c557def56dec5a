import { ConfigReader } from '@backstage/config';
import { readServingSettings } from '../../servingSettings';
import { checkSeldonInput, checkTraffic, type SeldonInput } from './input';
import {
  renderSeldonDeployment,
  seldonInputOf,
  seldonQuotaRequests,
} from './render';

const settings = readServingSettings(new ConfigReader({}));
const MIB = 2 ** 20;

const input: SeldonInput = {
  name: 'fraud',
  model: 'fraud-risk-classifier',
  protocol: 'seldon',
  replicas: 2,
  cpu: '500m',
  memory: '1Gi',
  predictors: [
    { version: '2', modelUri: 's3://mlflow/1/a/artifacts', traffic: 80 },
    { version: '3', modelUri: 's3://mlflow/1/b/artifacts', traffic: 20 },
  ],
  main: '2',
  history: [
    {
      at: '2026-12-01T00:00:00.000Z',
      by: 'user:default/alice',
      action: 'deploy',
      summary: 'deployed version 2',
    },
  ],
};
const target = {
  namespace: 'fraud-detection-serving',
  team: 'fraud-detection',
  project: 'serving',
  user: 'user:default/alice',
};

describe('the SeldonDeployment of a model deployment', () => {
  it('has a predictor per version with its share, labels and the model server’s resources', () => {
    const [sdep] = renderSeldonDeployment(input, target) as any[];
    expect(sdep.metadata.annotations).toMatchObject({
      'ml-platform.io/served-model': 'fraud-risk-classifier',
      'ml-platform.io/main-predictor': 'v2',
      'ml-platform.io/created-by': 'user:default/alice',
    });
    expect(sdep.spec.predictors).toHaveLength(2);
    expect(sdep.spec.predictors[1]).toMatchObject({
      name: 'v3',
      replicas: 2,
      traffic: 20,
      labels: { 'ml-platform.io/model-version': '3' },
      graph: {
        name: 'classifier',
        implementation: 'MLFLOW_SERVER',
        modelUri: 's3://mlflow/1/b/artifacts',
      },
    });
    expect(
      sdep.spec.predictors[0].componentSpecs[0].spec.containers[0].resources,
    ).toEqual({
      requests: { cpu: '500m', memory: '1Gi' },
      limits: { cpu: '500m', memory: '1Gi' },
    });
  });

  it('is read back into the input it was rendered from', () => {
    const [sdep] = renderSeldonDeployment(input, target) as any[];
    expect(seldonInputOf(sdep)).toEqual(input);
    const scaled = {
      ...input,
      autoscaling: { minReplicas: 1, maxReplicas: 4 },
    };
    const [withHpa] = renderSeldonDeployment(scaled, target) as any[];
    expect(withHpa.spec.predictors[0].replicas).toBeUndefined();
    expect(withHpa.spec.predictors[0].componentSpecs[0].hpaSpec).toMatchObject({
      minReplicas: 1,
      maxReplicas: 4,
    });
    expect(seldonInputOf(withHpa)).toEqual({ ...scaled, replicas: 1 });
  });

  it('marks a shadow as such, without a share', () => {
    const shadowed = {
      ...input,
      predictors: [
        { ...input.predictors[0], traffic: 100 },
        { ...input.predictors[1], traffic: 0, shadow: true },
      ],
    };
    const [sdep] = renderSeldonDeployment(shadowed, target) as any[];
    expect(sdep.spec.predictors[1].shadow).toBe(true);
    expect(sdep.spec.predictors[1].traffic).toBeUndefined();
  });

  it("counts server and executor of every replica of every predictor against the quota (the init container's limit when larger)", () => {
    const requests = seldonQuotaRequests(input, settings);
    // 2 predictors x 2 replicas x (500m + the executor's 500m)
    expect(requests['requests.cpu']).toBeCloseTo(4);
    expect(requests['requests.memory']).toBe(4 * (1024 + 512) * MIB);
    // the storage initializer's 1 CPU limit is above 500m + 500m: still 1 per pod
    expect(requests['limits.cpu']).toBeCloseTo(4);
    expect(requests.pods).toBe(4);
    const scaled = seldonQuotaRequests(
      { ...input, autoscaling: { minReplicas: 1, maxReplicas: 5 } },
      settings,
    );
    expect(scaled.pods).toBe(10);
  });
});

describe('checks before anything is sent', () => {
  it('wants shares summing to 100, one shadow at most, each version once', () => {
    expect(
      checkTraffic([
        { version: '1', traffic: 50 },
        { version: '2', traffic: 40 },
      ]),
    ).toEqual([
      {
        field: 'traffic',
        reason:
          'must sum to 100 over the versions taking traffic (it sums to 90)',
      },
    ]);
    expect(
      checkTraffic([
        { version: '1', traffic: 100 },
        { version: '2', traffic: 0, shadow: true },
        { version: '3', traffic: 0, shadow: true },
      ]),
    ).toEqual([{ field: 'traffic', reason: 'has more than one shadow' }]);
    expect(
      checkTraffic([
        { version: '1', traffic: 50 },
        { version: '1', traffic: 50 },
      ])[0].reason,
    ).toMatch(/names version 1 twice/);
    expect(checkTraffic([{ version: '1', traffic: 100 }])).toEqual([]);
  });

  it('names each field out of bounds', () => {
    const issues = checkSeldonInput(
      {
        ...input,
        name: 'Not_A_Name',
        cpu: '64',
        replicas: 11,
        autoscaling: { minReplicas: 5, maxReplicas: 3 },
        main: '9',
      },
      settings,
    );
    expect(issues.map(issue => issue.field)).toEqual([
      'name',
      'cpu',
      'replicas',
      'autoscaling.minReplicas',
      'main',
    ]);
  });
});
