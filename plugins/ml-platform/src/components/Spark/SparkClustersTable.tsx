import { SubvalueCell, type TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { SparkClusterSummary } from '@ml-platform/backstage-plugin-ml-platform-common';
import { useMemo, useRef } from 'react';
import { creatorName, shortImage } from '../Notebooks/formatNotebook';
import { millis, spansSeveralNamespaces } from '../Notebooks/notebookRows';
import { formatExecutorRequest, formatPod, formatPodSize } from './formatSpark';
import { describeTarget } from './sparkActions';
import { SparkConnectionCell } from './SparkConnectionCell';
import { SparkRowActions } from './SparkRowActions';
import {
  type PendingSparkActions,
  type SparkClusterRow,
  toClusterRows,
} from './sparkRows';
import { clusterStateDisplay } from './sparkStates';
import { SparkStatus } from './SparkStatus';
import { NameCell, NONE, SparkSection, TwoLines } from './SparkTable';

export type SparkClusterHandlers = {
  onDelete(cluster: SparkClusterSummary): void;
};

const BACKEND_WORDS: Record<SparkClusterSummary['backend'], string> = {
  kubeflow: 'Spark Connect',
  apache: 'Standalone (Apache)',
};

function buildColumns(
  showProject: boolean,
  handlers: { current: SparkClusterHandlers },
): TableColumn<SparkClusterRow>[] {
  const columns: TableColumn<SparkClusterRow>[] = [
    {
      title: 'Name',
      field: 'name',
      cellStyle: { minWidth: 120 },
      render: cluster => (
        <NameCell name={cluster.name}>
          <Typography variant="caption" color="textSecondary">
            {BACKEND_WORDS[cluster.backend] ?? cluster.backend}
            {cluster.createdBy && (
              <span title={cluster.createdBy}>
                {' '}
                · by {creatorName(cluster.createdBy)}
              </span>
            )}
          </Typography>
        </NameCell>
      ),
    },
  ];
  if (showProject) {
    columns.push({
      title: 'Project',
      field: 'namespace',
      render: cluster => (
        <SubvalueCell
          value={cluster.project ?? 'Team namespace'}
          subvalue={cluster.namespace}
        />
      ),
    });
  }
  columns.push(
    {
      title: 'State',
      field: 'state',
      cellStyle: { minWidth: 140 },
      render: cluster => (
        <SparkStatus
          display={clusterStateDisplay(cluster.state)}
          reason={cluster.reason}
          raw={cluster.state}
        />
      ),
    },
    {
      title: 'Spark',
      field: 'sparkVersion',
      render: cluster => (
        <TwoLines
          value={cluster.sparkVersion ?? NONE}
          below={cluster.image && shortImage(cluster.image)}
          title={cluster.image}
        />
      ),
    },
    {
      title: 'Server',
      field: 'server',
      customSort: (a, b) =>
        (a.server?.phase ?? '').localeCompare(b.server?.phase ?? ''),
      render: cluster =>
        cluster.server ? (
          <TwoLines
            value={formatPod(cluster.server)}
            below={cluster.server.reason ?? cluster.server.name}
            title={`${cluster.server.name} · ${formatPodSize(
              cluster.size.server,
            )}`}
          />
        ) : (
          NONE
        ),
    },
    {
      title: 'Executors',
      sorting: false,
      render: cluster => (
        <TwoLines
          value={cluster.executorStates ?? 'none running'}
          below={`asked: ${formatExecutorRequest(cluster.size)}`}
        />
      ),
    },
    {
      title: 'Connect',
      sorting: false,
      cellStyle: { minWidth: 220 },
      render: cluster => (
        <SparkConnectionCell
          cluster={cluster.name}
          connection={cluster.connection}
        />
      ),
    },
    {
      title: 'Age',
      field: 'createdAt',
      customSort: (a, b) => millis(b.createdAt) - millis(a.createdAt),
      render: cluster => (
        <span title={cluster.createdAt}>{cluster.age ?? NONE}</span>
      ),
    },
    {
      title: 'Actions',
      sorting: false,
      render: cluster => (
        <SparkRowActions
          what={describeTarget('clusters', cluster)}
          pendingAction={cluster.pendingAction}
          onDelete={() => handlers.current.onDelete(cluster)}
        />
      ),
    },
  );
  return columns;
}

/** SparkConnect (and Apache SparkCluster) servers: state, executors and where to connect. */
export function SparkClustersTable(
  props: {
    clusters: SparkClusterSummary[];
    pending: PendingSparkActions;
    reloading: boolean;
    pageSize: number;
    emptyText: string;
  } & SparkClusterHandlers,
) {
  const { clusters, pending } = props;
  const showProject = spansSeveralNamespaces(clusters);
  // Columns stay the same objects across renders so that the table keeps its
  // sorting; their buttons call the latest handlers.
  const handlers = useRef<SparkClusterHandlers>(props);
  handlers.current = props;
  const columns = useMemo(
    () => buildColumns(showProject, handlers),
    [showProject],
  );
  const rows = useMemo(
    () => toClusterRows(clusters, pending, Date.now()),
    [clusters, pending],
  );
  return (
    <SparkSection<SparkClusterRow>
      title="Clusters"
      testId="spark-clusters-table"
      empty={props.emptyText}
      columns={columns}
      rows={rows}
      pageSize={props.pageSize}
      reloading={props.reloading}
    />
  );
}
