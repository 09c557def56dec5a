import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { describeOverviewError } from '../TeamResourceOverview/describeOverviewError';
import { ClusterUnreachablePanel } from '../TeamResourceOverview/OverviewErrorPanel';
import { type NotebookScope, scopeLabel } from './notebookScope';

type Props = {
  scope: NotebookScope;
  error: Error;
  onRetry: () => void;
};

function forbiddenTitle(scope: NotebookScope): string {
  return scope.team
    ? `You are not a member of team ${scope.team}, so you cannot see its notebooks`
    : `You may not see the notebooks of ${scopeLabel(scope)}`;
}

/** Why a scope is unknown: the team is no group, or the namespace is gone. */
export function notFoundExplanation(scope: NotebookScope) {
  return scope.kind === 'team'
    ? {
        title: `Unknown team ${scope.team}`,
        message: `The ML platform knows no team called ${scope.team}: it is not a group in the catalog's default namespace.`,
      }
    : {
        title: `Unknown project namespace ${scope.namespace}`,
        message: `The ML platform knows no project namespace called ${scope.namespace}; it may have been deleted since the catalog last read it.`,
      };
}

/** Explains a failed notebook list in terms of what the user can do about it. */
export function NotebooksErrorPanel({ scope, error, onRetry }: Props) {
  const { kind, message } = describeOverviewError(error);
  switch (kind) {
    case 'cluster-unreachable':
      return <ClusterUnreachablePanel message={message} onRetry={onRetry} />;
    case 'not-a-member':
      return (
        <WarningPanel
          title={forbiddenTitle(scope)}
          defaultExpanded
          message={`Only the team's members and the platform admins see its notebooks. Ask a platform admin to add you to the team if you work with it.`}
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
          title={`Could not read the notebooks of ${scopeLabel(scope)}`}
        />
      );
  }
}
