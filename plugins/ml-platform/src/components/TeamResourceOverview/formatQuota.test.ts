import type { QuotaUsage } from '@ml-platform/backstage-plugin-ml-platform-common';
import {
  formatBytes,
  formatCores,
  formatQuotaUsage,
  quotaLevelMessage,
  quotaPercent,
} from './formatQuota';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

function quota(overrides: Partial<QuotaUsage>): QuotaUsage {
  return {
    resource: 'cpu',
    key: 'requests.cpu',
    used: 0,
    hard: 1,
    usedText: '0',
    hardText: '1',
    ratio: 0,
    level: 'ok',
    ...overrides,
  };
}

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1536, '1.5 KiB'],
    [512 * MiB, '512 MiB'],
    [3 * GiB, '3 GiB'],
    [1.25 * GiB, '1.3 GiB'],
    [2 * 1024 * GiB, '2 TiB'],
  ])('says %d bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('formatCores', () => {
  it.each([
    [0, '0'],
    [0.25, '0.25'],
    [1.5, '1.5'],
    [4, '4'],
    [0.004, '<0.01'],
  ])('says %d cores as %s', (cores, text) => {
    expect(formatCores(cores)).toBe(text);
  });
});

describe('formatQuotaUsage', () => {
  it('says CPU in cores, singular for one', () => {
    expect(formatQuotaUsage(quota({ used: 1.5, hard: 4 }))).toBe(
      '1.5 / 4 cores',
    );
    expect(formatQuotaUsage(quota({ used: 0.5, hard: 1 }))).toBe(
      '0.5 / 1 core',
    );
  });

  it('says memory and storage in binary units', () => {
    expect(
      formatQuotaUsage(
        quota({
          resource: 'memory',
          key: 'requests.memory',
          used: 3 * GiB,
          hard: 8 * GiB,
        }),
      ),
    ).toBe('3 GiB / 8 GiB');
    expect(
      formatQuotaUsage(
        quota({
          resource: 'storage',
          key: 'requests.storage',
          used: 512 * MiB,
          hard: 100 * GiB,
        }),
      ),
    ).toBe('512 MiB / 100 GiB');
  });

  it('counts GPUs and pods', () => {
    expect(formatQuotaUsage(quota({ resource: 'gpu', used: 0, hard: 0 }))).toBe(
      '0 / 0 GPUs',
    );
    expect(formatQuotaUsage(quota({ resource: 'gpu', used: 1, hard: 1 }))).toBe(
      '1 / 1 GPU',
    );
    expect(
      formatQuotaUsage(quota({ resource: 'pods', used: 7, hard: 20 })),
    ).toBe('7 / 20 pods');
  });

  it("falls back to Kubernetes' notation for a resource it does not know", () => {
    expect(
      formatQuotaUsage(
        quota({
          resource: 'ephemeral' as QuotaUsage['resource'],
          usedText: '1Gi',
          hardText: '4Gi',
        }),
      ),
    ).toBe('1Gi / 4Gi');
  });
});

describe('quotaLevelMessage', () => {
  it('says nothing below 80 %', () => {
    expect(
      quotaLevelMessage(quota({ ratio: 0.5, level: 'ok' })),
    ).toBeUndefined();
  });

  it('warns from 80 % and says when the limit is reached', () => {
    expect(quotaLevelMessage(quota({ ratio: 0.8, level: 'warning' }))).toBe(
      'Close to the limit (80 %).',
    );
    expect(quotaLevelMessage(quota({ ratio: 1, level: 'exceeded' }))).toBe(
      'Limit reached (100 %): workloads that need more are refused.',
    );
  });

  it('rounds the percentage and lets it pass 100', () => {
    expect(quotaPercent(quota({ ratio: 0.8349 }))).toBe(83);
    expect(quotaPercent(quota({ ratio: 1.25 }))).toBe(125);
  });
});
