import { Link, Table, type TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type { ServingPredictor } from '@ml-platform/backstage-plugin-ml-platform-common';
import { useMemo, useRef } from 'react';
import { SparkStatus } from '../Spark/SparkStatus';
import { useEntityPath } from './EntityLink';
import {
  formatReplicas,
  formatTraffic,
  modelEntityRef,
  predictorStateDisplay,
} from './formatServing';

type Handlers = { onPromote(predictor: ServingPredictor): void };

function buildColumns(
  handlers: { current: Handlers },
  busy: boolean,
  model: string,
): TableColumn<ServingPredictor>[] {
  return [
    {
      title: 'Predictor',
      field: 'name',
      render: p => (
        <Box display="flex" alignItems="center" gridGap={4}>
          <Typography
            variant="body2"
            component="span"
            style={{ fontWeight: 600 }}
          >
            {p.name}
          </Typography>
          {p.main && (
            <Chip
              size="small"
              variant="outlined"
              color="primary"
              label="main"
              title="The predictor a rollback keeps"
            />
          )}
        </Box>
      ),
    },
    {
      title: 'Version',
      field: 'version',
      render: p => (
        <>
          <Typography variant="body2" component="span" display="block">
            <VersionLink model={model} version={p.version} />
          </Typography>
          <Typography
            variant="caption"
            color="textSecondary"
            display="block"
            title={p.modelUri}
            style={{ wordBreak: 'break-all' }}
          >
            {p.modelUri}
          </Typography>
        </>
      ),
    },
    {
      title: 'Traffic',
      field: 'traffic',
      render: p => formatTraffic(p),
    },
    {
      title: 'Replicas',
      field: 'readyReplicas',
      render: p => <span title="ready / desired">{formatReplicas(p)}</span>,
    },
    {
      title: 'State',
      field: 'state',
      cellStyle: { minWidth: 180 },
      render: p => (
        <SparkStatus
          display={predictorStateDisplay(p.state)}
          reason={p.reason}
          raw={p.state}
        />
      ),
    },
    {
      title: 'Actions',
      sorting: false,
      render: p =>
        p.main ? null : (
          <Button
            size="small"
            variant="outlined"
            color="primary"
            disabled={busy}
            aria-label={`Promote ${p.name}`}
            onClick={() => handlers.current.onPromote(p)}
          >
            Promote
          </Button>
        ),
    },
  ];
}

/** A version, linked to the model page's versions (its Model tab) when the catalog has the model. */
function VersionLink(props: { model: string; version: string }) {
  const path = useEntityPath(modelEntityRef(props.model));
  const text = `v${props.version}`;
  return path ? (
    <Link
      to={`${path}/model`}
      aria-label={`Version ${props.version} of ${props.model}`}
    >
      {text}
    </Link>
  ) : (
    <>{text}</>
  );
}

/** The predictors of a deployment: version, share, replicas and state, and Promote. */
export function PredictorsTable(props: {
  /** The registered model the deployment serves. */
  model: string;
  predictors: ServingPredictor[];
  busy: boolean;
  onPromote(predictor: ServingPredictor): void;
}) {
  const handlers = useRef<Handlers>(props);
  handlers.current = props;
  const columns = useMemo(
    () => buildColumns(handlers, props.busy, props.model),
    [props.busy, props.model],
  );
  // material-table writes its bookkeeping into the row objects: give it copies.
  const data = useMemo(
    () =>
      [...props.predictors]
        .sort(
          (a, b) =>
            Number(b.main) - Number(a.main) ||
            Number(a.shadow) - Number(b.shadow) ||
            b.traffic - a.traffic,
        )
        .map(p => ({ ...p })),
    [props.predictors],
  );
  return (
    <div data-testid="predictors-table">
      <Table<ServingPredictor>
        title="Predictors"
        subtitle="The versions this deployment serves, with their share of the traffic"
        options={{
          paging: false,
          search: false,
          padding: 'dense',
          sorting: false,
        }}
        columns={columns}
        data={data}
      />
    </div>
  );
}
