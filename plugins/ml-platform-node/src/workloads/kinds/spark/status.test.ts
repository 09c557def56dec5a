import type { SparkJobSummary } from '@ml-platform/backstage-plugin-ml-platform-common';
import {
  apacheSparkCluster,
  event,
  GATEWAY_URL,
  INSUFFICIENT_CPU,
  NAMESPACE,
  OWNER,
  pod,
  PROJECT,
  pythonJob,
  scalaJob,
  scheduledSparkApplication,
  scheduleRun,
  SPARK_SETTINGS,
  sparkApplication,
  sparkConnect,
  sparkSettings,
  TARGET,
  TEAM,
  USER,
} from '../../testUtils/sparkFixtures';
import type { RelatedObjects } from '../../WorkloadKind';
import { renderSparkJob } from './render';
import {
  distillSparkError,
  sparkApplicationStatus,
  sparkClusterStatus,
  sparkConnection,
  sparkJobDetail,
  sparkScheduleStatus,
  sparkTimeline,
  sparkUi,
  summarizeSparkCluster,
  summarizeSparkJob,
  summarizeSparkSchedule,
} from './status';

const NOTHING: RelatedObjects = { pods: [], events: [] };
const ERROR = 'driver container failed with ExitCode: 3, Reason: Error';
const UI_URL = `${GATEWAY_URL}/spark/${NAMESPACE}/pi/`;

const summarize = (
  application: Record<string, any>,
  related: Partial<RelatedObjects> = {},
  settings = SPARK_SETTINGS,
) =>
  summarizeSparkJob(application, { ...NOTHING, ...related }, settings, OWNER);

/** The operator's status of `pi` in `state`, with `extra` merged in. */
const statusOf = (state: string, extra: Record<string, any> = {}) => ({
  applicationState: { state },
  driverInfo: {
    podName: 'pi-driver',
    webUIServiceName: 'pi-ui-svc',
    webUIPort: 4040,
  },
  executorState: { 'pi-exec-1': 'RUNNING' },
  submissionAttempts: 1,
  executionAttempts: 1,
  lastSubmissionAttemptTime: '2025-10-09T10:00:05Z',
  sparkApplicationId: 'spark-abc',
  ...extra,
});

const failedScheduling = (name: string, message = INSUFFICIENT_CPU) =>
  event({
    type: 'Warning',
    reason: 'FailedScheduling',
    message,
    time: '2025-10-09T10:00:10Z',
    name,
  });

