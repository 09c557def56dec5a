import { CodeSnippet, EmptyState } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import {
  MLFLOW_EXPERIMENT_ANNOTATION,
  PROJECT_LABEL,
  TEAM_LABEL,
} from '@ml-platform/backstage-plugin-ml-platform-common';

function createSnippet(experiment: string, team?: string, project?: string) {
  const tags = [
    team ? `"${TEAM_LABEL}": "${team}"` : undefined,
    project ? `"${PROJECT_LABEL}": "${project}"` : undefined,
  ].filter(Boolean);
  return `import mlflow

mlflow.create_experiment(
    "${experiment}",
    tags={${tags.join(', ')}},
)
mlflow.set_experiment("${experiment}")
with mlflow.start_run():
    mlflow.log_param("model_type", "random-forest")
    mlflow.log_metric("val_accuracy", 0.93)`;
}

/** The project names an experiment MLflow does not have yet. */
export function ExperimentNotCreatedEmptyState(props: {
  experiment: string;
  team?: string;
  project?: string;
}) {
  return (
    <EmptyState
      missing="data"
      title={`Experiment ${props.experiment} does not exist yet`}
      description={`This project tracks its runs in the MLflow experiment ${props.experiment}, which MLflow does not have yet. Create it with the team's tags (so that only the team sees it) and log a first run: the runs then show up here, ready to compare.`}
      action={
        <Box data-testid="experiment-not-created" maxWidth={720}>
          <CodeSnippet
            language="python"
            text={createSnippet(props.experiment, props.team, props.project)}
            showCopyCodeButton
          />
        </Box>
      }
    />
  );
}

/** The project component names no experiment. */
export function NoExperimentAnnotationEmptyState(props: {
  namespace?: string;
  team?: string;
  project?: string;
}) {
  const experiment =
    props.team && props.project
      ? `${props.team}/${props.project}`
      : '<team>/<project>';
  const namespace = props.namespace ?? '<project namespace>';
  return (
    <EmptyState
      missing="field"
      title="This project names no MLflow experiment"
      description={`Projects created with the ML project template get an experiment (${experiment}) and point at it with the annotation ${MLFLOW_EXPERIMENT_ANNOTATION}. For a project made another way, annotate its namespace: the catalog copies the annotation to this component at its next refresh.`}
      action={
        <Box data-testid="no-experiment-annotation" maxWidth={720}>
          <CodeSnippet
            language="shell"
            text={`kubectl annotate namespace ${namespace} ${MLFLOW_EXPERIMENT_ANNOTATION}=${experiment}`}
            showCopyCodeButton
          />
        </Box>
      }
    />
  );
}

/** A team without experiments. */
export function NoTeamExperimentsEmptyState({ team }: { team: string }) {
  return (
    <EmptyState
      missing="data"
      title={`Team ${team} has no MLflow experiments yet`}
      description={`Experiments tagged with the team (${TEAM_LABEL}=${team}) show up here. Each ML project created with the ML project template gets one; or create one yourself:`}
      action={
        <Box data-testid="no-team-experiments" maxWidth={720}>
          <CodeSnippet
            language="python"
            text={`import mlflow

mlflow.create_experiment(
    "${team}/<project>",
    tags={"${TEAM_LABEL}": "${team}", "${PROJECT_LABEL}": "<project>"},
)`}
            showCopyCodeButton
          />
        </Box>
      }
    />
  );
}
