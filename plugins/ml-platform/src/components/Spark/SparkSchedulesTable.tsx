import { SubvalueCell, type TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import PauseIcon from '@material-ui/icons/Pause';
import PlayArrowIcon from '@material-ui/icons/PlayArrow';
import type { SparkScheduleSummary } from '@ml-platform/backstage-plugin-ml-platform-common';
import { useMemo, useRef } from 'react';
import { ActionButton } from '../Notebooks/NotebookRowActions';
import { creatorName } from '../Notebooks/formatNotebook';
import { millis, spansSeveralNamespaces } from '../Notebooks/notebookRows';
import { formatTimeZone } from './formatSpark';
import { describeTarget } from './sparkActions';
import { SparkRowActions } from './SparkRowActions';
import {
  type PendingSparkActions,
  type SparkScheduleRow,
  toScheduleRows,
} from './sparkRows';
import { scheduleStateDisplay } from './sparkStates';
import { SparkStatus } from './SparkStatus';
import { NameCell, NONE, SparkSection, TwoLines } from './SparkTable';

export type SparkScheduleHandlers = {
  onSuspend(schedule: SparkScheduleSummary): void;
  onResume(schedule: SparkScheduleSummary): void;
  onDelete(schedule: SparkScheduleSummary): void;
};

function NextRunCell({ schedule }: { schedule: SparkScheduleRow }) {
  if (schedule.suspended) {
    return (
      <Typography variant="body2" color="textSecondary">
        none while suspended
      </Typography>
    );
  }
  return (
    <TwoLines
      value={schedule.nextRunIn ?? NONE}
      below={schedule.nextRunAt}
      title={schedule.nextRun}
    />
  );
}

function HistoryLine(props: { count: string; names: string[] }) {
  if (props.names.length === 0) {
    return null;
  }
  return (
    <Typography variant="caption" display="block" color="textSecondary">
      <Typography variant="caption" color="textPrimary" component="span">
        {props.count}:
      </Typography>{' '}
      <span style={{ wordBreak: 'break-word' }}>{props.names.join(', ')}</span>
    </Typography>
  );
}

/** The runs the operator keeps, counted by outcome, with their names. */
function HistoryCell({ schedule }: { schedule: SparkScheduleRow }) {
  const { succeeded, failed, running } = schedule.runs;
  const limits = `The operator keeps the last ${schedule.historyLimits.successful} succeeded and ${schedule.historyLimits.failed} failed runs`;
  if (schedule.history.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary" title={limits}>
        no runs kept
      </Typography>
    );
  }
  return (
    <Box title={limits}>
      <HistoryLine count={`${succeeded.length} succeeded`} names={succeeded} />
      <HistoryLine count={`${failed.length} failed`} names={failed} />
      <HistoryLine count={`${running.length} running`} names={running} />
    </Box>
  );
}

function buildColumns(
  showProject: boolean,
  handlers: { current: SparkScheduleHandlers },
): TableColumn<SparkScheduleRow>[] {
  const columns: TableColumn<SparkScheduleRow>[] = [
    {
      title: 'Name',
      field: 'name',
      defaultSort: 'asc',
      cellStyle: { minWidth: 140 },
      render: schedule => (
        <NameCell name={schedule.name}>
          <Typography
            variant="caption"
            color="textSecondary"
            title={schedule.mainApplicationFile}
          >
            {[
              schedule.type,
              schedule.createdBy && `by ${creatorName(schedule.createdBy)}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
        </NameCell>
      ),
    },
  ];
  if (showProject) {
    columns.push({
      title: 'Project',
      field: 'namespace',
      render: schedule => (
        <SubvalueCell
          value={schedule.project ?? 'Team namespace'}
          subvalue={schedule.namespace}
        />
      ),
    });
  }
  columns.push(
    {
      title: 'Schedule',
      field: 'schedule',
      render: schedule => (
        <TwoLines
          value={<code>{schedule.schedule}</code>}
          below={formatTimeZone(schedule.timeZone)}
        />
      ),
    },
    {
      title: 'State',
      field: 'state',
      cellStyle: { minWidth: 140, maxWidth: 300 },
      render: schedule => (
        <SparkStatus
          display={scheduleStateDisplay(schedule.state)}
          reason={schedule.reason}
          raw={schedule.state}
        />
      ),
    },
    {
      title: 'Concurrency',
      field: 'concurrencyPolicy',
    },
    {
      title: 'Last run',
      field: 'lastRun',
      customSort: (a, b) => millis(a.lastRun) - millis(b.lastRun),
      render: schedule => (
        <TwoLines
          value={schedule.lastRunAgo ?? 'never'}
          below={schedule.lastRunName}
          title={schedule.lastRun}
        />
      ),
    },
    {
      title: 'Next run',
      field: 'nextRun',
      customSort: (a, b) => millis(a.nextRun) - millis(b.nextRun),
      render: schedule => <NextRunCell schedule={schedule} />,
    },
    {
      title: 'History',
      sorting: false,
      cellStyle: { minWidth: 180 },
      render: schedule => <HistoryCell schedule={schedule} />,
    },
    {
      title: 'Actions',
      sorting: false,
      render: schedule => {
        const what = describeTarget('schedules', schedule);
        const busy = schedule.pendingAction !== undefined;
        return (
          <SparkRowActions
            what={what}
            pendingAction={schedule.pendingAction}
            onDelete={() => handlers.current.onDelete(schedule)}
          >
            {schedule.suspended ? (
              <ActionButton
                title="Resume: make runs on schedule again"
                label={`Resume ${what}`}
                icon={<PlayArrowIcon fontSize="small" />}
                color="primary"
                disabled={busy}
                onClick={() => handlers.current.onResume(schedule)}
              />
            ) : (
              <ActionButton
                title="Suspend: make no runs until resumed"
                label={`Suspend ${what}`}
                icon={<PauseIcon fontSize="small" />}
                disabled={busy}
                onClick={() => handlers.current.onSuspend(schedule)}
              />
            )}
          </SparkRowActions>
        );
      },
    },
  );
  return columns;
}

/** ScheduledSparkApplications: when they run, their state and kept runs, Suspend / Resume. */
export function SparkSchedulesTable(
  props: {
    schedules: SparkScheduleSummary[];
    pending: PendingSparkActions;
    reloading: boolean;
    pageSize: number;
    emptyText: string;
  } & SparkScheduleHandlers,
) {
  const { schedules, pending } = props;
  const showProject = spansSeveralNamespaces(schedules);
  const handlers = useRef<SparkScheduleHandlers>(props);
  handlers.current = props;
  const columns = useMemo(
    () => buildColumns(showProject, handlers),
    [showProject],
  );
  const rows = useMemo(
    () => toScheduleRows(schedules, pending, Date.now()),
    [schedules, pending],
  );
  return (
    <SparkSection<SparkScheduleRow>
      title="Schedules"
      testId="spark-schedules-table"
      empty={props.emptyText}
      columns={columns}
      rows={rows}
      pageSize={props.pageSize}
      reloading={props.reloading}
    />
  );
}
