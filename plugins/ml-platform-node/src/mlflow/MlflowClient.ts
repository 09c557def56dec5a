import { ServiceUnavailableError } from '@backstage/errors';
import { basicAuthorization, displayUrl, splitUserInfo } from '../urls';
import {
  DEFAULT_RETRY_POLICY,
  DEFAULT_TIMEOUT_MS,
  withReadRetries,
} from '../requestFaults';
import {
  mlflowErrorCodeOf,
  mlflowHttpError,
  mlflowUnreachable,
} from './errors';
import { iterateMlflowPages } from './pagination';
import type {
  MlflowAuth,
  MlflowExperiment,
  MlflowKeyValue,
  MlflowMetric,
  MlflowModelVersion,
  MlflowPage,
  MlflowRegisteredModel,
  MlflowRun,
  MlflowSearchOptions,
} from './types';

/** @public */
export type MlflowClientOptions = {
  /**
   * e.g. http://127.0.0.1:15000. A user:password part becomes basic auth
   * when `auth` is not given, and is dropped from the URL either way.
   */
  baseUrl: string;
  auth?: MlflowAuth;
  /** Per attempt. Default 10 s. */
  timeoutMs?: number;
  /**
   * Extra attempts of a read (GET, and the read-only POST searches) after a
   * network error other than a timeout, or a 502/503/504. Default 2.
   */
  retries?: number;
  /** First backoff; doubles per retry. Default 200 ms. */
  retryDelayMs?: number;
  fetch?: typeof fetch;
};

/** Searches of runs also name the experiments to search in. @public */
export type MlflowRunSearchOptions = MlflowSearchOptions & {
  experimentIds: string[];
};

type Query = Record<string, string | number | string[] | undefined>;

type RequestOptions = {
  query?: Query;
  body?: unknown;
  /** Safe to send again: reads only. */
  idempotent?: boolean;
  /** Another API of the server than the tracking one, e.g. the artifact proxy's. */
  api?: string;
  /** The answer as text, not JSON. */
  asText?: boolean;
};

const API = '/api/2.0/mlflow';

function toKeyValues(
  tags: Record<string, string> | MlflowKeyValue[] | undefined,
): MlflowKeyValue[] | undefined {
  if (!tags) {
    return undefined;
  }
  return Array.isArray(tags)
    ? tags
    : Object.entries(tags).map(([key, value]) => ({ key, value }));
}

function searchQuery(options: MlflowSearchOptions): Query {
  return {
    filter: options.filter || undefined,
    order_by: options.orderBy,
    max_results: options.maxResults,
    page_token: options.pageToken || undefined,
  };
}

/** What MLflow's own client sends; the POST searches treat a missing max_results as 0 and refuse it. */
const DEFAULT_MAX_RESULTS = 1000;

function searchBody(options: MlflowSearchOptions) {
  return {
    filter: options.filter || undefined,
    order_by: options.orderBy,
    max_results: options.maxResults ?? DEFAULT_MAX_RESULTS,
    page_token: options.pageToken || undefined,
  };
}

function page<T>(items: T[] | undefined, token: string | undefined) {
  return { items: items ?? [], nextPageToken: token || undefined };
}

/**
 * A typed client of MLflow's REST API 2.0 (tracking and model registry).
 * Failures become `@backstage/errors` errors with messages that name the
 * MLflow URL (see errors.ts); credentials never appear in them.
 * @public
 */
export class MlflowClient {
  /** Where requests go: the configured URL without user info (show it through `displayUrl`). */
  readonly baseUrl: string;
  readonly #authorization?: string;
  readonly #authType: MlflowAuth['type'];
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #retryDelayMs: number;
  readonly #fetch: typeof fetch;

