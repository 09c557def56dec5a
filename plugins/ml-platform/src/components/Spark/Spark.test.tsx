import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { PROJECT_NAMESPACE, TEAM } from '../../testUtils/notebookFixtures';
import {
  fakeMlPlatformApi,
  responseError,
} from '../../testUtils/overviewFixtures';
import {
  fullSparkList,
  HISTORY_SERVER_URL,
  sparkCluster,
  sparkClustersInEveryState,
  sparkJob,
  sparkJobsInEveryState,
  sparkList,
  sparkSchedule,
  sparkSchedulesInEveryState,
} from '../../testUtils/sparkFixtures';
import type { SparkScope } from './sparkScope';
import { SparkView } from './SparkView';

const projectScope: SparkScope = {
  kind: 'namespace',
  namespace: PROJECT_NAMESPACE,
  team: TEAM,
};
const teamScope: SparkScope = { kind: 'team', team: TEAM };

/** Tests that open dialogs or act and reload several times: slow on a busy machine. */
const SLOW_UI_TEST = 15_000;

function renderSpark(
  api = fakeMlPlatformApi(),
  scope: SparkScope = projectScope,
) {
  return renderInTestApp(<SparkView scope={scope} />, {
    apis: [[mlPlatformApiRef, api]],
  });
}

function withSpark(list = fullSparkList()) {
  return fakeMlPlatformApi({
    listNamespaceSpark: jest.fn(async () => list),
    listTeamSpark: jest.fn(async () => list),
  });
}

/** The row of a name in one of the tables (names recur across tables). */
async function rowOf(table: 'clusters' | 'jobs' | 'schedules', name: string) {
  const section = await screen.findByTestId(`spark-${table}-table`);
  return within(within(section).getByText(name).closest('tr')!);
}

