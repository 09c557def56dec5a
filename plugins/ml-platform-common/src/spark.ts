/**
 * Spark on the platform: the Kubeflow Spark operator's kinds (and Apache's
 * SparkCluster), the labels its pods carry, and the wire types of the Spark
 * routes.
 */
import {
  workloadResourceOf as resourceOf,
  type WorkloadResult,
} from './workloads';

/** Kubeflow's SparkApplication: a batch job. @public */
export const SPARK_APPLICATION_RESOURCE = resourceOf(
  'SparkApplication',
  'sparkoperator.k8s.io',
);
/** Kubeflow's ScheduledSparkApplication: a job on a cron schedule. @public */
export const SCHEDULED_SPARK_APPLICATION_RESOURCE = resourceOf(
  'ScheduledSparkApplication',
  'sparkoperator.k8s.io',
);
/** Kubeflow's SparkConnect: an interactive Spark Connect server with executors. @public */
export const SPARK_CONNECT_RESOURCE = resourceOf(
  'SparkConnect',
  'sparkoperator.k8s.io',
);
/** Apache's SparkCluster (spark-kubernetes-operator): a standalone master and workers. @public */
export const APACHE_SPARK_CLUSTER_RESOURCE = resourceOf(
  'SparkCluster',
  'spark.apache.org',
);

/** The label the Spark operator puts on an application's pods. @public */
export const SPARK_APP_NAME_LABEL = 'sparkoperator.k8s.io/app-name';
/** The label of the runs a ScheduledSparkApplication made. @public */
export const SPARK_SCHEDULED_APP_NAME_LABEL =
  'sparkoperator.k8s.io/scheduled-app-name';
/** The label of a SparkConnect's server and executor pods. @public */
export const SPARK_CONNECT_NAME_LABEL = 'sparkoperator.k8s.io/connect-name';
/** The suite's mark on a run made again from a finished job: the job it repeats. @public */
export const SPARK_RERUN_OF_ANNOTATION = 'ml-platform.io/rerun-of';

/**
 * A SparkApplication's state, as the operator reports it (`NEW` while it
 * has reported none).
 * @public
 */
export type SparkApplicationState =
  | 'NEW'
  | 'SUBMITTED'
  | 'RUNNING'
  | 'COMPLETED'
  | 'FAILED'
  | 'SUBMISSION_FAILED'
  | 'PENDING_RERUN'
  | 'INVALIDATING'
  | 'SUCCEEDING'
  | 'FAILING'
  | 'SUSPENDING'
  | 'SUSPENDED'
  | 'RESUMING'
  | 'UNKNOWN';

/** States after which an application does nothing more (a re-run makes a new one). @public */
export const SPARK_FINISHED_STATES: readonly SparkApplicationState[] = [
  'COMPLETED',
  'FAILED',
  'SUBMISSION_FAILED',
];

/** Application types the job form offers (the operator's `type`). @public */
export const SPARK_JOB_TYPES = ['Python', 'Scala', 'Java'] as const;
/** @public */
export type SparkJobType = (typeof SPARK_JOB_TYPES)[number];

/** The operator's restart policies. @public */
export const SPARK_RESTART_POLICIES = ['Never', 'OnFailure', 'Always'] as const;
/** @public */
export type SparkRestartPolicy = (typeof SPARK_RESTART_POLICIES)[number];

/** What a schedule does when a run is due while the last still runs. @public */
export const SPARK_CONCURRENCY_POLICIES = [
  'Allow',
  'Forbid',
  'Replace',
] as const;
/** @public */
export type SparkConcurrencyPolicy =
  (typeof SPARK_CONCURRENCY_POLICIES)[number];

/** Spark sizes: cores, and JVM memory as Spark writes it ("512m", "2g"). @public */
export type SparkPodSize = { cores: number; memory: string };

/** A driver, Spark Connect server or master pod, as the suite shows it. @public */
export type SparkPodInfo = {
  name: string;
  /** The pod's phase, or "Absent" when it is gone or not made yet. */
  phase: string;
  /** Why it is Pending or failed: the scheduler's or the kubelet's words. */
  reason?: string;
  node?: string;
};

/** The driver's web UI: where it is while it runs, and what to do after. @public */
export type SparkUiInfo = {
  /** The UI through the gateway, while the driver runs (when a gateway is configured). */
  url?: string;
  /** The Kubernetes Service of the UI, `name:port`. */
  service?: string;
  /** Set when the UI is not (or no longer) there, in plain words. */
  note?: string;
  /** The Spark history server's page of this application, when one is configured. */
  historyUrl?: string;
};

/** A Spark application (a job, or one run of a schedule). @public */
export type SparkJobSummary = {
  namespace: string;
  name: string;
  team: string;
  project?: string;
  createdBy?: string;
  type: string;
  sparkVersion?: string;
  image?: string;
  mainApplicationFile?: string;
  mainClass?: string;
  state: SparkApplicationState;
  /** Why it is where it is: the operator's error message, the driver's Pending reason. */
  reason?: string;
  submissionAttempts: number;
  executionAttempts: number;
  /** ISO timestamps. */
  createdAt?: string;
  submittedAt?: string;
  endedAt?: string;
  driver?: SparkPodInfo;
  /** Executors counted by the operator's executor state (RUNNING, COMPLETED, ...). */
  executors: Record<string, number>;
  ui: SparkUiInfo;
  /** The ScheduledSparkApplication that made this run. */
  schedule?: string;
  /** The job this one was made again from. */
  rerunOf?: string;
  size: {
    driver: SparkPodSize;
    executor: SparkPodSize & { instances: number };
    dynamicAllocation?: { minExecutors: number; maxExecutors: number };
  };
};

