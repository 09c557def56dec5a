import Grid from '@material-ui/core/Grid';
import type { ExperimentSummary } from '@ml-platform/backstage-plugin-ml-platform-common';
import { useCallback, useState } from 'react';
import { initialScope, toggleScope } from './experimentScope';
import { ExperimentsTable } from './ExperimentsTable';
import { RunsExplorer } from './RunsExplorer';

/** The experiments list, the runs of the ticked ones, and their comparison. */
export function ExperimentsView({
  experiments,
}: {
  experiments: ExperimentSummary[];
}) {
  const [scope, setScope] = useState(() => initialScope(experiments));
  const onToggle = useCallback(
    (experiment: ExperimentSummary, on: boolean) =>
      setScope(current => toggleScope(current, experiment.id, on)),
    [],
  );
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ExperimentsTable
          experiments={experiments}
          scope={scope}
          onToggle={experiments.length > 1 ? onToggle : undefined}
        />
      </Grid>
      <Grid item xs={12}>
        <RunsExplorer experimentIds={scope} />
      </Grid>
    </Grid>
  );
}
