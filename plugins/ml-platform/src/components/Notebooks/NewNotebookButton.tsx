import { LinkButton } from '@backstage/core-components';
import AddIcon from '@material-ui/icons/Add';
import { newNotebookPath, type NotebookScope } from './notebookScope';

/** Opens the notebook-server template, for the project of the scope if it is one. */
export function NewNotebookButton({ scope }: { scope: NotebookScope }) {
  return (
    <LinkButton
      to={newNotebookPath(scope)}
      variant="contained"
      color="primary"
      startIcon={<AddIcon />}
    >
      New notebook
    </LinkButton>
  );
}
