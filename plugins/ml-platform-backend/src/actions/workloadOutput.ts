import type { WorkloadResult } from '@ml-platform/backstage-plugin-ml-platform-common';

/** What a workload action answers: the result without the full manifests (pure). */
export const workloadOutput = (result: WorkloadResult) => ({
  namespace: result.namespace,
  name: result.name,
  dryRun: result.dryRun,
  objects: result.applied.map(applied => applied.object),
  notes: result.notes,
});
