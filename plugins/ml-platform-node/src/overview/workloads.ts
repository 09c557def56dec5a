import {
  NOTEBOOK_STOPPED_ANNOTATION,
  WORKLOAD_RESOURCES,
  type WorkloadKind,
  type WorkloadSummary,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { notebookObjectState } from '../workloads/kinds/notebook';

/** The fields of a Kubernetes object a workload's state is read from. @public */
export type KubernetesObjectFields = {
  metadata?: { namespace?: string; annotations?: Record<string, string> };
  status?: any;
};

/** A custom resource kind the overview counts, and how to read its state. @public */
export type WorkloadSource = {
  kind: WorkloadKind;
  group: string;
  version: string;
  plural: string;
  stateOf(object: KubernetesObjectFields): string | undefined;
};

/** How each custom resource's state is read, by `<plural>.<group>`. */
const STATE_READERS: Record<
  string,
  (object: KubernetesObjectFields) => string | undefined
> = {
  'notebooks.kubeflow.org': notebook =>
    notebook.status ||
    notebook.metadata?.annotations?.[NOTEBOOK_STOPPED_ANNOTATION]
      ? notebookObjectState(notebook)
      : undefined,
  'sparkapplications.sparkoperator.k8s.io': o =>
    o.status?.applicationState?.state,
  'scheduledsparkapplications.sparkoperator.k8s.io': o =>
    o.status?.scheduleState,
  'sparkconnects.sparkoperator.k8s.io': o => o.status?.state,
  'sparkapplications.spark.apache.org': o =>
    o.status?.currentState?.currentStateSummary,
  'sparkclusters.spark.apache.org': o =>
    o.status?.currentState?.currentStateSummary,
  'seldondeployments.machinelearning.seldon.io': o => o.status?.state,
};

/** The custom resources counted as workloads: Kubeflow, both Spark operators, Seldon. @public */
export const WORKLOAD_SOURCES: WorkloadSource[] = WORKLOAD_RESOURCES.map(
  resource => ({
    ...resource,
    stateOf: STATE_READERS[`${resource.plural}.${resource.group}`],
  }),
);

/** The state shown while no controller has reported one. */
export const UNREPORTED_STATE = 'Pending';

/**
 * Counts objects by kind and state; kinds come out in the order given, and
 * the same kind from several sources (two Spark operators) is added up.
 * @public
 */
export function summarizeWorkloads(
  groups: Array<{ kind: WorkloadKind; states: Array<string | undefined> }>,
): WorkloadSummary[] {
  const byKind = new Map<WorkloadKind, WorkloadSummary>();
  for (const { kind, states } of groups) {
    const summary = byKind.get(kind) ?? { kind, total: 0, states: {} };
    for (const state of states) {
      const key = state || UNREPORTED_STATE;
      summary.states[key] = (summary.states[key] ?? 0) + 1;
      summary.total += 1;
    }
    byKind.set(kind, summary);
  }
  return [...byKind.values()].filter(summary => summary.total > 0);
}
