import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import type { NotebookSummary } from '@ml-platform/backstage-plugin-ml-platform-common';
import { useState } from 'react';

type Props = {
  notebook: NotebookSummary;
  onCancel(): void;
  onConfirm(notebook: NotebookSummary, deleteWorkspace: boolean): void;
};

function WorkspaceFate(props: {
  workspace?: string;
  deleteWorkspace: boolean;
}) {
  if (!props.workspace) {
    return (
      <DialogContentText>
        This notebook has no workspace volume of its own.
      </DialogContentText>
    );
  }
  return props.deleteWorkspace ? (
    <DialogContentText>
      The workspace volume {props.workspace} is deleted too, with every file on
      it. This cannot be undone.
    </DialogContentText>
  ) : (
    <DialogContentText>
      The workspace volume {props.workspace} is kept, with your files: a new
      notebook can mount it again.
    </DialogContentText>
  );
}

/**
 * Asks before deleting a notebook, and whether its workspace volume goes too.
 * Mounted per deletion, so the volume is always kept unless ticked anew.
 */
export function DeleteNotebookDialog({ notebook, onCancel, onConfirm }: Props) {
  const [deleteWorkspace, setDeleteWorkspace] = useState(false);
  const { name, namespace, workspace } = notebook;
  return (
    <Dialog open onClose={onCancel} aria-labelledby="delete-notebook-title">
      <DialogTitle id="delete-notebook-title">
        Delete notebook {name}?
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          The notebook server {name} in {namespace} is shut down and removed;
          the state of its running kernels is lost.
        </DialogContentText>
        <WorkspaceFate
          workspace={workspace}
          deleteWorkspace={deleteWorkspace}
        />
        {workspace && (
          <FormControlLabel
            control={
              <Checkbox
                checked={deleteWorkspace}
                onChange={event => setDeleteWorkspace(event.target.checked)}
              />
            }
            label={`Also delete the workspace volume ${workspace}`}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button
          color="secondary"
          variant="contained"
          onClick={() =>
            onConfirm(notebook, Boolean(workspace) && deleteWorkspace)
          }
        >
          Delete
        </Button>
      </DialogActions>
    </Dialog>
  );
}
