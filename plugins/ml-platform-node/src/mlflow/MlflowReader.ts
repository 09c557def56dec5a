import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  describeIssues,
  mlflowReadPermission,
  MODEL_VISIBILITY_TAG,
  PUBLIC_VISIBILITY,
  publicModelReadPermission,
  RUN_SEARCH_LIMITS,
  TEAM_LABEL,
  validateRunSearchRequest,
  type ExperimentList,
  type MetricHistoryResponse,
  type ModelDetails,
  type RunSearchRequest,
  type RunSearchResponse,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import pLimit from 'p-limit';
import { parseTeam } from '../teamRef';
import { isMlflowNotFound } from './errors';
import { mlflowLinks, type MlflowLinks } from './links';
import {
  isPublicModel,
  ownerOfTags,
  type MlflowOwner,
  type MlflowOwnership,
} from './ownership';
import { collectMlflowPages } from './pagination';
import type { MlflowReads } from './sharedReads';
import {
  keyValues,
  sortedKeys,
  compareVersionsNewestFirst,
  toExperimentSummary,
  toModelDetails,
  toModelVersionSummary,
  toRunSummary,
  toSourceRun,
  type SourceRunOutcome,
} from './summaries';
import type { MlflowExperiment, MlflowModelVersion, MlflowRun } from './types';

/** The newest versions whose source runs the model page shows. */
const MAX_SOURCE_RUNS = 100;

/** Page sizes of the capped listings (see RUN_SEARCH_LIMITS). */
const EXPERIMENT_PAGE_SIZE = 1000;
const METRIC_HISTORY_PAGE_SIZE = 25_000;
/** What MLflow's run ids look like (32 hex digits; other stores may differ). */
const MLFLOW_ID = /^[\w-]{1,64}$/;
/** Parallel MLflow calls of one request. */
const CONCURRENCY = 8;

/** A model as serving reads it: owner, visibility, aliases and one version's state. @public */
export type ServableModel = {
  name: string;
  team?: string;
  public: boolean;
  aliases: { alias: string; version: string }[];
  version?: { version: string; status: string };
};

/** @public */
export type MlflowReaderOptions = {
  /** An MlflowClient, or its reads shared between requests (sharedMlflowReads). */
  client: MlflowReads;
  externalUrl: string;
  permissions: PermissionsService;
  ownership: MlflowOwnership;
};

/** A backtick-quoted key for MLflow's filter syntax (`tags.\`ml-platform.io/team\``). */
function quotedKey(key: string) {
  return `\`${key}\``;
}

/** A string literal for MLflow's filter syntax. */
function quotedValue(value: string) {
  return value.includes("'") ? `"${value}"` : `'${value}'`;
}

/**
 * Reads experiments, runs and registered models for a user: every answer is
 * limited to what the user may read (their teams' objects, and models tagged
 * public), whatever the request names.
 * @public
 */
export class MlflowReader {
  readonly #client: MlflowReads;
  readonly #permissions: PermissionsService;
  readonly #ownership: MlflowOwnership;
  readonly #links: MlflowLinks;

  constructor(options: MlflowReaderOptions) {
    this.#client = options.client;
    this.#permissions = options.permissions;
    this.#ownership = options.ownership;
    this.#links = mlflowLinks(options.externalUrl);
  }