describe('summarizeSparkJob', () => {
  it('shows a running job with its driver, executors and UI through the gateway', () => {
    expect(
      summarize(sparkApplication(), {
        pods: [pod('pi-driver', 'Running', {}, { nodeName: 'worker-1' })],
      }),
    ).toEqual({
      namespace: NAMESPACE,
      team: TEAM,
      project: PROJECT,
      name: 'pi',
      createdBy: USER,
      createdAt: '2025-10-09T10:00:00Z',
      type: 'Python',
      sparkVersion: '4.0.1',
      image: 'docker.io/library/spark:4.0.1',
      mainApplicationFile: 'local:///opt/spark/examples/src/main/python/pi.py',
      state: 'RUNNING',
      submissionAttempts: 1,
      executionAttempts: 1,
      submittedAt: '2025-10-09T10:00:05Z',
      driver: { name: 'pi-driver', phase: 'Running', node: 'worker-1' },
      executors: { RUNNING: 1 },
      ui: { url: UI_URL, service: 'pi-ui-svc:4040' },
      size: {
        driver: { cores: 1, memory: '512m' },
        executor: { cores: 1, memory: '1g', instances: 2 },
      },
    });
  });

  it('gives the operator’s error message as the reason of a failed job', () => {
    const summary = summarize(
      sparkApplication({
        status: statusOf('FAILED', {
          applicationState: { state: 'FAILED', errorMessage: ERROR },
          terminationTime: '2025-10-09T10:02:00Z',
        }),
      }),
      {
        pods: [
          pod('pi-driver', 'Failed', {
            containerStatuses: [
              { state: { terminated: { exitCode: 3, reason: 'Error' } } },
            ],
          }),
        ],
      },
    );
    expect(summary).toMatchObject({
      state: 'FAILED',
      reason: ERROR,
      endedAt: '2025-10-09T10:02:00Z',
      driver: {
        name: 'pi-driver',
        phase: 'Failed',
        reason: 'exited with code 3 (Error)',
      },
    });
  });

  it('counts the attempts when a failure has no message', () => {
    expect(
      summarize(sparkApplication({ status: statusOf('FAILED') })).reason,
    ).toBe('the driver failed after 1 submission and 1 execution attempt(s)');
    expect(
      summarize(
        sparkApplication({
          status: {
            applicationState: { state: 'SUBMISSION_FAILED' },
            submissionAttempts: 3,
          },
        }),
      ).reason,
    ).toBe(
      'the submission failed after 3 submission and 0 execution attempt(s)',
    );
  });

  it('says a job pending a re-run waits, with the last error and the attempts', () => {
    expect(
      summarize(
        sparkApplication({
          status: statusOf('PENDING_RERUN', {
            applicationState: { state: 'PENDING_RERUN', errorMessage: ERROR },
            submissionAttempts: 2,
            executionAttempts: 2,
          }),
        }),
      ).reason,
    ).toBe(
      `waiting to be submitted again; the last attempt: ${ERROR} (2 submission and 2 execution attempt(s))`,
    );
  });

  it('says a Pending driver waits for a node, in the scheduler’s words', () => {
    const expected = `the driver is waiting for a node: no node has enough free cpu (${INSUFFICIENT_CPU})`;
    const app = sparkApplication({ status: statusOf('SUBMITTED') });
    // from the scheduler's event
    expect(
      summarize(app, {
        pods: [pod('pi-driver', 'Pending')],
        events: [failedScheduling('pi-driver')],
      }),
    ).toMatchObject({ state: 'SUBMITTED', reason: expected });
    // from the pod's PodScheduled condition
    expect(
      summarize(app, {
        pods: [
          pod('pi-driver', 'Pending', {
            conditions: [
              {
                type: 'PodScheduled',
                status: 'False',
                reason: 'Unschedulable',
                message: INSUFFICIENT_CPU,
              },
            ],
          }),
        ],
      }).reason,
    ).toBe(expected);
  });

  it('says a Pending driver’s image cannot be pulled, in a sentence', () => {
    const app = sparkApplication({ status: statusOf('SUBMITTED') });
    expect(
      summarize(app, {
        pods: [
          pod('pi-driver', 'Pending', {
            containerStatuses: [
              {
                state: {
                  waiting: {
                    reason: 'ImagePullBackOff',
                    message: 'Back-off pulling image "spark:9.9"',
                  },
                },
              },
            ],
          }),
        ],
      }).reason,
    ).toBe(
      'the driver: the image cannot be pulled: Back-off pulling image "spark:9.9"',
    );
  });

  it('says why a job that has not run yet waits', () => {
    expect(
      summarize(sparkApplication({ status: statusOf('SUBMITTED') })).reason,
    ).toBe('submitted: waiting for the driver to run');
    const fresh = summarize(sparkApplication({ status: {} }));
    expect(fresh).toMatchObject({
      state: 'NEW',
      reason: 'waiting for the Spark operator to submit it',
      submissionAttempts: 0,
      executionAttempts: 0,
      executors: {},
      ui: { note: 'The Spark UI opens when the driver runs' },
    });
    expect(fresh.driver).toBeUndefined();
  });

  it('gives the newest Warning as the reason when nothing else says why', () => {
    const app = sparkApplication({ status: statusOf('SUBMITTED') });
    expect(
      summarize(app, {
        events: [
          event({
            type: 'Warning',
            reason: 'FailedMount',
            message: 'newer',
            time: '2025-10-09T10:00:30Z',
            name: 'pi-driver',
          }),
          event({
            type: 'Warning',
            reason: 'FailedMount',
            message: 'older',
            time: '2025-10-09T10:00:20Z',
            name: 'pi-driver',
          }),
          event({
            reason: 'SparkApplicationSubmitted',
            message: 'newest, but Normal',
            time: '2025-10-09T10:00:40Z',
            kind: 'SparkApplication',
            name: 'pi',
          }),
        ],
      }).reason,
    ).toBe('newer');
  });

  it('says where the UI is without a gateway', () => {
    expect(
      summarize(
        sparkApplication(),
        {},
        sparkSettings({ gatewayUrl: undefined }),
      ).ui,
    ).toEqual({
      service: 'pi-ui-svc:4040',
      note: 'No gateway is configured: reach the UI through its service pi-ui-svc:4040, e.g. with kubectl port-forward',
    });
  });

  it('links the history server once the job is done, only when one is configured', () => {
    const done = sparkApplication({
      status: statusOf('COMPLETED', {
        terminationTime: '2025-10-09T10:02:00Z',
        executorState: { 'pi-exec-1': 'COMPLETED' },
      }),
    });
    expect(summarize(done).ui).toEqual({
      service: 'pi-ui-svc:4040',
      note: 'The Spark UI ended with the driver; the history server keeps the run',
      historyUrl: 'https://history.example.com/history/spark-abc/',
    });
    expect(
      summarize(done, {}, sparkSettings({ historyServerUrl: undefined })).ui,
    ).toEqual({
      service: 'pi-ui-svc:4040',
      note: 'The Spark UI ended with the driver, and no history server is configured',
    });
    expect(summarize(done).reason).toBeUndefined();
  });

  it('counts executors by state', () => {
    expect(
      summarize(
        sparkApplication({
          status: statusOf('RUNNING', {
            executorState: {
              'pi-exec-1': 'RUNNING',
              'pi-exec-2': 'RUNNING',
              'pi-exec-3': 'FAILED',
              'pi-exec-4': 'PENDING',
            },
          }),
        }),
      ).executors,
    ).toEqual({ RUNNING: 2, FAILED: 1, PENDING: 1 });
  });

  it('says a named driver that is gone is Absent', () => {
    expect(
      summarize(sparkApplication({ status: statusOf('COMPLETED') })).driver,
    ).toEqual({ name: 'pi-driver', phase: 'Absent' });
  });

  it('names the schedule of a run and the job a re-run repeats', () => {
    const run = summarize(
      scheduleRun('nightly', '1760061600000000003', 'RUNNING'),
    );
    expect(run.schedule).toBe('nightly');
    expect(run.rerunOf).toBeUndefined();
    const rerun = summarize(
      sparkApplication({
        name: 'pi-rerun-1',
        annotations: { 'ml-platform.io/rerun-of': 'pi' },
      }),
    );
    expect(rerun.rerunOf).toBe('pi');
    expect(rerun.schedule).toBeUndefined();
  });

  it('reads the size of a rendered job, with dynamic allocation', () => {
    const [rendered] = renderSparkJob(
      scalaJob({ dynamicAllocation: { minExecutors: 1, maxExecutors: 5 } }),
      TARGET,
      SPARK_SETTINGS,
    ) as Array<{ spec: Record<string, any> }>;
    expect(summarize(sparkApplication({ spec: rendered.spec })).size).toEqual({
      driver: { cores: 1, memory: '512m' },
      executor: { cores: 2, memory: '2g', instances: 2 },
      dynamicAllocation: { minExecutors: 1, maxExecutors: 5 },
    });
  });
});

