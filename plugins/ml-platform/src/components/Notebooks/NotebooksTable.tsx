import {
  Link,
  SubvalueCell,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { NotebookSummary } from '@ml-platform/backstage-plugin-ml-platform-common';
import { useMemo, useRef } from 'react';
import { creatorName, formatResources, shortImage } from './formatNotebook';
import type { NotebookAction } from './notebookActions';
import {
  millis,
  type NotebookRow,
  spansSeveralNamespaces,
  toNotebookRows,
} from './notebookRows';
import { compareStates } from './notebookStates';
import { NotebookStatus } from './NotebookStatus';
import {
  type NotebookActionHandlers,
  NotebookRowActions,
} from './NotebookRowActions';

const NONE = '—';

function NameCell({ notebook }: { notebook: NotebookRow }) {
  const openable = notebook.state === 'Running' && notebook.url;
  return (
    <Box display="flex" flexDirection="column" alignItems="flex-start">
      <Typography
        variant="body2"
        style={{ fontWeight: 600, wordBreak: 'break-word' }}
      >
        {notebook.name}
      </Typography>
      {openable && (
        <Link
          to={notebook.url!}
          target="_blank"
          rel="noopener noreferrer"
          // Link adds that it opens in a new window.
          aria-label={`Open notebook ${notebook.name}`}
        >
          Open
        </Link>
      )}
    </Box>
  );
}

function buildColumns(
  showProject: boolean,
  handlers: { current: NotebookActionHandlers },
): TableColumn<NotebookRow>[] {
  const columns: TableColumn<NotebookRow>[] = [
    {
      title: 'Name',
      field: 'name',
      cellStyle: { minWidth: 120 },
      render: notebook => <NameCell notebook={notebook} />,
    },
  ];
  if (showProject) {
    columns.push({
      title: 'Project',
      field: 'namespace',
      render: notebook => (
        <SubvalueCell
          value={notebook.project ?? 'Team namespace'}
          subvalue={notebook.namespace}
        />
      ),
    });
  }
  columns.push(
    {
      title: 'Created by',
      field: 'createdBy',
      render: notebook => (
        <span title={notebook.createdBy}>
          {creatorName(notebook.createdBy) ?? NONE}
        </span>
      ),
    },
    {
      title: 'Image',
      field: 'image',
      render: notebook => (
        <span title={notebook.image}>{shortImage(notebook.image)}</span>
      ),
    },
    {
      title: 'Resources',
      sorting: false,
      cellStyle: { whiteSpace: 'nowrap' },
      render: notebook => formatResources(notebook) ?? NONE,
    },
    {
      title: 'Status',
      field: 'state',
      cellStyle: { minWidth: 140 },
      defaultSort: 'asc',
      customSort: (a, b) =>
        compareStates(a.state, b.state) || a.name.localeCompare(b.name),
      render: notebook => (
        <NotebookStatus state={notebook.state} reason={notebook.reason} />
      ),
    },
    {
      title: 'Age',
      field: 'createdAt',
      // Ascending by age: the youngest notebook first.
      customSort: (a, b) => millis(b.createdAt) - millis(a.createdAt),
      render: notebook => (
        <span title={notebook.createdAt}>{notebook.age ?? NONE}</span>
      ),
    },
    {
      title: 'Last activity',
      field: 'lastActivity',
      customSort: (a, b) => millis(a.lastActivity) - millis(b.lastActivity),
      render: notebook => (
        <span title={notebook.lastActivity}>{notebook.lastActive ?? NONE}</span>
      ),
    },
    {
      title: 'Actions',
      sorting: false,
      render: notebook => (
        <NotebookRowActions
          notebook={notebook}
          onStop={n => handlers.current.onStop(n)}
          onStart={n => handlers.current.onStart(n)}
          onDelete={n => handlers.current.onDelete(n)}
        />
      ),
    },
  );
  return columns;
}

type Props = {
  notebooks: NotebookSummary[];
  /** The action running on each notebook, by notebook id. */
  pending: Record<string, NotebookAction>;
  /** The list is being read again (after an action). */
  reloading: boolean;
  pageSize: number;
} & NotebookActionHandlers;

/** Notebook servers with their state, resources and the actions their state allows. */
export function NotebooksTable(props: Props) {
  const { notebooks, pending, reloading, pageSize } = props;
  const showProject = spansSeveralNamespaces(notebooks);
  // Columns stay the same objects across renders so that the table keeps its
  // sorting; their action buttons call the latest handlers.
  const handlers = useRef<NotebookActionHandlers>(props);
  handlers.current = props;
  const columns = useMemo(
    () => buildColumns(showProject, handlers),
    [showProject],
  );
  const rows = useMemo(
    () => toNotebookRows(notebooks, pending, Date.now()),
    [notebooks, pending],
  );
  const paged = notebooks.length > pageSize;
  return (
    <div data-testid="notebooks-table">
      <Table<NotebookRow>
        options={{
          paging: paged,
          pageSize,
          pageSizeOptions: [pageSize, 2 * pageSize, 5 * pageSize],
          search: paged,
          toolbar: paged,
          padding: 'dense',
        }}
        isLoading={reloading}
        columns={columns}
        data={rows}
      />
    </div>
  );
}
