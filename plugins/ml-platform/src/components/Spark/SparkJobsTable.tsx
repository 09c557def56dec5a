import { SubvalueCell, type TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import InfoIcon from '@material-ui/icons/InfoOutlined';
import ReplayIcon from '@material-ui/icons/Replay';
import type { SparkJobSummary } from '@ml-platform/backstage-plugin-ml-platform-common';
import { useMemo, useRef } from 'react';
import { ActionButton } from '../Notebooks/NotebookRowActions';
import { millis, spansSeveralNamespaces } from '../Notebooks/notebookRows';
import {
  formatAttempts,
  formatExecutorRequest,
  formatPod,
  jobOrigin,
} from './formatSpark';
import { describeTarget } from './sparkActions';
import { SparkRowActions } from './SparkRowActions';
import {
  type PendingSparkActions,
  type SparkJobRow,
  toJobRows,
} from './sparkRows';
import { canRerun, compareJobStates, jobStateDisplay } from './sparkStates';
import { SparkStatus } from './SparkStatus';
import { NameCell, NONE, SparkSection, TwoLines } from './SparkTable';
import { SparkUiCell } from './SparkUiCell';

export type SparkJobHandlers = {
  onDetails(job: SparkJobSummary): void;
  onRerun(job: SparkJobSummary): void;
  onDelete(job: SparkJobSummary): void;
};

/** When a job was submitted, for sorting: its creation until it is submitted. */
const submittedMillis = (job: SparkJobSummary) =>
  millis(job.submittedAt ?? job.createdAt);

function buildColumns(
  showProject: boolean,
  handlers: { current: SparkJobHandlers },
): TableColumn<SparkJobRow>[] {
  const columns: TableColumn<SparkJobRow>[] = [
    {
      title: 'Name',
      field: 'name',
      cellStyle: { minWidth: 140 },
      render: job => (
        <NameCell name={job.name}>
          <Typography
            variant="caption"
            color="textSecondary"
            title={job.createdBy}
          >
            {[job.type, jobOrigin(job)].filter(Boolean).join(' · ')}
          </Typography>
        </NameCell>
      ),
    },
  ];
  if (showProject) {
    columns.push({
      title: 'Project',
      field: 'namespace',
      render: job => (
        <SubvalueCell
          value={job.project ?? 'Team namespace'}
          subvalue={job.namespace}
        />
      ),
    });
  }
  columns.push(
    {
      title: 'State',
      field: 'state',
      cellStyle: { minWidth: 160, maxWidth: 320 },
      customSort: (a, b) =>
        compareJobStates(a.state, b.state) ||
        submittedMillis(b) - submittedMillis(a),
      render: job => (
        <SparkStatus
          display={jobStateDisplay(job.state)}
          reason={job.reason}
          raw={job.state}
        />
      ),
    },
    {
      title: 'Submitted',
      field: 'submittedAt',
      // Newest first.
      defaultSort: 'desc',
      customSort: (a, b) => submittedMillis(a) - submittedMillis(b),
      cellStyle: { minWidth: 140 },
      render: job => (
        <TwoLines
          value={job.submitted ?? 'not yet'}
          below={[
            job.ended && `ended ${job.ended}`,
            job.duration,
            formatAttempts(job),
          ]
            .filter(Boolean)
            .join(' · ')}
          title={job.submittedAt}
        />
      ),
    },
    {
      title: 'Pods',
      field: 'driver',
      sorting: false,
      cellStyle: { minWidth: 150 },
      render: job => (
        <TwoLines
          value={job.driver ? `driver ${formatPod(job.driver)}` : NONE}
          below={[
            job.driver?.reason,
            `executors: ${
              job.executorStates ?? 'none running'
            } (asked ${formatExecutorRequest(job.size)})`,
          ]
            .filter(Boolean)
            .join(' · ')}
          title={job.driver?.name}
        />
      ),
    },
    {
      title: 'Spark UI',
      sorting: false,
      cellStyle: { minWidth: 180 },
      render: job => <SparkUiCell job={job.name} ui={job.ui} />,
    },
    {
      title: 'Actions',
      sorting: false,
      render: job => {
        const what = describeTarget('jobs', job);
        const busy = job.pendingAction !== undefined;
        return (
          <SparkRowActions
            what={what}
            pendingAction={job.pendingAction}
            onDelete={() => handlers.current.onDelete(job)}
          >
            <ActionButton
              title="Details and timeline"
              label={`Details of ${what}`}
              icon={<InfoIcon fontSize="small" />}
              disabled={false}
              onClick={() => handlers.current.onDetails(job)}
            />
            {canRerun(job.state) && (
              <ActionButton
                title="Run again: a new job from the same spec"
                label={`Re-run ${what}`}
                icon={<ReplayIcon fontSize="small" />}
                color="primary"
                disabled={busy}
                onClick={() => handlers.current.onRerun(job)}
              />
            )}
          </SparkRowActions>
        );
      },
    },
  );
  return columns;
}

/** SparkApplications, runs of schedules included: state, why, timing, pods and UI. */
export function SparkJobsTable(
  props: {
    jobs: SparkJobSummary[];
    pending: PendingSparkActions;
    reloading: boolean;
    pageSize: number;
    emptyText: string;
  } & SparkJobHandlers,
) {
  const { jobs, pending } = props;
  const showProject = spansSeveralNamespaces(jobs);
  const handlers = useRef<SparkJobHandlers>(props);
  handlers.current = props;
  const columns = useMemo(
    () => buildColumns(showProject, handlers),
    [showProject],
  );
  const rows = useMemo(
    () => toJobRows(jobs, pending, Date.now()),
    [jobs, pending],
  );
  return (
    <SparkSection<SparkJobRow>
      title="Jobs"
      testId="spark-jobs-table"
      empty={props.emptyText}
      columns={columns}
      rows={rows}
      pageSize={props.pageSize}
      reloading={props.reloading}
    />
  );
}