describe('sparkUi', () => {
  it('fills a pattern without {gateway} when no gateway is configured', () => {
    expect(
      sparkUi(
        sparkApplication(),
        'RUNNING',
        sparkSettings({
          gatewayUrl: undefined,
          uiUrlPattern: 'https://spark-ui.example.com/{namespace}/{name}/',
        }),
      ),
    ).toEqual({
      url: `https://spark-ui.example.com/${NAMESPACE}/pi/`,
      service: 'pi-ui-svc:4040',
    });
  });

  it('has the UI while the job succeeds or fails, and defaults the port to 4040', () => {
    const app = sparkApplication({
      status: statusOf('SUCCEEDING', {
        driverInfo: { podName: 'pi-driver', webUIServiceName: 'pi-ui-svc' },
      }),
    });
    for (const state of ['SUCCEEDING', 'FAILING'] as const) {
      expect(sparkUi(app, state, SPARK_SETTINGS)).toEqual({
        url: UI_URL,
        service: 'pi-ui-svc:4040',
      });
    }
  });
});

describe('sparkTimeline', () => {
  it('lists the events oldest first, keeping Warnings as Warnings', () => {
    expect(
      sparkTimeline([
        event({
          type: 'Warning',
          reason: 'SparkApplicationFailed',
          message: `SparkApplication pi failed: ${ERROR}`,
          time: '2025-10-09T10:02:01Z',
          kind: 'SparkApplication',
          name: 'pi',
        }),
        event({
          reason: 'SparkApplicationSubmitted',
          message: 'SparkApplication pi was submitted successfully',
          time: '2025-10-09T10:00:00Z',
          kind: 'SparkApplication',
          name: 'pi',
        }),
        { ...failedScheduling('pi-driver'), type: 'Warning' },
        event({
          reason: 'SparkDriverRunning',
          message: 'Driver pi-driver is running',
          time: '2025-10-09T10:00:30.123456Z',
          kind: 'SparkApplication',
          name: 'pi',
          eventTime: true,
        }),
        event({
          type: 'Warning',
          reason: 'SparkDriverFailed',
          message: 'Driver pi-driver failed',
          time: '2025-10-09T10:02:00Z',
          kind: 'SparkApplication',
          name: 'pi',
        }),
      ]),
    ).toEqual([
      {
        time: '2025-10-09T10:00:00.000Z',
        type: 'Normal',
        reason: 'SparkApplicationSubmitted',
        message: 'SparkApplication pi was submitted successfully',
        object: 'SparkApplication/pi',
      },
      {
        time: '2025-10-09T10:00:10.000Z',
        type: 'Warning',
        reason: 'FailedScheduling',
        message: INSUFFICIENT_CPU,
        object: 'Pod/pi-driver',
      },
      {
        time: '2025-10-09T10:00:30.123Z',
        type: 'Normal',
        reason: 'SparkDriverRunning',
        message: 'Driver pi-driver is running',
        object: 'SparkApplication/pi',
      },
      {
        time: '2025-10-09T10:02:00.000Z',
        type: 'Warning',
        reason: 'SparkDriverFailed',
        message: 'Driver pi-driver failed',
        object: 'SparkApplication/pi',
      },
      {
        time: '2025-10-09T10:02:01.000Z',
        type: 'Warning',
        reason: 'SparkApplicationFailed',
        message: `SparkApplication pi failed: ${ERROR}`,
        object: 'SparkApplication/pi',
      },
    ]);
  });
});

