import {
  sparkJob,
  sparkJobDetail,
  sparkSchedule,
} from '../../testUtils/sparkFixtures';
import {
  formatAttempts,
  formatExecutorRequest,
  formatExecutors,
  formatJobDuration,
  formatMain,
  formatPod,
  formatRestartPolicy,
  formatTimeToLive,
  formatTimeZone,
  jobDurationMs,
  jobOrigin,
  scheduleHistory,
  sortTimeline,
} from './formatSpark';

const now = Date.parse('2025-03-01T12:00:00Z');

describe('formatExecutors', () => {
  it('counts executors by state, running first and failed last', () => {
    expect(formatExecutors({ FAILED: 1, RUNNING: 2, PENDING: 1 })).toBe(
      '2 running · 1 pending · 1 failed',
    );
    expect(formatExecutors({ COMPLETED: 3 })).toBe('3 completed');
    expect(formatExecutors({ RUNNING: 1, PENDING_RERUN: 1 })).toBe(
      '1 running · 1 pending rerun',
    );
  });

  it('says nothing without executors', () => {
    expect(formatExecutors({})).toBeUndefined();
    expect(formatExecutors({ RUNNING: 0 })).toBeUndefined();
  });
});

describe('sizes', () => {
  it('tells the executors asked for, fixed or dynamic', () => {
    const { size } = sparkJob();
    expect(formatExecutorRequest(size)).toBe('2 × 1 CPU · 2g');
    expect(
      formatExecutorRequest({
        ...size,
        dynamicAllocation: { minExecutors: 1, maxExecutors: 6 },
      }),
    ).toBe('1–6 × 1 CPU · 2g (dynamic)');
  });
});

describe('formatAttempts', () => {
  it('counts runs and submissions, singular for one', () => {
    expect(
      formatAttempts({ executionAttempts: 1, submissionAttempts: 1 }),
    ).toBe('1 run · 1 submission');
    expect(
      formatAttempts({ executionAttempts: 0, submissionAttempts: 3 }),
    ).toBe('0 runs · 3 submissions');
  });
});

describe('job durations', () => {
  it('runs from submission to end', () => {
    const job = {
      state: 'COMPLETED' as const,
      submittedAt: '2025-03-01T11:00:00Z',
      endedAt: '2025-03-01T11:03:20Z',
    };
    expect(jobDurationMs(job, now)).toBe(200_000);
    expect(formatJobDuration(job, now)).toBe('3 min 20 s');
  });

  it('runs until now while the job has not finished', () => {
    expect(
      formatJobDuration(
        { state: 'RUNNING', submittedAt: '2025-03-01T10:00:00Z' },
        now,
      ),
    ).toBe('2 h');
  });

  it('is unknown before submission, or for a finished job without end', () => {
    expect(jobDurationMs({ state: 'NEW' }, now)).toBeUndefined();
    expect(
      jobDurationMs(
        { state: 'FAILED', submittedAt: '2025-03-01T10:00:00Z' },
        now,
      ),
    ).toBeUndefined();
  });
});

describe('pods, main files and time zones', () => {
  it('says where a pod runs', () => {
    expect(
      formatPod({ name: 'd', phase: 'Running', node: 'kwok-node-1' }),
    ).toBe('Running on kwok-node-1');
    expect(formatPod({ name: 'd', phase: 'Pending' })).toBe('Pending');
    expect(formatPod(undefined)).toBeUndefined();
  });

  it('names the main class of a JVM job, else the file', () => {
    expect(
      formatMain({
        mainClass: 'org.example.Etl',
        mainApplicationFile: 'local:///opt/spark/jobs/etl.jar',
      }),
    ).toBe('org.example.Etl in local:///opt/spark/jobs/etl.jar');
    expect(formatMain({ mainApplicationFile: 'local:///x.py' })).toBe(
      'local:///x.py',
    );
    expect(formatMain({})).toBeUndefined();
  });

  it("says the operator's time zone when the schedule sets none", () => {
    expect(formatTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(formatTimeZone(undefined)).toBe("the operator's local time");
    expect(formatTimeZone('Local')).toBe("the operator's local time");
  });
});

describe('scheduleHistory', () => {
  it('sorts the kept runs by outcome, newest first', () => {
    expect(scheduleHistory(sparkSchedule().history)).toEqual({
      succeeded: ['nightly-features-1740700800'],
      failed: ['nightly-features-1740614400'],
      running: ['nightly-features-1740787200'],
    });
    expect(scheduleHistory([])).toEqual({
      succeeded: [],
      failed: [],
      running: [],
    });
  });
});

describe('restart policy and time to live', () => {
  it('says the policy with its retries', () => {
    expect(formatRestartPolicy({ type: 'OnFailure', retries: 1 })).toBe(
      'OnFailure, 1 retry',
    );
    expect(formatRestartPolicy({ type: 'Always', retries: 3 })).toBe(
      'Always, 3 retries',
    );
    expect(formatRestartPolicy({ type: 'Never', retries: 0 })).toBe('Never');
    expect(formatRestartPolicy({ type: 'Never' })).toBe('Never');
  });

  it('says when the operator deletes a finished job', () => {
    expect(formatTimeToLive(86400)).toBe('Deleted 1 day after it ends');
    expect(formatTimeToLive(3 * 86400)).toBe('Deleted 3 days after it ends');
    expect(formatTimeToLive(3600)).toBe('Deleted 1 h after it ends');
    expect(formatTimeToLive(undefined)).toBe('Kept until deleted');
  });
});

describe('sortTimeline', () => {
  it('puts the newest entry last, keeping the order of simultaneous ones', () => {
    const [submitted, scheduling, running, failed] = sparkJobDetail().timeline;
    const same = { ...running, time: running.time, reason: 'Second' };
    expect(
      sortTimeline([failed, running, same, submitted, scheduling]).map(
        entry => entry.reason,
      ),
    ).toEqual([
      'SparkApplicationSubmitted',
      'FailedScheduling',
      'SparkDriverRunning',
      'Second',
      'SparkApplicationFailed',
    ]);
  });
});

describe('jobOrigin', () => {
  it('names the schedule or the job a run repeats, else its creator', () => {
    expect(
      jobOrigin({ schedule: 'nightly', createdBy: 'user:default/alice' }),
    ).toBe('run of schedule nightly');
    expect(jobOrigin({ rerunOf: 'etl', createdBy: 'user:default/alice' })).toBe(
      're-run of etl',
    );
    expect(jobOrigin({ createdBy: 'user:default/alice' })).toBe('by alice');
    expect(jobOrigin({})).toBeUndefined();
  });
});
