import Box from '@material-ui/core/Box';
import type {
  NotebookList,
  NotebookSummary,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { DeleteNotebookDialog } from './DeleteNotebookDialog';
import { NewNotebookButton } from './NewNotebookButton';
import { notebookId } from './notebookActions';
import type { NotebookScope } from './notebookScope';
import { NotebooksSummary } from './NotebooksSummary';
import { NotebooksTable } from './NotebooksTable';
import { useNotebookActions } from './useNotebookActions';

type Props = {
  scope: NotebookScope;
  list: NotebookList;
  reloading: boolean;
  reload: () => void;
  compact?: boolean;
};

/** The notebooks of a scope with their counts, and the actions on them. */
export function NotebooksView({
  scope,
  list,
  reloading,
  reload,
  compact,
}: Props) {
  const actions = useNotebookActions(reload);
  const [toDelete, setToDelete] = useState<NotebookSummary>();
  return (
    <Box data-testid="notebooks">
      <Box
        display="flex"
        justifyContent="space-between"
        alignItems="flex-start"
        gridGap={16}
        mb={2}
      >
        <NotebooksSummary list={list} />
        <NewNotebookButton scope={scope} />
      </Box>
      {actions.outcome && (
        <Box mb={2}>
          <Alert
            severity={actions.outcome.severity}
            onClose={actions.dismissOutcome}
          >
            {actions.outcome.message}
          </Alert>
        </Box>
      )}
      <NotebooksTable
        notebooks={list.items}
        pending={actions.pending}
        reloading={reloading}
        pageSize={compact ? 5 : 10}
        onStop={actions.stop}
        onStart={actions.start}
        onDelete={setToDelete}
      />
      {toDelete && (
        <DeleteNotebookDialog
          key={notebookId(toDelete)}
          notebook={toDelete}
          onCancel={() => setToDelete(undefined)}
          onConfirm={(notebook, deleteWorkspace) => {
            setToDelete(undefined);
            actions.remove(notebook, deleteWorkspace);
          }}
        />
      )}
    </Box>
  );
}
