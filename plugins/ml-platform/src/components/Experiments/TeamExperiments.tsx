import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { MlflowErrorPanel } from '../Mlflow/MlflowErrorPanel';
import { ExperimentsView } from './ExperimentsView';
import { NoTeamExperimentsEmptyState } from './NoExperimentEmptyState';

/**
 * Every MLflow experiment of a team, with their runs.
 * @public
 */
export function TeamExperiments({ team }: { team: string }) {
  const api = useApi(mlPlatformApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getTeamExperiments(team),
    [api, team],
  );
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <MlflowErrorPanel
        error={error}
        subject={`experiments of team ${team}`}
        onRetry={retry}
        forbidden={{
          title: `You are not a member of team ${team}`,
          description: `Only the team's members and the platform admins see its experiments and runs. Ask a platform admin to add you to ${team} if you work with it.`,
        }}
        notFound={{
          title: `Unknown team ${team}`,
          description: `The ML platform knows no team called ${team}: it is not a group in the catalog's default namespace.`,
        }}
      />
    );
  }
  if (value!.experiments.length === 0) {
    return <NoTeamExperimentsEmptyState team={team} />;
  }
  return <ExperimentsView experiments={value!.experiments} />;
}
