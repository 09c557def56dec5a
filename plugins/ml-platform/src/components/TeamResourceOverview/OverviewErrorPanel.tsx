import {
  LinkButton,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { rootRouteRef } from '../../routes';
import { describeOverviewError } from './describeOverviewError';

type Props = {
  team: string;
  error: Error;
  onRetry: () => void;
};

/** The cluster did not answer: its name and why, and what to do about it. */
export function ClusterUnreachablePanel(props: {
  message: string;
  onRetry(): void;
}) {
  const statusPage = useRouteRef(rootRouteRef)?.();
  return (
    <WarningPanel
      severity="error"
      title="Cluster unreachable"
      defaultExpanded
      message={props.message}
    >
      <Typography variant="body2" paragraph>
        The portal could not read the team's namespaces from the cluster, so
        nothing is known about them right now. The platform status shows which
        connections fail; try again once the cluster answers, and tell the
        platform admins if it stays unreachable.
      </Typography>
      <Box display="flex" gridGap={8}>
        <Button variant="outlined" onClick={props.onRetry}>
          Try again
        </Button>
        {statusPage && (
          <LinkButton to={statusPage} variant="text">
            Platform status
          </LinkButton>
        )}
      </Box>
    </WarningPanel>
  );
}

/** Explains a failed overview request in terms of what the user can do about it. */
export function OverviewErrorPanel({ team, error, onRetry }: Props) {
  const { kind, message } = describeOverviewError(error);
  switch (kind) {
    case 'cluster-unreachable':
      return <ClusterUnreachablePanel message={message} onRetry={onRetry} />;
    case 'not-a-member':
      return (
        <WarningPanel
          title={`You are not a member of team ${team}`}
          defaultExpanded
          message={`Only the team's members and the platform admins see its resources. Ask a platform admin to add you to ${team} if you work with it.`}
        >
          <Typography variant="body2">{message}</Typography>
        </WarningPanel>
      );
    case 'unknown-team':
      return (
        <WarningPanel
          title={`Unknown team ${team}`}
          defaultExpanded
          message={`The ML platform knows no team called ${team}: it is not a group in the catalog's default namespace.`}
        >
          <Typography variant="body2">{message}</Typography>
        </WarningPanel>
      );
    default:
      return (
        <ResponseErrorPanel
          error={error}
          title={`Could not read the resources of team ${team}`}
        />
      );
  }
}
