import { EmptyState } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { scopeLabel } from '../Notebooks/notebookScope';
import { NewSparkButtons } from './NewSparkButtons';
import type { SparkScope } from './sparkScope';

const HOW_TO_CREATE =
  'A Spark job runs a PySpark, Scala or Java application once or on a cron schedule, with a driver and executors in a project namespace; a Spark cluster is a Spark Connect server you connect to from a notebook for interactive work. Both count against the project’s quota. Create one with New Spark job or New Spark cluster: the template asks for the project, the Spark version, the application and the sizes.';

/** A scope without any Spark workload: what they are and how to create one. */
export function NoSparkEmptyState(props: {
  scope: SparkScope;
  /** One line instead of the full empty state, for pages with more on them. */
  compact?: boolean;
}) {
  const title = `No Spark jobs or clusters in ${scopeLabel(props.scope)} yet`;
  if (props.compact) {
    return (
      <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={16}>
        <Typography variant="body2" color="textSecondary">
          {title}.
        </Typography>
        <NewSparkButtons scope={props.scope} />
      </Box>
    );
  }
  return (
    <EmptyState
      missing="data"
      title={title}
      description={HOW_TO_CREATE}
      action={<NewSparkButtons scope={props.scope} />}
    />
  );
}
