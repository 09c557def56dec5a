import Box from '@material-ui/core/Box';
import CircularProgress from '@material-ui/core/CircularProgress';
import DeleteIcon from '@material-ui/icons/Delete';
import type { ReactNode } from 'react';
import { ActionButton } from '../Notebooks/NotebookRowActions';
import type { SparkAction } from './sparkActions';

const IN_PROGRESS: Record<SparkAction, string> = {
  rerun: 'Re-running',
  suspend: 'Suspending',
  resume: 'Resuming',
  delete: 'Deleting',
};

/**
 * A row's icon buttons, Delete last, with a spinner while an action runs on
 * it. `what` names the row for people, e.g. "Spark job alice-etl".
 */
export function SparkRowActions(props: {
  what: string;
  pendingAction?: SparkAction;
  onDelete(): void;
  children?: ReactNode;
}) {
  const { what, pendingAction } = props;
  return (
    <Box display="flex" alignItems="center" gridGap={4}>
      {props.children}
      <ActionButton
        title="Delete…"
        label={`Delete ${what}`}
        icon={<DeleteIcon fontSize="small" />}
        disabled={pendingAction !== undefined}
        onClick={props.onDelete}
      />
      {pendingAction && (
        <CircularProgress
          size={16}
          aria-label={`${IN_PROGRESS[pendingAction]} ${what}`}
        />
      )}
    </Box>
  );
}
