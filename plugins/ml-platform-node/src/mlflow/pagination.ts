import type { MlflowPage } from './types';

/**
 * Yields every page of a search, following `nextPageToken` until MLflow sends
 * none. `fetchPage` gets the token of the page to read (undefined first).
 * @public
 */
export async function* iterateMlflowPages<T>(
  fetchPage: (pageToken: string | undefined) => Promise<MlflowPage<T>>,
  options: { maxPages?: number } = {},
): AsyncGenerator<T[]> {
  const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
  let pageToken: string | undefined;
  let pages = 0;
  do {
    const page = await fetchPage(pageToken);
    pages += 1;
    yield page.items;
    // a server repeating the token would loop forever
    pageToken =
      page.nextPageToken && page.nextPageToken !== pageToken
        ? page.nextPageToken
        : undefined;
  } while (pageToken && pages < maxPages);
}

/** Every item of every page, in order. @public */
export async function collectMlflowPages<T>(
  fetchPage: (pageToken: string | undefined) => Promise<MlflowPage<T>>,
  options: { maxPages?: number } = {},
): Promise<T[]> {
  const items: T[] = [];
  for await (const page of iterateMlflowPages(fetchPage, options)) {
    items.push(...page);
  }
  return items;
}