  constructor(options: MlflowClientOptions) {
    // fetch refuses URLs with credentials; they become basic auth instead
    const { url, credentials } = splitUserInfo(
      new URL(options.baseUrl).toString(),
    );
    const auth: MlflowAuth | undefined =
      options.auth ?? (credentials && { type: 'basic', ...credentials });
    this.baseUrl = url.replace(/\/+$/, '');
    this.#authType = auth?.type ?? 'none';
    if (auth?.type === 'basic') {
      this.#authorization = basicAuthorization(auth);
    } else if (auth?.type === 'bearer') {
      this.#authorization = `Bearer ${auth.token}`;
    }
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#retries = Math.max(
      0,
      options.retries ?? DEFAULT_RETRY_POLICY.retries,
    );
    this.#retryDelayMs =
      options.retryDelayMs ?? DEFAULT_RETRY_POLICY.retryDelayMs;
    this.#fetch = options.fetch ?? globalThis.fetch;
  }

  /** Keeps the credentials out of console.log and JSON dumps of the client. */
  toJSON() {
    return { baseUrl: displayUrl(this.baseUrl), auth: this.#authType };
  }

  // --- experiments ---------------------------------------------------------

  async searchExperiments(
    options: MlflowSearchOptions = {},
  ): Promise<MlflowPage<MlflowExperiment>> {
    const res = await this.#request<{
      experiments?: MlflowExperiment[];
      next_page_token?: string;
    }>('POST', '/experiments/search', {
      body: searchBody(options),
      idempotent: true,
    });
    return page(res.experiments, res.next_page_token);
  }

  async getExperiment(experimentId: string): Promise<MlflowExperiment> {
    const res = await this.#request<{ experiment: MlflowExperiment }>(
      'GET',
      '/experiments/get',
      { query: { experiment_id: experimentId }, idempotent: true },
    );
    return res.experiment;
  }

  /** The experiment of that name, or undefined when there is none. */
  async getExperimentByName(
    name: string,
  ): Promise<MlflowExperiment | undefined> {
    try {
      const res = await this.#request<{ experiment: MlflowExperiment }>(
        'GET',
        '/experiments/get-by-name',
        { query: { experiment_name: name }, idempotent: true },
      );
      return res.experiment;
    } catch (error) {
      if (mlflowErrorCodeOf(error) === 'RESOURCE_DOES_NOT_EXIST') {
        return undefined;
      }
      throw error;
    }
  }

  /** Creates an experiment and returns its id. */
  async createExperiment(
    name: string,
    tags?: Record<string, string> | MlflowKeyValue[],
  ): Promise<string> {
    const res = await this.#request<{ experiment_id: string }>(
      'POST',
      '/experiments/create',
      { body: { name, tags: toKeyValues(tags) } },
    );
    return res.experiment_id;
  }

  async setExperimentTag(
    experimentId: string,
    key: string,
    value: string,
  ): Promise<void> {
    await this.#request('POST', '/experiments/set-experiment-tag', {
      body: { experiment_id: experimentId, key, value },
    });
  }

  /** Moves the experiment to MLflow's trash (lifecycle_stage `deleted`). */
  async deleteExperiment(experimentId: string): Promise<void> {
    await this.#request('POST', '/experiments/delete', {
      body: { experiment_id: experimentId },
    });
  }

  // --- runs ----------------------------------------------------------------

  async searchRuns(
    options: MlflowRunSearchOptions,
  ): Promise<MlflowPage<MlflowRun>> {
    const res = await this.#request<{
      runs?: MlflowRun[];
      next_page_token?: string;
    }>('POST', '/runs/search', {
      body: { experiment_ids: options.experimentIds, ...searchBody(options) },
      idempotent: true,
    });
    return page(res.runs, res.next_page_token);
  }

  async getRun(runId: string): Promise<MlflowRun> {
    const res = await this.#request<{ run: MlflowRun }>('GET', '/runs/get', {
      query: { run_id: runId },
      idempotent: true,
    });
    return res.run;
  }

  /** Every value of one metric of a run, following MLflow's page tokens. */
  async getMetricHistory(
    runId: string,
    metricKey: string,
    options: { maxResults?: number; maxPages?: number } = {},
  ): Promise<MlflowMetric[]> {
    const metrics: MlflowMetric[] = [];
    for await (const items of iterateMlflowPages(
      async pageToken => {
        const res = await this.#request<{
          metrics?: MlflowMetric[];
          next_page_token?: string;
        }>('GET', '/metrics/get-history', {
          query: {
            run_id: runId,
            metric_key: metricKey,
            max_results: options.maxResults,
            page_token: pageToken,
          },
          idempotent: true,
        });
        return page(res.metrics, res.next_page_token);
      },
      { maxPages: options.maxPages },
    )) {
      metrics.push(...items);
    }
    return metrics;
  }

  /** Starts a run (used by tests and tools; training code logs through MLflow's own clients). */
  async createRun(options: {
    experimentId: string;
    runName?: string;
    startTime?: number;
    tags?: Record<string, string> | MlflowKeyValue[];
  }): Promise<MlflowRun> {
    const res = await this.#request<{ run: MlflowRun }>(
      'POST',
      '/runs/create',
      {
        body: {
          experiment_id: options.experimentId,
          run_name: options.runName,
          start_time: options.startTime ?? Date.now(),
          tags: toKeyValues(options.tags),
        },
      },
    );
    return res.run;
  }

  async logBatch(
    runId: string,
    batch: {
      metrics?: MlflowMetric[];
      params?: MlflowKeyValue[];
      tags?: MlflowKeyValue[];
    },
  ): Promise<void> {
    await this.#request('POST', '/runs/log-batch', {
      body: { run_id: runId, ...batch },
    });
  }

  // --- model registry ------------------------------------------------------

  async searchRegisteredModels(
    options: MlflowSearchOptions = {},
  ): Promise<MlflowPage<MlflowRegisteredModel>> {
    const res = await this.#request<{
      registered_models?: MlflowRegisteredModel[];
      next_page_token?: string;
    }>('GET', '/registered-models/search', {
      query: searchQuery(options),
      idempotent: true,
    });
    return page(res.registered_models, res.next_page_token);
  }

  async getRegisteredModel(name: string): Promise<MlflowRegisteredModel> {
    const res = await this.#request<{
      registered_model: MlflowRegisteredModel;
    }>('GET', '/registered-models/get', { query: { name }, idempotent: true });
    return res.registered_model;
  }

  async createRegisteredModel(
    name: string,
    options: {
      description?: string;
      tags?: Record<string, string> | MlflowKeyValue[];
    } = {},
  ): Promise<MlflowRegisteredModel> {
    const res = await this.#request<{
      registered_model: MlflowRegisteredModel;
    }>('POST', '/registered-models/create', {
      body: {
        name,
        description: options.description,
        tags: toKeyValues(options.tags),
      },
    });
    return res.registered_model;
  }

  async setRegisteredModelTag(
    name: string,
    key: string,
    value: string,
  ): Promise<void> {
    await this.#request('POST', '/registered-models/set-tag', {
      body: { name, key, value },
    });
  }

  async setRegisteredModelAlias(
    name: string,
    alias: string,
    version: string,
  ): Promise<void> {
    await this.#request('POST', '/registered-models/alias', {
      body: { name, alias, version },
    });
  }

  /** Deletes the registered model with all its versions. */
  async deleteRegisteredModel(name: string): Promise<void> {
    await this.#request('DELETE', '/registered-models/delete', {
      body: { name },
    });
  }

  async searchModelVersions(
    options: MlflowSearchOptions = {},
  ): Promise<MlflowPage<MlflowModelVersion>> {
    const res = await this.#request<{
      model_versions?: MlflowModelVersion[];
      next_page_token?: string;
    }>('GET', '/model-versions/search', {
      query: searchQuery(options),
      idempotent: true,
    });
    return page(res.model_versions, res.next_page_token);
  }

  async createModelVersion(options: {
    name: string;
    source: string;
    runId?: string;
    description?: string;
    tags?: Record<string, string> | MlflowKeyValue[];
  }): Promise<MlflowModelVersion> {
    const res = await this.#request<{ model_version: MlflowModelVersion }>(
      'POST',
      '/model-versions/create',
      {
        body: {
          name: options.name,
          source: options.source,
          run_id: options.runId,
          description: options.description,
          tags: toKeyValues(options.tags),
        },
      },
    );
    return res.model_version;
  }

  async setModelVersionTag(
    name: string,
    version: string,
    key: string,
    value: string,
  ): Promise<void> {
    await this.#request('POST', '/model-versions/set-tag', {
      body: { name, version, key, value },
    });
  }

  async getModelVersionByAlias(
    name: string,
    alias: string,
  ): Promise<MlflowModelVersion> {
    const res = await this.#request<{ model_version: MlflowModelVersion }>(
      'GET',
      '/registered-models/alias',
      { query: { name, alias }, idempotent: true },
    );
    return res.model_version;
  }

  async getModelVersion(
    name: string,
    version: string,
  ): Promise<MlflowModelVersion> {
    const res = await this.#request<{ model_version: MlflowModelVersion }>(
      'GET',
      '/model-versions/get',
      { query: { name, version }, idempotent: true },
    );
    return res.model_version;
  }

  /** Where a version's files are (`mlflow-artifacts:/...`, `s3://...`): what a model server can be pointed at. */
  async getModelVersionDownloadUri(
    name: string,
    version: string,
  ): Promise<string> {
    const res = await this.#request<{ artifact_uri?: string }>(
      'GET',
      '/model-versions/get-download-uri',
      { query: { name, version }, idempotent: true },
    );
    return res.artifact_uri ?? '';
  }

  /** Where an MLflow 3 logged model (`models:/m-...`) keeps its files. */
  async getLoggedModelArtifactUri(modelId: string): Promise<string> {
    const res = await this.#request<{
      model?: { info?: { artifact_uri?: string } };
    }>('GET', `/logged-models/${encodeURIComponent(modelId)}`, {
      idempotent: true,
    });
    return res.model?.info?.artifact_uri ?? '';
  }

  /**
   * Where a model version's files are, resolved as far as MLflow can: its
   * download URI, and for a `runs:/` or `models:/` one, the run's or the
   * logged model's artifact location below it.
   */
  async resolveModelVersionLocation(
    name: string,
    version: string,
  ): Promise<string> {
    const uri = await this.getModelVersionDownloadUri(name, version);
    const run = /^runs:\/([^/]+)\/?(.*)$/.exec(uri);
    if (run) {
      const { info } = await this.getRun(run[1]);
      const base = (info.artifact_uri ?? '').replace(/\/+$/, '');
      return base && run[2] ? `${base}/${run[2]}` : base;
    }
    const logged = /^models:\/(m-[^/]+)\/?(.*)$/.exec(uri);
    if (logged) {
      const base = (await this.getLoggedModelArtifactUri(logged[1])).replace(
        /\/+$/,
        '',
      );
      return base && logged[2] ? `${base}/${logged[2]}` : base;
    }
    return uri;
  }

  /** A file through the server's artifact proxy (`mlflow-artifacts:/<path>`), as text. */
  async getProxiedArtifactText(path: string): Promise<string> {
    const encoded = path
      .split('/')
      .filter(Boolean)
      .map(part => encodeURIComponent(part))
      .join('/');
    return this.#request<string>('GET', `/${encoded}`, {
      api: '/api/2.0/mlflow-artifacts/artifacts',
      idempotent: true,
      asText: true,
    });
  }

  // --- paging --------------------------------------------------------------

  /**
   * Yields every page of one of the searches, e.g.
   * `client.iterate(client.searchRegisteredModels, { maxResults: 1000 })`.
   */
  iterate<T, O extends MlflowSearchOptions>(
    search: (options: O) => Promise<MlflowPage<T>>,
    options: O,
  ): AsyncGenerator<T[]> {
    return iterateMlflowPages(pageToken =>
      search.call(this, { ...options, pageToken }),
    );
  }

  // --- transport -----------------------------------------------------------

  async #request<T = unknown>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    options: RequestOptions,
  ): Promise<T> {
    const api = options.api ?? API;
    const url = new URL(`${this.baseUrl}${api}${path}`);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined && item !== '') {
          url.searchParams.append(key, String(item));
        }
      }
    }
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (this.#authorization) {
      headers.Authorization = this.#authorization;
    }
    const send = async () => {
      const response = await this.#fetch(url, {
        method,
        headers,
        body:
          options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      return { status: response.status, text: await response.text() };
    };

    let status: number;
    let text: string;
    try {
      ({ status, text } = await withReadRetries(send, answer => answer.status, {
        retries: options.idempotent ? this.#retries : 0,
        retryDelayMs: this.#retryDelayMs,
      }));
    } catch (error) {
      throw mlflowUnreachable(this.baseUrl, error, this.#timeoutMs);
    }
    if (status >= 200 && status < 300 && options.asText) {
      return text as T;
    }
    if (status >= 200 && status < 300) {
      try {
        return (text.trim() ? JSON.parse(text) : {}) as T;
      } catch {
        const shown = displayUrl(this.baseUrl);
        throw new ServiceUnavailableError(
          `MLflow at ${shown} answered ${method} ${API}${path} with something that is not JSON; is ${shown} the MLflow server (and not a login page or proxy)?`,
        );
      }
    }
    throw mlflowHttpError({
      baseUrl: this.baseUrl,
      method,
      path: `${api}${path}`,
      status,
      body: text,
      authType: this.#authType,
      filter: (options.query?.filter ??
        (options.body as { filter?: string } | undefined)?.filter) as
        | string
        | undefined,
    });
  }
}
