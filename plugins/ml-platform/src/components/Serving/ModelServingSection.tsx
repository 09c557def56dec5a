import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type {
  ModelDetails,
  ModelServing,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { useMemo } from 'react';
import { SparkStatus } from '../Spark/SparkStatus';
import { CopyableUrl } from './CopyableUrl';
import { DeployButton } from './DeployButton';
import { EntityLinkOrText } from './EntityLink';
import {
  deploymentEntityRef,
  deploymentStateDisplay,
  formatReplicas,
  formatTraffic,
  predictorStateDisplay,
  rowReason,
  type ServingRow,
  servingRows,
} from './formatServing';

/** The model's serving as loaded by its page. */
export type ModelServingState = {
  value?: ModelServing;
  loading: boolean;
  error?: Error;
  retry(): void;
};

const columns: TableColumn<ServingRow>[] = [
  {
    title: 'Deployment',
    field: 'id',
    cellStyle: { minWidth: 180 },
    render: row => {
      const { deployment } = row;
      const state = deploymentStateDisplay(deployment.state);
      return (
        <Box display="flex" flexDirection="column">
          <Typography
            variant="body2"
            style={{ fontWeight: 600, wordBreak: 'break-word' }}
          >
            <EntityLinkOrText
              entityRef={deploymentEntityRef(deployment)}
              aria-label={`Deployment ${deployment.namespace}/${deployment.name}`}
            >
              {`${deployment.namespace}/${deployment.name}`}
            </EntityLinkOrText>
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {state.label} · {deployment.protocol} protocol
          </Typography>
        </Box>
      );
    },
  },
  {
    title: 'Predictor',
    field: 'name',
    render: row => (
      <Box display="flex" alignItems="center" gridGap={4}>
        <Typography variant="body2" component="span">
          {row.name}
        </Typography>
        {row.main && (
          <Chip
            size="small"
            variant="outlined"
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
    render: row => `v${row.version}`,
  },
  {
    title: 'Traffic',
    field: 'traffic',
    render: row => (
      <span
        title={
          row.shadow
            ? 'Gets a copy of every request; its answers are not returned'
            : undefined
        }
      >
        {formatTraffic(row)}
      </span>
    ),
  },
  {
    title: 'Replicas',
    field: 'readyReplicas',
    render: row => <span title="ready / desired">{formatReplicas(row)}</span>,
  },
  {
    title: 'State',
    field: 'state',
    cellStyle: { minWidth: 160 },
    render: row => (
      <SparkStatus
        display={predictorStateDisplay(row.state)}
        reason={rowReason(row)}
        raw={row.state}
      />
    ),
  },
  {
    title: 'Prediction URL',
    sorting: false,
    render: row => (
      <CopyableUrl
        url={row.deployment.predictionUrl}
        label={`prediction URL of ${row.deployment.name}`}
        missing="no gateway: in-cluster only"
      />
    ),
  },
];

function ServingTable({ serving }: { serving: ModelServing }) {
  // material-table writes its bookkeeping into the row objects: new ones each time.
  const rows = useMemo(() => servingRows(serving), [serving]);
  return (
    <div data-testid="serving-table">
      <Table<ServingRow>
        options={{
          paging: rows.length > 10,
          pageSize: 10,
          search: false,
          toolbar: false,
          padding: 'dense',
          sorting: false,
        }}
        columns={columns}
        data={rows}
      />
    </div>
  );
}

function NotServing(props: {
  serving: ModelServing;
  canDeploy: boolean;
  hasVersions: boolean;
  onDeploy(): void;
}) {
  const { serving, canDeploy, hasVersions } = props;
  let description: string;
  if (!serving.canDeploy) {
    description =
      serving.cannotDeployReason ?? 'You may not deploy this model.';
  } else if (!hasVersions) {
    description = 'Register a version first: then it can be deployed here.';
  } else {
    description =
      'Deploy a version to serve it with Seldon Core behind a prediction URL, in the namespace of the team or of one of its projects.';
  }
  return (
    <Box data-testid="no-serving">
      <EmptyState
        missing="content"
        title="No version of this model serves yet"
        description={description}
        action={
          canDeploy ? <DeployButton onClick={props.onDeploy} /> : undefined
        }
      />
    </Box>
  );
}

/**
 * Where the versions of a model serve: each predictor of each deployment
 * with its traffic share, replicas, state and prediction URL; and, for those
 * who may, a button to deploy a version.
 */
export function ModelServingSection(props: {
  model: ModelDetails;
  serving: ModelServingState;
  /** Opens the deploy dialog with the champion (or newest version) chosen. */
  onDeploy(): void;
}) {
  const { model, serving } = props;
  let content;
  if (serving.loading && !serving.value) {
    content = <Progress />;
  } else if (serving.error) {
    content = (
      <ResponseErrorPanel
        error={serving.error}
        title={`Could not read where model ${model.name} serves`}
      />
    );
  } else if (serving.value) {
    const value = serving.value;
    const hasVersions = model.versions.length > 0;
    const canDeploy = value.canDeploy && hasVersions;
    if (value.deployments.length === 0) {
      content = (
        <NotServing
          serving={value}
          canDeploy={canDeploy}
          hasVersions={hasVersions}
          onDeploy={props.onDeploy}
        />
      );
    } else {
      content = (
        <>
          <Box
            display="flex"
            justifyContent="space-between"
            alignItems="center"
            flexWrap="wrap"
            gridGap={8}
            mb={2}
          >
            <Typography variant="body2" color="textSecondary">
              {value.deployments.length === 1
                ? '1 deployment'
                : `${value.deployments.length} deployments`}{' '}
              serve this model. A deployment's name opens its page, where its
              traffic can change.
            </Typography>
            {canDeploy && <DeployButton onClick={props.onDeploy} />}
            {!value.canDeploy && value.cannotDeployReason && (
              <Typography
                variant="body2"
                color="textSecondary"
                data-testid="cannot-deploy-reason"
              >
                {value.cannotDeployReason}
              </Typography>
            )}
          </Box>
          <ServingTable serving={value} />
        </>
      );
    }
  }
  return (
    <InfoCard
      title="Serving"
      subheader="Where the versions of this model serve, with Seldon Core"
    >
      <Box data-testid="model-serving">{content}</Box>
    </InfoCard>
  );
}
