import type { GpuOption } from '@ml-platform/backstage-plugin-ml-platform-common';
import {
  chosenGpu,
  gpuCounts,
  gpuHelperText,
  normalizeGpu,
  sameGpu,
} from './notebookGpus';

const nvidia: GpuOption = {
  vendor: 'nvidia',
  resourceName: 'nvidia.com/gpu',
  maxPerNode: 4,
};
const amd: GpuOption = {
  vendor: 'amd',
  resourceName: 'amd.com/gpu',
  maxPerNode: 2,
};

describe('chosenGpu', () => {
  it('is the named vendor, else the first one offered', () => {
    expect(chosenGpu([nvidia, amd], { count: 1, vendor: 'amd' })).toBe(amd);
    expect(chosenGpu([nvidia, amd], { count: 1, vendor: 'intel' })).toBe(
      nvidia,
    );
    expect(chosenGpu([nvidia, amd], undefined)).toBe(nvidia);
    expect(chosenGpu([], { count: 1, vendor: 'nvidia' })).toBeUndefined();
  });
});

describe('normalizeGpu', () => {
  it('is no GPU when no node has any', () => {
    expect(normalizeGpu([], { count: 2, vendor: 'nvidia' })).toEqual({
      count: 0,
    });
    expect(normalizeGpu([], undefined)).toEqual({ count: 0 });
  });

  it('names an offered vendor and keeps a count a node can give', () => {
    expect(normalizeGpu([nvidia, amd], { count: 2, vendor: 'amd' })).toEqual({
      count: 2,
      vendor: 'amd',
    });
    expect(normalizeGpu([nvidia], { count: 0 })).toEqual({
      count: 0,
      vendor: 'nvidia',
    });
    expect(normalizeGpu([nvidia], undefined)).toEqual({
      count: 0,
      vendor: 'nvidia',
    });
  });

  it('brings the count within 0 and the most one node has', () => {
    expect(normalizeGpu([nvidia, amd], { count: 4, vendor: 'amd' })).toEqual({
      count: 2,
      vendor: 'amd',
    });
    expect(normalizeGpu([nvidia], { count: -1 })).toEqual({
      count: 0,
      vendor: 'nvidia',
    });
    expect(normalizeGpu([nvidia], { count: 1.5 })).toEqual({
      count: 0,
      vendor: 'nvidia',
    });
  });
});

describe('gpuCounts', () => {
  it('is 0 to the most one node has', () => {
    expect(gpuCounts(4)).toEqual([0, 1, 2, 3, 4]);
    expect(gpuCounts(0)).toEqual([0]);
  });
});

describe('gpuHelperText', () => {
  it('names the resource and the most one node has', () => {
    expect(gpuHelperText(nvidia)).toBe(
      'nvidia (nvidia.com/gpu): at most 4 per node',
    );
  });
});

describe('sameGpu', () => {
  it('compares count and vendor', () => {
    expect(
      sameGpu({ count: 1, vendor: 'nvidia' }, { count: 1, vendor: 'nvidia' }),
    ).toBe(true);
    expect(sameGpu({ count: 0 }, { count: 0 })).toBe(true);
    expect(sameGpu({ count: 0 }, { count: 0, vendor: 'nvidia' })).toBe(false);
    expect(sameGpu(undefined, { count: 0 })).toBe(false);
  });
});
