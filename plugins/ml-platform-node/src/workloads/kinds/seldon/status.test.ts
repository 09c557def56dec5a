import { ConfigReader } from '@backstage/config';
import { readServingSettings } from '../../servingSettings';
import { renderSeldonDeployment } from './render';
import {
  EXAMPLE_PAYLOAD_ANNOTATION,
  seldonStatus,
  summarizeDeployment,
} from './status';

const settings = readServingSettings(
  new ConfigReader({
    mlPlatform: { serving: { gatewayUrl: 'https://gw.example.com/' } },
  }),
);
const owner = { namespace: 'fraud-serving', team: 'fraud' };

function deployment(status: Record<string, unknown> = {}) {
  const [object] = renderSeldonDeployment(
    {
      name: 'fraud',
      model: 'fraud-risk-classifier',
      protocol: 'seldon',
      replicas: 1,
      cpu: '500m',
      memory: '1Gi',
      predictors: [
        { version: '2', modelUri: 's3://m/2', traffic: 80 },
        { version: '3', modelUri: 's3://m/3', traffic: 20 },
      ],
      main: '2',
      history: [],
    },
    { ...owner, user: 'user:default/alice' },
  ) as any[];
  return { ...object, status };
}

const pendingPod = {
  metadata: {
    name: 'fraud-v3-0-classifier-abc-x1',
    labels: { 'ml-platform.io/model-version': '3' },
  },
  status: {
    phase: 'Pending',
    conditions: [
      {
        type: 'PodScheduled',
        status: 'False',
        message:
          '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available',
      },
    ],
  },
};

describe('a model deployment for people', () => {
  it("is Available with each predictor's version, share and ready replicas, and its prediction URL", () => {
    const summary = summarizeDeployment(
      deployment({
        state: 'Available',
        deploymentStatus: {
          'fraud-v2-0-classifier': { replicas: 1, availableReplicas: 1 },
          'fraud-v3-0-classifier': { replicas: 1, availableReplicas: 1 },
        },
      }),
      { pods: [], events: [] },
      settings,
      owner,
    );
    expect(summary).toMatchObject({
      state: 'Available',
      model: 'fraud-risk-classifier',
      predictionUrl:
        'https://gw.example.com/seldon/fraud-serving/fraud/api/v1.0/predictions',
      serviceUrl:
        'http://fraud-v2.fraud-serving.svc.cluster.local:8000/api/v1.0/predictions',
    });
    expect(
      summary.predictors.map(p => [p.name, p.traffic, p.main, p.state]),
    ).toEqual([
      ['v2', 80, true, 'Ready'],
      ['v3', 20, false, 'Ready'],
    ]);
    expect(summary.reason).toBeUndefined();
  });

  it("says why a predictor waits: the scheduler's words about its pod", () => {
    const summary = summarizeDeployment(
      deployment({
        state: 'Creating',
        deploymentStatus: {
          'fraud-v2-0-classifier': { replicas: 1, availableReplicas: 1 },
          'fraud-v3-0-classifier': { replicas: 1, availableReplicas: 0 },
        },
      }),
      { pods: [pendingPod], events: [] },
      settings,
      owner,
    );
    expect(summary.predictors[1]).toMatchObject({
      state: 'Pending',
      readyReplicas: 0,
      reason: expect.stringContaining('no node has enough free cpu'),
    });
    expect(summary.reason).toMatch(/^v3: pod fraud-v3-0-classifier-abc-x1/);
  });

  it("says a quota refusal of the operator's ReplicaSet, from its event", () => {
    const summary = summarizeDeployment(
      deployment({ state: 'Creating' }),
      {
        pods: [],
        events: [
          {
            type: 'Warning',
            reason: 'FailedCreate',
            message:
              'pods "fraud-v3-0-classifier-abc-1" is forbidden: exceeded quota: ml-platform-quota',
            involvedObject: { name: 'fraud-v3-0-classifier-abc' },
            lastTimestamp: '2026-12-01T00:00:00Z',
          },
        ],
      },
      settings,
      owner,
    );
    expect(summary.predictors[1]).toMatchObject({
      state: 'Pending',
      reason: expect.stringContaining('exceeded quota'),
    });
    expect(summary.predictors[0].reason).toBeUndefined();
  });

  it("is Failed with the operator's description", () => {
    const object = deployment({
      state: 'Failed',
      description: 'Failed to get server config for MLFLOW_SERVER',
    });
    expect(
      summarizeDeployment(object, { pods: [], events: [] }, settings, owner),
    ).toMatchObject({
      state: 'Failed',
      reason: 'Failed to get server config for MLFLOW_SERVER',
    });
    expect(seldonStatus(object, { pods: [], events: [] })).toEqual({
      state: 'Failed',
      reason: 'Failed to get server config for MLFLOW_SERVER',
    });
  });

  it('has an example request with the payload the signature shaped', () => {
    const object = deployment({ state: 'Available' });
    object.metadata.annotations[EXAMPLE_PAYLOAD_ANNOTATION] = JSON.stringify({
      data: { names: ['amount'], ndarray: [[0]] },
    });
    const { curlExample } = summarizeDeployment(
      object,
      { pods: [], events: [] },
      settings,
      owner,
    );
    expect(curlExample).toBe(
      `curl -X POST 'https://gw.example.com/seldon/fraud-serving/fraud/api/v1.0/predictions' -H 'Content-Type: application/json' -d '{"data":{"names":["amount"],"ndarray":[[0]]}}'`,
    );
  });
});
