import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { MlflowErrorPanel } from '../Mlflow/MlflowErrorPanel';
import { ExperimentsView } from './ExperimentsView';
import { ExperimentNotCreatedEmptyState } from './NoExperimentEmptyState';

/**
 * The MLflow experiment of an ML project, with its runs.
 * @public
 */
export function ProjectExperiments(props: {
  /** The experiment's name, e.g. `fraud-detection/transaction-risk`. */
  experiment: string;
  /** The owning team, to explain a refusal and tag a new experiment. */
  team?: string;
  project?: string;
}) {
  const { experiment, team, project } = props;
  const api = useApi(mlPlatformApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getExperimentByName(experiment),
    [api, experiment],
  );
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <MlflowErrorPanel
        error={error}
        subject={`experiment ${experiment}`}
        onRetry={retry}
        forbidden={{
          title: team
            ? `You are not a member of team ${team}`
            : `You may not see experiment ${experiment}`,
          description: `Experiment ${experiment} belongs to ${
            team ? `team ${team}` : 'another team'
          }: only the team's members and the platform admins see its runs.`,
        }}
        notFound={{
          title: `Experiment ${experiment} not found`,
          description: `MLflow has no experiment called ${experiment}.`,
        }}
      />
    );
  }
  if (value!.experiments.length === 0) {
    return (
      <ExperimentNotCreatedEmptyState
        experiment={experiment}
        team={team}
        project={project}
      />
    );
  }
  return <ExperimentsView experiments={value!.experiments} />;
}
