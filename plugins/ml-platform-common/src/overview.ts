/**
 * Wire types of the team resource overview (`GET /teams/:team/overview` of the
 * ml-platform backend), shared by the backend route and the frontend.
 */

/** The quota lines the overview shows, in this order. @public */
export type QuotaResource = 'cpu' | 'memory' | 'gpu' | 'storage' | 'pods';

/**
 * How close a quota line is to its limit: `warning` from 80 % of hard,
 * `exceeded` at 100 %.
 * @public
 */
export type QuotaLevel = 'ok' | 'warning' | 'exceeded';

/** One quota line of a namespace: used against hard. @public */
export type QuotaUsage = {
  resource: QuotaResource;
  /** The ResourceQuota key it is read from, e.g. `requests.cpu`. */
  key: string;
  /** Used and hard in base units (cores, bytes, counts). */
  used: number;
  hard: number;
  /** Kubernetes' own text of the values, e.g. "1500m" and "4". */
  usedText: string;
  hardText: string;
  /** used / hard; 0 when hard is 0 and nothing is used. */
  ratio: number;
  level: QuotaLevel;
};

/** The workload kinds the overview counts. @public */
export type WorkloadKind =
  | 'Pod'
  | 'Notebook'
  | 'SparkApplication'
  | 'ScheduledSparkApplication'
  | 'SparkConnect'
  | 'SparkCluster'
  | 'SeldonDeployment';

/** Workloads of one kind in a namespace, counted by state. @public */
export type WorkloadSummary = {
  kind: WorkloadKind;
  total: number;
  /** State (pod phase, application state, ...) to count; "Pending" while no controller has reported one. */
  states: Record<string, number>;
};

/** A recent Warning event, said in plain language. @public */
export type WarningEvent = {
  namespace: string;
  /** Kubernetes' reason, e.g. FailedCreate, FailedScheduling. */
  reason: string;
  /** What happened, for people: "A pod could not be created: the namespace's CPU quota is used up". */
  summary: string;
  /** Kubernetes' own message. */
  message: string;
  /** `Kind/name` of the object the event is about. */
  object: string;
  count: number;
  /** ISO timestamp of the last occurrence. */
  lastSeen?: string;
};

/** One namespace of a team. @public */
export type NamespaceOverview = {
  name: string;
  /** Set on project namespaces. */
  project?: string;
  description?: string;
  quotas: QuotaUsage[];
  workloads: WorkloadSummary[];
  warnings: WarningEvent[];
};

/** Everything the team resource overview shows. @public */
export type TeamOverview = {
  /** Entity ref of the team's group, e.g. group:default/fraud-detection. */
  teamRef: string;
  team: string;
  cluster: string;
  /** The team namespace first, then project namespaces by name. */
  namespaces: NamespaceOverview[];
};
