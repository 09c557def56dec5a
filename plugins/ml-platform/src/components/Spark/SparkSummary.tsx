import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type { SparkList } from '@ml-platform/backstage-plugin-ml-platform-common';
import { summarizeSpark } from './sparkStates';

/** How many clusters, jobs and schedules there are, and in which states. */
export function SparkSummary({ list }: { list: SparkList }) {
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      gridGap={16}
      component="ul"
      aria-label="Spark workloads by state"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {summarizeSpark(list).map(line => (
        <Box
          component="li"
          key={line.noun}
          display="flex"
          alignItems="center"
          gridGap={6}
        >
          <Chip size="small" label={`${line.total} ${line.noun}`} />
          {line.states.length > 0 && (
            <Typography variant="body2" color="textSecondary" component="span">
              {line.states
                .map(({ label, count }) => `${count} ${label}`)
                .join(' · ')}
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
}
