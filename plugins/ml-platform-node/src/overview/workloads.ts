import type {
  WorkloadKind,
  WorkloadSummary,
} from '@ml-platform/backstage-plugin-ml-platform-common';

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

function notebookState(notebook: KubernetesObjectFields): string | undefined {
  if (notebook.metadata?.annotations?.['kubeflow-resource-stopped']) {
    return 'Stopped';
  }
  const status = notebook.status;
  if (!status) {
    return undefined;
  }
  if ((status.readyReplicas ?? 0) > 0) {
    return 'Running';
  }
  return status.containerState?.waiting?.reason ?? 'Starting';
}

/** The custom resources counted as workloads: Kubeflow, both Spark operators, Seldon. @public */
export const WORKLOAD_SOURCES: WorkloadSource[] = [
  {
    kind: 'Notebook',
    group: 'kubeflow.org',
    version: 'v1',
    plural: 'notebooks',
    stateOf: notebookState,
  },
  {
    kind: 'SparkApplication',
    group: 'sparkoperator.k8s.io',
    version: 'v1beta2',
    plural: 'sparkapplications',
    stateOf: o => o.status?.applicationState?.state,
  },
  {
    kind: 'ScheduledSparkApplication',
    group: 'sparkoperator.k8s.io',
    version: 'v1beta2',
    plural: 'scheduledsparkapplications',
    stateOf: o => o.status?.scheduleState,
  },
  {
    kind: 'SparkConnect',
    group: 'sparkoperator.k8s.io',
    version: 'v1alpha1',
    plural: 'sparkconnects',
    stateOf: o => o.status?.state,
  },
  {
    kind: 'SparkApplication',
    group: 'spark.apache.org',
    version: 'v1',
    plural: 'sparkapplications',
    stateOf: o => o.status?.currentState?.currentStateSummary,
  },
  {
    kind: 'SparkCluster',
    group: 'spark.apache.org',
    version: 'v1',
    plural: 'sparkclusters',
    stateOf: o => o.status?.currentState?.currentStateSummary,
  },
  {
    kind: 'SeldonDeployment',
    group: 'machinelearning.seldon.io',
    version: 'v1',
    plural: 'seldondeployments',
    stateOf: o => o.status?.state,
  },
];

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
