import {
  confIssues,
  confOf,
  entryIssue,
  keyChoices,
  rowsOf,
  sameConf,
} from './confRows';

const allowed = [
  'spark.sql.shuffle.partitions',
  'spark.sql.adaptive.enabled',
  'spark.serializer',
];

describe('rowsOf and confOf', () => {
  it('turn a value into rows and back, leaving out rows without a key', () => {
    const conf = {
      'spark.sql.shuffle.partitions': '64',
      'spark.serializer': 'org.apache.spark.serializer.KryoSerializer',
    };
    expect(rowsOf(conf)).toEqual([
      { key: 'spark.sql.shuffle.partitions', value: '64' },
      {
        key: 'spark.serializer',
        value: 'org.apache.spark.serializer.KryoSerializer',
      },
    ]);
    expect(confOf([...rowsOf(conf), { key: '', value: 'x' }])).toEqual(conf);
    expect(rowsOf(undefined)).toEqual([]);
  });

  it('compares values entry by entry', () => {
    expect(sameConf({ a: '1' }, { a: '1' })).toBe(true);
    expect(sameConf({ a: '1' }, { a: '2' })).toBe(false);
    expect(sameConf(undefined, {})).toBe(true);
  });
});

describe('keyChoices', () => {
  it('offers a row its own key and the keys no other row has', () => {
    const rows = [
      { key: 'spark.serializer', value: 'x' },
      { key: '', value: '' },
    ];
    expect(keyChoices(allowed, rows, 0)).toEqual([
      'spark.serializer',
      'spark.sql.shuffle.partitions',
      'spark.sql.adaptive.enabled',
    ]);
    expect(keyChoices(allowed, rows, 1)).toEqual([
      'spark.sql.shuffle.partitions',
      'spark.sql.adaptive.enabled',
    ]);
  });

  it('keeps a key that is not allowed, so the row shows it', () => {
    expect(
      keyChoices(allowed, [{ key: 'spark.master', value: 'x' }], 0)[0],
    ).toBe('spark.master');
  });
});

describe('entryIssue and confIssues', () => {
  it('take allowed keys with one-line values', () => {
    expect(entryIssue('spark.serializer', 'x', allowed)).toBeUndefined();
    expect(
      confIssues({ 'spark.sql.adaptive.enabled': 'true' }, allowed),
    ).toEqual([]);
  });

  it('refuse keys outside the list, naming the allowed ones', () => {
    expect(confIssues({ 'spark.master': 'local[*]' }, allowed)).toEqual([
      '"spark.master" is not an allowed Spark conf key (allowed: spark.sql.shuffle.partitions, spark.sql.adaptive.enabled, spark.serializer)',
    ]);
    expect(entryIssue('spark.serializer', 'x', [])).toBe(
      '"spark.serializer" is not an allowed Spark conf key (allowed: none)',
    );
  });

  it('refuse empty, multi-line and long values', () => {
    expect(
      confIssues(
        {
          'spark.serializer': ' ',
          'spark.sql.shuffle.partitions': '1\n2',
          'spark.sql.adaptive.enabled': 'x'.repeat(1025),
        },
        allowed,
      ),
    ).toEqual([
      'spark.serializer has no value: give one or remove the row',
      'The value of spark.sql.shuffle.partitions must be one line of at most 1024 characters',
      'The value of spark.sql.adaptive.enabled must be one line of at most 1024 characters',
    ]);
  });

  it('checks only the values when the allowed keys are unknown', () => {
    expect(confIssues({ 'spark.master': 'local[*]' }, undefined)).toEqual([]);
    expect(confIssues({ 'spark.master': '' }, undefined)).toHaveLength(1);
  });
});
