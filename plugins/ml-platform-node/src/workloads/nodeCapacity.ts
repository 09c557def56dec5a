import { parseQuantity } from '@ml-platform/backstage-plugin-ml-platform-common';

/** A node as the capacity check reads it. @public */
export type NodeCapacity = {
  name: string;
  allocatable: Record<string, string>;
  unschedulable?: boolean;
};

/** What one pod asks of a node, by resource name (cpu, memory, nvidia.com/gpu), in base units. @public */
export type PodRequests = Record<string, number>;

/** The most of `resource` any schedulable node has (0 when none has it) (pure). @public */
export function largestAllocatable(
  nodes: NodeCapacity[],
  resource: string,
): number {
  return nodes
    .filter(node => !node.unschedulable)
    .reduce(
      (most, node) =>
        Math.max(most, parseQuantity(node.allocatable[resource] ?? '0') ?? 0),
      0,
    );
}

/**
 * Whether some schedulable node could ever hold a pod of `requests`, empty:
 * the resources no node has enough of, with the largest a node has (pure).
 * @public
 */
export function unfitResources(
  nodes: NodeCapacity[],
  requests: PodRequests,
): Array<{ resource: string; needs: number; largest: number }> {
  const asked = Object.entries(requests).filter(([, n]) => n > 0);
  const fits = nodes.some(
    node =>
      !node.unschedulable &&
      asked.every(
        ([resource, n]) =>
          (parseQuantity(node.allocatable[resource] ?? '0') ?? 0) >= n,
      ),
  );
  if (fits) {
    return [];
  }
  const lines = asked.map(([resource, needs]) => ({
    resource,
    needs,
    largest: largestAllocatable(nodes, resource),
  }));
  const short = lines.filter(line => line.needs > line.largest);
  // each fits some node, but no node has all of them
  return short.length > 0 ? short : lines;
}
