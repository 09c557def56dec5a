import { EmptyState } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { NewNotebookButton } from './NewNotebookButton';
import { type NotebookScope, scopeLabel } from './notebookScope';

const HOW_TO_CREATE =
  'A notebook server is a JupyterLab in a project namespace, with a workspace volume for your files, counted against the project’s quota. Create one with the New notebook button: the template asks for the project, the image and the CPU, memory and GPUs it needs.';

/** A scope without notebooks: what one is and how to create it. */
export function NoNotebooksEmptyState(props: {
  scope: NotebookScope;
  /** One line instead of the full empty state, for pages with more on them. */
  compact?: boolean;
}) {
  const title = `No notebooks in ${scopeLabel(props.scope)} yet`;
  if (props.compact) {
    return (
      <Box display="flex" alignItems="center" gridGap={16}>
        <Typography variant="body2" color="textSecondary">
          {title}.
        </Typography>
        <NewNotebookButton scope={props.scope} />
      </Box>
    );
  }
  return (
    <EmptyState
      missing="data"
      title={title}
      description={HOW_TO_CREATE}
      action={<NewNotebookButton scope={props.scope} />}
    />
  );
}
