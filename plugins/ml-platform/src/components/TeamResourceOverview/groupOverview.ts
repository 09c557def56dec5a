import type {
  NamespaceOverview,
  WorkloadKind,
  WorkloadSummary,
} from '@ml-platform/backstage-plugin-ml-platform-common';

const WORKLOAD_KIND_LABELS: Record<WorkloadKind, string> = {
  Pod: 'Pods',
  Notebook: 'Notebooks',
  SparkApplication: 'Spark applications',
  ScheduledSparkApplication: 'Scheduled Spark applications',
  SparkConnect: 'Spark Connect servers',
  SparkCluster: 'Spark clusters',
  SeldonDeployment: 'Seldon deployments',
};

/** The plural people use for a workload kind, e.g. "Spark applications". */
export function workloadKindLabel(kind: WorkloadKind): string {
  return WORKLOAD_KIND_LABELS[kind] ?? kind;
}

/** The team namespace (the one without a project) and the project namespaces by project name. */
export function splitNamespaces(namespaces: NamespaceOverview[]): {
  teamNamespace?: NamespaceOverview;
  projects: NamespaceOverview[];
} {
  const teamNamespace = namespaces.find(namespace => !namespace.project);
  const projects = namespaces
    .filter(namespace => namespace !== teamNamespace)
    .sort((a, b) =>
      (a.project ?? a.name).localeCompare(b.project ?? b.name, 'en'),
    );
  return { teamNamespace, projects };
}

export type WorkloadStateCount = { state: string; count: number };

export type WorkloadRow = {
  kind: WorkloadKind;
  label: string;
  total: number;
  /** Most frequent state first. */
  states: WorkloadStateCount[];
};

/**
 * The kinds that have objects, as rows to show, and the labels of the kinds
 * that have none, to mention in one line.
 */
export function summarizeWorkloads(workloads: WorkloadSummary[]): {
  rows: WorkloadRow[];
  emptyKinds: string[];
} {
  const present = workloads.filter(workload => workload.total > 0);
  return {
    rows: present.map(workload => ({
      kind: workload.kind,
      label: workloadKindLabel(workload.kind),
      total: workload.total,
      states: Object.entries(workload.states)
        .map(([state, count]) => ({ state, count }))
        .filter(({ count }) => count > 0)
        .sort((a, b) => b.count - a.count || a.state.localeCompare(b.state)),
    })),
    emptyKinds: workloads
      .filter(workload => workload.total === 0)
      .map(workload => workloadKindLabel(workload.kind)),
  };
}
