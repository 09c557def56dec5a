import {
  firstPage,
  nextPage,
  pageToken,
  pagingFor,
  previousPage,
} from './runPaging';

describe('run paging', () => {
  it('goes forward with the tokens MLflow gives and back with the kept ones', () => {
    let paging = firstPage('scope');
    expect(pageToken(paging)).toBeUndefined();
    paging = nextPage(paging, 't1');
    paging = nextPage(paging, 't2');
    expect(paging.index).toBe(2);
    expect(pageToken(paging)).toBe('t2');
    paging = previousPage(paging);
    expect(pageToken(paging)).toBe('t1');
    // a new next page replaces what lay ahead
    paging = nextPage(paging, 't2b');
    expect(paging.tokens).toEqual([undefined, 't1', 't2b']);
    paging = previousPage(previousPage(previousPage(paging)));
    expect(paging.index).toBe(0);
  });

  it('starts again at the first page when the scope changes', () => {
    const paging = nextPage(firstPage('a'), 't1');
    expect(pagingFor(paging, 'a')).toBe(paging);
    expect(pagingFor(paging, 'b')).toEqual(firstPage('b'));
  });
});
