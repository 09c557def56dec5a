import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StatusError,
  StatusOK,
  StatusWarning,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  mlPlatformApiRef,
  type ConnectionStatus,
} from '../../api/MlPlatformClient';

const COMPONENT_TITLES: Record<ConnectionStatus['component'], string> = {
  kubernetes: 'Kubernetes',
  mlflow: 'MLflow',
  prometheus: 'Prometheus',
};

function StateCell({ status }: { status: ConnectionStatus }) {
  if (status.state === 'ok') {
    return <StatusOK>Reachable</StatusOK>;
  }
  if (status.state === 'down') {
    return <StatusError>Unreachable</StatusError>;
  }
  return <StatusWarning>Not configured</StatusWarning>;
}

const columns: TableColumn<ConnectionStatus>[] = [
  { title: 'System', render: row => COMPONENT_TITLES[row.component] },
  { title: 'Status', render: row => <StateCell status={row} /> },
  { title: 'Endpoint', field: 'endpoint', emptyValue: '—' },
  { title: 'Detail', field: 'detail' },
  {
    title: 'Latency',
    field: 'latencyMs',
    type: 'numeric',
    render: row => (row.latencyMs === undefined ? '—' : `${row.latencyMs} ms`),
  },
];

/** The systems the platform talks to, and whether they answer. @public */
export function PlatformStatusCard() {
  const api = useApi(mlPlatformApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getStatus(),
    [api],
  );

  if (loading && !value) {
    return <Progress />;
  }
  if (error) {
    return (
      <ResponseErrorPanel
        error={error}
        title="Could not read the platform status"
      />
    );
  }
  const down = value!.connections.filter(c => c.state === 'down');
  return (
    <InfoCard
      title={`Platform connections (${value!.environmentName})`}
      subheader={
        down.length === 0
          ? 'Every configured system answers.'
          : `${down
              .map(c => COMPONENT_TITLES[c.component])
              .join(
                ', ',
              )} unreachable: check that the server runs and the URL in app-config is right.`
      }
      action={undefined}
      deepLink={undefined}
    >
      <Table<ConnectionStatus>
        options={{
          paging: false,
          search: false,
          toolbar: false,
          padding: 'dense',
        }}
        columns={columns}
        data={value!.connections}
        actions={[
          {
            icon: () => <span aria-label="Check again">↻</span>,
            tooltip: 'Check again',
            isFreeAction: true,
            onClick: () => retry(),
          },
        ]}
      />
    </InfoCard>
  );
}
