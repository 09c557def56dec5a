import { runs } from '../../testUtils/mlflowFixtures';
import { rankKeys } from './keyColumns';

describe('rankKeys', () => {
  it('prefers keys every record has, then keys whose values differ', () => {
    expect(
      rankKeys(
        [
          { a: 1, same: 1, some: 1 },
          { a: 2, same: 1 },
          { a: 3, same: 1 },
        ],
        3,
      ),
    ).toEqual(['a', 'same', 'some']);
  });

  it('picks the telling params and metrics of the seeded runs', () => {
    const seeded = runs();
    expect(
      rankKeys(
        seeded.map(r => r.params),
        3,
      ),
    ).toEqual(['model_type', 'max_depth', 'dataset']);
    expect(
      rankKeys(
        seeded.map(r => r.metrics),
        3,
      ),
    ).toEqual(['accuracy', 'f1_macro', 'val_accuracy']);
  });

  it('gives nothing for no records or no room', () => {
    expect(rankKeys([], 3)).toEqual([]);
    expect(rankKeys([{ a: 1 }], 0)).toEqual([]);
  });
});
