import type { Entity } from '@backstage/catalog-model';
import { owningTeamOf } from './owningTeam';

function entity(owner?: unknown): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'm' },
    spec: owner === undefined ? {} : { owner },
  };
}

describe('owningTeamOf', () => {
  it('reads the group name of the owner reference', () => {
    expect(owningTeamOf(entity('group:default/fraud-detection'))).toBe(
      'fraud-detection',
    );
    expect(owningTeamOf(entity('fraud-detection'))).toBe('fraud-detection');
  });

  it('gives undefined for a user owner, no owner or a broken reference', () => {
    expect(owningTeamOf(entity('user:default/alice'))).toBeUndefined();
    expect(owningTeamOf(entity())).toBeUndefined();
    expect(owningTeamOf(entity(42))).toBeUndefined();
    expect(owningTeamOf(entity('group:'))).toBeUndefined();
  });
});
