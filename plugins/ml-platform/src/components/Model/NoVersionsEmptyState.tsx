import {
  CodeSnippet,
  EmptyState,
  LinkButton,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';

function registerSnippet(model: string): string {
  return `import mlflow

with mlflow.start_run() as run:
    # ... train \`model\` and log its metrics ...
    info = mlflow.sklearn.log_model(model, name="model")

mlflow.register_model(info.model_uri, "${model}")`;
}

/** A registered model without versions: how a first version comes to exist. */
export function NoVersionsEmptyState(props: {
  model: string;
  mlflowUrl: string;
}) {
  return (
    <EmptyState
      missing="data"
      title={`Model ${props.model} has no versions yet`}
      description="A version is a trained model logged from an MLflow run. Register one from your training code, in your team's experiment: it shows up here with its run, metrics and params, and can then get aliases such as champion."
      action={
        <Box data-testid="no-versions" maxWidth={720}>
          <CodeSnippet
            language="python"
            text={registerSnippet(props.model)}
            showCopyCodeButton
          />
          <Box mt={2}>
            <LinkButton to={props.mlflowUrl} variant="outlined" color="primary">
              Open the model in MLflow
            </LinkButton>
          </Box>
        </Box>
      }
    />
  );
}
