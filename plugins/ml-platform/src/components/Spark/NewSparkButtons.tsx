import { LinkButton } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import AddIcon from '@material-ui/icons/Add';
import {
  newSparkClusterPath,
  newSparkJobPath,
  type SparkScope,
} from './sparkScope';

/** Open the spark-job and spark-cluster templates, for the project of the scope if it is one. */
export function NewSparkButtons({ scope }: { scope: SparkScope }) {
  return (
    <Box display="flex" flexWrap="wrap" gridGap={8}>
      <LinkButton
        to={newSparkJobPath(scope)}
        variant="contained"
        color="primary"
        startIcon={<AddIcon />}
      >
        New Spark job
      </LinkButton>
      <LinkButton
        to={newSparkClusterPath(scope)}
        variant="outlined"
        color="primary"
        startIcon={<AddIcon />}
      >
        New Spark cluster
      </LinkButton>
    </Box>
  );
}
