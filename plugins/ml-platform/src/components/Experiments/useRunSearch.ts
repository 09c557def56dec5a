import { useApi } from '@backstage/frontend-plugin-api';
import type { RunSearchResponse } from '@ml-platform/backstage-plugin-ml-platform-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { type RunSort, toOrderBy } from './orderBy';
import {
  firstPage,
  nextPage,
  pageToken,
  pagingFor,
  previousPage,
} from './runPaging';

export type RunSearchQuery = {
  experimentIds: string[];
  filter: string;
  sort: RunSort;
  pageSize: number;
};

export type RunSearchState = {
  response?: RunSearchResponse;
  loading: boolean;
  error?: Error;
  retry: () => void;
  /** Zero-based index of the page shown. */
  pageIndex: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  goToNextPage: () => void;
  goToPreviousPage: () => void;
};

/**
 * Searches runs page by page. A change of experiments, filter, order or page
 * size starts again at the first page.
 */
export function useRunSearch(query: RunSearchQuery): RunSearchState {
  const api = useApi(mlPlatformApiRef);
  const orderBy = toOrderBy(query.sort);
  const scope = JSON.stringify([
    query.experimentIds,
    query.filter,
    orderBy,
    query.pageSize,
  ]);
  const [kept, setPaging] = useState(() => firstPage(scope));
  const paging = pagingFor(kept, scope);
  const token = pageToken(paging);

  const { value, loading, error, retry } = useAsyncRetry(async () => {
    if (query.experimentIds.length === 0) {
      return undefined;
    }
    return api.searchRuns({
      experimentIds: query.experimentIds,
      ...(query.filter ? { filter: query.filter } : {}),
      ...(orderBy.length > 0 ? { orderBy } : {}),
      maxResults: query.pageSize,
      ...(token ? { pageToken: token } : {}),
    });
    // scope and token stand for the query
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, scope, token]);

  const nextToken = !loading && !error ? value?.nextPageToken : undefined;
  return {
    response: error ? undefined : value,
    loading,
    error,
    retry,
    pageIndex: paging.index,
    hasNextPage: !!nextToken,
    hasPreviousPage: paging.index > 0 && !loading,
    goToNextPage: () => {
      if (nextToken) {
        setPaging(nextPage(paging, nextToken));
      }
    },
    goToPreviousPage: () => setPaging(previousPage(paging)),
  };
}
