import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Grid from '@material-ui/core/Grid';
import type {
  ModelDetails,
  ModelVersionSummary,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { type ReactNode, useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { MlflowErrorPanel } from '../Mlflow/MlflowErrorPanel';
import {
  defaultChoice,
  type VersionChoice,
  versionChoice,
} from '../Serving/deployForm';
import { DeployModelDialog } from '../Serving/DeployModelDialog';
import { ModelServingSection } from '../Serving/ModelServingSection';
import { CompareVersionsChart } from './CompareVersionsChart';
import { ModelFacts } from './ModelFacts';
import { ModelVersionsTable } from './ModelVersionsTable';
import { defaultChartMetric, keyRunColumns } from './modelVersions';
import { NoVersionsEmptyState } from './NoVersionsEmptyState';

function ModelVersions({
  model,
  serving,
  onDeploy,
}: {
  model: ModelDetails;
  /** The Serving section, below the versions. */
  serving: ReactNode;
  onDeploy?: (version: ModelVersionSummary) => void;
}) {
  const keyColumns = useMemo(
    () => keyRunColumns(model.versions),
    [model.versions],
  );
  if (model.versions.length === 0) {
    return (
      <>
        <Grid item xs={12}>
          <NoVersionsEmptyState
            model={model.name}
            mlflowUrl={model.mlflowUrl}
          />
        </Grid>
        <Grid item xs={12}>
          {serving}
        </Grid>
      </>
    );
  }
  return (
    <>
      <Grid item xs={12}>
        <ModelVersionsTable
          versions={model.versions}
          keyColumns={keyColumns}
          onDeploy={onDeploy}
        />
      </Grid>
      <Grid item xs={12}>
        {serving}
      </Grid>
      <Grid item xs={12}>
        <CompareVersionsChart
          versions={model.versions}
          metricKeys={model.metricKeys}
          defaultMetric={defaultChartMetric(model, keyColumns.metrics)}
        />
      </Grid>
    </>
  );
}

/**
 * A registered model: its facts, versions with their source runs, where they
 * serve (with Deploy for the owning team), and a chart comparing a metric
 * across versions.
 * @public
 */
export function ModelOverview(props: {
  /** The MLflow registered model's name. */
  name: string;
  /** The owning team as the catalog knows it, to explain a refusal. */
  team?: string;
}) {
  const { name, team } = props;
  const api = useApi(mlPlatformApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getModel(name),
    [api, name],
  );
  // Read beside the model: where it serves does not hold up its versions.
  const serving = useAsyncRetry(() => api.getModelServing(name), [api, name]);
  const [deployChoice, setDeployChoice] = useState<VersionChoice>();

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <MlflowErrorPanel
        error={error}
        subject={`versions of model ${name}`}
        onRetry={retry}
        forbidden={{
          title: team
            ? `You are not a member of team ${team}`
            : `You may not see model ${name}`,
          description: `Model ${name} belongs to ${
            team ? `team ${team}` : 'another team'
          } and is not public: only the team's members and the platform admins see its versions and runs. Ask a platform admin to add you to the team, or the team to make the model public (MLflow tag ml-platform.io/visibility=public).`,
        }}
        notFound={{
          title: `MLflow has no model ${name}`,
          description: `This catalog entry names the registered model ${name}, which MLflow does not know (any more): it may have been renamed or deleted. The catalog drops the entry at its next refresh.`,
        }}
      />
    );
  }
  const model = value!;
  const canDeploy = !!serving.value?.canDeploy && model.versions.length > 0;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ModelFacts model={model} />
      </Grid>
      <ModelVersions
        model={model}
        onDeploy={
          canDeploy
            ? version => setDeployChoice(versionChoice(version.version))
            : undefined
        }
        serving={
          <ModelServingSection
            model={model}
            serving={serving}
            onDeploy={() => setDeployChoice(defaultChoice(model))}
          />
        }
      />
      {deployChoice && serving.value && (
        <DeployModelDialog
          model={model}
          serving={serving.value}
          initialChoice={deployChoice}
          onClose={() => setDeployChoice(undefined)}
          onDeployed={serving.retry}
        />
      )}
    </Grid>
  );
}
