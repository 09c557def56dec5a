import Box from '@material-ui/core/Box';
import CircularProgress from '@material-ui/core/CircularProgress';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import DeleteIcon from '@material-ui/icons/Delete';
import PlayArrowIcon from '@material-ui/icons/PlayArrow';
import StopIcon from '@material-ui/icons/Stop';
import type { ReactElement } from 'react';
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

/** An icon button with its words as tooltip and accessible name. */
export function ActionButton(props: {
  title: string;
  label: string;
  icon: ReactElement;
  disabled: boolean;
  onClick(): void;
  color?: 'primary' | 'default';
}) {
  return (
    <Tooltip title={props.title}>
      <span>
        <IconButton
          size="small"
          color={props.color ?? 'default'}
          disabled={props.disabled}
          onClick={props.onClick}
          aria-label={props.label}
        >
          {props.icon}
        </IconButton>
      </span>
    </Tooltip>
  );
}

/** Stop or Start (as the state allows) and Delete; disabled while one of them runs. */
export function NotebookRowActions(
  props: { notebook: NotebookRow } & NotebookActionHandlers,
) {
  const { notebook } = props;
  const busy = notebook.pendingAction !== undefined;
  return (
    <Box display="flex" alignItems="center" gridGap={4}>
      {canStop(notebook.state) && (
        <ActionButton
          title="Stop: the server goes, the workspace stays"
          label={`Stop notebook ${notebook.name}`}
          icon={<StopIcon fontSize="small" />}
          disabled={busy}
          onClick={() => props.onStop(notebook)}
        />
      )}
      {canStart(notebook.state) && (
        <ActionButton
          title="Start again"
          label={`Start notebook ${notebook.name}`}
          icon={<PlayArrowIcon fontSize="small" />}
          color="primary"
          disabled={busy}
          onClick={() => props.onStart(notebook)}
        />
      )}
      <ActionButton
        title="Delete…"
        label={`Delete notebook ${notebook.name}`}
        icon={<DeleteIcon fontSize="small" />}
        disabled={busy}
        onClick={() => props.onDelete(notebook)}
      />
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
