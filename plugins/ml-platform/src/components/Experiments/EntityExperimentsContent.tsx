import { useEntity } from '@backstage/plugin-catalog-react';
import {
  MLFLOW_EXPERIMENT_ANNOTATION,
  NAMESPACE_ANNOTATION,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { owningTeamOf } from '../Mlflow/owningTeam';
import { NoExperimentAnnotationEmptyState } from './NoExperimentEmptyState';
import { ProjectExperiments } from './ProjectExperiments';
import { TeamExperiments } from './TeamExperiments';

/** The project part of `<team>-<project>` names, when the team is known. */
function projectOf(name: string, team: string | undefined) {
  return team && name.startsWith(`${team}-`)
    ? name.slice(team.length + 1)
    : undefined;
}

/** The "Experiments" tab of an ML project component: its MLflow experiment. */
export function EntityProjectExperimentsContent() {
  const { entity } = useEntity();
  const annotations = entity.metadata.annotations ?? {};
  const team = owningTeamOf(entity);
  const namespace = annotations[NAMESPACE_ANNOTATION];
  const experiment = annotations[MLFLOW_EXPERIMENT_ANNOTATION];
  const project = projectOf(namespace ?? entity.metadata.name, team);
  if (!experiment) {
    return (
      <NoExperimentAnnotationEmptyState
        namespace={namespace}
        team={team}
        project={project}
      />
    );
  }
  return (
    <ProjectExperiments experiment={experiment} team={team} project={project} />
  );
}

/** The "Experiments" tab of a group: every experiment of the team. */
export function EntityTeamExperimentsContent() {
  const { entity } = useEntity();
  return <TeamExperiments team={entity.metadata.name} />;
}
