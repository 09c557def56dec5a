import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { WorkloadSummary } from '@ml-platform/backstage-plugin-ml-platform-common';
import { summarizeWorkloads } from './groupOverview';

const useStyles = makeStyles(theme => ({
  state: { margin: theme.spacing(0.25, 0.5, 0.25, 0) },
}));

/** Workloads of a namespace by kind, with how many are in each state. */
export function WorkloadList({ workloads }: { workloads: WorkloadSummary[] }) {
  const classes = useStyles();
  const { rows, emptyKinds } = summarizeWorkloads(workloads);
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No workloads yet.
      </Typography>
    );
  }
  return (
    <>
      <Table size="small" aria-label="Workloads by kind">
        <TableBody>
          {rows.map(row => (
            <TableRow key={row.kind}>
              <TableCell component="th" scope="row">
                {row.label}
              </TableCell>
              <TableCell align="right">{row.total}</TableCell>
              <TableCell>
                {row.states.map(({ state, count }) => (
                  <Chip
                    key={state}
                    className={classes.state}
                    size="small"
                    variant="outlined"
                    label={`${state}: ${count}`}
                  />
                ))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {emptyKinds.length > 0 && (
        <Typography variant="caption" color="textSecondary">
          None yet: {emptyKinds.join(', ')}.
        </Typography>
      )}
    </>
  );
}
