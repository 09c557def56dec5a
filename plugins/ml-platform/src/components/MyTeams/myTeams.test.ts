import type { Entity } from '@backstage/catalog-model';
import { sortTeams, teamRefsOf, toMyTeam } from './myTeams';

describe('teamRefsOf', () => {
  it('keeps the groups of the default namespace, once each', () => {
    expect(
      teamRefsOf([
        'user:default/alice',
        'group:default/fraud-detection',
        'Group:default/recommendations',
        'group:other/elsewhere',
        'group:default/fraud-detection',
      ]),
    ).toEqual([
      'group:default/fraud-detection',
      'group:default/recommendations',
    ]);
  });

  it('finds none for a user in no group', () => {
    expect(teamRefsOf(['user:default/mallory'])).toEqual([]);
  });
});

describe('toMyTeam', () => {
  const entity = (spec: object, title?: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'fraud-detection', title },
    spec,
  });

  it('prefers the display name, then the title, then the name', () => {
    const ref = 'group:default/fraud-detection';
    expect(
      toMyTeam(
        ref,
        entity({ profile: { displayName: 'Fraud Detection' } }, 'FD'),
      ),
    ).toEqual({ ref, name: 'fraud-detection', title: 'Fraud Detection' });
    expect(toMyTeam(ref, entity({}, 'FD')).title).toBe('FD');
    expect(toMyTeam(ref, undefined).title).toBe('fraud-detection');
  });
});

describe('sortTeams', () => {
  it('orders teams by title', () => {
    const b = { ref: 'group:default/b', name: 'b', title: 'Beta' };
    const a = { ref: 'group:default/a', name: 'a', title: 'Alpha' };
    expect(sortTeams([b, a])).toEqual([a, b]);
  });
});
