import {
  largestAllocatable,
  unfitResources,
  type NodeCapacity,
} from './nodeCapacity';

const GI = 2 ** 30;

const cpuNode: NodeCapacity = {
  name: 'cpu-1',
  allocatable: { cpu: '15800m', memory: '60Gi', pods: '110' },
};
const gpuNode: NodeCapacity = {
  name: 'gpu-1',
  allocatable: { cpu: '7', memory: '30Gi', 'nvidia.com/gpu': '2' },
};
const cordoned: NodeCapacity = {
  name: 'gpu-big',
  allocatable: { cpu: '64', memory: '500Gi', 'nvidia.com/gpu': '8' },
  unschedulable: true,
};

describe('largestAllocatable', () => {
  it('finds the most any schedulable node has, in base units', () => {
    const nodes = [cpuNode, gpuNode, cordoned];
    expect(largestAllocatable(nodes, 'cpu')).toBeCloseTo(15.8);
    expect(largestAllocatable(nodes, 'memory')).toBe(60 * GI);
    expect(largestAllocatable(nodes, 'nvidia.com/gpu')).toBe(2);
  });

  it('is 0 when no schedulable node has the resource', () => {
    expect(largestAllocatable([cpuNode], 'nvidia.com/gpu')).toBe(0);
    expect(largestAllocatable([cordoned], 'cpu')).toBe(0);
    expect(largestAllocatable([], 'cpu')).toBe(0);
  });

  it('reads an unparsable quantity as 0', () => {
    expect(
      largestAllocatable(
        [{ name: 'odd', allocatable: { cpu: 'lots' } }],
        'cpu',
      ),
    ).toBe(0);
  });
});

describe('unfitResources', () => {
  it('is empty when some node could hold the pod', () => {
    expect(
      unfitResources([cpuNode, gpuNode], {
        cpu: 4,
        memory: 16 * GI,
        'nvidia.com/gpu': 2,
      }),
    ).toEqual([]);
    expect(unfitResources([cpuNode], { cpu: 15.8, memory: 60 * GI })).toEqual(
      [],
    );
  });

  it('names the resource no node has enough of, with the largest a node has', () => {
    expect(
      unfitResources([cpuNode, gpuNode], {
        cpu: 2,
        memory: 8 * GI,
        'nvidia.com/gpu': 3,
      }),
    ).toEqual([{ resource: 'nvidia.com/gpu', needs: 3, largest: 2 }]);
  });

  it('ignores unschedulable nodes', () => {
    expect(
      unfitResources([cpuNode, gpuNode, cordoned], {
        cpu: 2,
        'nvidia.com/gpu': 4,
      }),
    ).toEqual([{ resource: 'nvidia.com/gpu', needs: 4, largest: 2 }]);
    expect(unfitResources([cordoned], { cpu: 1 })).toEqual([
      { resource: 'cpu', needs: 1, largest: 0 },
    ]);
  });

  it('returns every line when each fits some node but no node has all', () => {
    expect(
      unfitResources([cpuNode, gpuNode], {
        cpu: 10,
        memory: 16 * GI,
        'nvidia.com/gpu': 1,
      }),
    ).toEqual([
      { resource: 'cpu', needs: 10, largest: 15.8 },
      { resource: 'memory', needs: 16 * GI, largest: 60 * GI },
      { resource: 'nvidia.com/gpu', needs: 1, largest: 2 },
    ]);
  });

  it('returns only the short lines when some resource fits no node at all', () => {
    expect(
      unfitResources([cpuNode, gpuNode], {
        cpu: 10,
        memory: 100 * GI,
        'nvidia.com/gpu': 1,
      }),
    ).toEqual([{ resource: 'memory', needs: 100 * GI, largest: 60 * GI }]);
  });

  it('ignores resources asked for as zero', () => {
    expect(unfitResources([cpuNode], { cpu: 1, 'nvidia.com/gpu': 0 })).toEqual(
      [],
    );
    expect(unfitResources([], {})).toEqual([]);
  });
});
