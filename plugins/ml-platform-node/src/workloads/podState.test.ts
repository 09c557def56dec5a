import {
  describePod,
  latestWarning,
  schedulingReason,
  timeOf,
} from './podState';
import { event, INSUFFICIENT_CPU, pod } from './testUtils/sparkFixtures';

const waitingIn = (reason: string, message?: string) => ({
  containerStatuses: [
    {
      name: 'spark-kubernetes-driver',
      state: { waiting: { reason, message } },
    },
  ],
});

describe('describePod', () => {
  it('says a Failed pod exited, with its code, reason and message', () => {
    expect(
      describePod(
        pod(
          'pi-driver',
          'Failed',
          {
            containerStatuses: [
              {
                state: {
                  terminated: {
                    exitCode: 3,
                    reason: 'Error',
                    message: 'java.lang.OutOfMemoryError',
                  },
                },
              },
            ],
          },
          { nodeName: 'worker-1' },
        ),
        [],
      ),
    ).toEqual({
      name: 'pi-driver',
      phase: 'Failed',
      node: 'worker-1',
      reason: 'exited with code 3 (Error): java.lang.OutOfMemoryError',
    });
  });

  it('gives the reason of a Failed pod that did not just exit, e.g. evicted', () => {
    const message =
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 52Mi.';
    expect(
      describePod(
        pod('pi-driver', 'Failed', {
          reason: 'Evicted',
          message,
          containerStatuses: [
            {
              state: {
                terminated: { exitCode: 137, reason: 'ContainerStatusUnknown' },
              },
            },
          ],
        }),
        [],
      ).reason,
    ).toBe(`Evicted: ${message}`);
    expect(
      describePod(
        pod('pi-driver', 'Failed', { reason: 'DeadlineExceeded' }),
        [],
      ).reason,
    ).toBe('DeadlineExceeded');
    // without its own reason or a container's: it exited
    expect(describePod(pod('pi-driver', 'Failed'), []).reason).toBe('exited');
  });

  it('says a Running pod whose container exited non-zero exited', () => {
    expect(
      describePod(
        pod('x-server', 'Running', {
          containerStatuses: [
            {
              state: { terminated: { exitCode: 137, reason: 'OOMKilled' } },
            },
          ],
        }),
        [],
      ).reason,
    ).toBe('exited with code 137 (OOMKilled)');
  });

  it('gives no reason to a pod that runs or succeeded', () => {
    expect(describePod(pod('pi-driver', 'Running'), [])).toEqual({
      name: 'pi-driver',
      phase: 'Running',
      node: undefined,
    });
    const succeeded = describePod(
      pod('pi-driver', 'Succeeded', {
        containerStatuses: [
          { state: { terminated: { exitCode: 0, reason: 'Completed' } } },
        ],
      }),
      [],
    );
    expect(succeeded.phase).toBe('Succeeded');
    expect(succeeded.reason).toBeUndefined();
  });

  it('says a Pending pod waits for a node that has what it lacks', () => {
    const message =
      '0/3 nodes are available: 3 Insufficient cpu, 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
    expect(
      describePod(
        pod('pi-driver', 'Pending', {
          conditions: [
            {
              type: 'PodScheduled',
              status: 'False',
              reason: 'Unschedulable',
              message,
            },
          ],
        }),
        [],
      ).reason,
    ).toBe(
      `waiting for a node: no node has enough free cpu and memory (${message})`,
    );
  });

  it('reads the scheduler’s FailedScheduling event when the pod has no condition yet', () => {
    expect(
      describePod(pod('pi-driver', 'Pending'), [
        event({
          type: 'Warning',
          reason: 'FailedScheduling',
          message: INSUFFICIENT_CPU,
          time: '2025-10-09T10:00:10Z',
          name: 'pi-driver',
        }),
      ]).reason,
    ).toBe(
      `waiting for a node: no node has enough free cpu (${INSUFFICIENT_CPU})`,
    );
  });

  it.each([
    ['ImagePullBackOff', 'the image cannot be pulled'],
    ['ErrImagePull', 'the image cannot be pulled'],
    ['InvalidImageName', 'the image name is not valid'],
    ['CrashLoopBackOff', 'the server keeps crashing and is being restarted'],
    ['CreateContainerConfigError', 'the container cannot be configured'],
  ])('says what the waiting reason %s means', (reason, words) => {
    expect(
      describePod(
        pod(
          'pi-driver',
          'Pending',
          waitingIn(reason, 'Back-off pulling image "spark:9"'),
        ),
        [],
      ).reason,
    ).toBe(`${words}: Back-off pulling image "spark:9"`);
    expect(
      describePod(pod('pi-driver', 'Pending', waitingIn(reason)), []).reason,
    ).toBe(words);
  });

  it('says a Running pod whose container crash-loops keeps crashing', () => {
    const message =
      'back-off 40s restarting failed container=spark-kubernetes-driver pod=x-server';
    expect(
      describePod(
        pod('x-server', 'Running', {
          containerStatuses: [
            {
              state: { waiting: { reason: 'CrashLoopBackOff', message } },
              lastState: { terminated: { exitCode: 1, reason: 'Error' } },
            },
          ],
        }),
        [],
      ),
    ).toEqual({
      name: 'x-server',
      phase: 'Running',
      node: undefined,
      reason: `the server keeps crashing and is being restarted: ${message}`,
    });
  });

  it('gives the newest Warning about the pod itself otherwise', () => {
    const events = [
      event({
        type: 'Warning',
        reason: 'FailedMount',
        message:
          'MountVolume.SetUp failed for volume "spark-conf-volume-driver"',
        time: '2025-10-09T10:00:20Z',
        name: 'pi-driver',
      }),
      event({
        type: 'Warning',
        reason: 'FailedMount',
        message: 'older',
        time: '2025-10-09T10:00:10Z',
        name: 'pi-driver',
      }),
      event({
        type: 'Warning',
        reason: 'FailedScheduling',
        message: INSUFFICIENT_CPU,
        time: '2025-10-09T10:00:30Z',
        name: 'pi-exec-1',
      }),
    ];
    expect(
      describePod(
        pod('pi-driver', 'Pending', waitingIn('ContainerCreating')),
        events,
      ).reason,
    ).toBe('MountVolume.SetUp failed for volume "spark-conf-volume-driver"');
    expect(describePod(pod('pi-driver', 'Pending'), []).reason).toBeUndefined();
  });
});

