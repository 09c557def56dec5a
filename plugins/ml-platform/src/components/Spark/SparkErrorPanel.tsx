import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { scopeLabel } from '../Notebooks/notebookScope';
import { notFoundExplanation } from '../Notebooks/NotebooksErrorPanel';
import { describeOverviewError } from '../TeamResourceOverview/describeOverviewError';
import { ClusterUnreachablePanel } from '../TeamResourceOverview/OverviewErrorPanel';
import type { SparkScope } from './sparkScope';

type Props = {
  scope: SparkScope;
  error: Error;
  onRetry: () => void;
};

function forbiddenTitle(scope: SparkScope): string {
  return scope.team
    ? `You are not a member of team ${scope.team}, so you cannot see its Spark jobs and clusters`
    : `You may not see the Spark jobs and clusters of ${scopeLabel(scope)}`;
}

/** Explains a failed Spark list in terms of what the user can do about it. */
export function SparkErrorPanel({ scope, error, onRetry }: Props) {
  const { kind, message } = describeOverviewError(error);
  switch (kind) {
    case 'cluster-unreachable':
      return <ClusterUnreachablePanel message={message} onRetry={onRetry} />;
    case 'not-a-member':
      return (
        <WarningPanel
          title={forbiddenTitle(scope)}
          defaultExpanded
          message="Only the team's members and the platform admins see its Spark jobs and clusters. Ask a platform admin to add you to the team if you work with it."
        >
          <Typography variant="body2">{message}</Typography>
        </WarningPanel>
      );
    case 'unknown-team': {
      const explanation = notFoundExplanation(scope);
      return (
        <WarningPanel
          title={explanation.title}
          defaultExpanded
          message={explanation.message}
        >
          <Typography variant="body2">{message}</Typography>
        </WarningPanel>
      );
    }
    default:
      return (
        <ResponseErrorPanel
          error={error}
          title={`Could not read the Spark workloads of ${scopeLabel(scope)}`}
        />
      );
  }
}
