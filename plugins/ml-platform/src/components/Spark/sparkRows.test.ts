import {
  sparkCluster,
  sparkJob,
  sparkSchedule,
} from '../../testUtils/sparkFixtures';
import { toClusterRows, toJobRows, toScheduleRows } from './sparkRows';

const now = Date.parse('2025-03-01T12:00:00Z');

describe('toJobRows', () => {
  it('adds the pending action, the times and the executors in words', () => {
    const rows = toJobRows(
      [
        sparkJob({
          name: 'etl',
          state: 'COMPLETED',
          submittedAt: '2025-03-01T11:00:00Z',
          endedAt: '2025-03-01T11:05:00Z',
          executors: { COMPLETED: 2 },
        }),
        sparkJob({ name: 'new', state: 'NEW', submittedAt: undefined }),
      ],
      { 'jobs:fraud-detection-transaction-risk/etl': 'rerun' },
      now,
    );
    expect(rows[0]).toMatchObject({
      id: 'jobs:fraud-detection-transaction-risk/etl',
      pendingAction: 'rerun',
      submitted: '1 hour ago',
      ended: '55 minutes ago',
      duration: '5 min',
      executorStates: '2 completed',
    });
    expect(rows[1]).toMatchObject({ pendingAction: undefined });
    expect(rows[1].submitted).toBeUndefined();
    expect(rows[1].duration).toBeUndefined();
  });
});

describe('toScheduleRows', () => {
  it('says when the schedule last ran and runs next, and its runs by outcome', () => {
    const [row] = toScheduleRows(
      [
        sparkSchedule({
          lastRun: '2025-03-01T02:00:00Z',
          nextRun: '2025-03-02T02:00:00Z',
        }),
      ],
      {},
      now,
    );
    expect(row).toMatchObject({
      id: 'schedules:fraud-detection-transaction-risk/nightly-features',
      lastRunAgo: '10 hours ago',
      nextRunIn: 'in 14 hours',
    });
    expect(row.nextRunAt).toBe(
      new Date('2025-03-02T02:00:00Z').toLocaleString(),
    );
    expect(row.runs.failed).toEqual(['nightly-features-1740614400']);
  });

  it('gives a suspended schedule no next run', () => {
    const [row] = toScheduleRows(
      [sparkSchedule({ suspended: true, nextRun: '2025-03-02T02:00:00Z' })],
      {},
      now,
    );
    expect(row.nextRunIn).toBeUndefined();
    expect(row.nextRunAt).toBeUndefined();
  });
});

describe('toClusterRows', () => {
  it('adds the age and the executors in words', () => {
    const [row] = toClusterRows(
      [sparkCluster({ createdAt: '2025-02-28T12:00:00Z' })],
      { 'clusters:fraud-detection-transaction-risk/alice-connect': 'delete' },
      now,
    );
    expect(row).toMatchObject({
      pendingAction: 'delete',
      age: '1 day ago',
      executorStates: '2 running',
    });
  });
});
