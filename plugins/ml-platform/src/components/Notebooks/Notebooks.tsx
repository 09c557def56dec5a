import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { NoNotebooksEmptyState } from './NoNotebooksEmptyState';
import { listNotebooks, type NotebookScope, scopeKey } from './notebookScope';
import { NotebooksErrorPanel } from './NotebooksErrorPanel';
import { NotebooksView } from './NotebooksView';

/**
 * The notebook servers of a team or of a project namespace, with Stop, Start
 * and Delete.
 * @public
 */
export function Notebooks(props: {
  scope: NotebookScope;
  /** Smaller pages and a one-line empty state, for pages with more on them. */
  compact?: boolean;
}) {
  const { scope, compact } = props;
  const api = useApi(mlPlatformApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => listNotebooks(api, scope),
    // The scope is a new object on every render of the parent; its key is not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, scopeKey(scope)],
  );

  // A reload after an action keeps the list on screen, shown as loading.
  if (loading && !value) {
    return <Progress />;
  }
  if (error) {
    return <NotebooksErrorPanel scope={scope} error={error} onRetry={retry} />;
  }
  if (value!.items.length === 0) {
    return <NoNotebooksEmptyState scope={scope} compact={compact} />;
  }
  return (
    <NotebooksView
      scope={scope}
      list={value!}
      reloading={loading}
      reload={retry}
      compact={compact}
    />
  );
}
