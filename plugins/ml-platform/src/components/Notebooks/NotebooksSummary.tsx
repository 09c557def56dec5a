import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type { NotebookList } from '@ml-platform/backstage-plugin-ml-platform-common';
import { countByState, cullingNotice } from './notebookStates';

/** How many notebooks are in each state, and what the culler does to idle ones. */
export function NotebooksSummary({ list }: { list: NotebookList }) {
  const counts = countByState(list.items);
  const culling = cullingNotice(list.culling);
  return (
    <Box>
      <Box
        display="flex"
        flexWrap="wrap"
        gridGap={4}
        component="ul"
        aria-label="Notebooks by state"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {counts.map(({ state, count }) => (
          <li key={state}>
            <Chip size="small" variant="outlined" label={`${count} ${state}`} />
          </li>
        ))}
      </Box>
      {culling && (
        <Typography variant="body2" color="textSecondary">
          {culling}.
        </Typography>
      )}
    </Box>
  );
}