describe('sparkJobDetail', () => {
  it('adds the arguments, conf, restart policy, TTL and timeline', () => {
    const [rendered] = renderSparkJob(
      scalaJob({
        sparkConf: { 'spark.sql.shuffle.partitions': '8' },
        restartPolicy: { type: 'OnFailure', retries: 2 },
        timeToLiveSeconds: 600,
      }),
      TARGET,
      SPARK_SETTINGS,
    ) as Array<{ spec: Record<string, any> }>;
    const submitted = event({
      reason: 'SparkApplicationSubmitted',
      message: 'SparkApplication pi was submitted successfully',
      time: '2025-10-09T10:00:00Z',
      kind: 'SparkApplication',
      name: 'pi',
    });
    const detail = sparkJobDetail(
      sparkApplication({ spec: rendered.spec }),
      { pods: [], events: [submitted] },
      SPARK_SETTINGS,
      OWNER,
    );
    expect(detail).toMatchObject({
      name: 'pi',
      type: 'Scala',
      mainClass: 'org.apache.spark.examples.SparkPi',
      arguments: ['1000'],
      sparkConf: { 'spark.sql.shuffle.partitions': '8' },
      restartPolicy: { type: 'OnFailure', retries: 2 },
      timeToLiveSeconds: 600,
      timeline: [
        expect.objectContaining({
          reason: 'SparkApplicationSubmitted',
          object: 'SparkApplication/pi',
        }),
      ],
    });
  });

  it('gives a bare spec empty arguments and conf and the policy Never', () => {
    const detail = sparkJobDetail(
      sparkApplication({ spec: { type: 'Python' } }),
      NOTHING,
      SPARK_SETTINGS,
      OWNER,
    );
    expect(detail.arguments).toEqual([]);
    expect(detail.sparkConf).toEqual({});
    expect(detail.restartPolicy).toEqual({ type: 'Never' });
    expect(detail).not.toHaveProperty('timeToLiveSeconds');
    expect(detail.timeline).toEqual([]);
  });
});

