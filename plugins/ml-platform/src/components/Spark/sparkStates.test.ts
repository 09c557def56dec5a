import type { SparkApplicationState } from '@ml-platform/backstage-plugin-ml-platform-common';
import { fullSparkList, sparkList } from '../../testUtils/sparkFixtures';
import {
  canRerun,
  clusterStateDisplay,
  compareJobStates,
  jobStateDisplay,
  scheduleStateDisplay,
  summarizeSpark,
} from './sparkStates';

describe('job states', () => {
  it.each<[SparkApplicationState, string, string]>([
    ['FAILED', 'Failed', 'error'],
    ['SUBMISSION_FAILED', 'Submission failed', 'error'],
    ['RUNNING', 'Running', 'running'],
    ['SUBMITTED', 'Submitted', 'running'],
    ['COMPLETED', 'Completed', 'ok'],
    ['PENDING_RERUN', 'Pending re-run', 'warning'],
    ['NEW', 'New', 'pending'],
    ['SUSPENDED', 'Suspended', 'aborted'],
  ])('shows %s as %s (%s)', (state, label, tone) => {
    expect(jobStateDisplay(state)).toEqual({ label, tone });
  });

  it('shows a state it does not know as the operator says it', () => {
    expect(jobStateDisplay('EXPLODED' as SparkApplicationState)).toEqual({
      label: 'EXPLODED',
      tone: 'warning',
    });
  });

  it('sorts failed jobs first and completed ones last', () => {
    const states: SparkApplicationState[] = [
      'COMPLETED',
      'RUNNING',
      'SUBMISSION_FAILED',
      'FAILED',
    ];
    expect([...states].sort(compareJobStates)).toEqual([
      'FAILED',
      'SUBMISSION_FAILED',
      'RUNNING',
      'COMPLETED',
    ]);
  });

  it.each<[SparkApplicationState, boolean]>([
    ['COMPLETED', true],
    ['FAILED', true],
    ['SUBMISSION_FAILED', true],
    ['RUNNING', false],
    ['SUBMITTED', false],
    ['PENDING_RERUN', false],
  ])('%s can run again: %s', (state, rerun) => {
    expect(canRerun(state)).toBe(rerun);
  });
});

describe('cluster and schedule states', () => {
  it('shows them in words with their colour', () => {
    expect(clusterStateDisplay('Ready')).toEqual({
      label: 'Ready',
      tone: 'ok',
    });
    expect(clusterStateDisplay('NotReady')).toEqual({
      label: 'Not ready',
      tone: 'warning',
    });
    expect(clusterStateDisplay('Provisioning').tone).toBe('pending');
    expect(clusterStateDisplay('Failed').tone).toBe('error');
    expect(scheduleStateDisplay('Scheduled').tone).toBe('ok');
    expect(scheduleStateDisplay('Suspended').tone).toBe('aborted');
    expect(scheduleStateDisplay('FailedValidation')).toEqual({
      label: 'Failed validation',
      tone: 'error',
    });
  });
});

describe('summarizeSpark', () => {
  it('counts each kind by state, the ones that need a look first', () => {
    expect(summarizeSpark(fullSparkList())).toEqual([
      {
        noun: 'clusters',
        total: 3,
        states: [
          { label: 'Failed', count: 1 },
          { label: 'Provisioning', count: 1 },
          { label: 'Ready', count: 1 },
        ],
      },
      {
        noun: 'jobs',
        total: 5,
        states: [
          { label: 'Failed', count: 1 },
          { label: 'Submission failed', count: 1 },
          { label: 'Running', count: 1 },
          { label: 'Submitted', count: 1 },
          { label: 'Completed', count: 1 },
        ],
      },
      {
        noun: 'schedules',
        total: 3,
        states: [
          { label: 'Failed validation', count: 1 },
          { label: 'Scheduled', count: 1 },
          { label: 'Suspended', count: 1 },
        ],
      },
    ]);
  });

  it('says one in the singular and none as zero', () => {
    const lines = summarizeSpark(
      sparkList({ jobs: [fullSparkList().jobs[0]] }),
    );
    expect(lines.map(line => `${line.total} ${line.noun}`)).toEqual([
      '0 clusters',
      '1 job',
      '0 schedules',
    ]);
  });
});
