/**
 * Token paging of a run search. MLflow hands out a token for the next page
 * only, so the tokens of the pages seen so far are kept to go back. A change
 * of what is searched (the scope: experiments, filter, order, page size)
 * starts again at the first page.
 */
export type RunPaging = {
  scope: string;
  /** tokens[i] fetches page i; the first page has none. */
  tokens: (string | undefined)[];
  index: number;
};

export function firstPage(scope: string): RunPaging {
  return { scope, tokens: [undefined], index: 0 };
}

/** The paging for this scope: the one kept if it is the same scope, else the first page. */
export function pagingFor(paging: RunPaging, scope: string): RunPaging {
  return paging.scope === scope ? paging : firstPage(scope);
}

export function nextPage(paging: RunPaging, nextPageToken: string): RunPaging {
  return {
    ...paging,
    tokens: [...paging.tokens.slice(0, paging.index + 1), nextPageToken],
    index: paging.index + 1,
  };
}

export function previousPage(paging: RunPaging): RunPaging {
  return { ...paging, index: Math.max(0, paging.index - 1) };
}

export function pageToken(paging: RunPaging): string | undefined {
  return paging.tokens[paging.index];
}