describe('summarizeSparkSchedule', () => {
  const runs = (...apps: Array<Record<string, any>>): SparkJobSummary[] =>
    apps.map(app => summarize(app));
  const first = 'nightly-1759975200000000001';
  const second = 'nightly-1760018400000000002';
  const last = 'nightly-1760061600000000003';
  const past = {
    lastRunName: last,
    pastSuccessfulRunNames: [first],
    pastFailedRunNames: [second],
  };

  it('shows a schedule with its runs newest first, the last with its own state', () => {
    expect(
      summarizeSparkSchedule(
        scheduledSparkApplication({ status: past }),
        runs(
          scheduleRun('nightly', '1759975200000000001', 'COMPLETED'),
          scheduleRun('nightly', '1760018400000000002', 'FAILED'),
          scheduleRun('nightly', '1760061600000000003', 'RUNNING'),
        ),
        OWNER,
      ),
    ).toEqual({
      namespace: NAMESPACE,
      team: TEAM,
      project: PROJECT,
      name: 'nightly',
      createdBy: USER,
      createdAt: '2025-10-09T10:00:00Z',
      schedule: '0 2 * * *',
      timeZone: 'Europe/Berlin',
      concurrencyPolicy: 'Forbid',
      suspended: false,
      state: 'Scheduled',
      lastRun: '2025-10-09T02:00:00Z',
      nextRun: '2025-10-10T02:00:00Z',
      lastRunName: last,
      history: [
        {
          name: last,
          outcome: 'Running',
          state: 'RUNNING',
          startedAt: '2025-10-09T02:00:05Z',
        },
        {
          name: second,
          outcome: 'Failed',
          state: 'FAILED',
          startedAt: '2025-10-09T02:00:05Z',
          endedAt: '2025-10-09T02:03:00Z',
        },
        {
          name: first,
          outcome: 'Succeeded',
          state: 'COMPLETED',
          startedAt: '2025-10-09T02:00:05Z',
          endedAt: '2025-10-09T02:03:00Z',
        },
      ],
      historyLimits: { successful: 3, failed: 3 },
      type: 'Python',
      mainApplicationFile: 'local:///opt/spark/examples/src/main/python/pi.py',
      sparkVersion: '4.0.1',
    });
  });

  it('judges a finished last run the operator has not listed yet by its state', () => {
    const historyOf = (state: string) =>
      summarizeSparkSchedule(
        scheduledSparkApplication({ status: past }),
        runs(scheduleRun('nightly', '1760061600000000003', state)),
        OWNER,
      ).history[0];
    expect(historyOf('COMPLETED')).toMatchObject({
      name: last,
      outcome: 'Succeeded',
    });
    expect(historyOf('FAILED')).toMatchObject({ outcome: 'Failed' });
    expect(historyOf('SUBMITTED')).toMatchObject({ outcome: 'Running' });
  });

  it('lists a last run the operator listed once, and runs that are gone by name', () => {
    const summary = summarizeSparkSchedule(
      scheduledSparkApplication({
        status: { ...past, lastRunName: second },
      }),
      [],
      OWNER,
    );
    expect(summary.history).toEqual([
      { name: second, outcome: 'Failed' },
      { name: first, outcome: 'Succeeded' },
    ]);
  });

  it('shows a suspended schedule as Suspended, with no next run', () => {
    const summary = summarizeSparkSchedule(
      scheduledSparkApplication({ spec: { suspend: true }, status: past }),
      [],
      OWNER,
    );
    expect(summary).toMatchObject({
      suspended: true,
      state: 'Suspended',
      reason: 'suspended: no new runs start until it is resumed',
    });
    expect(summary).not.toHaveProperty('nextRun');
  });

  it('gives the operator’s reason of a failed validation', () => {
    const summary = summarizeSparkSchedule(
      scheduledSparkApplication({
        status: {
          scheduleState: 'FailedValidation',
          reason: 'Invalid timezone: unknown time zone Mars/Base',
        },
      }),
      [],
      OWNER,
    );
    expect(summary).toMatchObject({
      state: 'FailedValidation',
      reason: 'Invalid timezone: unknown time zone Mars/Base',
    });
  });

  it('reads a schedule the operator has not seen with its defaults', () => {
    const scheduled = scheduledSparkApplication();
    scheduled.status = {};
    delete scheduled.spec.concurrencyPolicy;
    delete scheduled.spec.successfulRunHistoryLimit;
    delete scheduled.spec.failedRunHistoryLimit;
    expect(summarizeSparkSchedule(scheduled, [], OWNER)).toMatchObject({
      state: 'New',
      concurrencyPolicy: 'Allow',
      historyLimits: { successful: 1, failed: 1 },
      history: [],
    });
  });
});

