import type { WorkloadKind } from '@ml-platform/backstage-plugin-ml-platform-common';
import { summarizeWorkloads, WORKLOAD_SOURCES } from './workloads';

function source(kind: WorkloadKind, group: string) {
  const found = WORKLOAD_SOURCES.find(
    s => s.kind === kind && s.group === group,
  );
  if (!found) {
    throw new Error(`no source for ${kind} of ${group}`);
  }
  return found;
}

describe('summarizeWorkloads', () => {
  it('counts by state and adds up the same kind from several sources', () => {
    expect(
      summarizeWorkloads([
        { kind: 'SparkApplication', states: ['RUNNING', 'COMPLETED'] },
        { kind: 'Notebook', states: ['Running'] },
        { kind: 'SparkApplication', states: ['RUNNING', 'Failed'] },
      ]),
    ).toEqual([
      {
        kind: 'SparkApplication',
        total: 4,
        states: { RUNNING: 2, COMPLETED: 1, Failed: 1 },
      },
      { kind: 'Notebook', total: 1, states: { Running: 1 } },
    ]);
  });

  it('drops kinds without objects', () => {
    expect(
      summarizeWorkloads([
        { kind: 'Notebook', states: [] },
        { kind: 'SeldonDeployment', states: ['Available'] },
        { kind: 'SparkConnect', states: [] },
      ]).map(summary => summary.kind),
    ).toEqual(['SeldonDeployment']);
    expect(summarizeWorkloads([])).toEqual([]);
  });

  it('counts objects without a reported state as Pending', () => {
    expect(
      summarizeWorkloads([
        { kind: 'SparkApplication', states: [undefined, '', 'Pending'] },
      ]),
    ).toEqual([{ kind: 'SparkApplication', total: 3, states: { Pending: 3 } }]);
  });
});

describe('WORKLOAD_SOURCES', () => {
  it('lists each custom resource once', () => {
    const resources = WORKLOAD_SOURCES.map(
      s => `${s.plural}.${s.group}/${s.version}`,
    );
    expect(new Set(resources).size).toBe(resources.length);
  });

  describe('Notebook', () => {
    const { stateOf } = source('Notebook', 'kubeflow.org');

    it('is Stopped when a user stopped it through the suite, Culled when the culler did, whatever its status says', () => {
      const stopped = {
        'kubeflow-resource-stopped': '2024-05-01T10:00:00Z',
      };
      expect(
        stateOf({
          metadata: {
            annotations: {
              ...stopped,
              'ml-platform.io/stopped-by': 'user:default/alice',
            },
          },
          status: { readyReplicas: 1 },
        }),
      ).toBe('Stopped');
      expect(
        stateOf({
          metadata: { annotations: stopped },
          status: { readyReplicas: 1 },
        }),
      ).toBe('Culled');
    });

    it('has no state before the controller reported one', () => {
      expect(stateOf({})).toBeUndefined();
      expect(stateOf({ metadata: { annotations: {} } })).toBeUndefined();
    });

    it('is Running with a ready replica', () => {
      expect(stateOf({ status: { readyReplicas: 1 } })).toBe('Running');
    });

    it('is Pending when its container waits for its image, else Starting', () => {
      expect(
        stateOf({
          status: {
            readyReplicas: 0,
            containerState: { waiting: { reason: 'ImagePullBackOff' } },
          },
        }),
      ).toBe('Pending');
      expect(stateOf({ status: { readyReplicas: 0 } })).toBe('Starting');
      expect(stateOf({ status: {} })).toBe('Starting');
    });
  });

  it.each([
    [
      'SparkApplication',
      'sparkoperator.k8s.io',
      { applicationState: { state: 'RUNNING' } },
      'RUNNING',
    ],
    [
      'ScheduledSparkApplication',
      'sparkoperator.k8s.io',
      { scheduleState: 'Scheduled' },
      'Scheduled',
    ],
    ['SparkConnect', 'sparkoperator.k8s.io', { state: 'Ready' }, 'Ready'],
    [
      'SparkApplication',
      'spark.apache.org',
      { currentState: { currentStateSummary: 'RunningHealthy' } },
      'RunningHealthy',
    ],
    [
      'SparkCluster',
      'spark.apache.org',
      { currentState: { currentStateSummary: 'RunningHealthy' } },
      'RunningHealthy',
    ],
    [
      'SeldonDeployment',
      'machinelearning.seldon.io',
      { state: 'Available' },
      'Available',
    ],
  ] as Array<[WorkloadKind, string, object, string]>)(
    '%s of %s reads its state from its status',
    (kind, group, status, state) => {
      const { stateOf } = source(kind, group);
      expect(stateOf({ status })).toBe(state);
      expect(stateOf({})).toBeUndefined();
      expect(stateOf({ status: {} })).toBeUndefined();
    },
  );
});
