import {
  CodeSnippet,
  LinkButton,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import { rootRouteRef } from '../../routes';
import { describeMlflowError } from './describeMlflowError';

type Explanation = { title: string; description: ReactNode };

type Props = {
  error: Error;
  /** What could not be read, e.g. "model fraud-risk-classifier". */
  subject: string;
  /** What to say on a 403 (the user may not see the subject). */
  forbidden: Explanation;
  /** What to say on a 404 (no such subject). */
  notFound: Explanation;
  onRetry?: () => void;
};

function MlflowUnreachablePanel(props: {
  message: string;
  subject: string;
  onRetry?: () => void;
}) {
  const statusPage = useRouteRef(rootRouteRef)?.();
  return (
    <WarningPanel
      severity="error"
      title="MLflow cannot be reached"
      defaultExpanded
      message={props.message}
    >
      <Box data-testid="mlflow-unreachable">
        <Typography variant="body2" paragraph>
          The portal reads the {props.subject} from the MLflow tracking server,
          which does not answer right now, so nothing can be shown. The platform
          status page shows which connections fail. On the local platform, check
          what runs with
        </Typography>
        <CodeSnippet language="shell" text="yarn platform status" />
        <Typography variant="body2" paragraph>
          and start what is down with <code>./scripts/start.sh</code>;
          elsewhere, tell the platform admins. Then try again.
        </Typography>
        <Box display="flex" gridGap={8}>
          {props.onRetry && (
            <Button variant="outlined" onClick={props.onRetry}>
              Try again
            </Button>
          )}
          {statusPage && (
            <LinkButton to={statusPage} variant="text">
              Platform status
            </LinkButton>
          )}
        </Box>
      </Box>
    </WarningPanel>
  );
}

/** Explains a failed MLflow read in terms of what the user can do about it. */
export function MlflowErrorPanel(props: Props) {
  const { kind, message } = describeMlflowError(props.error);
  switch (kind) {
    case 'mlflow-unreachable':
      return (
        <MlflowUnreachablePanel
          message={message}
          subject={props.subject}
          onRetry={props.onRetry}
        />
      );
    case 'forbidden':
    case 'not-found': {
      const { title, description } =
        kind === 'forbidden' ? props.forbidden : props.notFound;
      return (
        <WarningPanel title={title} defaultExpanded message={description}>
          <Typography variant="body2">{message}</Typography>
        </WarningPanel>
      );
    }
    default:
      return (
        <ResponseErrorPanel
          error={props.error}
          title={`Could not read the ${props.subject}`}
        />
      );
  }
}
