import {
  DEFAULT_RUN_SORT,
  metricColumnId,
  paramColumnId,
  quoteKey,
  toOrderBy,
} from './orderBy';

describe('toOrderBy', () => {
  it('orders by metrics, params and attributes in MLflow syntax', () => {
    expect(
      toOrderBy({
        column: metricColumnId('val_accuracy'),
        direction: 'descending',
      }),
    ).toEqual(['metrics.val_accuracy DESC']);
    expect(
      toOrderBy({ column: paramColumnId('alpha'), direction: 'ascending' }),
    ).toEqual(['params.alpha ASC']);
    expect(toOrderBy(DEFAULT_RUN_SORT)).toEqual(['attributes.start_time DESC']);
    expect(
      toOrderBy({ column: 'attr:run_name', direction: 'ascending' }),
    ).toEqual(['attributes.run_name ASC']);
  });

  it('quotes keys that are not identifiers', () => {
    expect(quoteKey('val_accuracy')).toBe('val_accuracy');
    expect(quoteKey('val loss')).toBe('`val loss`');
    expect(quoteKey('system/cpu-util')).toBe('`system/cpu-util`');
    expect(quoteKey('1st')).toBe('`1st`');
    expect(
      toOrderBy({ column: metricColumnId('val-loss'), direction: 'ascending' }),
    ).toEqual(['metrics.`val-loss` ASC']);
  });

  it('gives no order for columns MLflow cannot order by', () => {
    expect(toOrderBy(undefined)).toEqual([]);
    expect(toOrderBy(null)).toEqual([]);
    expect(toOrderBy({ column: 'select', direction: 'ascending' })).toEqual([]);
    expect(
      toOrderBy({ column: 'attr:duration', direction: 'ascending' }),
    ).toEqual([]);
    expect(toOrderBy({ column: 'metric:', direction: 'ascending' })).toEqual(
      [],
    );
    expect(toOrderBy({ column: 'tag:x', direction: 'ascending' })).toEqual([]);
  });
});
