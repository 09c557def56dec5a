import {
  createApiRef,
  type DiscoveryApi,
  type FetchApi,
} from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  AddPredictorRequest,
  DeployModelRequest,
  ExperimentList,
  MetricHistoryResponse,
  ModelDeploymentList,
  ModelDeploymentResult,
  ModelDeploymentSummary,
  ModelDetails,
  ModelServing,
  NotebookList,
  NotebookOptions,
  NotebookSummary,
  PlatformStatus,
  RunSearchRequest,
  RunSearchResponse,
  SparkJobDetail,
  SparkList,
  SparkOptions,
  SetTrafficRequest,
  SparkScheduleSummary,
  TeamOverview,
  WorkloadDeletion,
  WorkloadResult,
} from '@ml-platform/backstage-plugin-ml-platform-common';

export type {
  AddPredictorRequest,
  ConnectionStatus,
  DeployModelRequest,
  ExperimentList,
  ExperimentSummary,
  GpuOption,
  GpuRequest,
  MetricHistoryResponse,
  MetricPoint,
  ModelDeploymentList,
  ModelDeploymentResult,
  ModelDeploymentSummary,
  ModelDetails,
  ModelServing,
  ModelVersionSummary,
  NotebookImageOption,
  NotebookList,
  NotebookOptions,
  NotebookSummary,
  PlatformStatus,
  RunSearchRequest,
  RunSearchResponse,
  RunSummary,
  ServingChange,
  ServingPredictor,
  ServingProtocol,
  ServingState,
  SetTrafficRequest,
  SourceRun,
  SparkApplicationState,
  SparkClusterState,
  SparkClusterSummary,
  SparkConcurrencyPolicy,
  SparkConnection,
  SparkJobDetail,
  SparkJobSummary,
  SparkJobType,
  SparkList,
  SparkOptions,
  SparkPodInfo,
  SparkPodSize,
  SparkRestartPolicy,
  SparkScheduleRun,
  SparkScheduleState,
  SparkScheduleSummary,
  SparkTimelineEntry,
  SparkUiInfo,
  SparkVersionOption,
  TeamOverview,
  WorkloadDeletion,
  WorkloadResult,
  WorkloadState,
} from '@ml-platform/backstage-plugin-ml-platform-common';

