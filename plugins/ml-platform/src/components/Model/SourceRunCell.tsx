import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { ModelVersionSummary } from '@ml-platform/backstage-plugin-ml-platform-common';

/**
 * The run a version was logged from, linked to MLflow, with its experiment
 * (the lineage) and its key params.
 */
export function SourceRunCell(props: {
  version: ModelVersionSummary;
  keyParams: string[];
}) {
  const { run, runUnavailable } = props.version;
  if (!run) {
    return (
      <Typography variant="body2" color="textSecondary">
        {runUnavailable
          ? `Run unavailable: ${runUnavailable}`
          : 'No source run recorded'}
      </Typography>
    );
  }
  const params = props.keyParams
    .filter(key => run.params[key] !== undefined)
    .map(key => `${key}=${run.params[key]}`);
  return (
    <div data-testid={`source-run-${props.version.version}`}>
      <Typography variant="body2" component="div">
        <Link to={run.mlflowUrl} aria-label={`Run ${run.name} in MLflow`}>
          {run.name}
        </Link>
      </Typography>
      <Typography variant="caption" color="textSecondary" component="div">
        in experiment{' '}
        <Link to={run.experimentUrl}>
          {run.experimentName ?? run.experimentId}
        </Link>
      </Typography>
      {params.length > 0 && (
        <Typography variant="caption" color="textSecondary" component="div">
          {params.join(' · ')}
        </Typography>
      )}
    </div>
  );
}
