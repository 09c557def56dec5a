import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import type { NotebookAction } from './notebookActions';
import type { NotebookRow } from './notebookRows';
import { canStart, canStop } from './notebookStates';

const IN_PROGRESS: Record<NotebookAction, string> = {
  stop: 'Stopping',
  start: 'Starting',
  delete: 'Deleting',
};

export type NotebookActionHandlers = {
  onStop(notebook: NotebookRow): void;
  onStart(notebook: NotebookRow): void;
  onDelete(notebook: NotebookRow): void;
};

/** Stop or Start (as the state allows) and Delete; disabled while one of them runs. */
export function NotebookRowActions(
  props: { notebook: NotebookRow } & NotebookActionHandlers,
) {
  const { notebook } = props;
  const busy = notebook.pendingAction !== undefined;
  return (
    <Box display="flex" alignItems="center" gridGap={4}>
      {canStop(notebook.state) && (
        <Button
          size="small"
          variant="outlined"
          disabled={busy}
          onClick={() => props.onStop(notebook)}
          aria-label={`Stop notebook ${notebook.name}`}
        >
          Stop
        </Button>
      )}
      {canStart(notebook.state) && (
        <Button
          size="small"
          variant="outlined"
          color="primary"
          disabled={busy}
          onClick={() => props.onStart(notebook)}
          aria-label={`Start notebook ${notebook.name}`}
        >
          Start
        </Button>
      )}
      <Button
        size="small"
        disabled={busy}
        onClick={() => props.onDelete(notebook)}
        aria-label={`Delete notebook ${notebook.name}`}
      >
        Delete
      </Button>
      {notebook.pendingAction && (
        <CircularProgress
          size={16}
          aria-label={`${IN_PROGRESS[notebook.pendingAction]} notebook ${
            notebook.name
          }`}
        />
      )}
    </Box>
  );
}