  /** The active experiments tagged with the team, by name. */
  async listTeamExperiments(
    teamInput: string,
    credentials: BackstageCredentials,
  ): Promise<ExperimentList> {
    const team = parseTeam(teamInput);
    if (!team.ref) {
      throw new InputError(describeIssues(team.issues));
    }
    await this.#requireReadable(
      { ref: team.ref, team: team.name },
      `the experiments of team "${team.name}"`,
      credentials,
    );
    const experiments = await collectMlflowPages(
      pageToken =>
        this.#client.searchExperiments({
          filter: `tags.${quotedKey(TEAM_LABEL)} = ${quotedValue(team.name)}`,
          orderBy: ['name ASC'],
          maxResults: EXPERIMENT_PAGE_SIZE,
          pageToken,
        }),
      {
        maxPages: RUN_SEARCH_LIMITS.teamExperiments / EXPERIMENT_PAGE_SIZE,
      },
    );
    return {
      experiments: experiments.map(e => toExperimentSummary(e, this.#links)),
    };
  }

  /** The experiment of that name (none when MLflow has none). */
  async findExperimentByName(
    name: string,
    credentials: BackstageCredentials,
  ): Promise<ExperimentList> {
    if (!name.trim() || name.length > 500) {
      throw new InputError(
        'name must be an experiment name of 1 to 500 characters',
      );
    }
    const experiment = await this.#client.getExperimentByName(name);
    if (!experiment) {
      return { experiments: [] };
    }
    await this.#requireReadable(
      this.#experimentOwner(experiment),
      `MLflow experiment "${name}"`,
      credentials,
    );
    return { experiments: [toExperimentSummary(experiment, this.#links)] };
  }

  async searchRuns(
    request: RunSearchRequest,
    credentials: BackstageCredentials,
  ): Promise<RunSearchResponse> {
    const issues = validateRunSearchRequest(request);
    if (issues.length > 0) {
      throw new InputError(describeIssues(issues));
    }
    const experimentIds = [...new Set(request.experimentIds)];
    const experiments = await Promise.all(
      experimentIds.map(id => this.#experiment(id)),
    );
    const readable = await this.#readableOwners(
      experiments.map(e => this.#experimentOwner(e).ref),
      credentials,
    );
    const denied = experiments.filter(
      e => !readable.has(this.#experimentOwner(e).ref),
    );
    if (denied.length > 0) {
      throw new NotAllowedError(
        `You may not read the runs of ${denied
          .map(e => this.#describeOwned(`experiment "${e.name}"`, e))
          .join(', ')} (${mlflowReadPermission.name})`,
      );
    }
    const page = await this.#client.searchRuns({
      experimentIds,
      filter: request.filter?.trim() || undefined,
      orderBy: request.orderBy?.map(clause => clause.trim()),
      maxResults: request.maxResults ?? RUN_SEARCH_LIMITS.defaultMaxResults,
      pageToken: request.pageToken,
    });
    const runs = page.items.map(run => toRunSummary(run, this.#links));
    return {
      runs,
      ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
      metricKeys: sortedKeys(runs.map(run => run.metrics)),
      paramKeys: sortedKeys(runs.map(run => run.params)),
    };
  }

  async metricHistory(
    runId: string,
    keys: string[],
    credentials: BackstageCredentials,
  ): Promise<MetricHistoryResponse> {
    const distinctKeys = [...new Set(keys.filter(key => key.trim()))];
    if (
      distinctKeys.length === 0 ||
      distinctKeys.length > RUN_SEARCH_LIMITS.metricHistoryKeys
    ) {
      throw new InputError(
        `keys must name 1 to ${RUN_SEARCH_LIMITS.metricHistoryKeys} metrics`,
      );
    }
    if (!MLFLOW_ID.test(runId)) {
      throw new InputError(`runId "${runId}" is not an MLflow run id`);
    }
    const run = await this.#run(runId);
    const experiment = await this.#experiment(run.info.experiment_id);
    await this.#requireReadable(
      this.#experimentOwner(experiment),
      `run "${run.info.run_name ?? runId}"`,
      credentials,
    );
    const limit = pLimit(CONCURRENCY);
    const histories = await Promise.all(
      distinctKeys.map(key =>
        limit(() =>
          this.#client.getMetricHistory(runId, key, {
            maxResults: METRIC_HISTORY_PAGE_SIZE,
            maxPages:
              RUN_SEARCH_LIMITS.metricHistoryPoints / METRIC_HISTORY_PAGE_SIZE,
          }),
        ),
      ),
    );
    return {
      runId,
      metrics: Object.fromEntries(
        distinctKeys.map((key, index) => [
          key,
          histories[index]
            .map(point => ({
              step: Number(point.step ?? 0),
              value: Number(point.value),
              timestamp: new Date(Number(point.timestamp)).toISOString(),
            }))
            .sort((a, b) => a.step - b.step),
        ]),
      ),
    };
  }

  /** The registered model with its owner, once the user may read it (a 403 saying why when not). */
  async #readableModel(name: string, credentials: BackstageCredentials) {
    if (!name.trim() || name.length > 500) {
      throw new InputError('name must be a model name of 1 to 500 characters');
    }
    const model = await this.#client.getRegisteredModel(name).catch(error => {
      throw isMlflowNotFound(error)
        ? new NotFoundError(`MLflow has no registered model "${name}"`)
        : error;
    });
    const tags = keyValues(model.tags);
    const owner = ownerOfTags(
      tags,
      this.#ownership.ownerTag,
      this.#ownership.defaultOwner,
    );
    const isPublic = isPublicModel(tags);
    const [teamDecision, publicDecision] = await this.#permissions.authorize(
      [
        { permission: mlflowReadPermission, resourceRef: owner.ref },
        { permission: publicModelReadPermission },
      ],
      { credentials },
    );
    if (
      teamDecision.result !== AuthorizeResult.ALLOW &&
      !(isPublic && publicDecision.result === AuthorizeResult.ALLOW)
    ) {
      throw new NotAllowedError(
        `You may not see model "${name}": ${this.#describeOwner(
          owner,
        )} and it is not tagged ${MODEL_VISIBILITY_TAG}=${PUBLIC_VISIBILITY} (${
          mlflowReadPermission.name
        })`,
      );
    }
    return { model, owner, isPublic };
  }

  /**
   * What serving needs of a model the user may read: its team, visibility,
   * aliases, and the state of the version asked for, by number or alias
   * (no source runs).
   */
  async servableModel(
    name: string,
    choice: { version?: string; alias?: string },
    credentials: BackstageCredentials,
  ): Promise<ServableModel> {
    const { model, owner, isPublic } = await this.#readableModel(
      name,
      credentials,
    );
    const aliases = model.aliases ?? [];
    const wanted =
      choice.version ??
      aliases.find(alias => alias.alias === choice.alias)?.version;
    const found = wanted
      ? await this.#client
          .getModelVersion(model.name, wanted)
          .catch((error: unknown) => {
            if (isMlflowNotFound(error)) {
              return undefined;
            }
            throw error;
          })
      : undefined;
    return {
      name: model.name,
      ...(owner.team ? { team: owner.team } : {}),
      public: isPublic,
      aliases,
      ...(found
        ? { version: { version: found.version, status: found.status ?? '' } }
        : {}),
    };
  }

  async modelDetails(
    name: string,
    credentials: BackstageCredentials,
  ): Promise<ModelDetails> {
    const { model, owner, isPublic } = await this.#readableModel(
      name,
      credentials,
    );
    const versions = (
      await collectMlflowPages(
        pageToken =>
          this.#client.searchModelVersions({
            filter: `name = ${quotedValue(model.name)}`,
            maxResults: 1000,
            pageToken,
          }),
        { maxPages: 20 },
      )
    ).sort(compareVersionsNewestFirst);
    const sources = await this.#sourceRuns(versions, credentials);
    return toModelDetails({
      model,
      team: owner.team,
      isPublic,
      links: this.#links,
      versions: versions.map(version =>
        toModelVersionSummary(
          version,
          this.#links,
          sources(version),
          model.aliases,
        ),
      ),
    });
  }

  /** The source run of each version the user may read, or why not. */
  async #sourceRuns(
    versions: MlflowModelVersion[],
    credentials: BackstageCredentials,
  ): Promise<(version: MlflowModelVersion) => SourceRunOutcome> {
    const runIds = [
      ...new Set(
        versions
          .slice(0, MAX_SOURCE_RUNS)
          .flatMap(version => (version.run_id ? [version.run_id] : [])),
      ),
    ];
    const limit = pLimit(CONCURRENCY);
    const runs = new Map<string, MlflowRun | undefined>(
      await Promise.all(
        runIds.map(id =>
          limit(async () => [id, await this.#runIfExists(id)] as const),
        ),
      ),
    );
    const experimentIds = [
      ...new Set(
        [...runs.values()].flatMap(run =>
          run ? [run.info.experiment_id] : [],
        ),
      ),
    ];
    const experiments = new Map(
      await Promise.all(
        experimentIds.map(id =>
          limit(async () => [id, await this.#experiment(id)] as const),
        ),
      ),
    );
    const readable = await this.#readableOwners(
      [...experiments.values()].map(e => this.#experimentOwner(e).ref),
      credentials,
    );
    return version => {
      if (!version.run_id) {
        return {};
      }
      if (!runs.has(version.run_id)) {
        return {
          runUnavailable: `only the ${MAX_SOURCE_RUNS} newest versions show their source run`,
        };
      }
      const run = runs.get(version.run_id);
      if (!run) {
        return {
          runUnavailable: `run ${version.run_id} no longer exists in MLflow`,
        };
      }
      const experiment = experiments.get(run.info.experiment_id)!;
      if (!readable.has(this.#experimentOwner(experiment).ref)) {
        return {
          runUnavailable: `the run is in ${this.#describeOwned(
            `experiment "${experiment.name}"`,
            experiment,
          )}`,
        };
      }
      return { run: toSourceRun(run, experiment, this.#links) };
    };
  }

  #experimentOwner(experiment: MlflowExperiment): MlflowOwner {
    return ownerOfTags(
      keyValues(experiment.tags),
      TEAM_LABEL,
      this.#ownership.defaultOwner,
    );
  }

  #describeOwner(owner: MlflowOwner): string {
    return owner.team
      ? `it belongs to team "${owner.team}" and you are not a member`
      : `it has no team tag, so only ${owner.ref} may see it`;
  }

  #describeOwned(what: string, experiment: MlflowExperiment): string {
    const owner = this.#experimentOwner(experiment);
    return owner.team
      ? `${what} of team "${owner.team}"`
      : `${what} (no team tag: ${owner.ref} only)`;
  }

  async #requireReadable(
    owner: MlflowOwner,
    what: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const readable = await this.#readableOwners([owner.ref], credentials);
    if (!readable.has(owner.ref)) {
      throw new NotAllowedError(
        `You may not see ${what}: ${this.#describeOwner(owner)} (${
          mlflowReadPermission.name
        })`,
      );
    }
  }

  /** The owners (group refs) among `refs` whose MLflow objects the user may read. */
  async #readableOwners(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const distinct = [...new Set(refs)];
    if (distinct.length === 0) {
      return new Set();
    }
    const decisions = await this.#permissions.authorize(
      distinct.map(ref => ({
        permission: mlflowReadPermission,
        resourceRef: ref,
      })),
      { credentials },
    );
    return new Set(
      distinct.filter(
        (_, index) => decisions[index].result === AuthorizeResult.ALLOW,
      ),
    );
  }

  async #experiment(id: string): Promise<MlflowExperiment> {
    try {
      return await this.#client.getExperiment(id);
    } catch (error) {
      throw isMlflowNotFound(error)
        ? new NotFoundError(`MLflow has no experiment with id ${id}`)
        : error;
    }
  }

  async #run(id: string): Promise<MlflowRun> {
    const run = await this.#runIfExists(id);
    if (!run) {
      throw new NotFoundError(`MLflow has no run with id ${id}`);
    }
    return run;
  }

  async #runIfExists(id: string): Promise<MlflowRun | undefined> {
    try {
      return await this.#client.getRun(id);
    } catch (error) {
      if (isMlflowNotFound(error)) {
        return undefined;
      }
      throw error;
    }
  }
}