/** The ML platform backend, as the frontend sees it. @public */
export interface MlPlatformApi {
  getStatus(): Promise<PlatformStatus>;
  /**
   * The resource overview of a team (a group in the catalog's default
   * namespace). Rejects with a ResponseError: 403 when the user may not see
   * the team, 404 for an unknown team, 503 when the cluster is unreachable
   * (the message names the cluster and the reason).
   */
  getTeamOverview(team: string): Promise<TeamOverview>;
  /**
   * Every MLflow experiment of a team (a group in the catalog's default
   * namespace). 403 when the user is not a member, 404 for an unknown team,
   * 503 when MLflow is unreachable.
   */
  getTeamExperiments(team: string): Promise<ExperimentList>;
  /**
   * The experiment of that exact name: a list of 0 or 1 item. 403 when it
   * belongs to another team.
   */
  getExperimentByName(name: string): Promise<ExperimentList>;
  /**
   * Runs of experiments the user may read. A filter MLflow rejects gives a
   * 400 whose message explains what is wrong with it.
   */
  searchRuns(request: RunSearchRequest): Promise<RunSearchResponse>;
  /** The history (value per step) of some metrics of a run. */
  getMetricHistory(
    runId: string,
    keys: string[],
  ): Promise<MetricHistoryResponse>;
  /**
   * A registered model with its versions and their source runs. 403 when it
   * is another team's and not public, 404 when MLflow has no such model,
   * 503 when MLflow is unreachable (the message names MLflow's URL).
   */
  getModel(name: string): Promise<ModelDetails>;
  /**
   * The notebook servers of every namespace of a team, and the culling they
   * are under. 403 when the user is not a member, 404 for an unknown team,
   * 503 when the cluster is unreachable.
   */
  listTeamNotebooks(team: string): Promise<NotebookList>;
  /**
   * What the notebook form offers: the configured images, whether other
   * images are allowed (and from which registries), the GPU vendors some
   * node of the cluster has (with the most one node has), the scheduling
   * groups and the limit factors. 503 when the cluster is unreachable.
   */
  getNotebookOptions(): Promise<NotebookOptions>;
  /** The notebook servers of one namespace of a team; errors as for a team. */
  listNamespaceNotebooks(namespace: string): Promise<NotebookList>;
  /** Stops a notebook server; its workspace volume is kept. */
  stopNotebook(namespace: string, name: string): Promise<NotebookSummary>;
  /** Starts a stopped or culled notebook server again. */
  startNotebook(namespace: string, name: string): Promise<NotebookSummary>;
  /**
   * Deletes a notebook server; its workspace volume only when
   * `deleteWorkspace` is true, otherwise the answer lists it as kept.
   */
  deleteNotebook(
    namespace: string,
    name: string,
    options: { deleteWorkspace: boolean },
  ): Promise<WorkloadDeletion>;
  /**
   * What the Spark forms offer: the operator backend, the Spark versions and
   * their images, where application files may be, the Spark conf keys users
   * may set, and the history server. 503 when the cluster is unreachable.
   */
  getSparkOptions(): Promise<SparkOptions>;
  /**
   * The Spark clusters, jobs (runs of schedules included) and schedules of
   * every namespace of a team. 403 when the user is not a member, 404 for an
   * unknown team, 503 when the cluster is unreachable.
   */
  listTeamSpark(team: string): Promise<SparkList>;
  /** The Spark workloads of one namespace of a team; errors as for a team. */
  listNamespaceSpark(namespace: string): Promise<SparkList>;
  /** A Spark job with its arguments, configuration and timeline; 404 when it is gone. */
  getSparkJob(namespace: string, name: string): Promise<SparkJobDetail>;
  /**
   * Runs a finished Spark job again: a new SparkApplication from its spec,
   * whose name is the result's `name`. 409 when the job has not finished.
   */
  rerunSparkJob(namespace: string, name: string): Promise<WorkloadResult>;
  /** Suspends a Spark schedule: it makes no runs until resumed. */
  suspendSparkSchedule(
    namespace: string,
    name: string,
  ): Promise<SparkScheduleSummary>;
  /** Resumes a suspended Spark schedule. */
  resumeSparkSchedule(
    namespace: string,
    name: string,
  ): Promise<SparkScheduleSummary>;
  /** Deletes a Spark job, schedule or cluster (with the pods it made). */
  deleteSparkWorkload(
    namespace: string,
    kind: SparkWorkloadKind,
    name: string,
  ): Promise<WorkloadDeletion>;
  /**
   * Where a registered model serves (its deployments in the owning team's
   * namespaces), whether the user may deploy it, and to which namespaces.
   * 403 and 404 as for getModel.
   */
  getModelServing(model: string): Promise<ModelServing>;
  /** The model deployments of one namespace; 403 when the user is not a member of its team. */
  listNamespaceDeployments(namespace: string): Promise<ModelDeploymentList>;
  /** The model deployments of every namespace of a team; 403 when the user is not a member. */
  listTeamDeployments(team: string): Promise<ModelDeploymentList>;
  /** A model deployment with its predictors and history; 404 when it is gone. */
  getDeployment(
    namespace: string,
    name: string,
  ): Promise<ModelDeploymentSummary>;
  /**
   * Deploys a version (or the version an alias names) of a model as a new
   * SeldonDeployment; with `dryRun` the apiserver only validates it. A 400
   * names the rejected field and why (quota refusals included).
   */
  deployModel(
    namespace: string,
    request: DeployModelRequest,
  ): Promise<ModelDeploymentResult>;
  /** Adds a canary at a share of the traffic, or a shadow. 409 when the deployment has one already. */
  addPredictor(
    namespace: string,
    name: string,
    request: AddPredictorRequest,
  ): Promise<ModelDeploymentResult>;
  /** Sets each non-shadow predictor's share, in percent by predictor name, summing to 100. */
  setTraffic(
    namespace: string,
    name: string,
    traffic: SetTrafficRequest['traffic'],
  ): Promise<ModelDeploymentResult>;
  /** The predictor (`v<version>`) takes all traffic; every other one goes. */
  promotePredictor(
    namespace: string,
    name: string,
    predictor: string,
  ): Promise<ModelDeploymentResult>;
  /** Back to the main predictor alone: the canary and the shadow go. */
  rollbackDeployment(
    namespace: string,
    name: string,
  ): Promise<ModelDeploymentResult>;
  /** Deletes a model deployment with its pods and services. */
  deleteDeployment(namespace: string, name: string): Promise<WorkloadDeletion>;
}

