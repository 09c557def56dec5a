import { parseTeam, teamNamesOf } from './teamRef';

describe('parseTeam', () => {
  it('reads a plain name as a group in the default namespace', () => {
    expect(parseTeam('fraud-detection')).toEqual({
      ref: 'group:default/fraud-detection',
      name: 'fraud-detection',
      issues: [],
    });
  });

  it('reads a group entity ref', () => {
    expect(parseTeam('group:default/fraud-detection')).toEqual({
      ref: 'group:default/fraud-detection',
      name: 'fraud-detection',
      issues: [],
    });
    expect(parseTeam('default/fraud-detection').ref).toBe(
      'group:default/fraud-detection',
    );
  });

  it('rejects a group in another catalog namespace, which would share the name on the cluster', () => {
    const parsed = parseTeam('group:other/fraud-detection');
    expect(parsed.ref).toBeUndefined();
    expect(parsed.issues).toEqual([
      {
        field: 'team',
        reason:
          'must be a group in the catalog\'s default namespace, not in "other"',
      },
    ]);
  });

  it('lower-cases the kind and namespace of the ref', () => {
    expect(parseTeam('Group:Default/fraud-detection')).toEqual({
      ref: 'group:default/fraud-detection',
      name: 'fraud-detection',
      issues: [],
    });
  });

  it('rejects a ref of another kind', () => {
    const parsed = parseTeam('user:default/jane');
    expect(parsed.ref).toBeUndefined();
    expect(parsed.name).toBeUndefined();
    expect(parsed.issues).toEqual([
      { field: 'team', reason: expect.stringContaining('must name a Group') },
    ]);
    expect(parsed.issues[0].reason).toBe('must name a Group, not a user');
  });

  it.each([[''], [undefined], [null], [42], [{ name: 'team' }]])(
    'requires a team, not %p',
    team => {
      expect(parseTeam(team)).toEqual({
        issues: [{ field: 'team', reason: 'is required' }],
      });
    },
  );

  it('names the field it was given', () => {
    expect(parseTeam('', 'spec.owner').issues).toEqual([
      { field: 'spec.owner', reason: 'is required' },
    ]);
    expect(parseTeam('user:jane', 'owner').issues[0].field).toBe('owner');
  });

  it.each([
    ['Fraud_Detection'],
    ['fraud-detection-'],
    ['group:default/Fraud'],
    ['group:default/a/b'],
    ['a'.repeat(64)],
  ])('rejects %p, which cannot name a namespace', team => {
    const parsed = parseTeam(team);
    expect(parsed.ref).toBeUndefined();
    expect(parsed.issues.length).toBeGreaterThan(0);
    expect(parsed.issues.every(issue => issue.field === 'team')).toBe(true);
  });

  it('explains a DNS-1123 violation', () => {
    expect(parseTeam('Fraud_Detection').issues).toEqual([
      {
        field: 'team',
        reason:
          'must consist of lower case letters, digits and "-", and start and end with a letter or digit (DNS-1123 label)',
      },
    ]);
    expect(parseTeam('a'.repeat(64)).issues).toEqual([
      { field: 'team', reason: 'must be at most 63 characters (it has 64)' },
    ]);
  });

  it('passes on the reason of a malformed ref', () => {
    expect(parseTeam('group:default/').issues).toEqual([
      {
        field: 'team',
        reason: expect.stringContaining('was not on the form'),
      },
    ]);
  });
});

describe('teamNamesOf', () => {
  it('names the groups of the catalog default namespace, in lower case', () => {
    expect(
      teamNamesOf([
        'user:default/alice',
        'group:default/fraud-detection',
        'Group:Default/Forecasting',
        'group:default/fraud-detection',
      ]),
    ).toEqual(['fraud-detection', 'forecasting']);
  });

  it('counts only full group refs of the default namespace, as IS_TEAM_MEMBER does', () => {
    expect(
      teamNamesOf([
        'recommendations',
        'group:recommendations',
        'group:other/recommendations',
        'user:default/recommendations',
        'group:default/Not_A_Namespace',
      ]),
    ).toEqual([]);
  });
});
