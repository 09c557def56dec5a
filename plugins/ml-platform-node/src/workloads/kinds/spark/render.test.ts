import {
  clusterInput,
  NAMESPACE,
  pythonJob,
  PROJECT,
  scalaJob,
  SPARK_SETTINGS,
  sparkSettings,
  TARGET,
  TEAM,
  USER,
} from '../../testUtils/sparkFixtures';
import { renderSparkCluster, renderSparkJob } from './render';

const POD_LABELS = {
  'ml-platform.io/team': TEAM,
  'ml-platform.io/project': PROJECT,
};

type Rendered = {
  apiVersion: string;
  kind: string;
  metadata: Record<string, any>;
  spec: Record<string, any>;
};

const job = (...args: Parameters<typeof renderSparkJob>) =>
  renderSparkJob(...args) as unknown as Rendered[];
const cluster = (...args: Parameters<typeof renderSparkCluster>) =>
  renderSparkCluster(...args) as unknown as Rendered[];

describe('renderSparkJob', () => {
  it('makes one SparkApplication of a Python job', () => {
    const objects = job(pythonJob(), TARGET, SPARK_SETTINGS);
    expect(objects).toHaveLength(1);
    expect(objects[0]).toEqual({
      apiVersion: 'sparkoperator.k8s.io/v1beta2',
      kind: 'SparkApplication',
      metadata: {
        name: 'pi',
        namespace: NAMESPACE,
        labels: POD_LABELS,
        annotations: { 'ml-platform.io/created-by': USER },
      },
      spec: {
        type: 'Python',
        mode: 'cluster',
        sparkVersion: '4.0.1',
        image: 'docker.io/library/spark:4.0.1',
        imagePullPolicy: 'IfNotPresent',
        mainApplicationFile:
          'local:///opt/spark/examples/src/main/python/pi.py',
        pythonVersion: '3',
        driver: {
          cores: 1,
          coreRequest: '1',
          coreLimit: '1',
          memory: '512m',
          labels: POD_LABELS,
          serviceAccount: 'spark',
        },
        executor: {
          cores: 1,
          coreRequest: '1',
          coreLimit: '1',
          memory: '1g',
          labels: POD_LABELS,
          instances: 2,
        },
        restartPolicy: { type: 'Never' },
        timeToLiveSeconds: 86400,
      },
    });
  });

  it('gives a Scala job its class, arguments, version image and no pythonVersion', () => {
    const [app] = job(
      scalaJob({ sparkVersion: '3.5.7' }),
      TARGET,
      sparkSettings({ serviceAccount: 'spark-driver' }),
    );
    expect(app.spec).toMatchObject({
      type: 'Scala',
      mode: 'cluster',
      image: 'docker.io/library/spark:3.5.7',
      mainClass: 'org.apache.spark.examples.SparkPi',
      arguments: ['1000'],
      driver: { serviceAccount: 'spark-driver' },
      executor: { cores: 2, coreRequest: '2', coreLimit: '2', instances: 2 },
    });
    expect(app.spec).not.toHaveProperty('pythonVersion');
    expect(app.spec).not.toHaveProperty('sparkConf');
    expect(app.spec).not.toHaveProperty('dynamicAllocation');
  });

  it('leaves the project label out in a team namespace', () => {
    const [app] = job(
      pythonJob(),
      { namespace: TEAM, team: TEAM, user: USER },
      SPARK_SETTINGS,
    );
    expect(app.metadata.labels).toEqual({ 'ml-platform.io/team': TEAM });
    expect(app.spec.driver.labels).toEqual({ 'ml-platform.io/team': TEAM });
    expect(app.spec.executor.labels).toEqual({ 'ml-platform.io/team': TEAM });
  });

  it('writes dynamic allocation with shuffle tracking, and the conf', () => {
    const [app] = job(
      pythonJob({
        executor: { instances: 1, cores: 1, memory: '1g' },
        dynamicAllocation: { minExecutors: 0, maxExecutors: 4 },
        sparkConf: { 'spark.sql.shuffle.partitions': '8' },
      }),
      TARGET,
      SPARK_SETTINGS,
    );
    expect(app.spec.dynamicAllocation).toEqual({
      enabled: true,
      initialExecutors: 1,
      minExecutors: 0,
      maxExecutors: 4,
      shuffleTrackingEnabled: true,
    });
    expect(app.spec.sparkConf).toEqual({
      'spark.sql.shuffle.partitions': '8',
    });
  });

  it('maps the restart policy: Never alone, OnFailure with retries and intervals', () => {
    const policyOf = (restartPolicy: Parameters<typeof pythonJob>[0]) =>
      job(pythonJob(restartPolicy), TARGET, SPARK_SETTINGS)[0].spec
        .restartPolicy;
    expect(policyOf({ restartPolicy: { type: 'Never' } })).toEqual({
      type: 'Never',
    });
    expect(
      policyOf({
        restartPolicy: {
          type: 'OnFailure',
          retries: 5,
          retryIntervalSeconds: 60,
        },
      }),
    ).toEqual({
      type: 'OnFailure',
      onFailureRetries: 5,
      onFailureRetryInterval: 60,
      onSubmissionFailureRetries: 5,
      onSubmissionFailureRetryInterval: 60,
    });
    // defaults: 3 retries, 30 s apart
    expect(policyOf({ restartPolicy: { type: 'Always' } })).toEqual({
      type: 'Always',
      onFailureRetries: 3,
      onFailureRetryInterval: 30,
      onSubmissionFailureRetries: 3,
      onSubmissionFailureRetryInterval: 30,
    });
  });

  it('keeps finished applications for the input’s TTL, the settings’ default, or for ever', () => {
    const ttlOf = (
      input: Parameters<typeof pythonJob>[0],
      settings = SPARK_SETTINGS,
    ) => job(pythonJob(input), TARGET, settings)[0].spec.timeToLiveSeconds;
    expect(ttlOf({})).toBe(86400);
    expect(ttlOf({ timeToLiveSeconds: 600 })).toBe(600);
    expect(ttlOf({}, sparkSettings({ defaultTimeToLiveSeconds: 0 }))).toBe(
      undefined,
    );
  });

  it('makes a ScheduledSparkApplication of a job with a schedule, with the defaults', () => {
    const input = pythonJob({ schedule: { cron: ' 0 2 * * * ' } });
    const objects = job(input, TARGET, SPARK_SETTINGS);
    expect(objects).toHaveLength(1);
    const [scheduled] = objects;
    const [app] = job(pythonJob(), TARGET, SPARK_SETTINGS);
    expect(scheduled).toEqual({
      apiVersion: 'sparkoperator.k8s.io/v1beta2',
      kind: 'ScheduledSparkApplication',
      metadata: app.metadata,
      spec: {
        schedule: '0 2 * * *',
        timeZone: 'UTC',
        concurrencyPolicy: 'Forbid',
        successfulRunHistoryLimit: 3,
        failedRunHistoryLimit: 3,
        suspend: false,
        template: app.spec,
      },
    });
  });

  it('takes the schedule’s time zone, policy and history limits', () => {
    const [scheduled] = job(
      scalaJob({
        schedule: {
          cron: '@hourly',
          timeZone: 'Europe/Berlin',
          concurrencyPolicy: 'Replace',
          successfulRunHistoryLimit: 0,
          failedRunHistoryLimit: 10,
        },
      }),
      TARGET,
      SPARK_SETTINGS,
    );
    expect(scheduled.spec).toMatchObject({
      schedule: '@hourly',
      timeZone: 'Europe/Berlin',
      concurrencyPolicy: 'Replace',
      successfulRunHistoryLimit: 0,
      failedRunHistoryLimit: 10,
      template: {
        type: 'Scala',
        mainClass: 'org.apache.spark.examples.SparkPi',
      },
    });
  });
});

