/**
 * Workload kinds of the suite (custom resources in team namespaces), their
 * API resources, and the wire types of the workload routes.
 */
import type { WorkloadKind } from './overview';

/** The API resource of a custom resource kind. @public */
export type WorkloadResource = {
  kind: WorkloadKind;
  group: string;
  version: string;
  plural: string;
};

/** Kubeflow's Notebook. @public */
export const NOTEBOOK_RESOURCE: WorkloadResource = {
  kind: 'Notebook',
  group: 'kubeflow.org',
  version: 'v1',
  plural: 'notebooks',
};

/** Every custom resource the suite reads as a workload, in the order shown. @public */
export const WORKLOAD_RESOURCES: readonly WorkloadResource[] = [
  NOTEBOOK_RESOURCE,
  {
    kind: 'SparkApplication',
    group: 'sparkoperator.k8s.io',
    version: 'v1beta2',
    plural: 'sparkapplications',
  },
  {
    kind: 'ScheduledSparkApplication',
    group: 'sparkoperator.k8s.io',
    version: 'v1beta2',
    plural: 'scheduledsparkapplications',
  },
  {
    kind: 'SparkConnect',
    group: 'sparkoperator.k8s.io',
    version: 'v1alpha1',
    plural: 'sparkconnects',
  },
  {
    kind: 'SparkApplication',
    group: 'spark.apache.org',
    version: 'v1',
    plural: 'sparkapplications',
  },
  {
    kind: 'SparkCluster',
    group: 'spark.apache.org',
    version: 'v1',
    plural: 'sparkclusters',
  },
  {
    kind: 'SeldonDeployment',
    group: 'machinelearning.seldon.io',
    version: 'v1',
    plural: 'seldondeployments',
  },
];

/** The workload resource of a kind in an API group (throws for one the suite does not know). @public */
export function workloadResourceOf(
  kind: string,
  group: string,
): WorkloadResource {
  const resource = WORKLOAD_RESOURCES.find(
    r => r.kind === kind && r.group === group,
  );
  if (!resource) {
    throw new Error(`${kind}.${group} is not a workload resource`);
  }
  return resource;
}

/** Kubeflow's annotation that stops a notebook (its value: when). @public */
export const NOTEBOOK_STOPPED_ANNOTATION = 'kubeflow-resource-stopped';

/** The notebook-controller's culler: the last kernel activity it saw. @public */
export const NOTEBOOK_LAST_ACTIVITY_ANNOTATION =
  'notebooks.kubeflow.org/last-activity';

/** Who created a workload through the suite (a user entity ref). @public */
export const CREATED_BY_ANNOTATION = 'ml-platform.io/created-by';

/** Who stopped a notebook through the suite: absent when the culler stopped it. @public */
export const STOPPED_BY_ANNOTATION = 'ml-platform.io/stopped-by';

/**
 * A workload's state for people. Pending and Failed come with a reason
 * read from the controller's status, the pods and their events.
 * @public
 */
export type WorkloadState =
  | 'Starting'
  | 'Running'
  | 'Stopping'
  | 'Stopped'
  | 'Culled'
  | 'Pending'
  | 'Failed';

/** Every {@link WorkloadState}, in the order the team view counts them. @public */
export const WORKLOAD_STATES: readonly WorkloadState[] = [
  'Running',
  'Starting',
  'Pending',
  'Failed',
  'Stopping',
  'Stopped',
  'Culled',
];

/** GPUs of a notebook: how many, of which configured vendor. @public */
export type GpuRequest = { count: number; vendor: string };

/** A notebook server as the routes and the UI show it. @public */
export type NotebookSummary = {
  namespace: string;
  name: string;
  team: string;
  /** Set in project namespaces. */
  project?: string;
  /** The user entity ref of who created it through the suite. */
  createdBy?: string;
  image: string;
  /** Requests, as Kubernetes quantities. */
  cpu?: string;
  memory?: string;
  gpu?: GpuRequest;
  /** The workspace volume's claim. */
  workspace?: string;
  state: WorkloadState;
  /** Why it is Pending, Failed, Stopped or Culled, in plain words. */
  reason?: string;
  /** ISO timestamps. */
  createdAt?: string;
  lastActivity?: string;
  /** When the suite or the culler stopped it. */
  stoppedAt?: string;
  /** Where to open it: the gateway URL + /notebook/<ns>/<name>/. */
  url?: string;
};

/** Notebooks of a namespace or of a team, and the culling they are under. @public */
export type NotebookList = {
  items: NotebookSummary[];
  culling: {
    enabled: boolean;
    /** Idle minutes after which the controller stops a notebook. */
    idleMinutes?: number;
  };
};

/** What a workload request did, or would do on a dry-run. @public */
export type WorkloadResult = {
  cluster: string;
  namespace: string;
  name: string;
  dryRun: boolean;
  /** The objects as sent to the apiserver (wire format). */
  manifests: Array<Record<string, unknown>>;
  /** `Kind/name` of each object, with the apiserver's resourceVersion (none on a dry-run). */
  applied: Array<{ object: string; resourceVersion?: string }>;
  /** What the caller should know: capacity warnings, kept volumes, where a dry-run validated. */
  notes: string[];
};

/** One image users may pick for a notebook. @public */
export type NotebookImageOption = { name: string; image: string };

/** A GPU vendor a notebook may ask for, offered when some node has it. @public */
export type GpuOption = {
  vendor: string;
  /** The extended resource, e.g. nvidia.com/gpu. */
  resourceName: string;
  /** Most GPUs of this vendor one node has (0: no node has one). */
  maxPerNode: number;
};

/** What the notebook form offers, from config and the cluster's nodes. @public */
export type NotebookOptions = {
  images: NotebookImageOption[];
  customImages: { allowed: boolean; registries: string[] };
  gpus: GpuOption[];
  /** Admin-defined scheduling groups ("GPU nodes"), by id. */
  schedulingGroups: Array<{ id: string; title: string }>;
  limitFactors: { cpu: number; memory: number };
};

/** What deleting a workload removed, and what it kept. @public */
export type WorkloadDeletion = {
  /** `Kind/name` of each object deleted. */
  deleted: string[];
  /** `Kind/name` of each object kept, e.g. the workspace volume claim. */
  kept: string[];
  notes: string[];
};