describe('Spark', () => {
  it('shows progress while the list loads', async () => {
    const api = fakeMlPlatformApi({
      listNamespaceSpark: jest.fn(() => new Promise(() => {})),
    });
    renderSpark(api);

    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    expect(api.listNamespaceSpark).toHaveBeenCalledWith(PROJECT_NAMESPACE);
  });

  it('shows the clusters with their state, server, executors and connection', async () => {
    renderSpark(
      withSpark(sparkList({ clusters: sparkClustersInEveryState() })),
    );

    const ready = await rowOf('clusters', 'alice-connect');
    expect(ready.getByText('Ready')).toBeInTheDocument();
    expect(ready.getByText('Running on kwok-node-2')).toBeInTheDocument();
    expect(ready.getByText('2 running')).toBeInTheDocument();
    expect(ready.getByText('asked: 2 × 1 CPU · 2g')).toBeInTheDocument();
    expect(
      ready.getByText(
        `sc://alice-connect-server.${PROJECT_NAMESPACE}.svc.cluster.local:15002`,
      ),
    ).toBeInTheDocument();
    expect(
      ready.getByLabelText(
        'Copy the in-cluster connection string of alice-connect',
      ),
    ).toBeInTheDocument();

    const provisioning = await rowOf('clusters', 'bob-connect');
    expect(provisioning.getByText('Provisioning')).toBeInTheDocument();
    expect(
      provisioning.getByText('The server pod is Pending'),
    ).toBeInTheDocument();
    expect(
      provisioning.getByText('Waiting for a node with 8Gi of free memory'),
    ).toBeInTheDocument();

    const failed = await rowOf('clusters', 'carol-standalone');
    // The state (its raw value as tooltip), apart from the master pod's phase.
    expect(failed.getByTitle('Failed')).toHaveTextContent('Failed');
    expect(failed.getByText('carol-standalone-master-0')).toBeInTheDocument();
    expect(
      failed.getByText('The master pod failed: OOMKilled'),
    ).toBeInTheDocument();
    expect(failed.getByText(/No Spark Connect server/)).toBeInTheDocument();
  });

  it(
    'shows the PySpark snippet of a cluster',
    async () => {
      renderSpark(withSpark(sparkList({ clusters: [sparkCluster()] })));

      await userEvent.click(
        await screen.findByLabelText('PySpark snippet of alice-connect'),
      );
      const dialog = await screen.findByRole('dialog');
      expect(
        within(dialog).getByText('Connect to alice-connect from PySpark'),
      ).toBeInTheDocument();
      // The snippet is highlighted token by token, once the highlighter loaded.
      await waitFor(() =>
        expect(dialog).toHaveTextContent(
          `spark = SparkSession.builder.remote("sc://alice-connect-server.${PROJECT_NAMESPACE}.svc.cluster.local:15002").getOrCreate()`,
        ),
      );
    },
    SLOW_UI_TEST,
  );

  it("shows the jobs with their state, the failed job's message and where the UI is", async () => {
    renderSpark(withSpark(sparkList({ jobs: sparkJobsInEveryState() })));

    const running = await rowOf('jobs', 'nightly-features-1740787200');
    expect(running.getByText('Running')).toBeInTheDocument();
    expect(
      running.getByText('Python · run of schedule nightly-features'),
    ).toBeInTheDocument();
    expect(running.getByText(/1 run · 1 submission$/)).toBeInTheDocument();
    expect(running.getByText('10 minutes ago')).toBeInTheDocument();
    const ui = running.getByText('Spark UI').closest('a')!;
    expect(ui).toHaveAttribute(
      'href',
      `http://127.0.0.1:18080/spark/${PROJECT_NAMESPACE}/nightly-features-1740787200/`,
    );
    expect(ui).toHaveAttribute('target', '_blank');
    expect(
      running.getByText('Service nightly-features-1740787200-ui-svc:4040'),
    ).toBeInTheDocument();
    expect(running.queryByLabelText(/^Re-run/)).toBeNull();

    const failed = await rowOf('jobs', 'alice-etl-failed');
    expect(failed.getByTitle('FAILED')).toHaveTextContent('Failed');
    expect(
      failed.getByText(
        'driver container failed with ExitCode: 1, Reason: Error: java.io.FileNotFoundException: s3a://fraud-detection/raw/2025-03-01.parquet',
      ),
    ).toBeInTheDocument();
    expect(
      failed.getByText('ended 30 minutes ago · 10 min · 2 runs · 1 submission'),
    ).toBeInTheDocument();
    expect(
      failed.getByText(/^executors: 2 failed \(asked/),
    ).toBeInTheDocument();
    expect(failed.queryByText('Spark UI')).toBeNull();
    expect(
      failed.getByText('The driver has ended, and its UI with it'),
    ).toBeInTheDocument();
    expect(failed.getByText('History server').closest('a')).toHaveAttribute(
      'href',
      `${HISTORY_SERVER_URL}/history/spark-alice-etl-failed/`,
    );
    expect(
      failed.getByLabelText('Re-run Spark job alice-etl-failed'),
    ).toBeEnabled();

    const completed = await rowOf('jobs', 'bob-aggregate');
    expect(completed.getByText('Completed')).toBeInTheDocument();
    expect(completed.queryByText('History server')).toBeNull();
    expect(
      completed.getByLabelText('Re-run Spark job bob-aggregate'),
    ).toBeInTheDocument();

    const submissionFailed = await rowOf('jobs', 'carol-submit');
    expect(submissionFailed.getByText('Submission failed')).toBeInTheDocument();
    expect(submissionFailed.getByText('not yet')).toBeInTheDocument();
    expect(
      submissionFailed.getByLabelText('Re-run Spark job carol-submit'),
    ).toBeInTheDocument();

    const pending = await rowOf('jobs', 'dave-pending');
    expect(pending.getByText('Submitted')).toBeInTheDocument();
    // the job's reason, and its driver's beside its executors
    expect(
      pending.getByText(
        'Waiting for a node with 4 free CPUs: 0/3 nodes are available',
      ),
    ).toBeInTheDocument();
    expect(
      pending.getByText(
        /^Waiting for a node with 4 free CPUs: 0\/3 nodes are available · executors:/,
      ),
    ).toBeInTheDocument();
    expect(pending.queryByLabelText(/^Re-run/)).toBeNull();
  });

  it('shows the schedules with their cron, state, runs and history', async () => {
    renderSpark(
      withSpark(sparkList({ schedules: sparkSchedulesInEveryState() })),
    );

    const scheduled = await rowOf('schedules', 'nightly-features');
    expect(scheduled.getByText('0 2 * * *')).toBeInTheDocument();
    expect(scheduled.getByText('Europe/Berlin')).toBeInTheDocument();
    expect(scheduled.getByText('Scheduled')).toBeInTheDocument();
    expect(scheduled.getByText('Forbid')).toBeInTheDocument();
    expect(scheduled.getByText('10 minutes ago')).toBeInTheDocument();
    expect(scheduled.getByText(/^in [45] hours$/)).toBeInTheDocument();
    expect(scheduled.getByText('1 succeeded:')).toBeInTheDocument();
    expect(
      scheduled.getByText('nightly-features-1740700800'),
    ).toBeInTheDocument();
    expect(scheduled.getByText('1 failed:')).toBeInTheDocument();
    expect(
      scheduled.getByText('nightly-features-1740614400'),
    ).toBeInTheDocument();
    expect(
      scheduled.getByLabelText('Suspend Spark schedule nightly-features'),
    ).toBeInTheDocument();
    expect(scheduled.queryByLabelText(/^Resume/)).toBeNull();

    const suspended = await rowOf('schedules', 'weekly-report');
    expect(suspended.getByText('Suspended')).toBeInTheDocument();
    expect(
      suspended.getByText('Suspended by user:default/bob'),
    ).toBeInTheDocument();
    expect(
      suspended.getByText("the operator's local time"),
    ).toBeInTheDocument();
    expect(suspended.getByText('none while suspended')).toBeInTheDocument();
    expect(suspended.getByText('no runs kept')).toBeInTheDocument();
    expect(
      suspended.getByLabelText('Resume Spark schedule weekly-report'),
    ).toBeInTheDocument();

    const invalid = await rowOf('schedules', 'broken-cron');
    expect(invalid.getByText('Failed validation')).toBeInTheDocument();
    expect(
      invalid.getByText(
        'invalid cron schedule "0 25 * * *": end of range (25) above maximum (23)',
      ),
    ).toBeInTheDocument();
    expect(invalid.getByText('never')).toBeInTheDocument();
  });

  it('counts the workloads by state and links to the templates with the project filled in', async () => {
    renderSpark(withSpark());

    const counts = within(
      await screen.findByRole('list', { name: 'Spark workloads by state' }),
    );
    expect(
      counts.getAllByRole('listitem').map(item => item.textContent),
    ).toEqual([
      '3 clusters1 Failed · 1 Provisioning · 1 Ready',
      '5 jobs1 Failed · 1 Submission failed · 1 Running · 1 Submitted · 1 Completed',
      '3 schedules1 Failed validation · 1 Scheduled · 1 Suspended',
    ]);

    for (const [label, template] of [
      ['New Spark job', 'spark-job'],
      ['New Spark cluster', 'spark-cluster'],
    ]) {
      const url = new URL(
        screen.getByText(label).closest('a')!.getAttribute('href')!,
        'http://localhost',
      );
      expect(url.pathname).toBe(`/create/templates/default/${template}`);
      expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
        project: `component:default/${PROJECT_NAMESPACE}`,
      });
    }
  });

  it("shows a team's workloads with their project, and the templates without one", async () => {
    const api = withSpark(
      sparkList({
        jobs: [sparkJob({ name: 'shared', namespace: TEAM }), sparkJob()],
      }),
    );
    renderSpark(api, teamScope);

    expect(
      (await rowOf('jobs', 'shared')).getByText('Team namespace'),
    ).toBeInTheDocument();
    expect(
      (await rowOf('jobs', 'alice-etl')).getByText('transaction-risk'),
    ).toBeInTheDocument();
    expect(screen.getByText('New Spark job').closest('a')).toHaveAttribute(
      'href',
      '/create/templates/default/spark-job',
    );
    expect(
      screen.getByText(/^No Spark clusters in team fraud-detection/),
    ).toBeInTheDocument();
    expect(api.listTeamSpark).toHaveBeenCalledWith(TEAM);
    expect(api.listNamespaceSpark).not.toHaveBeenCalled();
  });

  it(
    'opens the details of a job with its configuration and timeline',
    async () => {
      const api = withSpark(sparkList({ jobs: [sparkJobsInEveryState()[1]] }));
      renderSpark(api);

      const row = await rowOf('jobs', 'alice-etl-failed');
      await userEvent.click(
        row.getByLabelText('Details of Spark job alice-etl-failed'),
      );
      const dialog = within(await screen.findByRole('dialog'));
      expect(api.getSparkJob).toHaveBeenCalledWith(
        PROJECT_NAMESPACE,
        'alice-etl-failed',
      );
      expect(
        await dialog.findByText('spark.sql.shuffle.partitions'),
      ).toBeInTheDocument();
      expect(dialog.getByText('--date')).toBeInTheDocument();
      expect(dialog.getByText('2025-03-01')).toBeInTheDocument();
      expect(dialog.getByText('OnFailure, 1 retry')).toBeInTheDocument();
      expect(
        dialog.getByText('Deleted 1 day after it ends'),
      ).toBeInTheDocument();

      const timeline = dialog.getByLabelText('Timeline');
      const entries = Array.from(timeline.querySelectorAll('li'));
      expect(entries.map(entry => entry.getAttribute('data-type'))).toEqual([
        'Normal',
        'Warning',
        'Normal',
        'Warning',
      ]);
      expect(entries[1]).toHaveTextContent(
        'FailedScheduling (Warning)0/3 nodes are available: 3 Insufficient cpu.',
      );
      expect(entries[3]).toHaveTextContent('SparkApplicationFailed (Warning)');
      expect(entries[3]).toHaveTextContent('SparkApplication/alice-etl-failed');

      await userEvent.click(dialog.getByText('Close'));
      await waitFor(() =>
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
      );
    },
    SLOW_UI_TEST,
  );

  it('re-runs a finished job, names the new one and reads the list again', async () => {
    const api = withSpark(
      sparkList({
        jobs: [sparkJob({ name: 'bob-aggregate', state: 'COMPLETED' })],
      }),
    );
    renderSpark(api);

    const row = await rowOf('jobs', 'bob-aggregate');
    await userEvent.click(row.getByLabelText('Re-run Spark job bob-aggregate'));
    expect(api.rerunSparkJob).toHaveBeenCalledWith(
      PROJECT_NAMESPACE,
      'bob-aggregate',
    );
    expect(
      await screen.findByText(
        'Started Spark job bob-aggregate-rerun-x7k2p, a re-run of bob-aggregate.',
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(api.listNamespaceSpark).toHaveBeenCalledTimes(2),
    );
  });

  it("shows the backend's message when a re-run is refused", async () => {
    const conflict = await responseError(
      409,
      'SparkApplication bob-aggregate has a re-run already: bob-aggregate-rerun-x7k2p',
    );
    const api = fakeMlPlatformApi({
      listNamespaceSpark: jest.fn(async () =>
        sparkList({
          jobs: [sparkJob({ name: 'bob-aggregate', state: 'COMPLETED' })],
        }),
      ),
      rerunSparkJob: jest.fn().mockRejectedValue(conflict),
    });
    renderSpark(api);

    await userEvent.click(
      await screen.findByLabelText('Re-run Spark job bob-aggregate'),
    );
    expect(
      await screen.findByText(
        'Could not re-run Spark job bob-aggregate: SparkApplication bob-aggregate has a re-run already: bob-aggregate-rerun-x7k2p',
      ),
    ).toBeInTheDocument();
    expect(api.listNamespaceSpark).toHaveBeenCalledTimes(1);
  });

  it(
    'suspends a schedule, then reads the list again, and resumes it',
    async () => {
      const api = fakeMlPlatformApi({
        listNamespaceSpark: jest
          .fn()
          .mockResolvedValueOnce(sparkList({ schedules: [sparkSchedule()] }))
          .mockResolvedValue(
            sparkList({
              schedules: [
                sparkSchedule({ suspended: true, state: 'Suspended' }),
              ],
            }),
          ),
      });
      renderSpark(api);

      await userEvent.click(
        await screen.findByLabelText('Suspend Spark schedule nightly-features'),
      );
      expect(api.suspendSparkSchedule).toHaveBeenCalledWith(
        PROJECT_NAMESPACE,
        'nightly-features',
      );
      await userEvent.click(
        await screen.findByLabelText('Resume Spark schedule nightly-features'),
      );
      expect(api.resumeSparkSchedule).toHaveBeenCalledWith(
        PROJECT_NAMESPACE,
        'nightly-features',
      );
      await waitFor(() =>
        expect(api.listNamespaceSpark).toHaveBeenCalledTimes(3),
      );
    },
    SLOW_UI_TEST,
  );

  it(
    'deletes a job after confirmation, and nothing when cancelled',
    async () => {
      const api = withSpark(
        sparkList({
          clusters: [sparkCluster()],
          jobs: [sparkJobsInEveryState()[1]],
        }),
      );
      renderSpark(api);

      const cluster = await rowOf('clusters', 'alice-connect');
      await userEvent.click(
        cluster.getByLabelText('Delete Spark cluster alice-connect'),
      );
      await userEvent.click(
        within(await screen.findByRole('dialog')).getByText('Cancel'),
      );
      await waitFor(() =>
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
      );
      expect(api.deleteSparkWorkload).not.toHaveBeenCalled();

      const job = await rowOf('jobs', 'alice-etl-failed');
      await userEvent.click(
        job.getByLabelText('Delete Spark job alice-etl-failed'),
      );
      const dialog = within(await screen.findByRole('dialog'));
      expect(
        dialog.getByText('Delete Spark job alice-etl-failed?'),
      ).toBeInTheDocument();
      expect(
        dialog.getByText(/removed with its driver and executor pods/),
      ).toBeInTheDocument();
      await userEvent.click(dialog.getByText('Delete'));

      expect(api.deleteSparkWorkload).toHaveBeenCalledWith(
        PROJECT_NAMESPACE,
        'jobs',
        'alice-etl-failed',
      );
      expect(
        await screen.findByText('Deleted Spark job alice-etl-failed.'),
      ).toBeInTheDocument();
      await waitFor(() =>
        expect(api.listNamespaceSpark).toHaveBeenCalledTimes(2),
      );
    },
    SLOW_UI_TEST,
  );

  it('explains how to create a Spark job or cluster when there is none', async () => {
    renderSpark(withSpark(sparkList()));

    expect(
      await screen.findByText(
        `No Spark jobs or clusters in project ${PROJECT_NAMESPACE} yet`,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Create one with New Spark job or New Spark cluster/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('New Spark cluster').closest('a')!.getAttribute('href'),
    ).toMatch(/^\/create\/templates\/default\/spark-cluster\?formData=/);
  });

  it('tells a user outside the team that they cannot see its Spark workloads', async () => {
    const forbidden = await responseError(
      403,
      'You are not a member of team fraud-detection',
    );
    renderSpark(
      fakeMlPlatformApi({
        listTeamSpark: jest.fn().mockRejectedValue(forbidden),
      }),
      teamScope,
    );

    expect(
      await screen.findByText(
        'Warning: You are not a member of team fraud-detection, so you cannot see its Spark jobs and clusters',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('You are not a member of team fraud-detection'),
    ).toBeInTheDocument();
  });

  it('names the unreachable cluster and tries again on request', async () => {
    const unreachable = await responseError(
      503,
      'Kubernetes cluster "local" at https://127.0.0.1:16443 is unreachable: ECONNREFUSED',
    );
    const api = fakeMlPlatformApi({
      listNamespaceSpark: jest
        .fn()
        .mockRejectedValueOnce(unreachable)
        .mockResolvedValueOnce(sparkList({ jobs: [sparkJob()] })),
    });
    renderSpark(api);

    expect(
      await screen.findByText('Error: Cluster unreachable'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByText('Try again'));
    expect(await screen.findByText('alice-etl')).toBeInTheDocument();
  });
});
