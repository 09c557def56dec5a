import { quotaLevel, summarizeQuota } from './quotaUsage';

describe('quotaLevel', () => {
  it('warns from 80% and is exceeded from 100%', () => {
    expect(quotaLevel(0)).toBe('ok');
    expect(quotaLevel(0.79)).toBe('ok');
    expect(quotaLevel(0.8)).toBe('warning');
    expect(quotaLevel(0.99)).toBe('warning');
    expect(quotaLevel(1)).toBe('exceeded');
    expect(quotaLevel(1.5)).toBe('exceeded');
  });
});

describe('summarizeQuota', () => {
  it('gives the lines in the order cpu, memory, gpu, storage, pods', () => {
    const lines = summarizeQuota(
      {
        pods: '20',
        'requests.storage': '100Gi',
        'limits.cpu': '8',
        'requests.nvidia.com/gpu': '1',
        'requests.memory': '8Gi',
        'requests.cpu': '4',
        'count/secrets': '100',
      },
      {},
    );
    expect(lines.map(line => [line.resource, line.key])).toEqual([
      ['cpu', 'requests.cpu'],
      ['memory', 'requests.memory'],
      ['gpu', 'requests.nvidia.com/gpu'],
      ['storage', 'requests.storage'],
      ['pods', 'pods'],
    ]);
  });

  it('leaves out what the quota does not limit', () => {
    expect(
      summarizeQuota({ 'requests.cpu': '4', pods: '10' }).map(
        line => line.resource,
      ),
    ).toEqual(['cpu', 'pods']);
    expect(summarizeQuota()).toEqual([]);
    expect(summarizeQuota({ 'requests.cpu': 'lots' })).toEqual([]);
  });

  it('parses the values into base units and keeps the texts', () => {
    const [cpu, memory] = summarizeQuota(
      { 'requests.cpu': '4', 'requests.memory': '8Gi' },
      { 'requests.cpu': '1500m', 'requests.memory': '2Gi' },
    );
    expect(cpu).toEqual({
      resource: 'cpu',
      key: 'requests.cpu',
      used: 1.5,
      hard: 4,
      usedText: '1500m',
      hardText: '4',
      ratio: 0.375,
      level: 'ok',
    });
    expect(memory).toMatchObject({
      used: 2 * 2 ** 30,
      hard: 8 * 2 ** 30,
      usedText: '2Gi',
      hardText: '8Gi',
      ratio: 0.25,
    });
  });

  it('counts what is not reported as used as 0', () => {
    expect(summarizeQuota({ pods: '10' })).toEqual([
      {
        resource: 'pods',
        key: 'pods',
        used: 0,
        hard: 10,
        usedText: '0',
        hardText: '10',
        ratio: 0,
        level: 'ok',
      },
    ]);
  });

  it('sets the level from the share used', () => {
    const levels = summarizeQuota(
      {
        'requests.cpu': '100',
        'requests.memory': '100Gi',
        'requests.nvidia.com/gpu': '1',
        pods: '10',
      },
      {
        'requests.cpu': '79',
        'requests.memory': '80Gi',
        'requests.nvidia.com/gpu': '1',
        pods: '12',
      },
    ).map(line => [line.resource, line.level]);
    expect(levels).toEqual([
      ['cpu', 'ok'],
      ['memory', 'warning'],
      ['gpu', 'exceeded'],
      ['pods', 'exceeded'],
    ]);
  });

  it('treats a hard limit of 0 as exceeded only once something is used', () => {
    const [gpu, pods] = summarizeQuota(
      { 'requests.nvidia.com/gpu': '0', pods: '0' },
      { 'requests.nvidia.com/gpu': '1', pods: '0' },
    );
    expect(gpu).toMatchObject({ ratio: 1, level: 'exceeded' });
    expect(pods).toMatchObject({ ratio: 0, level: 'ok' });
  });
});