describe('schedulingReason', () => {
  it('names each missing resource once', () => {
    expect(
      schedulingReason(
        '0/4 nodes are available: 1 Insufficient nvidia.com/gpu, 3 Insufficient cpu, 2 Insufficient nvidia.com/gpu.',
      ),
    ).toMatch(
      /^waiting for a node: no node has enough free nvidia.com\/gpu and cpu \(/,
    );
  });

  it('says a pod waits for its volumes', () => {
    const message =
      '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims.';
    expect(schedulingReason(message)).toBe(
      `waiting for its volumes: ${message}`,
    );
  });

  it('passes other words on', () => {
    const message =
      "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.";
    expect(schedulingReason(message)).toBe(`waiting for a node: ${message}`);
  });
});

describe('timeOf and latestWarning', () => {
  it('read lastTimestamp, eventTime or the creation time', () => {
    expect(timeOf({ lastTimestamp: '2025-10-09T10:00:00Z' })).toBe(
      Date.parse('2025-10-09T10:00:00Z'),
    );
    expect(
      timeOf({ lastTimestamp: null, eventTime: '2025-10-09T10:00:00.500000Z' }),
    ).toBe(Date.parse('2025-10-09T10:00:00.500Z'));
    expect(
      timeOf({ metadata: { creationTimestamp: '2025-10-09T09:00:00Z' } }),
    ).toBe(Date.parse('2025-10-09T09:00:00Z'));
    expect(timeOf({})).toBe(0);
  });

  it('finds the newest Warning', () => {
    const newest = event({
      type: 'Warning',
      reason: 'BackOff',
      message: 'newest',
      time: '2025-10-09T10:05:00Z',
      name: 'p',
    });
    expect(
      latestWarning([
        event({
          type: 'Warning',
          reason: 'BackOff',
          message: 'old',
          time: '2025-10-09T10:00:00Z',
          name: 'p',
        }),
        newest,
        event({
          reason: 'Pulled',
          message: 'normal',
          time: '2025-10-09T10:09:00Z',
          name: 'p',
        }),
      ]),
    ).toBe(newest);
    expect(latestWarning([])).toBeUndefined();
  });
});
