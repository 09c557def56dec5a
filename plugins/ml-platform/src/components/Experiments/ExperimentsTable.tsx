import {
  Link,
  SubvalueCell,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import Checkbox from '@material-ui/core/Checkbox';
import type { ExperimentSummary } from '@ml-platform/backstage-plugin-ml-platform-common';
import { useMemo } from 'react';
import { TimestampCell } from '../Mlflow/TimestampCell';
import { MAX_EXPERIMENTS_PER_SEARCH } from './experimentScope';

const PAGE_SIZE = 5;

function millis(iso: string | undefined): number {
  return iso ? Date.parse(iso) || 0 : 0;
}

type Props = {
  experiments: ExperimentSummary[];
  /** The experiments whose runs are shown below. */
  scope: string[];
  /** Absent when there is nothing to choose (a single experiment). */
  onToggle?: (experiment: ExperimentSummary, on: boolean) => void;
};

/** The experiments, linked to MLflow; ticking them chooses whose runs are shown. */
export function ExperimentsTable({ experiments, scope, onToggle }: Props) {
  const columns = useMemo(() => {
    const result: TableColumn<ExperimentSummary>[] = [];
    if (onToggle) {
      result.push({
        title: 'Runs shown',
        sorting: false,
        width: '96px',
        render: e => (
          <Checkbox
            size="small"
            color="primary"
            checked={scope.includes(e.id)}
            disabled={
              !scope.includes(e.id) &&
              scope.length >= MAX_EXPERIMENTS_PER_SEARCH
            }
            onChange={event => onToggle(e, event.target.checked)}
            inputProps={{ 'aria-label': `Show runs of experiment ${e.name}` }}
          />
        ),
      });
    }
    result.push(
      {
        title: 'Experiment',
        field: 'name',
        highlight: true,
        render: e => (
          <SubvalueCell
            value={<Link to={e.mlflowUrl}>{e.name}</Link>}
            subvalue={e.description}
          />
        ),
      },
      { title: 'Project', field: 'project', emptyValue: '–' },
      {
        title: 'State',
        field: 'lifecycleStage',
        render: e => (e.lifecycleStage === 'deleted' ? 'Deleted' : 'Active'),
      },
      {
        title: 'Last updated',
        field: 'updatedAt',
        defaultSort: 'desc',
        customSort: (a, b) => millis(a.updatedAt) - millis(b.updatedAt),
        render: e => <TimestampCell iso={e.updatedAt} />,
      },
    );
    return result;
  }, [scope, onToggle]);
  // material-table writes its bookkeeping into the row objects: give it copies.
  const data = useMemo(() => experiments.map(e => ({ ...e })), [experiments]);
  const paged = experiments.length > PAGE_SIZE;
  return (
    <div data-testid="experiments-table">
      <Table<ExperimentSummary>
        title="Experiments"
        subtitle={
          onToggle
            ? `Tick the experiments whose runs are shown below (at most ${MAX_EXPERIMENTS_PER_SEARCH})`
            : undefined
        }
        options={{
          paging: paged,
          pageSize: PAGE_SIZE,
          pageSizeOptions: [PAGE_SIZE, 10, 20],
          search: paged,
          padding: 'dense',
        }}
        columns={columns}
        data={data}
      />
    </div>
  );
}
