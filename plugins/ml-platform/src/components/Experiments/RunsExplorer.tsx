import { InfoCard } from '@backstage/core-components';
import type { TablePaginationType } from '@backstage/ui';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { RunSummary } from '@ml-platform/backstage-plugin-ml-platform-common';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { describeMlflowError } from '../Mlflow/describeMlflowError';
import { MlflowErrorPanel } from '../Mlflow/MlflowErrorPanel';
import { DEFAULT_RUN_SORT, type RunSort } from './orderBy';
import { RunColumnsPicker } from './RunColumnsPicker';
import {
  columnOptions,
  defaultRunColumns,
  type PickedColumns,
} from './runColumns';
import { RunComparison } from './RunComparison';
import { RunsFilterBox } from './RunsFilterBox';
import { RunsTable } from './RunsTable';
import { useRunSearch } from './useRunSearch';

const PAGE_SIZES = [10, 25, 50, 100];
const DEFAULT_PAGE_SIZE = 25;

type Props = {
  /** The experiments whose runs are searched (at most 20). */
  experimentIds: string[];
};

function EmptyRuns(props: {
  filter: string;
  filterRejected: boolean;
  orderError?: string;
}) {
  let text =
    'No runs in the selected experiments yet. Runs logged with mlflow.start_run() in one of them show up here.';
  if (props.orderError) {
    text = `MLflow cannot order the runs this way: ${props.orderError}. Click another column header.`;
  } else if (props.filterRejected) {
    text =
      'No runs shown: MLflow rejected the filter. Correct it above, or clear it.';
  } else if (props.filter) {
    text =
      'No run matches the filter. Loosen it, or clear it to see every run.';
  }
  return (
    <Typography variant="body2" color="textSecondary">
      {text}
    </Typography>
  );
}

/**
 * The runs of some experiments: a filter in MLflow's syntax, columns to
 * pick, server-side order and paging, and a comparison of the selected runs.
 */
export function RunsExplorer({ experimentIds }: Props) {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<RunSort>(DEFAULT_RUN_SORT);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const [picked, setPicked] = useState<PickedColumns>();
  const [selected, setSelected] = useState<RunSummary[]>([]);

  const search = useRunSearch({ experimentIds, filter, sort, pageSize });
  const { response, error } = search;

  // The first runs seen choose the columns, until the user picks others.
  useEffect(() => {
    if (response && response.runs.length > 0 && !picked) {
      setPicked(defaultRunColumns(response));
    }
  }, [response, picked]);
  const columns = picked ?? { metrics: [], params: [] };

  const failure = error ? describeMlflowError(error) : undefined;
  const rejected = failure?.kind === 'invalid-request';
  // MLflow's objection goes next to the filter box when there is a filter,
  // else (an order MLflow refuses) into the table, whose headers stay
  // clickable to choose another order.
  const filterError = rejected && filter ? failure.message : undefined;
  const orderError = rejected && !filter ? failure.message : undefined;

  const selectedIds = useMemo(
    () => new Set(selected.map(r => r.id)),
    [selected],
  );
  const onToggle = useCallback((run: RunSummary, on: boolean) => {
    setSelected(current =>
      on
        ? [...current.filter(r => r.id !== run.id), run]
        : current.filter(r => r.id !== run.id),
    );
  }, []);
  // Runs of experiments no longer in scope leave the comparison.
  const compared = selected.filter(r => experimentIds.includes(r.experimentId));

  const shown = response?.runs.length ?? 0;
  const offset = search.pageIndex * pageSize;
  const pagination: TablePaginationType = {
    type: 'page',
    pageSize,
    pageSizeOptions: PAGE_SIZES,
    offset,
    // MLflow does not count the matches: what is known is the runs up to
    // this page, and one more when there is a next page.
    totalCount: offset + shown + (search.hasNextPage ? 1 : 0),
    hasNextPage: search.hasNextPage,
    hasPreviousPage: search.hasPreviousPage,
    onNextPage: search.goToNextPage,
    onPreviousPage: search.goToPreviousPage,
    onPageSizeChange: setPageSize,
    getLabel: () =>
      shown === 0
        ? `Page ${search.pageIndex + 1}`
        : `Runs ${offset + 1}–${offset + shown}${
            search.hasNextPage ? ', more on the next pages' : ''
          }`,
  };

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          title="Runs"
          titleTypographyProps={{ component: 'h2' }}
          subheader="Sorted and filtered by MLflow; click a column header to order by it"
        >
          <Box display="flex" flexDirection="column" gridGap={16}>
            <RunsFilterBox
              applied={filter}
              onApply={setFilter}
              error={filterError}
            />
            <RunColumnsPicker
              metricOptions={columnOptions(
                response?.metricKeys ?? [],
                columns.metrics,
              )}
              paramOptions={columnOptions(
                response?.paramKeys ?? [],
                columns.params,
              )}
              value={columns}
              onChange={setPicked}
            />
            {experimentIds.length === 0 && (
              <Typography variant="body2" color="textSecondary">
                Select at least one experiment above to see its runs.
              </Typography>
            )}
            {experimentIds.length > 0 && error && !rejected && (
              <MlflowErrorPanel
                error={error}
                subject="runs"
                onRetry={search.retry}
                forbidden={{
                  title: 'You may not read these runs',
                  description:
                    "One of the experiments belongs to another team: only the team's members and the platform admins see its runs.",
                }}
                notFound={{
                  title: 'Experiment not found',
                  description:
                    'One of the experiments does not exist (any more) in MLflow.',
                }}
              />
            )}
            {experimentIds.length > 0 && (!error || rejected) && (
              <RunsTable
                runs={error ? [] : response?.runs}
                columns={columns}
                sort={sort}
                onSortChange={setSort}
                selectedIds={selectedIds}
                onToggle={onToggle}
                pagination={pagination}
                loading={search.loading}
                emptyState={
                  <EmptyRuns
                    filter={filter}
                    filterRejected={!!filterError}
                    orderError={orderError}
                  />
                }
              />
            )}
          </Box>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <RunComparison
          runs={compared}
          columns={columns}
          onRemove={run => onToggle(run, false)}
          onClear={() => setSelected([])}
        />
      </Grid>
    </Grid>
  );
}
