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

  it('refuses what makes MLflow fail instead of refusing: numbers beyond 64 bits, non-ASCII page tokens', () => {
    expect(
      validateRunSearchRequest({
        experimentIds: ['9223372036854775807', '9223372036854775808', '1_0'],
        filter:
          "attributes.start_time > 99999999999999999999 and params.seed = '99999999999999999999'",
        pageToken: 'é',
      }),
    ).toEqual([
      {
        field: 'experimentIds[1]',
        reason: '"9223372036854775808" is larger than any MLflow experiment id',
      },
      {
        field: 'filter',
        reason:
          'compares with 99999999999999999999, larger than MLflow can store (at most 9223372036854775807)',
      },
      {
        field: 'pageToken',
        reason:
          'is not a page token MLflow gave: it has characters other than printable ASCII',
      },
    ]);
    expect(
      validateRunSearchRequest({
        experimentIds: ['-99999999999999999999'],
        filter: 'metrics.x > 1e30 and metrics.y < 99999999999999999999.5',
        pageToken: 'eyJvZmZzZXQiOiAxMH0=',
      }).map(issue => issue.field),
    ).toEqual(['experimentIds[0]']);
  });
});
