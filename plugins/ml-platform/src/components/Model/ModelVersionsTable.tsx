import { Link, Table, type TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { ModelVersionSummary } from '@ml-platform/backstage-plugin-ml-platform-common';
import { useMemo, useRef } from 'react';
import { DeployButton } from '../Serving/DeployButton';
import { formatMetric } from '../Mlflow/formatValue';
import { TimestampCell } from '../Mlflow/TimestampCell';
import { AliasChips } from './AliasChips';
import {
  compareVersionNumbers,
  hasStages,
  type KeyRunColumns,
} from './modelVersions';
import { SourceRunCell } from './SourceRunCell';
import { VersionStatusCell } from './VersionStatusCell';

const PAGE_SIZE = 10;

function millis(iso: string | undefined): number {
  return iso ? Date.parse(iso) || 0 : 0;
}

function metricOf(version: ModelVersionSummary, key: string): number {
  return version.run?.metrics[key] ?? Number.NEGATIVE_INFINITY;
}

function buildColumns(
  versions: ModelVersionSummary[],
  key: KeyRunColumns,
  onDeploy: { current?: (version: ModelVersionSummary) => void },
  deployable: boolean,
): TableColumn<ModelVersionSummary>[] {
  const columns: TableColumn<ModelVersionSummary>[] = [
    {
      title: 'Version',
      field: 'version',
      width: '80px',
      defaultSort: 'desc',
      customSort: (a, b) => compareVersionNumbers(a.version, b.version),
      render: v => (
        <Typography variant="body2" style={{ fontWeight: 600 }}>
          <Link to={v.mlflowUrl} aria-label={`Version ${v.version} in MLflow`}>
            {`v${v.version}`}
          </Link>
        </Typography>
      ),
    },
    {
      title: 'Aliases',
      sorting: false,
      render: v => (
        <AliasChips
          aliases={v.aliases.map(alias => ({ alias }))}
          emptyText=""
        />
      ),
    },
  ];
  if (hasStages(versions)) {
    columns.push({ title: 'Stage', field: 'stage', emptyValue: '–' });
  }
  columns.push(
    {
      title: 'Status',
      field: 'status',
      render: v => <VersionStatusCell version={v} />,
    },
    {
      title: 'Created',
      field: 'createdAt',
      cellStyle: { minWidth: 140 },
      customSort: (a, b) => millis(a.createdAt) - millis(b.createdAt),
      render: v => <TimestampCell iso={v.createdAt} />,
    },
    {
      title: 'Source run',
      sorting: false,
      cellStyle: { minWidth: 240 },
      render: v => <SourceRunCell version={v} keyParams={key.params} />,
    },
    ...key.metrics.map(
      (metric): TableColumn<ModelVersionSummary> => ({
        title: metric,
        type: 'numeric',
        customSort: (a, b) => metricOf(a, metric) - metricOf(b, metric),
        render: v => (
          <span title={String(v.run?.metrics[metric] ?? '')}>
            {formatMetric(v.run?.metrics[metric])}
          </span>
        ),
      }),
    ),
  );
  if (deployable) {
    columns.push({
      title: 'Serving',
      sorting: false,
      render: v => (
        <DeployButton
          size="small"
          variant="outlined"
          onClick={() => onDeploy.current?.(v)}
        />
      ),
    });
  }
  return columns;
}

/** The versions of a model, newest first, with their source runs' key numbers. */
export function ModelVersionsTable(props: {
  versions: ModelVersionSummary[];
  keyColumns: KeyRunColumns;
  /** Given when the user may deploy the model: a Deploy button per version. */
  onDeploy?: (version: ModelVersionSummary) => void;
}) {
  const { versions, keyColumns } = props;
  // The columns need not change when the parent passes a new callback.
  const onDeploy = useRef(props.onDeploy);
  onDeploy.current = props.onDeploy;
  const deployable = props.onDeploy !== undefined;
  const columns = useMemo(
    () => buildColumns(versions, keyColumns, onDeploy, deployable),
    [versions, keyColumns, deployable],
  );
  // material-table writes its bookkeeping into the row objects: give it copies.
  const data = useMemo(() => versions.map(v => ({ ...v })), [versions]);
  const paged = versions.length > PAGE_SIZE;
  return (
    <div data-testid="model-versions-table">
      <Table<ModelVersionSummary>
        title="Versions"
        subtitle={[
          "Newest first; a version's number opens it in MLflow.",
          keyColumns.metrics.length > 0
            ? `Metrics of each version's source run: ${keyColumns.metrics.join(
                ', ',
              )}.`
            : '',
        ].join(' ')}
        options={{
          paging: paged,
          pageSize: PAGE_SIZE,
          pageSizeOptions: [PAGE_SIZE, 25, 50],
          search: paged,
          padding: 'dense',
          sorting: true,
        }}
        columns={columns}
        data={data}
      />
    </div>
  );
}
