import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { ModelDetails } from '@ml-platform/backstage-plugin-ml-platform-common';
import useAsync from 'react-use/esm/useAsync';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { describeMlflowError } from '../Mlflow/describeMlflowError';
import { formatRelativeTime } from '../TeamResourceOverview/formatRelativeTime';
import { AliasChips } from './AliasChips';
import { owningTeamOf } from '../Mlflow/owningTeam';
import { modelNameOf } from './entityModel';
import { latestVersion, versionStatus } from './modelVersions';
import { VersionStatusCell } from './VersionStatusCell';

/** Relative to the entity page: the Model tab (path `model`). */
const MODEL_TAB = 'model';

function Summary({ model }: { model: ModelDetails }) {
  const latest = latestVersion(model.versions);
  if (!latest) {
    return (
      <Typography variant="body2">
        No versions yet. The <Link to={MODEL_TAB}>Model tab</Link> shows how to
        register one.
      </Typography>
    );
  }
  const created = formatRelativeTime(latest.createdAt, Date.now());
  return (
    <Box display="flex" flexDirection="column" gridGap={12}>
      <div>
        <Typography variant="overline" color="textSecondary" component="div">
          Latest version
        </Typography>
        <Typography variant="body1" component="div">
          v{latest.version}
          {created ? `, registered ${created}` : ''}
        </Typography>
        <span aria-label={`Status ${versionStatus(latest.status).label}`}>
          <VersionStatusCell version={latest} />
        </span>
      </div>
      <div>
        <Typography variant="overline" color="textSecondary" component="div">
          Aliases
        </Typography>
        <AliasChips aliases={model.aliases} />
      </div>
      <Typography variant="body2">
        <Link to={MODEL_TAB}>
          All {model.versions.length} version
          {model.versions.length === 1 ? '' : 's'}
        </Link>{' '}
        with their runs and metrics
      </Typography>
    </Box>
  );
}

function ErrorSummary(props: { error: Error; team?: string }) {
  const { kind, message } = describeMlflowError(props.error);
  const text = {
    'mlflow-unreachable': `MLflow cannot be reached: ${message}`,
    forbidden: `Only the members of ${
      props.team ? `team ${props.team}` : 'the owning team'
    } see this model's versions: it is not public.`,
    'not-found': `MLflow has no such model (any more): ${message}`,
    'invalid-request': message,
    other: `Could not read the model: ${message}`,
  }[kind];
  return (
    <Typography variant="body2" color="error">
      {text}
    </Typography>
  );
}

/** Overview card of an ml-model Resource: latest version and aliases. */
export function EntityModelCard() {
  const { entity } = useEntity();
  const name = modelNameOf(entity);
  const api = useApi(mlPlatformApiRef);
  const { value, loading, error } = useAsync(
    async () => (name ? api.getModel(name) : undefined),
    [api, name],
  );
  let content;
  if (!name) {
    content = (
      <Typography variant="body2">
        This entity names no MLflow registered model (annotation
        ml-platform.io/mlflow-registered-model).
      </Typography>
    );
  } else if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <ErrorSummary error={error} team={owningTeamOf(entity)} />;
  } else {
    content = <Summary model={value!} />;
  }
  return (
    <InfoCard
      title="MLflow model"
      subheader={name}
      deepLink={
        value ? { title: 'Open in MLflow', link: value.mlflowUrl } : undefined
      }
    >
      <Box data-testid="model-summary-card">{content}</Box>
    </InfoCard>
  );
}
