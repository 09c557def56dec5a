import type { CoreV1Event } from '@kubernetes/client-node';
import { describeWarning, recentWarnings } from './warnings';

const quotaMessage = (requested: string) =>
  `Error creating: pods "x-abc" is forbidden: exceeded quota: ml-platform-quota, requested: ${requested}, used: requests.cpu=800m, limited: requests.cpu=1`;

describe('describeWarning', () => {
  it('names the used up CPU quota of a ReplicaSet that cannot create its pod', () => {
    expect(
      describeWarning(
        'FailedCreate',
        'Error creating: pods "x-abc" is forbidden: exceeded quota: ml-platform-quota, requested: limits.cpu=2,requests.cpu=2, used: requests.cpu=800m, limited: requests.cpu=1',
        'ReplicaSet',
      ),
    ).toBe("A pod could not be created: the namespace's CPU quota is used up");
  });

  it('names GPU, memory, storage and pod quotas, and several at once', () => {
    const say = (requested: string) =>
      describeWarning('FailedCreate', quotaMessage(requested), 'Job');
    expect(say('requests.nvidia.com/gpu=1')).toBe(
      "A pod could not be created: the namespace's GPU quota is used up",
    );
    expect(say('limits.memory=4Gi,requests.memory=4Gi')).toBe(
      "A pod could not be created: the namespace's memory quota is used up",
    );
    expect(say('limits.cpu=2,limits.memory=4Gi,requests.cpu=2')).toBe(
      "A pod could not be created: the namespace's CPU and memory quota is used up",
    );
    expect(say('persistentvolumeclaims=1,requests.storage=10Gi')).toBe(
      "A pod could not be created: the namespace's storage quota is used up",
    );
    expect(say('pods=1')).toBe(
      "A pod could not be created: the namespace's pod quota is used up",
    );
  });

  it('says which kind of object failed', () => {
    const message = quotaMessage('requests.cpu=1');
    expect(describeWarning('FailedCreate', message, 'StatefulSet')).toMatch(
      /^A pod could not be created/,
    );
    expect(describeWarning('FailedCreate', message, 'Notebook')).toMatch(
      /^A Notebook could not be created/,
    );
    expect(describeWarning('FailedCreate', message)).toMatch(
      /^An object could not be created/,
    );
    expect(
      describeWarning(
        'FailedCreate',
        'exceeded quota: ml-platform-quota',
        'ReplicaSet',
      ),
    ).toBe("A pod could not be created: the namespace's quota is used up");
  });

  it('explains that a quota requires requests or limits', () => {
    expect(
      describeWarning(
        'FailedCreate',
        'Error creating: pods "x-abc" is forbidden: failed quota: ml-platform-quota: must specify limits.cpu for: main; limits.memory for: main',
        'ReplicaSet',
      ),
    ).toBe(
      'A pod could not be created: it sets no resource requests or limits, and the quota requires them',
    );
  });

  it('explains a pod waiting for a GPU or another resource', () => {
    expect(
      describeWarning(
        'FailedScheduling',
        '0/3 nodes are available: 3 Insufficient nvidia.com/gpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
        'Pod',
      ),
    ).toBe('A pod is waiting: no node has a free GPU');
    expect(
      describeWarning(
        'FailedScheduling',
        '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
        'Pod',
      ),
    ).toBe(
      'A pod is waiting: no node can run it (0/1 nodes are available: 1 Insufficient cpu)',
    );
  });

  it('explains containers that crash, cannot be pulled or run out of memory', () => {
    expect(
      describeWarning(
        'BackOff',
        'Back-off restarting failed container main in pod x-abc_team(1234)',
        'Pod',
      ),
    ).toBe('A container keeps crashing and is being restarted');
    expect(
      describeWarning(
        'Failed',
        'Failed to pull image "registry.invalid/never:1": not found',
      ),
    ).toBe('A container image could not be pulled');
    expect(describeWarning('Failed', 'Error: ImagePullBackOff')).toBe(
      'A container image could not be pulled',
    );
    expect(describeWarning('Failed', 'Error: context deadline exceeded')).toBe(
      'A container failed',
    );
    expect(describeWarning('OOMKilling', 'Memory cgroup out of memory')).toBe(
      'A container ran out of memory and was killed',
    );
    expect(describeWarning('FailedMount', 'MountVolume.SetUp failed')).toBe(
      'A volume could not be mounted',
    );
    expect(describeWarning('Evicted', 'The node was low on resource')).toBe(
      'A pod was evicted from its node',
    );
    expect(describeWarning('Unhealthy', 'Readiness probe failed')).toBe(
      'A container fails its health check',
    );
  });

  it('falls back to the reason and message', () => {
    expect(describeWarning('SomethingOdd', 'it happened', 'Pod')).toBe(
      'SomethingOdd: it happened',
    );
  });
});