/** One step of a job's history, from the operator's and the scheduler's events. @public */
export type SparkTimelineEntry = {
  /** ISO timestamp. */
  time: string;
  type: 'Normal' | 'Warning';
  /** The event's reason, e.g. SparkApplicationSubmitted, SparkDriverRunning. */
  reason: string;
  message: string;
  /** What the event is about: the application or one of its pods. */
  object: string;
};

/** A job with its arguments, configuration and timeline of attempts. @public */
export type SparkJobDetail = SparkJobSummary & {
  arguments: string[];
  sparkConf: Record<string, string>;
  restartPolicy: { type: string; retries?: number };
  timeToLiveSeconds?: number;
  timeline: SparkTimelineEntry[];
};

/** The state of a schedule: the operator's `scheduleState`, or Suspended. @public */
export type SparkScheduleState =
  | 'New'
  | 'Validating'
  | 'Scheduled'
  | 'FailedValidation'
  | 'Suspended';

/** A past run of a schedule. @public */
export type SparkScheduleRun = {
  name: string;
  outcome: 'Succeeded' | 'Failed' | 'Running';
  state?: SparkApplicationState;
  /** ISO timestamps, when the run still exists. */
  startedAt?: string;
  endedAt?: string;
};

/** A ScheduledSparkApplication. @public */
export type SparkScheduleSummary = {
  namespace: string;
  name: string;
  team: string;
  project?: string;
  createdBy?: string;
  schedule: string;
  timeZone?: string;
  concurrencyPolicy: string;
  suspended: boolean;
  state: SparkScheduleState;
  /** Why validation failed, or who suspended it. */
  reason?: string;
  /** ISO timestamps. */
  createdAt?: string;
  lastRun?: string;
  nextRun?: string;
  lastRunName?: string;
  /** The runs the operator keeps, newest first. */
  history: SparkScheduleRun[];
  historyLimits: { successful: number; failed: number };
  type: string;
  mainApplicationFile?: string;
  sparkVersion?: string;
};

/** A Spark Connect cluster's state (Kubeflow's SparkConnect, or Apache's SparkCluster mapped). @public */
export type SparkClusterState =
  | 'New'
  | 'Provisioning'
  | 'Ready'
  | 'NotReady'
  | 'Failed';

/** Where Spark Connect clients connect, and how. @public */
export type SparkConnection = {
  /** `sc://<service>.<namespace>.svc.cluster.local:15002`, from inside the cluster. */
  inCluster: string;
  /** The gateway form, when a gateway is configured. */
  gateway?: string;
  /** A PySpark snippet that connects. */
  pyspark: string;
};

/** An interactive Spark cluster. @public */
export type SparkClusterSummary = {
  namespace: string;
  name: string;
  team: string;
  project?: string;
  createdBy?: string;
  /** `kubeflow`: a SparkConnect; `apache`: a SparkCluster. */
  backend: 'kubeflow' | 'apache';
  sparkVersion?: string;
  image?: string;
  state: SparkClusterState;
  reason?: string;
  createdAt?: string;
  server?: SparkPodInfo & { service?: string };
  executors: Record<string, number>;
  /** Absent for Apache's SparkCluster (no Spark Connect server). */
  connection?: SparkConnection;
  size: {
    server: SparkPodSize;
    executor: SparkPodSize & { instances: number };
    dynamicAllocation?: { minExecutors: number; maxExecutors: number };
  };
};

/** The Spark workloads of a namespace or a team. @public */
export type SparkList = {
  clusters: SparkClusterSummary[];
  jobs: SparkJobSummary[];
  schedules: SparkScheduleSummary[];
};

/** A Spark version users may pick, with its image. @public */
export type SparkVersionOption = { version: string; image: string };

/** What the Spark forms offer, from config. @public */
export type SparkOptions = {
  backend: 'kubeflow' | 'apache';
  versions: SparkVersionOption[];
  /** Where a job's main application file may be: `local:///opt/spark/`, `s3a://team-bucket/`. */
  applicationFilePrefixes: string[];
  /** Spark conf keys users may set. */
  allowedConfKeys: string[];
  types: readonly SparkJobType[];
  restartPolicies: readonly SparkRestartPolicy[];
  concurrencyPolicies: readonly SparkConcurrencyPolicy[];
  historyServerUrl?: string;
};

/** What creating a job did: the workload result, which kind it made, and for schedules the next runs. @public */
export type SparkJobResult = WorkloadResult & {
  kind: 'SparkApplication' | 'ScheduledSparkApplication';
  /** ISO timestamps of the next three runs (schedules). */
  nextRuns?: string[];
  /** The driver UI's gateway URL once it runs (jobs, with a gateway configured). */
  uiUrl?: string;
};

/** What creating a cluster did, and where clients connect. @public */
export type SparkClusterResult = WorkloadResult & {
  connection?: SparkConnection;
};