/**
 * The Spark workloads of the Spark routes, by their path segment: jobs
 * (SparkApplications), schedules (ScheduledSparkApplications) and clusters.
 * @public
 */
export type SparkWorkloadKind = 'jobs' | 'schedules' | 'clusters';

/** @public */
export const mlPlatformApiRef = createApiRef<MlPlatformApi>({
  id: 'plugin.ml-platform.api',
});

function notebookPath(namespace: string, name: string): string {
  return `/namespaces/${encodeURIComponent(
    namespace,
  )}/notebooks/${encodeURIComponent(name)}`;
}

function sparkPath(
  namespace: string,
  kind: SparkWorkloadKind,
  name: string,
): string {
  return `/namespaces/${encodeURIComponent(
    namespace,
  )}/spark/${kind}/${encodeURIComponent(name)}`;
}

function deploymentPath(namespace: string, name: string): string {
  return `/namespaces/${encodeURIComponent(
    namespace,
  )}/deployments/${encodeURIComponent(name)}`;
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** Talks to the ml-platform backend plugin with the signed-in user's token. @public */
export class MlPlatformClient implements MlPlatformApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  async getStatus(): Promise<PlatformStatus> {
    return this.get<PlatformStatus>('/status');
  }

  async getTeamOverview(team: string): Promise<TeamOverview> {
    return this.get<TeamOverview>(
      `/teams/${encodeURIComponent(team)}/overview`,
    );
  }

  async getTeamExperiments(team: string): Promise<ExperimentList> {
    return this.get<ExperimentList>(
      `/teams/${encodeURIComponent(team)}/experiments`,
    );
  }

  async getExperimentByName(name: string): Promise<ExperimentList> {
    return this.get<ExperimentList>(
      `/experiments?${new URLSearchParams({ name })}`,
    );
  }

  async searchRuns(request: RunSearchRequest): Promise<RunSearchResponse> {
    return this.send<RunSearchResponse>('/runs/search', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  }

  async getMetricHistory(
    runId: string,
    keys: string[],
  ): Promise<MetricHistoryResponse> {
    const query = new URLSearchParams(keys.map(key => ['keys', key]));
    return this.get<MetricHistoryResponse>(
      `/runs/${encodeURIComponent(runId)}/metric-history?${query}`,
    );
  }

  async getModel(name: string): Promise<ModelDetails> {
    return this.get<ModelDetails>(`/models/${encodeURIComponent(name)}`);
  }

  async listTeamNotebooks(team: string): Promise<NotebookList> {
    return this.get<NotebookList>(
      `/teams/${encodeURIComponent(team)}/notebooks`,
    );
  }

  async getNotebookOptions(): Promise<NotebookOptions> {
    return this.get<NotebookOptions>('/notebooks/options');
  }

  async listNamespaceNotebooks(namespace: string): Promise<NotebookList> {
    return this.get<NotebookList>(
      `/namespaces/${encodeURIComponent(namespace)}/notebooks`,
    );
  }

  async stopNotebook(
    namespace: string,
    name: string,
  ): Promise<NotebookSummary> {
    return this.send<NotebookSummary>(`${notebookPath(namespace, name)}/stop`, {
      method: 'POST',
    });
  }

  async startNotebook(
    namespace: string,
    name: string,
  ): Promise<NotebookSummary> {
    return this.send<NotebookSummary>(
      `${notebookPath(namespace, name)}/start`,
      { method: 'POST' },
    );
  }

  async deleteNotebook(
    namespace: string,
    name: string,
    options: { deleteWorkspace: boolean },
  ): Promise<WorkloadDeletion> {
    const query = new URLSearchParams({
      deleteWorkspace: String(options.deleteWorkspace),
    });
    return this.send<WorkloadDeletion>(
      `${notebookPath(namespace, name)}?${query}`,
      { method: 'DELETE' },
    );
  }

  async getSparkOptions(): Promise<SparkOptions> {
    return this.get<SparkOptions>('/spark/options');
  }

  async listTeamSpark(team: string): Promise<SparkList> {
    return this.get<SparkList>(`/teams/${encodeURIComponent(team)}/spark`);
  }

  async listNamespaceSpark(namespace: string): Promise<SparkList> {
    return this.get<SparkList>(
      `/namespaces/${encodeURIComponent(namespace)}/spark`,
    );
  }

  async getSparkJob(namespace: string, name: string): Promise<SparkJobDetail> {
    return this.get<SparkJobDetail>(sparkPath(namespace, 'jobs', name));
  }

  async rerunSparkJob(
    namespace: string,
    name: string,
  ): Promise<WorkloadResult> {
    return this.send<WorkloadResult>(
      `${sparkPath(namespace, 'jobs', name)}/rerun`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      },
    );
  }

  async suspendSparkSchedule(
    namespace: string,
    name: string,
  ): Promise<SparkScheduleSummary> {
    return this.send<SparkScheduleSummary>(
      `${sparkPath(namespace, 'schedules', name)}/suspend`,
      { method: 'POST' },
    );
  }

  async resumeSparkSchedule(
    namespace: string,
    name: string,
  ): Promise<SparkScheduleSummary> {
    return this.send<SparkScheduleSummary>(
      `${sparkPath(namespace, 'schedules', name)}/resume`,
      { method: 'POST' },
    );
  }

  async deleteSparkWorkload(
    namespace: string,
    kind: SparkWorkloadKind,
    name: string,
  ): Promise<WorkloadDeletion> {
    return this.send<WorkloadDeletion>(sparkPath(namespace, kind, name), {
      method: 'DELETE',
    });
  }

  async getModelServing(model: string): Promise<ModelServing> {
    return this.get<ModelServing>(
      `/models/${encodeURIComponent(model)}/serving`,
    );
  }

  async listNamespaceDeployments(
    namespace: string,
  ): Promise<ModelDeploymentList> {
    return this.get<ModelDeploymentList>(
      `/namespaces/${encodeURIComponent(namespace)}/deployments`,
    );
  }

  async listTeamDeployments(team: string): Promise<ModelDeploymentList> {
    return this.get<ModelDeploymentList>(
      `/teams/${encodeURIComponent(team)}/deployments`,
    );
  }

  async getDeployment(
    namespace: string,
    name: string,
  ): Promise<ModelDeploymentSummary> {
    return this.get<ModelDeploymentSummary>(deploymentPath(namespace, name));
  }

  async deployModel(
    namespace: string,
    request: DeployModelRequest,
  ): Promise<ModelDeploymentResult> {
    return this.send<ModelDeploymentResult>(
      `/namespaces/${encodeURIComponent(namespace)}/deployments`,
      { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(request) },
    );
  }

  async addPredictor(
    namespace: string,
    name: string,
    request: AddPredictorRequest,
  ): Promise<ModelDeploymentResult> {
    return this.send<ModelDeploymentResult>(
      `${deploymentPath(namespace, name)}/predictors`,
      { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(request) },
    );
  }

  async setTraffic(
    namespace: string,
    name: string,
    traffic: SetTrafficRequest['traffic'],
  ): Promise<ModelDeploymentResult> {
    const request: SetTrafficRequest = { traffic };
    return this.send<ModelDeploymentResult>(
      `${deploymentPath(namespace, name)}/traffic`,
      { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify(request) },
    );
  }

  async promotePredictor(
    namespace: string,
    name: string,
    predictor: string,
  ): Promise<ModelDeploymentResult> {
    return this.send<ModelDeploymentResult>(
      `${deploymentPath(namespace, name)}/promote`,
      {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({ predictor }),
      },
    );
  }

  async rollbackDeployment(
    namespace: string,
    name: string,
  ): Promise<ModelDeploymentResult> {
    return this.send<ModelDeploymentResult>(
      `${deploymentPath(namespace, name)}/rollback`,
      { method: 'POST', headers: JSON_HEADERS, body: '{}' },
    );
  }

  async deleteDeployment(
    namespace: string,
    name: string,
  ): Promise<WorkloadDeletion> {
    return this.send<WorkloadDeletion>(deploymentPath(namespace, name), {
      method: 'DELETE',
    });
  }

  private async get<T>(path: string): Promise<T> {
    return this.send<T>(path);
  }

  private async send<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('ml-platform');
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}${path}`,
      init,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
