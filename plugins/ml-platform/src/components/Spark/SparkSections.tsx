import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import type {
  SparkJobSummary,
  SparkList,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { useState } from 'react';
import type { SparkWorkloadKind } from '../../api/MlPlatformClient';
import { scopeLabel } from '../Notebooks/notebookScope';
import { DeleteSparkDialog } from './DeleteSparkDialog';
import { NewSparkButtons } from './NewSparkButtons';
import { sparkId, type SparkTarget } from './sparkActions';
import { SparkClustersTable } from './SparkClustersTable';
import { SparkJobDetailDialog } from './SparkJobDetailDialog';
import { SparkJobsTable } from './SparkJobsTable';
import { SparkSchedulesTable } from './SparkSchedulesTable';
import type { SparkScope } from './sparkScope';
import { SparkSummary } from './SparkSummary';
import { useSparkActions } from './useSparkActions';

type Props = {
  scope: SparkScope;
  list: SparkList;
  reloading: boolean;
  reload: () => void;
  compact?: boolean;
};

type ToDelete = { kind: SparkWorkloadKind; target: SparkTarget };

/** The clusters, jobs and schedules of a scope with their counts, and the actions on them. */
export function SparkSections({
  scope,
  list,
  reloading,
  reload,
  compact,
}: Props) {
  const actions = useSparkActions(reload);
  const [toDelete, setToDelete] = useState<ToDelete>();
  const [detailOf, setDetailOf] = useState<SparkJobSummary>();
  const pageSize = compact ? 5 : 10;
  const where = scopeLabel(scope);
  const askDelete = (kind: SparkWorkloadKind) => (target: SparkTarget) =>
    setToDelete({ kind, target });
  return (
    <Box data-testid="spark">
      <Box
        display="flex"
        justifyContent="space-between"
        alignItems="flex-start"
        flexWrap="wrap"
        gridGap={16}
        mb={2}
      >
        <SparkSummary list={list} />
        <NewSparkButtons scope={scope} />
      </Box>
      {actions.outcome && (
        <Box mb={2}>
          <Alert
            severity={actions.outcome.severity}
            onClose={actions.dismissOutcome}
          >
            {actions.outcome.message}
          </Alert>
        </Box>
      )}
      <SparkClustersTable
        clusters={list.clusters}
        pending={actions.pending}
        reloading={reloading}
        pageSize={pageSize}
        emptyText={`No Spark clusters in ${where}: New Spark cluster makes a Spark Connect server to work with from a notebook.`}
        onDelete={askDelete('clusters')}
      />
      <SparkJobsTable
        jobs={list.jobs}
        pending={actions.pending}
        reloading={reloading}
        pageSize={pageSize}
        emptyText={`No Spark jobs in ${where}: New Spark job runs an application once or on a schedule.`}
        onDetails={setDetailOf}
        onRerun={actions.rerun}
        onDelete={askDelete('jobs')}
      />
      <SparkSchedulesTable
        schedules={list.schedules}
        pending={actions.pending}
        reloading={reloading}
        pageSize={pageSize}
        emptyText={`No Spark schedules in ${where}: New Spark job with a cron schedule makes one.`}
        onSuspend={actions.suspend}
        onResume={actions.resume}
        onDelete={askDelete('schedules')}
      />
      {toDelete && (
        <DeleteSparkDialog
          key={sparkId(toDelete.kind, toDelete.target)}
          kind={toDelete.kind}
          target={toDelete.target}
          onCancel={() => setToDelete(undefined)}
          onConfirm={(kind, target) => {
            setToDelete(undefined);
            actions.remove(kind, target);
          }}
        />
      )}
      {detailOf && (
        <SparkJobDetailDialog
          key={sparkId('jobs', detailOf)}
          job={detailOf}
          onClose={() => setDetailOf(undefined)}
        />
      )}
    </Box>
  );
}
