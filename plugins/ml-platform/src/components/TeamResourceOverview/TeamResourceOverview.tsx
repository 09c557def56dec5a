import { Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { TeamOverview } from '@ml-platform/backstage-plugin-ml-platform-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { splitNamespaces } from './groupOverview';
import { NamespaceCard } from './NamespaceCard';
import { NoNamespaceEmptyState } from './NoNamespaceEmptyState';
import { OverviewErrorPanel } from './OverviewErrorPanel';
import { ML_PROJECT_TEMPLATE_PATH } from './templatePaths';

function Namespaces({ overview }: { overview: TeamOverview }) {
  const { teamNamespace, projects } = splitNamespaces(overview.namespaces);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Typography variant="body2" color="textSecondary">
          Namespaces of team {overview.team} on cluster {overview.cluster}
        </Typography>
      </Grid>
      {teamNamespace && (
        <Grid item xs={12}>
          <NamespaceCard namespace={teamNamespace} />
        </Grid>
      )}
      {projects.length === 0 ? (
        <Grid item xs={12}>
          <Typography variant="body2">
            No projects yet.{' '}
            <Link to={ML_PROJECT_TEMPLATE_PATH}>Create a project</Link> to get a
            namespace of its own for notebooks, Spark jobs and models.
          </Typography>
        </Grid>
      ) : (
        projects.map(project => (
          <Grid item xs={12} key={project.name}>
            <NamespaceCard namespace={project} />
          </Grid>
        ))
      )}
    </Grid>
  );
}

/**
 * Quotas, workloads and recent warnings of every namespace of a team: the team
 * namespace first, then its projects.
 * @public
 */
export function TeamResourceOverview({ team }: { team: string }) {
  const api = useApi(mlPlatformApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getTeamOverview(team),
    [api, team],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <OverviewErrorPanel team={team} error={error} onRetry={retry} />;
  }
  if (value!.namespaces.length === 0) {
    return <NoNamespaceEmptyState team={team} />;
  }
  return <Namespaces overview={value!} />;
}
