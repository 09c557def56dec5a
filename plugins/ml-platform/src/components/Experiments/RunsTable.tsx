import {
  Cell,
  CellText,
  type ColumnConfig,
  Table,
  type TablePaginationType,
} from '@backstage/ui';
import Checkbox from '@material-ui/core/Checkbox';
import type { RunSummary } from '@ml-platform/backstage-plugin-ml-platform-common';
import { useMemo } from 'react';
import {
  formatDuration,
  formatMetric,
  formatTimestamp,
} from '../Mlflow/formatValue';
import { formatRelativeTime } from '../TeamResourceOverview/formatRelativeTime';
import {
  metricColumnId,
  paramColumnId,
  RUN_NAME_COLUMN,
  type RunSort,
  START_TIME_COLUMN,
  STATUS_COLUMN,
} from './orderBy';
import type { PickedColumns } from './runColumns';
import { RunStatus } from './RunStatus';

type Props = {
  runs: RunSummary[] | undefined;
  columns: PickedColumns;
  sort: RunSort;
  onSortChange: (sort: RunSort) => void;
  selectedIds: Set<string>;
  onToggle: (run: RunSummary, selected: boolean) => void;
  pagination: TablePaginationType;
  loading: boolean;
  emptyState: JSX.Element;
};

/** Wide enough for a key like val_accuracy and its sort arrow. */
const KEY_COLUMN_MIN_WIDTH = 140;

function buildColumns(
  columns: PickedColumns,
  selectedIds: Set<string>,
  onToggle: Props['onToggle'],
): ColumnConfig<RunSummary>[] {
  const now = Date.now();
  return [
    {
      id: 'select',
      label: 'Compare',
      width: 96,
      cell: run => (
        <Cell>
          <Checkbox
            size="small"
            color="primary"
            checked={selectedIds.has(run.id)}
            onChange={e => onToggle(run, e.target.checked)}
            inputProps={{ 'aria-label': `Select run ${run.name || run.id}` }}
          />
        </Cell>
      ),
    },
    {
      id: RUN_NAME_COLUMN,
      label: 'Run',
      isRowHeader: true,
      isSortable: true,
      minWidth: 240,
      cell: run => (
        <CellText
          title={run.name || run.id}
          description={run.user}
          href={run.mlflowUrl}
        />
      ),
    },
    {
      id: STATUS_COLUMN,
      label: 'Status',
      isSortable: true,
      minWidth: 130,
      cell: run => (
        <Cell>
          <RunStatus status={run.status} />
        </Cell>
      ),
    },
    {
      id: START_TIME_COLUMN,
      label: 'Started',
      isSortable: true,
      minWidth: 230,
      cell: run => (
        <CellText
          title={formatRelativeTime(run.startTime, now) ?? '–'}
          description={[
            formatTimestamp(run.startTime),
            formatDuration(run.durationMs),
          ]
            .filter(Boolean)
            .join(' · ')}
        />
      ),
    },
    ...columns.metrics.map(
      (key): ColumnConfig<RunSummary> => ({
        id: metricColumnId(key),
        label: key,
        isSortable: true,
        minWidth: KEY_COLUMN_MIN_WIDTH,
        cell: run => <CellText title={formatMetric(run.metrics[key])} />,
      }),
    ),
    ...columns.params.map(
      (key): ColumnConfig<RunSummary> => ({
        id: paramColumnId(key),
        label: key,
        isSortable: true,
        minWidth: KEY_COLUMN_MIN_WIDTH,
        cell: run => <CellText title={run.params[key] ?? '–'} />,
      }),
    ),
  ];
}

/**
 * One page of runs, sorted by MLflow: a click on a header asks for a new
 * order, a checkbox adds the run to the comparison.
 */
export function RunsTable(props: Props) {
  const { columns, selectedIds, onToggle, onSortChange } = props;
  const columnConfig = useMemo(
    () => buildColumns(columns, selectedIds, onToggle),
    [columns, selectedIds, onToggle],
  );
  return (
    <div data-testid="runs-table">
      <Table<RunSummary>
        columnConfig={columnConfig}
        data={props.runs}
        isPending={props.loading && !props.runs}
        isStale={props.loading && !!props.runs}
        pagination={props.pagination}
        sort={{
          descriptor: props.sort,
          onSortChange: descriptor =>
            onSortChange({
              column: String(descriptor.column),
              direction: descriptor.direction,
            }),
        }}
        emptyState={props.emptyState}
      />
    </div>
  );
}
