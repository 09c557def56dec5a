import { experiment } from '../../testUtils/mlflowFixtures';
import {
  initialScope,
  MAX_EXPERIMENTS_PER_SEARCH,
  toggleScope,
} from './experimentScope';

describe('experiment scope', () => {
  it('starts with the active experiments, most recently updated first', () => {
    expect(
      initialScope([
        experiment({ id: '1', updatedAt: '2025-01-01T00:00:00Z' }),
        experiment({ id: '2', lifecycleStage: 'deleted' }),
        experiment({ id: '3', updatedAt: '2025-03-01T00:00:00Z' }),
      ]),
    ).toEqual(['3', '1']);
  });

  it('takes deleted experiments when no other is there', () => {
    expect(
      initialScope([experiment({ id: '2', lifecycleStage: 'deleted' })]),
    ).toEqual(['2']);
  });

  it('takes at most what one search covers', () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      experiment({ id: String(i) }),
    );
    const scope = initialScope(many);
    expect(scope).toHaveLength(MAX_EXPERIMENTS_PER_SEARCH);
    expect(toggleScope(scope, '24', true)).toBe(scope);
    expect(toggleScope(scope, scope[0], false)).toHaveLength(
      MAX_EXPERIMENTS_PER_SEARCH - 1,
    );
  });

  it('adds and removes experiments', () => {
    expect(toggleScope(['1'], '2', true)).toEqual(['1', '2']);
    expect(toggleScope(['1', '2'], '2', true)).toEqual(['1', '2']);
    expect(toggleScope(['1', '2'], '1', false)).toEqual(['2']);
  });
});