describe('summarizeSparkCluster', () => {
  const connectCluster = (
    status: Record<string, any> | undefined,
    related: Partial<RelatedObjects> = {},
    settings = SPARK_SETTINGS,
  ) =>
    summarizeSparkCluster(
      sparkConnect(status ? { status } : {}),
      { ...NOTHING, ...related },
      settings,
      OWNER,
    );
  const IN_CLUSTER = `sc://x-server.${NAMESPACE}.svc.cluster.local:15002`;
  const GATEWAY = `sc://spark.example.com:443/;use_ssl=true;x-namespace=${NAMESPACE};x-name=x`;

  it('shows a Ready SparkConnect with its server and where to connect', () => {
    expect(
      connectCluster(undefined, {
        pods: [pod('x-server', 'Running', {}, { nodeName: 'worker-2' })],
      }),
    ).toEqual({
      namespace: NAMESPACE,
      team: TEAM,
      project: PROJECT,
      name: 'x',
      createdBy: USER,
      createdAt: '2025-10-09T10:00:00Z',
      backend: 'kubeflow',
      sparkVersion: '4.0.1',
      image: 'docker.io/library/spark:4.0.1',
      state: 'Ready',
      server: {
        name: 'x-server',
        phase: 'Running',
        node: 'worker-2',
        service: 'x-server',
      },
      executors: { running: 2 },
      connection: {
        inCluster: IN_CLUSTER,
        gateway: GATEWAY,
        pyspark: [
          'from pyspark.sql import SparkSession',
          '',
          `spark = SparkSession.builder.remote("${GATEWAY}").getOrCreate()`,
          'spark.range(10).show()',
        ].join('\n'),
      },
      size: {
        server: { cores: 1, memory: '1g' },
        executor: { cores: 1, memory: '2g', instances: 2 },
      },
    });
  });

  it('says why a Provisioning server waits, from its pod', () => {
    const message =
      '0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
    const summary = connectCluster(
      {
        state: 'Provisioning',
        server: { podName: 'x-server', serviceName: 'x-server' },
        conditions: [
          {
            type: 'ServerPodReady',
            status: 'False',
            reason: 'ServerPodNotReady',
            message: 'Server pod is not ready',
          },
        ],
      },
      {
        pods: [pod('x-server', 'Pending')],
        events: [failedScheduling('x-server', message)],
      },
    );
    expect(summary.state).toBe('Provisioning');
    expect(summary.reason).toBe(
      `the server pod is waiting for a node: no node has enough free memory (${message})`,
    );
    expect(summary.server).toMatchObject({
      name: 'x-server',
      phase: 'Pending',
    });
  });

  it('says a NotReady server crash-loops', () => {
    const summary = connectCluster(
      { state: 'NotReady' },
      {
        pods: [
          pod('x-server', 'Running', {
            containerStatuses: [
              { state: { waiting: { reason: 'CrashLoopBackOff' } } },
            ],
          }),
        ],
      },
    );
    expect(summary.reason).toBe(
      'the server pod: the server keeps crashing and is being restarted',
    );
  });

  it('falls back on the condition’s message, then on the state', () => {
    const condition = {
      type: 'ServerPodReady',
      status: 'False',
      reason: 'ServerPodNotReady',
      message: 'Server pod x-server is not ready: containers not ready',
    };
    expect(
      connectCluster({ state: 'NotReady', conditions: [condition] }).reason,
    ).toBe(condition.message);
    expect(connectCluster({ state: 'Provisioning' }).reason).toBe(
      'the server pod is starting',
    );
    const gone = connectCluster({ state: 'NotReady' });
    expect(gone.reason).toBe('the server pod is gone');
    expect(gone.server).toEqual({
      name: 'x-server',
      phase: 'Absent',
      service: 'x-server',
    });
    expect(connectCluster({}).state).toBe('New');
    expect(connectCluster({}).reason).toBe(
      'waiting for the Spark operator to create the server',
    );
  });

  it('connects in the cluster when no gateway form is configured', () => {
    const { connection } = connectCluster(
      undefined,
      {},
      sparkSettings({ connectUrlPattern: undefined }),
    );
    expect(connection).toEqual({
      inCluster: IN_CLUSTER,
      pyspark: expect.stringContaining(
        `SparkSession.builder.remote("${IN_CLUSTER}")`,
      ),
    });
  });

  it.each([
    ['Submitted', 'Provisioning'],
    ['RunningHealthy', 'Ready'],
    ['SchedulingFailure', 'Failed'],
    ['Failed', 'Failed'],
    ['ResourceReleased', 'NotReady'],
  ])(
    'maps Apache’s %s to %s, with its message unless Ready',
    (summary, state) => {
      const cluster = summarizeSparkCluster(
        apacheSparkCluster(summary, 'the operator’s words'),
        NOTHING,
        SPARK_SETTINGS,
        OWNER,
      );
      expect(cluster).toMatchObject({
        backend: 'apache',
        name: 'x',
        sparkVersion: '4.0.1',
        state,
        executors: {},
      });
      expect(cluster.connection).toBeUndefined();
      expect(cluster.reason).toBe(
        state === 'Ready' ? undefined : 'the operator’s words',
      );
    },
  );

  it('says an Apache cluster without state waits for its operator, and reads the worker size', () => {
    const cluster = summarizeSparkCluster(
      apacheSparkCluster(undefined),
      NOTHING,
      SPARK_SETTINGS,
      OWNER,
    );
    expect(cluster.state).toBe('New');
    expect(cluster.reason).toMatch(/spark-kubernetes-operator/);
    expect(cluster.size.executor).toEqual({
      cores: 2,
      memory: '4g',
      instances: 2,
    });
  });
});

