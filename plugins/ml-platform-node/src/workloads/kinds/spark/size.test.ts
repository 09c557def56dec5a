import {
  pythonJob,
  scalaJob,
  clusterInput,
  SPARK_SETTINGS,
} from '../../testUtils/sparkFixtures';
import {
  scheduledSparkApplicationKind,
  sparkApplicationKind,
  sparkClusterKind,
} from '../spark';
import {
  largestSparkPod,
  memoryOverheadMiB,
  podResources,
  sparkMemoryMiB,
  sparkQuotaRequests,
} from './size';

const MIB = 2 ** 20;

describe('sparkMemoryMiB', () => {
  it.each([
    ['512m', 512],
    ['2g', 2048],
    ['1024k', 1],
    ['1t', 1024 * 1024],
    ['512mb', 512],
    ['4gb', 4096],
    ['2G', 2048],
    [' 3g ', 3072],
  ])('reads %j as %d MiB', (memory, mib) => {
    expect(sparkMemoryMiB(memory)).toBe(mib);
  });

  it.each(['', '512', '0m', '2.5g', '-1g', '1Gi', '512 m', 'g', '1p', '2gig'])(
    'refuses %j',
    memory => {
      expect(sparkMemoryMiB(memory)).toBeUndefined();
    },
  );
});

describe('memoryOverheadMiB', () => {
  it('is 10 % for the JVM, 40 % for Python, at least 384 MiB', () => {
    expect(memoryOverheadMiB(512, false)).toBe(384);
    expect(memoryOverheadMiB(8192, false)).toBe(820);
    expect(memoryOverheadMiB(512, true)).toBe(384);
    expect(memoryOverheadMiB(2048, true)).toBe(820);
    // rounded up to a whole MiB
    expect(memoryOverheadMiB(4001, false)).toBe(401);
  });
});

describe('podResources', () => {
  it('gives a Scala driver of 512m a pod of 896Mi, request and limit alike', () => {
    expect(podResources({ cores: 1, memory: '512m' }, false)).toEqual({
      requests: { cpu: '1', memory: '896Mi' },
      limits: { cpu: '1', memory: '896Mi' },
    });
  });

  it('gives a Python pod of 2g 2048 + 820 = 2868Mi', () => {
    expect(podResources({ cores: 2, memory: '2g' }, true)).toEqual({
      requests: { cpu: '2', memory: '2868Mi' },
      limits: { cpu: '2', memory: '2868Mi' },
    });
  });
});

describe('sparkQuotaRequests', () => {
  it('counts a driver and two executors: cpu, limits, memory bytes and pods', () => {
    // driver 512m + 384, executors 2g + 384 each
    const memory = (896 + 2 * 2432) * MIB;
    expect(
      sparkQuotaRequests(
        { cores: 1, memory: '512m' },
        { cores: 2, memory: '2g' },
        2,
        false,
      ),
    ).toEqual({
      'requests.cpu': 5,
      'limits.cpu': 5,
      'requests.memory': memory,
      'limits.memory': memory,
      pods: 3,
    });
  });

  it('uses the Python overhead for every pod of a Python job', () => {
    // driver 2g + 820, executors 1g + 410 each
    const memory = (2868 + 3 * 1434) * MIB;
    expect(
      sparkQuotaRequests(
        { cores: 1, memory: '2g' },
        { cores: 1, memory: '1g' },
        3,
        true,
      ),
    ).toMatchObject({
      'requests.cpu': 4,
      'requests.memory': memory,
      pods: 4,
    });
  });

  it('counts the driver alone without executors', () => {
    expect(
      sparkQuotaRequests(
        { cores: 2, memory: '1g' },
        { cores: 4, memory: '8g' },
        0,
        false,
      ),
    ).toEqual({
      'requests.cpu': 2,
      'limits.cpu': 2,
      'requests.memory': 1408 * MIB,
      'limits.memory': 1408 * MIB,
      pods: 1,
    });
  });
});

describe('largestSparkPod', () => {
  it('takes the most cores and the most memory of the pods', () => {
    expect(
      largestSparkPod(
        [
          { cores: 4, memory: '512m' },
          { cores: 2, memory: '8g' },
        ],
        false,
      ),
    ).toEqual({ cpu: 4, memory: (8192 + 820) * MIB });
  });
});

