import { validateRunSearchRequest } from './runSearch';

describe('validateRunSearchRequest', () => {
  it('accepts a search with filter, sort clauses and a page size', () => {
    expect(
      validateRunSearchRequest({
        experimentIds: ['1', '2'],
        filter: "metrics.acc > 0.9 and params.model = 'rf'",
        orderBy: [
          'metrics.val_accuracy DESC',
          'params.`max depth` asc',
          'attributes.start_time',
          'tags.ml-platform.io/team ASC',
        ],
        maxResults: 1000,
      }),
    ).toEqual([]);
  });

  it('names each bad field and says why', () => {
    expect(
      validateRunSearchRequest({
        experimentIds: ['1', '../2'],
        orderBy: ['accuracy DESC', 'metrics.acc DESC; drop'],
        maxResults: 0,
        filter: 'x'.repeat(2001),
      }).map(issue => issue.field),
    ).toEqual([
      'experimentIds[1]',
      'filter',
      'orderBy[0]',
      'orderBy[1]',
      'maxResults',
    ]);
    expect(validateRunSearchRequest({ experimentIds: [] })).toEqual([
      { field: 'experimentIds', reason: 'must name an experiment' },
    ]);
    expect(
      validateRunSearchRequest({
        experimentIds: Array.from({ length: 21 }, (_, i) => String(i)),
      })[0].reason,
    ).toContain('at most 20');
  });
});