describe('sparkConnection', () => {
  it('leaves the gateway out when its pattern needs a gateway URL there is not', () => {
    expect(
      sparkConnection(
        'ns',
        'x',
        'x-server',
        sparkSettings({
          gatewayUrl: undefined,
          connectUrlPattern: '{gateway}/connect/{namespace}/{name}',
        }),
      ),
    ).toEqual({
      inCluster: 'sc://x-server.ns.svc.cluster.local:15002',
      pyspark: expect.stringContaining('sc://x-server.ns.svc.cluster.local'),
    });
  });
});

describe('the generic status functions', () => {
  const app = (state: string | undefined, errorMessage?: string) => ({
    status: state ? { applicationState: { state, errorMessage } } : {},
  });

  it('map application states to the suite’s', () => {
    expect(sparkApplicationStatus(app('FAILED', ERROR))).toEqual({
      state: 'Failed',
      reason: ERROR,
    });
    expect(sparkApplicationStatus(app('SUBMISSION_FAILED')).state).toBe(
      'Failed',
    );
    expect(sparkApplicationStatus(app('COMPLETED'))).toEqual({
      state: 'Stopped',
      reason: 'completed',
    });
    for (const state of ['RUNNING', 'SUCCEEDING', 'FAILING']) {
      expect(sparkApplicationStatus(app(state))).toEqual({ state: 'Running' });
    }
    expect(sparkApplicationStatus(app('SUSPENDED'))).toEqual({
      state: 'Stopped',
      reason: 'suspended',
    });
    expect(sparkApplicationStatus(app('PENDING_RERUN', ERROR))).toEqual({
      state: 'Starting',
      reason: ERROR,
    });
    expect(sparkApplicationStatus(app(undefined)).state).toBe('Starting');
  });

  it('map schedules: suspended Stopped, failed validation Failed, else Running', () => {
    expect(
      sparkScheduleStatus(
        scheduledSparkApplication({ spec: { suspend: true } }),
      ),
    ).toEqual({ state: 'Stopped', reason: 'suspended' });
    expect(
      sparkScheduleStatus(
        scheduledSparkApplication({
          status: { scheduleState: 'FailedValidation', reason: 'bad cron' },
        }),
      ),
    ).toEqual({ state: 'Failed', reason: 'bad cron' });
    expect(sparkScheduleStatus(scheduledSparkApplication())).toEqual({
      state: 'Running',
    });
  });

  it('map clusters of both backends', () => {
    expect(sparkClusterStatus(sparkConnect())).toEqual({ state: 'Running' });
    expect(
      sparkClusterStatus(sparkConnect({ status: { state: 'Failed' } })),
    ).toEqual({ state: 'Failed' });
    expect(
      sparkClusterStatus(sparkConnect({ status: { state: 'NotReady' } })),
    ).toEqual({ state: 'Pending' });
    expect(
      sparkClusterStatus(sparkConnect({ status: { state: 'Provisioning' } })),
    ).toEqual({ state: 'Starting' });
    expect(sparkClusterStatus(sparkConnect({ status: {} }))).toEqual({
      state: 'Starting',
    });
    expect(sparkClusterStatus(apacheSparkCluster('RunningHealthy'))).toEqual({
      state: 'Running',
    });
    expect(sparkClusterStatus(apacheSparkCluster('SchedulingFailure'))).toEqual(
      { state: 'Failed' },
    );
    expect(sparkClusterStatus(apacheSparkCluster('Submitted'))).toEqual({
      state: 'Starting',
    });
  });
});

