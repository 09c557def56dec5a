import {
  describeShortfall,
  quotaShortfalls,
  type QuotaState,
} from './quotaHeadroom';

const GI = 2 ** 30;

const quota: QuotaState = {
  name: 'ml-platform-quota',
  hard: {
    'requests.cpu': '2',
    'limits.cpu': '4',
    'requests.memory': '8Gi',
    'requests.storage': '100Gi',
    persistentvolumeclaims: '5',
    pods: '10',
  },
  used: {
    'requests.cpu': '500m',
    'limits.cpu': '1',
    'requests.memory': '2Gi',
    'requests.storage': '95Gi',
    persistentvolumeclaims: '2',
    pods: '3',
  },
};

describe('quotaShortfalls', () => {
  it('finds nothing when every line fits, up to exactly what is left', () => {
    expect(
      quotaShortfalls([quota], {
        'requests.cpu': 1.5,
        'limits.cpu': 3,
        'requests.memory': 6 * GI,
        'requests.storage': 5 * GI,
        persistentvolumeclaims: 3,
        pods: 7,
      }),
    ).toEqual([]);
  });

  it('does not trip over floating point remainders', () => {
    expect(
      quotaShortfalls(
        [
          {
            name: 'q',
            hard: { 'requests.cpu': '300m' },
            used: { 'requests.cpu': '100m' },
          },
        ],
        { 'requests.cpu': 0.2 },
      ),
    ).toEqual([]);
  });

  it('reports CPU that does not fit, with what is left of the hard limit', () => {
    const shortfalls = quotaShortfalls([quota], {
      'requests.cpu': 4,
      'limits.cpu': 3,
      pods: 1,
    });
    expect(shortfalls).toHaveLength(1);
    expect(shortfalls[0]).toMatchObject({
      key: 'requests.cpu',
      unit: 'CPU',
      measure: 'cores',
      needs: 4,
      left: 1.5,
      hard: 2,
    });
    expect(describeShortfall('fraud-detection-scoring', shortfalls[0])).toBe(
      'needs 4 CPU, fraud-detection-scoring has 1.5 of 2 CPU left',
    );
  });

  it('reports every line that does not fit, in the order asked', () => {
    const shortfalls = quotaShortfalls([quota], {
      pods: 8,
      'requests.cpu': 2,
      'requests.memory': 4 * GI,
    });
    expect(shortfalls.map(s => s.key)).toEqual(['pods', 'requests.cpu']);
  });

  it('describes storage in Gi', () => {
    const shortfalls = quotaShortfalls([quota], {
      'requests.storage': 10 * GI,
    });
    expect(shortfalls).toHaveLength(1);
    expect(shortfalls[0]).toMatchObject({
      key: 'requests.storage',
      unit: 'storage',
      measure: 'bytes',
      needs: 10 * GI,
      left: 5 * GI,
      hard: 100 * GI,
    });
    expect(describeShortfall('fraud-detection-scoring', shortfalls[0])).toBe(
      'needs 10Gi storage, fraud-detection-scoring has 5Gi of 100Gi storage left',
    );
  });

  it('treats lines no quota limits as free', () => {
    expect(
      quotaShortfalls([quota], {
        'limits.memory': 1000 * GI,
        'requests.nvidia.com/gpu': 8,
      }),
    ).toEqual([]);
    expect(quotaShortfalls([], { 'requests.cpu': 1000 })).toEqual([]);
    expect(
      quotaShortfalls([{ name: 'empty' }], { 'requests.cpu': 1000 }),
    ).toEqual([]);
  });

  it('counts the tighter of several quotas of a namespace, once per line', () => {
    const roomy: QuotaState = {
      name: 'roomy',
      hard: { 'requests.cpu': '10' },
      used: { 'requests.cpu': '0' },
    };
    const tight: QuotaState = {
      name: 'tight',
      hard: { 'requests.cpu': '2' },
      used: { 'requests.cpu': '1' },
    };
    const tighter: QuotaState = {
      name: 'tighter',
      hard: { 'requests.cpu': '1' },
      used: { 'requests.cpu': '900m' },
    };
    for (const quotas of [
      [roomy, tight],
      [tight, roomy],
    ]) {
      const shortfalls = quotaShortfalls(quotas, { 'requests.cpu': 4 });
      expect(shortfalls).toHaveLength(1);
      expect(shortfalls[0]).toMatchObject({ needs: 4, left: 1, hard: 2 });
    }
    expect(
      quotaShortfalls([roomy, tight, tighter], { 'requests.cpu': 4 }),
    ).toHaveLength(1);
    expect(quotaShortfalls([roomy, tight], { 'requests.cpu': 1 })).toEqual([]);
  });

  it('counts nothing as left when the quota is already overused, and no used as none', () => {
    const shortfalls = quotaShortfalls(
      [
        {
          name: 'q',
          hard: { 'requests.cpu': '1', pods: '2' },
          used: { 'requests.cpu': '3' },
        },
      ],
      { 'requests.cpu': 0.5, pods: 3 },
    );
    expect(shortfalls).toEqual([
      expect.objectContaining({ key: 'requests.cpu', left: 0, hard: 1 }),
      expect.objectContaining({ key: 'pods', needs: 3, left: 2, hard: 2 }),
    ]);
  });

  it('describes GPUs of another vendor by their resource name', () => {
    const shortfalls = quotaShortfalls(
      [
        {
          name: 'q',
          hard: { 'requests.amd.com/gpu': '1' },
          used: { 'requests.amd.com/gpu': '1' },
        },
      ],
      { 'requests.amd.com/gpu': 2 },
    );
    expect(shortfalls).toEqual([
      {
        key: 'requests.amd.com/gpu',
        unit: 'amd.com/gpu GPUs',
        measure: 'count',
        needs: 2,
        left: 0,
        hard: 1,
      },
    ]);
    expect(describeShortfall('fraud-detection-scoring', shortfalls[0])).toBe(
      'needs 2 amd.com/gpu GPUs, fraud-detection-scoring has 0 of 1 amd.com/gpu GPUs left',
    );
  });

  it('names NVIDIA GPUs as the quota table does', () => {
    const shortfalls = quotaShortfalls(
      [{ name: 'q', hard: { 'requests.nvidia.com/gpu': '0' } }],
      { 'requests.nvidia.com/gpu': 1 },
    );
    expect(describeShortfall('ns', shortfalls[0])).toBe(
      'needs 1 GPUs, ns has 0 of 0 GPUs left',
    );
  });

  it('ignores lines asked for as zero', () => {
    expect(
      quotaShortfalls(
        [
          {
            name: 'q',
            hard: { 'requests.nvidia.com/gpu': '0', 'requests.cpu': '1' },
            used: { 'requests.cpu': '2' },
          },
        ],
        { 'requests.nvidia.com/gpu': 0, 'requests.cpu': 0 },
      ),
    ).toEqual([]);
  });
});
