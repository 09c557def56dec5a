import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { scopeKey } from '../Notebooks/notebookScope';
import { NoSparkEmptyState } from './NoSparkEmptyState';
import { SparkErrorPanel } from './SparkErrorPanel';
import { isEmptySparkList, listSpark, type SparkScope } from './sparkScope';
import { SparkSections } from './SparkSections';

/**
 * The Spark clusters, jobs and schedules of a team or of a project
 * namespace, with Re-run, Suspend / Resume and Delete, and each job's
 * details and timeline.
 * @public
 */
export function SparkView(props: {
  scope: SparkScope;
  /** Smaller pages and a one-line empty state, for pages with more on them. */
  compact?: boolean;
}) {
  const { scope, compact } = props;
  const api = useApi(mlPlatformApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => listSpark(api, scope),
    // The scope is a new object on every render of the parent; its key is not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, scopeKey(scope)],
  );

  // A reload after an action keeps the list on screen, shown as loading.
  if (loading && !value) {
    return <Progress />;
  }
  if (error) {
    return <SparkErrorPanel scope={scope} error={error} onRetry={retry} />;
  }
  if (isEmptySparkList(value!)) {
    return <NoSparkEmptyState scope={scope} compact={compact} />;
  }
  return (
    <SparkSections
      scope={scope}
      list={value!}
      reloading={loading}
      reload={retry}
      compact={compact}
    />
  );
}
