import {
  describeIssues,
  parseQuantity,
  validateDnsLabel,
  validateQuantity,
} from './validation';

describe('validateDnsLabel', () => {
  it.each(['a', 'team-1', 'fraud-detection', 'a'.repeat(63)])(
    'accepts %s',
    name => {
      expect(validateDnsLabel('name', name)).toEqual([]);
    },
  );

  it.each([
    ['Upper', 'DNS-1123'],
    ['-leading', 'DNS-1123'],
    ['trailing-', 'DNS-1123'],
    ['under_score', 'DNS-1123'],
    ['dot.ted', 'DNS-1123'],
  ])('rejects %s', (name, reason) => {
    const issues = validateDnsLabel('name', name);
    expect(issues).toHaveLength(1);
    expect(issues[0].field).toBe('name');
    expect(issues[0].reason).toContain(reason);
  });

  it('rejects a name longer than 63 characters and says how long it is', () => {
    const issues = validateDnsLabel('team', 'a'.repeat(64));
    expect(issues).toEqual([
      { field: 'team', reason: 'must be at most 63 characters (it has 64)' },
    ]);
  });

  it('honours a shorter limit', () => {
    expect(validateDnsLabel('name', 'abcdef', 5)[0].reason).toContain(
      'at most 5',
    );
  });

  it.each([undefined, '', 42])('requires a string, not %p', value => {
    expect(validateDnsLabel('team', value)).toEqual([
      { field: 'team', reason: 'is required' },
    ]);
  });
});

describe('parseQuantity', () => {
  it.each([
    ['2', 2],
    ['500m', 0.5],
    ['1.5', 1.5],
    ['4Gi', 4 * 2 ** 30],
    ['512Mi', 512 * 2 ** 20],
    ['10G', 10e9],
    ['1e3', 1000],
    ['100k', 100000],
    ['.5', 0.5],
    ['0e999', 0],
  ])('parses %s', (text, value) => {
    expect(parseQuantity(text)).toBeCloseTo(value);
  });

  it.each([
    '',
    'abc',
    '4GB',
    '1.2.3',
    ' 2',
    '2 ',
    'Gi',
    '5Mib',
    '1e1000',
    '1e-4294967266',
  ])('rejects %p', text => {
    expect(parseQuantity(text)).toBeUndefined();
  });
});

describe('validateQuantity', () => {
  it('names the field and shows examples when the text does not parse', () => {
    expect(validateQuantity('quota.memory', '4GB')).toEqual([
      {
        field: 'quota.memory',
        reason: '"4GB" is not a Kubernetes quantity (examples: 500m, 2, 4Gi)',
      },
    ]);
  });

  it('rejects negative quantities', () => {
    expect(validateQuantity('quota.cpu', '-1')[0].reason).toBe(
      'must not be negative',
    );
  });

  it('accepts numbers', () => {
    expect(validateQuantity('quota.pods', 10)).toEqual([]);
  });
});

describe('describeIssues', () => {
  it('joins issues into one sentence', () => {
    expect(
      describeIssues([
        { field: 'team', reason: 'is required' },
        { field: 'size', reason: 'must be one of small, medium, large' },
      ]),
    ).toBe('team is required; size must be one of small, medium, large');
  });
});
