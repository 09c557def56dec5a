import { runs } from '../../testUtils/mlflowFixtures';
import { columnOptions, defaultRunColumns } from './runColumns';

describe('runColumns', () => {
  it('starts with the telling metrics and params, in key order', () => {
    expect(defaultRunColumns({ runs: runs() })).toEqual({
      metrics: ['accuracy', 'f1_macro', 'val_accuracy'],
      params: ['dataset', 'max_depth', 'model_type'],
    });
    expect(defaultRunColumns({ runs: [] })).toEqual({
      metrics: [],
      params: [],
    });
    expect(
      defaultRunColumns({ runs: runs() }, { metrics: 1, params: 0 }),
    ).toEqual({ metrics: ['accuracy'], params: [] });
  });

  it('offers the keys of the page and those already picked', () => {
    expect(columnOptions(['b', 'a'], ['c', 'a'])).toEqual(['a', 'b', 'c']);
  });
});
