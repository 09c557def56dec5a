import { responseError } from '../../testUtils/overviewFixtures';
import { sparkJob, sparkRerun } from '../../testUtils/sparkFixtures';
import {
  describeRerun,
  describeSparkActionFailure,
  describeSparkDeletion,
  sparkId,
} from './sparkActions';

describe('Spark action messages', () => {
  it("says which action failed on what, in the backend's words", async () => {
    const conflict = await responseError(
      409,
      'SparkApplication alice-etl is still RUNNING',
    );
    expect(
      describeSparkActionFailure('rerun', 'jobs', sparkJob(), conflict),
    ).toBe(
      'Could not re-run Spark job alice-etl: SparkApplication alice-etl is still RUNNING',
    );
    expect(
      describeSparkActionFailure(
        'suspend',
        'schedules',
        { namespace: 'n', name: 'nightly' },
        new Error('Failed to fetch'),
      ),
    ).toBe('Could not suspend Spark schedule nightly: Failed to fetch');
  });

  it('says what a deletion removed and kept', () => {
    expect(
      describeSparkDeletion(
        'clusters',
        { namespace: 'n', name: 'c' },
        {
          deleted: ['SparkConnect/c'],
          kept: ['ConfigMap/c-conf'],
          notes: ['Its sessions ended.'],
        },
      ),
    ).toBe(
      'Deleted Spark cluster c. Kept ConfigMap/c-conf. Its sessions ended.',
    );
  });

  it('names the job a re-run made', () => {
    expect(
      describeRerun(sparkJob(), {
        ...sparkRerun('n', 'alice-etl'),
        notes: ['The cluster has room for 1 of 2 executors now.'],
      }),
    ).toBe(
      'Started Spark job alice-etl-rerun-x7k2p, a re-run of alice-etl. The cluster has room for 1 of 2 executors now.',
    );
  });

  it('tells workloads of the same name apart by kind and namespace', () => {
    const ids = new Set([
      sparkId('jobs', { namespace: 'a', name: 'x' }),
      sparkId('jobs', { namespace: 'b', name: 'x' }),
      sparkId('clusters', { namespace: 'a', name: 'x' }),
    ]);
    expect(ids.size).toBe(3);
  });
});
