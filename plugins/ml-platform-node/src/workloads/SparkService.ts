import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import type { KubernetesObject } from '@kubernetes/client-node';
import {
  nextRunTimes,
  SPARK_CONCURRENCY_POLICIES,
  SPARK_FINISHED_STATES,
  SPARK_JOB_TYPES,
  SPARK_RERUN_OF_ANNOTATION,
  SPARK_RESTART_POLICIES,
  type SparkClusterResult,
  type SparkClusterSummary,
  type SparkJobDetail,
  type SparkJobResult,
  type SparkJobSummary,
  type SparkList,
  type SparkOptions,
  type SparkScheduleSummary,
  type WorkloadDeletion,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import {
  jobInputOfSpec,
  SPARK_JOB_NAME_MAX_LENGTH,
  sparkJobDetail,
  summarizeSparkCluster,
  summarizeSparkJob,
  summarizeSparkSchedule,
  type SparkClusterInput,
  type SparkJobInput,
} from './kinds/spark';
import type { SparkSettings } from './sparkSettings';
import { fillPattern } from './urlPattern';
import type { WorkloadRead, WorkloadService } from './WorkloadService';

/** The workload paths of the three Spark kinds. @public */
export type SparkWorkloads = {
  jobs: WorkloadService<SparkJobInput, SparkSettings>;
  schedules: WorkloadService<SparkJobInput, SparkSettings>;
  clusters: WorkloadService<SparkClusterInput, SparkSettings>;
};

/** Which Spark workloads a delete names. @public */
export type SparkWorkloadGroup = 'jobs' | 'schedules' | 'clusters';

const newestFirst = <T extends { createdAt?: string; name: string }>(
  a: T,
  b: T,
) =>
  (b.createdAt ?? '').localeCompare(a.createdAt ?? '') ||
  a.name.localeCompare(b.name);

/** The name of a job's next re-run: `<job>-rerun-<n>`, within the name limit (pure). */
export function rerunName(job: string, taken: Set<string>): string {
  const base = job.replace(/-rerun-\d+$/, '');
  for (let n = 1; ; n++) {
    const suffix = `-rerun-${n}`;
    const name = `${base
      .slice(0, SPARK_JOB_NAME_MAX_LENGTH - suffix.length)
      .replace(/-+$/, '')}${suffix}`;
    if (!taken.has(name)) {
      return name;
    }
  }
}

/**
 * Spark on the workload path: what the routes, the scaffolder actions and
 * the registry actions call, with the caller's credentials. Clusters, jobs
 * and schedules are three kinds of the one path.
 * @public
 */
export class SparkService {
  constructor(
    private readonly workloads: SparkWorkloads,
    private readonly settings: SparkSettings,
  ) {}

  options(): SparkOptions {
    const { settings } = this;
    return {
      backend: settings.backend,
      versions: settings.versions,
      applicationFilePrefixes: settings.applicationFilePrefixes,
      allowedConfKeys: settings.allowedConfKeys,
      types: SPARK_JOB_TYPES,
      restartPolicies: SPARK_RESTART_POLICIES,
      concurrencyPolicies: SPARK_CONCURRENCY_POLICIES,
      ...(settings.historyServerUrl
        ? { historyServerUrl: settings.historyServerUrl }
        : {}),
    };
  }

  /** A SparkApplication, or with a schedule a ScheduledSparkApplication. */
  async createJob(
    namespace: string,
    input: unknown,
    options: { credentials: BackstageCredentials; dryRun?: boolean },
  ): Promise<SparkJobResult> {
    const scheduled =
      typeof input === 'object' &&
      input !== null &&
      (input as { schedule?: unknown }).schedule !== undefined;
    const service = scheduled ? this.workloads.schedules : this.workloads.jobs;
    const result = await service.create(namespace, input, options);
    const parsed = input as SparkJobInput;
    return {
      ...result,
      kind: scheduled ? 'ScheduledSparkApplication' : 'SparkApplication',
      ...(scheduled && parsed.schedule
        ? {
            nextRuns: nextRunTimes(parsed.schedule.cron, {
              timeZone: parsed.schedule.timeZone ?? 'UTC',
            }),
          }
        : {}),
      ...this.#uiUrl(namespace, result.name, scheduled),
    };
  }

  #uiUrl(namespace: string, name: string, scheduled: boolean) {
    const url = scheduled
      ? undefined
      : fillPattern(this.settings.uiUrlPattern, {
          gateway: this.settings.gatewayUrl,
          namespace,
          name,
        });
    return url ? { uiUrl: url } : {};
  }

  async createCluster(
    namespace: string,
    input: unknown,
    options: { credentials: BackstageCredentials; dryRun?: boolean },
  ): Promise<SparkClusterResult> {
    const result = await this.workloads.clusters.create(
      namespace,
      input,
      options,
    );
    const [object] = result.manifests as Array<Record<string, any>>;
    const summary = summarizeSparkCluster(
      object,
      { pods: [], events: [] },
      this.settings,
      { namespace, team: '' },
    );
    return {
      ...result,
      ...(summary.connection ? { connection: summary.connection } : {}),
    };
  }

  async listNamespace(
    namespace: string,
    credentials: BackstageCredentials,
  ): Promise<SparkList> {
    const [clusters, jobs, schedules] = await Promise.all([
      this.workloads.clusters.listNamespace(namespace, credentials),
      this.workloads.jobs.listNamespace(namespace, credentials),
      this.workloads.schedules.listNamespace(namespace, credentials),
    ]);
    return this.#list(clusters, jobs, schedules);
  }

  async listTeam(
    team: string,
    credentials: BackstageCredentials,
  ): Promise<SparkList> {
    const [clusters, jobs, schedules] = await Promise.all([
      this.workloads.clusters.listTeam(team, credentials),
      this.workloads.jobs.listTeam(team, credentials),
      this.workloads.schedules.listTeam(team, credentials),
    ]);
    return this.#list(clusters, jobs, schedules);
  }

  /** A job with its arguments, configuration and the timeline of its attempts. */
  async getJob(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<SparkJobDetail> {
    const read = await this.workloads.jobs.get(namespace, name, credentials, {
      allEvents: true,
    });
    return sparkJobDetail(
      read.object,
      read.related,
      this.settings,
      read.target,
    );
  }

  async getSchedule(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<SparkScheduleSummary> {
    const [read, jobs] = await Promise.all([
      this.workloads.schedules.get(namespace, name, credentials),
      this.workloads.jobs.listNamespace(namespace, credentials),
    ]);
    return summarizeSparkSchedule(
      read.object,
      jobs.map(job => this.#job(job)).filter(job => job.schedule === name),
      read.target,
    );
  }

  async getCluster(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<SparkClusterSummary> {
    const read = await this.workloads.clusters.get(
      namespace,
      name,
      credentials,
    );
    return summarizeSparkCluster(
      read.object,
      read.related,
      this.settings,
      read.target,
    );
  }

  /**
   * Runs a finished job again: a new SparkApplication with the same spec,
   * checked and sized like any new job (so the quota check applies).
   */
  async rerunJob(
    namespace: string,
    name: string,
    options: {
      credentials: BackstageCredentials;
      dryRun?: boolean;
      newName?: string;
    },
  ): Promise<SparkJobResult> {
    const { credentials } = options;
    const [read, jobs] = await Promise.all([
      this.workloads.jobs.get(namespace, name, credentials),
      this.workloads.jobs.listNamespace(namespace, credentials),
    ]);
    const job = this.#job(read);
    if (!SPARK_FINISHED_STATES.includes(job.state)) {
      throw new ConflictError(
        `Spark job "${name}" is ${
          job.state
        }: only a finished job (${SPARK_FINISHED_STATES.join(
          ', ',
        )}) can be run again`,
      );
    }
    const taken = new Set(jobs.map(other => other.object.metadata?.name));
    const newName = options.newName ?? rerunName(name, taken);
    if (taken.has(newName)) {
      throw new ConflictError(
        `Spark job "${newName}" exists already in namespace "${namespace}": choose another name`,
      );
    }
    const original = read.object;
    const input = { ...jobInputOfSpec(original.spec ?? {}), name: newName };
    const result = await this.workloads.jobs.create(namespace, input, {
      credentials,
      dryRun: options.dryRun,
      transform: objects =>
        objects.map(object => this.#asRerun(object, original)),
    });
    return {
      ...result,
      kind: 'SparkApplication',
      ...this.#uiUrl(namespace, newName, false),
    };
  }

  /** The rendered re-run with its original's spec verbatim, marked as a re-run of it. */
  #asRerun(
    object: KubernetesObject,
    original: Record<string, any>,
  ): KubernetesObject {
    const rendered = object as KubernetesObject & { spec?: unknown };
    return {
      ...rendered,
      metadata: {
        ...rendered.metadata,
        annotations: {
          ...rendered.metadata?.annotations,
          [SPARK_RERUN_OF_ANNOTATION]: original.metadata?.name,
        },
      },
      spec: original.spec,
    } as KubernetesObject;
  }

  /** Stops a schedule from starting runs (a run in progress goes on), or starts it again. */
  async setScheduleSuspended(
    namespace: string,
    name: string,
    suspended: boolean,
    credentials: BackstageCredentials,
  ): Promise<SparkScheduleSummary> {
    await this.workloads.schedules.patch(
      namespace,
      name,
      { spec: { suspend: suspended } },
      credentials,
    );
    return this.getSchedule(namespace, name, credentials);
  }

  /** Deletes a job, a schedule (its runs go with it) or a cluster, as the user. */
  async delete(
    group: SparkWorkloadGroup,
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<WorkloadDeletion> {
    const service = this.workloads[group];
    if (!service) {
      throw new InputError(
        `kind: "${String(group)}" is none of jobs, schedules, clusters`,
      );
    }
    const { deleted, kept } = await service.delete(
      namespace,
      name,
      credentials,
      [],
    );
    return {
      deleted,
      kept,
      notes:
        group === 'schedules'
          ? ['The runs the schedule made go with it (the operator owns them).']
          : [],
    };
  }

  #job(read: WorkloadRead): SparkJobSummary {
    return summarizeSparkJob(
      read.object,
      read.related,
      this.settings,
      read.target,
    );
  }

  #list(
    clusters: WorkloadRead[],
    jobs: WorkloadRead[],
    schedules: WorkloadRead[],
  ): SparkList {
    const jobSummaries = jobs.map(read => this.#job(read)).sort(newestFirst);
    const runsOf = new Map<string, SparkJobSummary[]>();
    for (const job of jobSummaries) {
      if (job.schedule) {
        const key = `${job.namespace}/${job.schedule}`;
        runsOf.set(key, [...(runsOf.get(key) ?? []), job]);
      }
    }
    return {
      clusters: clusters
        .map(read =>
          summarizeSparkCluster(
            read.object,
            read.related,
            this.settings,
            read.target,
          ),
        )
        .sort(newestFirst),
      jobs: jobSummaries,
      schedules: schedules
        .map(read =>
          summarizeSparkSchedule(
            read.object,
            runsOf.get(
              `${read.target.namespace}/${read.object.metadata?.name}`,
            ) ?? [],
            read.target,
          ),
        )
        .sort(newestFirst),
    };
  }
}