describe('recentWarnings', () => {
  const event = (
    name: string,
    fields: Partial<CoreV1Event> = {},
  ): CoreV1Event => ({
    metadata: { name, namespace: 'team-a' },
    involvedObject: { kind: 'Pod', name },
    type: 'Warning',
    reason: 'BackOff',
    message: 'Back-off restarting failed container',
    ...fields,
  });

  it('gives Warning events newest first, up to the limit', () => {
    const warnings = recentWarnings(
      [
        event('old', { lastTimestamp: new Date('2024-05-01T08:00:00Z') }),
        event('newest', { lastTimestamp: new Date('2024-05-01T12:00:00Z') }),
        event('normal', {
          type: 'Normal',
          lastTimestamp: new Date('2024-05-01T13:00:00Z'),
        }),
        event('middle', { lastTimestamp: new Date('2024-05-01T10:00:00Z') }),
      ],
      2,
    );
    expect(warnings.map(w => w.object)).toEqual(['Pod/newest', 'Pod/middle']);
    expect(recentWarnings([event('a'), event('b')], 0)).toEqual([]);
  });

  it('ignores Normal events', () => {
    expect(
      recentWarnings(
        [
          event('a', { type: 'Normal', reason: 'Scheduled' }),
          event('b', { type: 'Normal', reason: 'Pulled' }),
        ],
        10,
      ),
    ).toEqual([]);
  });

  it('describes each event and keeps its message', () => {
    const message =
      'Error creating: pods "x-abc" is forbidden: exceeded quota: ml-platform-quota, requested: limits.cpu=2,requests.cpu=2, used: requests.cpu=800m, limited: requests.cpu=1';
    expect(
      recentWarnings(
        [
          event('x', {
            reason: 'FailedCreate',
            message,
            involvedObject: { kind: 'ReplicaSet', name: 'x' },
            count: 7,
            lastTimestamp: new Date('2024-05-01T12:00:00Z'),
          }),
        ],
        5,
      ),
    ).toEqual([
      {
        namespace: 'team-a',
        reason: 'FailedCreate',
        summary:
          "A pod could not be created: the namespace's CPU quota is used up",
        message,
        object: 'ReplicaSet/x',
        count: 7,
        lastSeen: '2024-05-01T12:00:00.000Z',
      },
    ]);
  });

  it('reads the time and count of events.k8s.io events from series and eventTime', () => {
    const warnings = recentWarnings(
      [
        event('series', {
          series: {
            count: 4,
            lastObservedTime: new Date('2024-05-01T11:00:00Z'),
          },
          eventTime: new Date('2024-05-01T09:00:00Z'),
        }),
        event('eventTime', { eventTime: new Date('2024-05-01T10:00:00Z') }),
        event('created', {
          metadata: {
            name: 'created',
            namespace: 'team-a',
            creationTimestamp: new Date('2024-05-01T09:30:00Z'),
          },
        }),
        event('timeless'),
      ],
      10,
    );
    expect(warnings.map(w => [w.object, w.lastSeen, w.count])).toEqual([
      ['Pod/series', '2024-05-01T11:00:00.000Z', 4],
      ['Pod/eventTime', '2024-05-01T10:00:00.000Z', 1],
      ['Pod/created', '2024-05-01T09:30:00.000Z', 1],
      ['Pod/timeless', undefined, 1],
    ]);
  });

  it('accepts timestamps as the strings of a raw API answer', () => {
    const [warning] = recentWarnings(
      [
        event('raw', {
          lastTimestamp: '2024-05-01T12:00:00Z' as unknown as Date,
        }),
      ],
      1,
    );
    expect(warning.lastSeen).toBe('2024-05-01T12:00:00.000Z');
  });

  it('fills in what an event lacks', () => {
    expect(
      recentWarnings(
        [{ metadata: {}, involvedObject: {}, type: 'Warning' } as CoreV1Event],
        1,
      ),
    ).toEqual([
      expect.objectContaining({
        namespace: '',
        reason: 'Warning',
        summary: 'Warning: ',
        message: '',
        count: 1,
        lastSeen: undefined,
      }),
    ]);
  });
});