describe('the fixtures', () => {
  it('are the operator’s objects of the rendered Python job', () => {
    const [rendered] = renderSparkJob(
      pythonJob(),
      TARGET,
      SPARK_SETTINGS,
    ) as Array<{ spec: Record<string, any> }>;
    expect(rendered.spec).toMatchObject(sparkApplication().spec);
  });
});

describe('distillSparkError', () => {
  const quotaRefusal = [
    'failed to submit spark application: failed to run spark-submit: failed to run spark-submit: WARNING: Using incubator modules: jdk.incubator.vector',
    "Using Spark's default log4j profile: org/apache/spark/log4j2-defaults.properties",
    '26/12/01 21:27:57 ERROR Client: Please check "kubectl auth can-i create pod" first. It should be yes.',
    'Exception in thread "main" io.fabric8.kubernetes.client.KubernetesClientException: Failure executing: POST at: https://127.0.0.1:16443/api/v1/namespaces/team-a-etl/pods. Message: pods "pi-driver" is forbidden: exceeded quota: ml-platform-quota, requested: requests.memory=1433Mi, used: requests.memory=5426Mi, limited: requests.memory=6Gi. Received status: Status(apiVersion=v1, code=403)',
    ...Array.from(
      { length: 200 },
      () => '\tat io.netty.channel.nio.NioEventLoop.run(NioEventLoop.java:562)',
    ),
  ].join('\n');

  it("keeps the apiserver's refusal out of spark-submit's whole output", () => {
    expect(distillSparkError(quotaRefusal)).toBe(
      'spark-submit failed: the apiserver refused it: pods "pi-driver" is forbidden: exceeded quota: ml-platform-quota, requested: requests.memory=1433Mi, used: requests.memory=5426Mi, limited: requests.memory=6Gi',
    );
  });

  it('falls back to the exception, and leaves short messages as they are', () => {
    const other = [
      'failed to run spark-submit: WARNING: Using incubator modules',
      'Exception in thread "main" java.io.IOException: Invalid DER: object is not integer',
      ...Array.from({ length: 50 }, () => '\tat x.y(Z.java:1)'),
    ].join('\n');
    expect(distillSparkError(other)).toBe(
      'spark-submit failed: java.io.IOException: Invalid DER: object is not integer',
    );
    expect(
      distillSparkError(
        'driver container failed with ExitCode: 3, Reason: Error',
      ),
    ).toBe('driver container failed with ExitCode: 3, Reason: Error');
    expect(distillSparkError(undefined)).toBeUndefined();
  });
});