describe('the Spark kinds', () => {
  it('size a job as its driver and its executors', () => {
    const input = scalaJob();
    expect(sparkApplicationKind.requests(input, SPARK_SETTINGS)).toEqual(
      sparkQuotaRequests(input.driver, input.executor, 2, false),
    );
    expect(sparkApplicationKind.podRequests(input, SPARK_SETTINGS)).toEqual({
      cpu: 2,
      memory: 2432 * MIB,
    });
  });

  it('size a Python job with the Python overhead', () => {
    const input = pythonJob({ driver: { cores: 1, memory: '2g' } });
    expect(
      sparkApplicationKind.requests(input, SPARK_SETTINGS)['requests.memory'],
    ).toBe((2868 + 2 * 1434) * MIB);
    expect(sparkApplicationKind.podRequests(input, SPARK_SETTINGS)).toEqual({
      cpu: 1,
      memory: 2868 * MIB,
    });
  });

  it('count the most executors dynamic allocation may start', () => {
    const input = scalaJob({
      executor: { instances: 2, cores: 1, memory: '1g' },
      dynamicAllocation: { minExecutors: 1, maxExecutors: 6 },
    });
    const requests = sparkApplicationKind.requests(input, SPARK_SETTINGS);
    expect(requests.pods).toBe(7);
    expect(requests['requests.cpu']).toBe(7);
    expect(requests['requests.memory']).toBe((896 + 6 * 1408) * MIB);
    // a schedule's run is sized like a job
    expect(
      scheduledSparkApplicationKind.requests(input, SPARK_SETTINGS),
    ).toEqual(requests);
  });

  it('size a cluster as its server and executors, always with the JVM overhead', () => {
    const input = clusterInput({
      dynamicAllocation: { minExecutors: 0, maxExecutors: 4 },
    });
    const kind = sparkClusterKind('kubeflow');
    expect(kind.requests(input, SPARK_SETTINGS)).toEqual({
      'requests.cpu': 5,
      'limits.cpu': 5,
      'requests.memory': (1408 + 4 * 2432) * MIB,
      'limits.memory': (1408 + 4 * 2432) * MIB,
      pods: 5,
    });
    expect(kind.podRequests(input, SPARK_SETTINGS)).toEqual({
      cpu: 1,
      memory: 2432 * MIB,
    });
  });

  it('require the Spark service account of the settings', () => {
    for (const requires of [
      sparkApplicationKind.requires!(pythonJob(), SPARK_SETTINGS),
      sparkClusterKind('apache').requires!(clusterInput(), SPARK_SETTINGS),
    ]) {
      expect(requires).toEqual([
        expect.objectContaining({
          apiVersion: 'v1',
          kind: 'ServiceAccount',
          name: 'spark',
        }),
      ]);
      expect(requires[0].why).toMatch(/ML project template again/);
    }
  });

  it('select their pods by the operators’ labels', () => {
    expect(sparkApplicationKind.podSelector('pi')).toBe(
      'sparkoperator.k8s.io/app-name=pi',
    );
    expect(scheduledSparkApplicationKind.podSelector('nightly')).toBe(
      'sparkoperator.k8s.io/scheduled-app-name=nightly',
    );
    expect(sparkClusterKind('kubeflow').podSelector('x')).toBe(
      'sparkoperator.k8s.io/connect-name=x',
    );
    // Apache's spark-kubernetes-operator: Constants.LABEL_SPARK_CLUSTER_NAME
    expect(sparkClusterKind('apache').podSelector('x')).toBe(
      'spark.operator/spark-cluster-name=x',
    );
  });

  it('are the resources of their backend', () => {
    expect(sparkApplicationKind.resource.kind).toBe('SparkApplication');
    expect(scheduledSparkApplicationKind.resource.kind).toBe(
      'ScheduledSparkApplication',
    );
    expect(sparkClusterKind('kubeflow').resource).toMatchObject({
      kind: 'SparkConnect',
      group: 'sparkoperator.k8s.io',
    });
    expect(sparkClusterKind('apache').resource).toMatchObject({
      kind: 'SparkCluster',
      group: 'spark.apache.org',
    });
  });
});