describe('renderSparkCluster', () => {
  it('makes a SparkConnect whose server runs with the sized template', () => {
    const objects = cluster(
      clusterInput({ sparkConf: { 'spark.sql.shuffle.partitions': '4' } }),
      TARGET,
      SPARK_SETTINGS,
    );
    expect(objects).toHaveLength(1);
    expect(objects[0]).toEqual({
      apiVersion: 'sparkoperator.k8s.io/v1alpha1',
      kind: 'SparkConnect',
      metadata: {
        name: 'x',
        namespace: NAMESPACE,
        labels: POD_LABELS,
        annotations: { 'ml-platform.io/created-by': USER },
      },
      spec: {
        sparkVersion: '4.0.1',
        image: 'docker.io/library/spark:4.0.1',
        sparkConf: { 'spark.sql.shuffle.partitions': '4' },
        server: {
          cores: 1,
          memory: '1g',
          template: {
            metadata: { labels: POD_LABELS },
            spec: {
              serviceAccountName: 'spark',
              containers: [
                {
                  name: 'spark-kubernetes-driver',
                  resources: {
                    requests: { cpu: '1', memory: '1408Mi' },
                    limits: { cpu: '1', memory: '1408Mi' },
                  },
                },
              ],
            },
          },
        },
        executor: {
          instances: 2,
          cores: 1,
          memory: '2g',
          template: { metadata: { labels: POD_LABELS } },
        },
      },
    });
  });

  it('gives a SparkConnect dynamic allocation', () => {
    const [connect] = cluster(
      clusterInput({
        executor: { instances: 1, cores: 1, memory: '1g' },
        dynamicAllocation: { minExecutors: 1, maxExecutors: 3 },
      }),
      TARGET,
      SPARK_SETTINGS,
    );
    expect(connect.spec.dynamicAllocation).toEqual({
      enabled: true,
      initialExecutors: 1,
      minExecutors: 1,
      maxExecutors: 3,
      shuffleTrackingEnabled: true,
    });
  });

  it('makes Apache’s SparkCluster with the apache backend', () => {
    const [sparkCluster] = cluster(
      clusterInput({
        sparkVersion: '3.5.7',
        server: { cores: 2, memory: '4g' },
        dynamicAllocation: { minExecutors: 1, maxExecutors: 4 },
        sparkConf: { 'spark.sql.shuffle.partitions': '4' },
      }),
      TARGET,
      sparkSettings({ backend: 'apache' }),
    );
    const image = 'docker.io/library/spark:3.5.7';
    const statefulSet = (container: Record<string, unknown>) => ({
      statefulSetMetadata: { labels: POD_LABELS },
      statefulSetSpec: {
        template: {
          metadata: { labels: POD_LABELS },
          spec: { serviceAccountName: 'spark', containers: [container] },
        },
      },
    });
    expect(sparkCluster).toEqual({
      apiVersion: 'spark.apache.org/v1',
      kind: 'SparkCluster',
      metadata: {
        name: 'x',
        namespace: NAMESPACE,
        labels: POD_LABELS,
        annotations: { 'ml-platform.io/created-by': USER },
      },
      spec: {
        runtimeVersions: { sparkVersion: '3.5.7' },
        clusterTolerations: {
          instanceConfig: { initWorkers: 2, minWorkers: 1, maxWorkers: 4 },
        },
        masterSpec: statefulSet({
          name: 'master',
          image,
          resources: {
            requests: { cpu: '2', memory: '4506Mi' },
            limits: { cpu: '2', memory: '4506Mi' },
          },
        }),
        workerSpec: statefulSet({
          name: 'worker',
          image,
          resources: {
            requests: { cpu: '1', memory: '2432Mi' },
            limits: { cpu: '1', memory: '2432Mi' },
          },
        }),
        sparkConf: {
          'spark.sql.shuffle.partitions': '4',
          'spark.kubernetes.container.image': image,
          'spark.worker.cores': '1',
          'spark.worker.memory': '2g',
        },
      },
    });
  });

  it('gives Apache’s SparkCluster a fixed worker count without dynamic allocation', () => {
    const [sparkCluster] = cluster(
      clusterInput({ executor: { instances: 3, cores: 1, memory: '1g' } }),
      TARGET,
      sparkSettings({ backend: 'apache' }),
    );
    expect(sparkCluster.spec.clusterTolerations.instanceConfig).toEqual({
      initWorkers: 3,
      minWorkers: 3,
      maxWorkers: 3,
    });
  });

  it('does not let the conf override the image or the worker size', () => {
    const [sparkCluster] = cluster(
      clusterInput({
        sparkConf: {
          'spark.kubernetes.container.image': 'evil:latest',
          'spark.worker.cores': '64',
        },
      }),
      TARGET,
      sparkSettings({ backend: 'apache' }),
    );
    expect(sparkCluster.spec.sparkConf).toMatchObject({
      'spark.kubernetes.container.image': 'docker.io/library/spark:4.0.1',
      'spark.worker.cores': '1',
    });
  });
});
