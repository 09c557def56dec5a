import { DEFAULT_SIZE_PRESETS, type QuotaSpec } from './quota';
import { checkMaxima, resolveQuota, type QuotaOverrides } from './resolveQuota';
import { DEFAULT_QUOTA_MAXIMA, type QuotaMaxima } from './settings';

const settings = {
  sizes: { ...DEFAULT_SIZE_PRESETS },
  maxima: DEFAULT_QUOTA_MAXIMA,
};

describe('resolveQuota', () => {
  it('gives the chosen size preset as it is', () => {
    expect(resolveQuota('medium', undefined, settings)).toEqual({
      spec: DEFAULT_SIZE_PRESETS.medium,
      issues: [],
    });
    expect(resolveQuota('large', {}, settings).spec).toEqual(
      DEFAULT_SIZE_PRESETS.large,
    );
  });

  it('takes the first configured preset when no size is given', () => {
    expect(resolveQuota(undefined, undefined, settings).spec).toEqual(
      DEFAULT_SIZE_PRESETS.small,
    );
    expect(resolveQuota('', {}, settings).spec).toEqual(
      DEFAULT_SIZE_PRESETS.small,
    );
    const custom = {
      sizes: {
        tiny: { ...DEFAULT_SIZE_PRESETS.small, cpu: '500m' },
        huge: DEFAULT_SIZE_PRESETS.large,
      },
      maxima: DEFAULT_QUOTA_MAXIMA,
    };
    expect(resolveQuota(undefined, undefined, custom).spec?.cpu).toBe('500m');
  });

  it('names the configured sizes when the size is unknown', () => {
    expect(resolveQuota('huge', { cpu: '1' }, settings)).toEqual({
      issues: [
        {
          field: 'size',
          reason:
            '"huge" is not a size preset (choose one of small, medium, large)',
        },
      ],
    });
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'refuses the inherited name %s as a size, with or without explicit values',
    size => {
      const expected = {
        issues: [
          {
            field: 'size',
            reason: `"${size}" is not a size preset (choose one of small, medium, large)`,
          },
        ],
      };
      expect(resolveQuota(size, undefined, settings)).toEqual(expected);
      expect(resolveQuota(size, { storage: '1Gi' }, settings)).toEqual(
        expected,
      );
    },
  );

  it('refuses inherited names as quota keys', () => {
    const overrides = JSON.parse(
      '{"__proto__": {"storage": "0"}, "constructor": "1"}',
    ) as QuotaOverrides;
    expect(resolveQuota('small', overrides, settings)).toEqual({
      issues: [
        { field: 'quota.__proto__', reason: 'is not a quota setting' },
        { field: 'quota.constructor', reason: 'is not a quota setting' },
      ],
    });
  });

  it('puts explicit values on top of the preset: numbers for counts, strings for quantities', () => {
    const { spec, issues } = resolveQuota(
      'small',
      {
        cpu: 4,
        memory: '16Gi',
        memoryLimit: '24Gi',
        gpu: '2',
        pods: '30',
        persistentVolumeClaims: 7,
        storage: undefined,
        cpuLimit: '',
      },
      settings,
    );
    expect(issues).toEqual([]);
    expect(spec).toEqual({
      ...DEFAULT_SIZE_PRESETS.small,
      cpu: '4',
      memory: '16Gi',
      memoryLimit: '24Gi',
      gpu: 2,
      pods: 30,
      persistentVolumeClaims: 7,
    });
    // undefined and empty values leave the preset's value alone
    expect(spec?.storage).toBe(DEFAULT_SIZE_PRESETS.small.storage);
    expect(spec).not.toHaveProperty('cpuLimit');
  });

  it('does not change the preset it starts from', () => {
    const sizes = { small: { ...DEFAULT_SIZE_PRESETS.small } };
    resolveQuota('small', { cpu: '3' }, { sizes, maxima: settings.maxima });
    expect(sizes.small).toEqual(DEFAULT_SIZE_PRESETS.small);
  });

  it('rejects a value that is not a Kubernetes quantity', () => {
    expect(resolveQuota('small', { cpu: 'lots' }, settings)).toEqual({
      issues: [
        {
          field: 'quota.cpu',
          reason:
            '"lots" is not a Kubernetes quantity (examples: 500m, 2, 4Gi)',
        },
      ],
    });
    expect(resolveQuota('small', { memory: '4GB' }, settings).issues).toEqual([
      {
        field: 'quota.memory',
        reason: '"4GB" is not a Kubernetes quantity (examples: 500m, 2, 4Gi)',
      },
    ]);
    expect(resolveQuota('small', { storage: '-1Gi' }, settings).issues).toEqual(
      [{ field: 'quota.storage', reason: 'must not be negative' }],
    );
  });

  it.each([
    ['gpu', -1],
    ['gpu', 1.5],
    ['gpu', '1.5'],
    ['pods', '-3'],
    ['pods', 'many'],
    ['pods', '  '],
    ['persistentVolumeClaims', '2Gi'],
  ])('rejects %s = %p as a count', (key, value) => {
    expect(
      resolveQuota('small', { [key]: value } as QuotaOverrides, settings),
    ).toEqual({
      issues: [
        {
          field: `quota.${key}`,
          reason: 'must be a whole number of 0 or more',
        },
      ],
    });
  });

  it('accepts 0 as a count', () => {
    expect(resolveQuota('medium', { gpu: 0 }, settings).spec?.gpu).toBe(0);
    expect(resolveQuota('medium', { gpu: '0' }, settings).spec?.gpu).toBe(0);
  });

  it('rejects a key that is not a quota setting', () => {
    expect(
      resolveQuota('small', { disk: '10Gi' } as QuotaOverrides, settings),
    ).toEqual({
      issues: [{ field: 'quota.disk', reason: 'is not a quota setting' }],
    });
  });

  it('reports every invalid value at once', () => {
    const { issues } = resolveQuota(
      'small',
      { cpu: 'lots', gpu: -1, volumes: 3 } as QuotaOverrides,
      settings,
    );
    expect(issues.map(issue => issue.field)).toEqual([
      'quota.cpu',
      'quota.gpu',
      'quota.volumes',
    ]);
  });

  it('names the explicit value that goes above a maximum', () => {
    expect(resolveQuota('small', { cpu: '100' }, settings)).toEqual({
      issues: [
        {
          field: 'quota.cpu',
          reason: '100 is above the maximum of 64 CPU a namespace may have',
        },
      ],
    });
    expect(resolveQuota('small', { gpu: 9 }, settings).issues).toEqual([
      {
        field: 'quota.gpu',
        reason: '9 is above the maximum of 8 GPUs a namespace may have',
      },
    ]);
  });

  it('names the size when the preset itself goes above a maximum', () => {
    const maxima: QuotaMaxima = { ...DEFAULT_QUOTA_MAXIMA, cpu: '16', gpu: 2 };
    expect(
      resolveQuota('large', { gpu: 1 }, { sizes: settings.sizes, maxima }),
    ).toEqual({
      issues: [
        {
          field: 'size',
          reason: '32 is above the maximum of 16 CPU a namespace may have',
        },
      ],
    });
    // an explicit value brings the preset's value back within the maximum
    expect(
      resolveQuota(
        'large',
        { cpu: '16', gpu: 2 },
        { sizes: settings.sizes, maxima },
      ).spec,
    ).toMatchObject({ cpu: '16', gpu: 2 });
  });

  it('accepts values exactly at the maximum, comparing parsed quantities', () => {
    expect(
      resolveQuota(
        'small',
        { cpu: '64000m', memory: '256Gi', storage: '2048Gi', pods: 500 },
        settings,
      ).issues,
    ).toEqual([]);
    expect(
      resolveQuota('small', { cpu: '64001m' }, settings).issues,
    ).toHaveLength(1);
    expect(
      resolveQuota('small', { storage: '2049Gi' }, settings).issues,
    ).toEqual([
      {
        field: 'quota.storage',
        reason:
          '2049Gi is above the maximum of 2Ti storage a namespace may have',
      },
    ]);
  });
});

describe('checkMaxima', () => {
  const within: QuotaSpec = {
    cpu: '4',
    memory: '16Gi',
    gpu: 1,
    storage: '100Gi',
    persistentVolumeClaims: 5,
    pods: 20,
  };

  it('finds nothing when every value is within the maxima', () => {
    expect(checkMaxima(within, DEFAULT_QUOTA_MAXIMA, key => key)).toEqual([]);
  });

  it('reports every value above its maximum with the unit and the field given', () => {
    const maxima: QuotaMaxima = {
      cpu: '2',
      memory: '8Gi',
      gpu: 0,
      storage: '50Gi',
      persistentVolumeClaims: 4,
      pods: 10,
    };
    expect(checkMaxima(within, maxima, key => `spec.${key}`)).toEqual([
      {
        field: 'spec.cpu',
        reason: '4 is above the maximum of 2 CPU a namespace may have',
      },
      {
        field: 'spec.memory',
        reason: '16Gi is above the maximum of 8Gi memory a namespace may have',
      },
      {
        field: 'spec.gpu',
        reason: '1 is above the maximum of 0 GPUs a namespace may have',
      },
      {
        field: 'spec.storage',
        reason:
          '100Gi is above the maximum of 50Gi storage a namespace may have',
      },
      {
        field: 'spec.persistentVolumeClaims',
        reason:
          '5 is above the maximum of 4 volume claims a namespace may have',
      },
      {
        field: 'spec.pods',
        reason: '20 is above the maximum of 10 pods a namespace may have',
      },
    ]);
  });

  it('skips a value or maximum that is not a quantity', () => {
    expect(
      checkMaxima(
        { ...within, cpu: 'lots' },
        { ...DEFAULT_QUOTA_MAXIMA, memory: 'unlimited' },
        key => key,
      ),
    ).toEqual([]);
  });

  it('keeps limits between the requests and twice the request maxima', () => {
    expect(resolveQuota('small', { cpuLimit: '1' }, settings).issues).toEqual([
      { field: 'quota.cpuLimit', reason: '1 is below the CPU requests of 2' },
    ]);
    expect(
      resolveQuota('small', { memoryLimit: '1Ei' }, settings).issues,
    ).toEqual([
      {
        field: 'quota.memoryLimit',
        reason:
          "1Ei is above the maximum of twice 256Gi memory a namespace's limits may have",
      },
    ]);
    expect(resolveQuota('small', { cpuLimit: '128' }, settings).issues).toEqual(
      [],
    );
  });
});
