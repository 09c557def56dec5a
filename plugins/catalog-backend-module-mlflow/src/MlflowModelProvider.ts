import type {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import type { EventParams, EventsService } from '@backstage/plugin-events-node';
import {
  isMlflowNotFound,
  type MlflowClient,
  type MlflowRegisteredModel,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import {
  isPrompt,
  modelEntityRef,
  registeredModelToEntity,
  type ModelEntityOptions,
} from './modelEntity';
import { MLFLOW_WEBHOOK_TOPIC } from './topic';

/** Models per page of the full sync: the most MLflow's search returns. */
const FULL_SYNC_PAGE_SIZE = 1000;
/** Models per page of the incremental poll: usually one page holds every change. */
const DELTA_PAGE_SIZE = 100;
/**
 * The poll re-reads models updated up to this long before the newest change
 * it saw (and applies those whose stamp changed): MLflow stamps
 * `last_updated_timestamp` before its transaction commits, so a slower
 * concurrent update can appear later with an older stamp.
 */
const DELTA_OVERLAP_MS = 5_000;
/**
 * Models of the previous full sync missing from this one are looked up one
 * by one (up to this many) before their entities are dropped: MLflow's page
 * tokens are offsets, so a model deleted during the sync shifts the later
 * pages and one model can be skipped.
 */
const MAX_MISSING_TO_CONFIRM = 100;

/** The webhook events that change what a model's entity shows: refetch the model. */
export const MODEL_REFRESH_EVENTS: ReadonlySet<string> = new Set([
  'registered_model.created',
  'model_version.created',
  'model_version_tag.set',
  'model_version_tag.deleted',
  'model_version_alias.created',
  'model_version_alias.deleted',
]);

/** @public */
export type MlflowModelProviderOptions = ModelEntityOptions & {
  /** Part of the provider's name (`mlflow-models:<id>`), which is also the entities' location key. */
  providerId: string;
  client: MlflowClient;
  logger: LoggerService;
  /** Runs the full sync. */
  taskRunner: SchedulerServiceTaskRunner;
  /** Runs the incremental poll; without one there is none. */
  deltaTaskRunner?: SchedulerServiceTaskRunner;
  /** Webhook events arrive on the `mlflow.model-registry` topic. */
  events?: EventsService;
  /** Page size of the full sync (at most 1000, MLflow's maximum). */
  pageSize?: number;
  /** Page size of the incremental poll. */
  deltaPageSize?: number;
};

/** What a full sync did. @public */
export type FullSyncResult = {
  models: number;
  pages: number;
  /** Models missing from the listing that still existed when looked up. */
  recovered: number;
};

function stampOf(model: MlflowRegisteredModel): number | undefined {
  return model.last_updated_timestamp ?? model.creation_timestamp;
}

/** The model name a webhook event is about, if it is one that changes an entity. */
export function modelNameOfEvent(payload: unknown): string | undefined {
  if (!payload || typeof payload !== 'object') {
    return undefined;
  }
  const { entity, action, data } = payload as {
    entity?: unknown;
    action?: unknown;
    data?: { name?: unknown };
  };
  if (!MODEL_REFRESH_EVENTS.has(`${entity}.${action}`)) {
    return undefined;
  }
  const name = data?.name;
  return typeof name === 'string' && name.length > 0 ? name : undefined;
}

/**
 * Keeps one catalog entity per MLflow registered model:
 *
 * - a scheduled full sync reads every model (1,000 per page) and replaces
 *   the provider's entities, so deleted models disappear;
 * - a frequent incremental poll reads the models by `last_updated_timestamp`
 *   descending and stops at the first one older than what it saw last time,
 *   applying those as a delta;
 * - a webhook event (topic `mlflow.model-registry`) refetches the one model
 *   it names and applies it as a delta, or removes its entity when MLflow no
 *   longer has it.
 *
 * All mutations go through one queue, so a delta never interleaves with a
 * full sync. Every mutation uses the provider's name as location key.
 * @public
 */
export class MlflowModelProvider implements EntityProvider {
  readonly #options: MlflowModelProviderOptions;
  #connection?: EntityProviderConnection;
  /** The end of the mutation queue. */
  #queue: Promise<unknown> = Promise.resolve();
  /** Webhook refreshes waiting in the queue, by model name: a burst of events for one model refetches it once. */
  readonly #pendingRefresh = new Map<string, Promise<void>>();
  /** Newest `last_updated_timestamp` seen; undefined until a sync or poll ran in this process. */
  #highWaterMark?: number;
  /**
   * The `last_updated_timestamp` applied for each model updated within the
   * overlap before the high-water mark: the poll skips those unless their
   * stamp changed, so it applies only real changes.
   */
  #recent = new Map<string, number>();
  /** Model names the catalog has from this provider, as far as this process knows. */
  #known = new Set<string>();

  constructor(options: MlflowModelProviderOptions) {
    this.#options = options;
  }

  getProviderName(): string {
    return `mlflow-models:${this.#options.providerId}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.#options.taskRunner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: async () => {
        await this.refresh();
      },
    });
    await this.#options.deltaTaskRunner?.run({
      id: `${this.getProviderName()}:delta`,
      fn: async () => {
        await this.pollChanges();
      },
    });
    await this.#options.events?.subscribe({
      id: this.getProviderName(),
      topics: [MLFLOW_WEBHOOK_TOPIC],
      // not awaited: the webhook call is answered at once, even while a
      // full sync holds the queue (handleEvent logs its own failures)
      onEvent: async params => {
        void this.handleEvent(params);
      },
    });
  }

  /** The full sync: every registered model, replacing the provider's entities. */
  refresh(): Promise<FullSyncResult> {
    return this.#enqueue(() => this.#fullSync());
  }

  /** The incremental poll: the models updated since the last poll or sync, as a delta. */
  pollChanges(): Promise<{ upserted: number }> {
    return this.#enqueue(() => this.#poll());
  }

  /**
   * Refetches one model and applies it as a delta; removes its entity when
   * MLflow answers that the model does not exist.
   */
  refreshModel(name: string): Promise<void> {
    const pending = this.#pendingRefresh.get(name);
    if (pending) {
      return pending;
    }
    const refresh = this.#enqueue(async () => {
      // from here on, a new event for this model needs a new fetch
      this.#pendingRefresh.delete(name);
      await this.#refreshOne(name);
    });
    this.#pendingRefresh.set(name, refresh);
    return refresh;
  }

  /**
   * A webhook event (already signature-checked by the events backend's
   * ingress). Only the model name is taken from it; what the entity shows
   * always comes from MLflow.
   */
  async handleEvent(params: EventParams): Promise<void> {
    if (params.topic !== MLFLOW_WEBHOOK_TOPIC) {
      return;
    }
    const name = modelNameOfEvent(params.eventPayload);
    if (!name) {
      return;
    }
    try {
      await this.refreshModel(name);
    } catch (error) {
      this.#options.logger.warn(
        `Could not refresh MLflow registered model "${name}" after a webhook event: ${error}`,
      );
    }
  }

  #enqueue<T>(step: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(step, step);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #requireConnection(): EntityProviderConnection {
    if (!this.#connection) {
      throw new Error(`${this.getProviderName()} is not connected yet`);
    }
    return this.#connection;
  }

  #deferred(entity: Entity): DeferredEntity {
    return { entity, locationKey: this.getProviderName() };
  }

  #toEntity(model: MlflowRegisteredModel): Entity {
    return registeredModelToEntity(model, this.#options);
  }

  /** Records what was applied: raises the high-water mark, remembers the models within the overlap. */
  #recordApplied(models: Iterable<MlflowRegisteredModel>): void {
    for (const model of models) {
      const stamp = stampOf(model);
      if (stamp === undefined) {
        continue;
      }
      this.#recent.set(model.name, stamp);
      if (stamp > (this.#highWaterMark ?? -Infinity)) {
        this.#highWaterMark = stamp;
      }
    }
    const since = (this.#highWaterMark ?? 0) - DELTA_OVERLAP_MS;
    for (const [name, stamp] of this.#recent) {
      if (stamp < since) {
        this.#recent.delete(name);
      }
    }
  }

  async #fullSync(): Promise<FullSyncResult> {
    const connection = this.#requireConnection();
    const { client, logger } = this.#options;
    const started = Date.now();
    const models = new Map<string, MlflowRegisteredModel>();
    let pages = 0;
    for await (const page of client.iterate(client.searchRegisteredModels, {
      maxResults: this.#options.pageSize ?? FULL_SYNC_PAGE_SIZE,
    })) {
      pages += 1;
      // offsets shift when models are created during the sync: a model can come twice
      for (const model of page) {
        models.set(model.name, model);
      }
    }

    let recovered = 0;
    const missing = [...this.#known].filter(name => !models.has(name));
    if (missing.length > 0 && missing.length <= MAX_MISSING_TO_CONFIRM) {
      for (const name of missing) {
        const model = await this.#fetchModel(name);
        if (model) {
          models.set(name, model);
          recovered += 1;
        }
      }
    }

    const entities: DeferredEntity[] = [];
    for (const model of models.values()) {
      entities.push(this.#deferred(this.#toEntity(model)));
    }
    await connection.applyMutation({ type: 'full', entities });
    this.#known = new Set(models.keys());
    this.#recent.clear();
    this.#recordApplied(models.values());
    logger.info(
      `Synced ${
        models.size
      } MLflow registered models into the catalog (${pages} pages, ${
        Date.now() - started
      } ms)`,
    );
    return { models: models.size, pages, recovered };
  }

  async #poll(): Promise<{ upserted: number }> {
    const connection = this.#requireConnection();
    const { client, logger } = this.#options;
    const since =
      this.#highWaterMark === undefined
        ? undefined
        : this.#highWaterMark - DELTA_OVERLAP_MS;
    const changed: MlflowRegisteredModel[] = [];
    let done = false;
    for await (const page of client.iterate(client.searchRegisteredModels, {
      orderBy: ['last_updated_timestamp DESC'],
      maxResults: this.#options.deltaPageSize ?? DELTA_PAGE_SIZE,
    })) {
      for (const model of page) {
        const stamp = stampOf(model);
        if (since !== undefined && stamp !== undefined && stamp < since) {
          done = true;
          break;
        }
        // within the overlap: applied already unless its stamp changed
        if (stamp === undefined || this.#recent.get(model.name) !== stamp) {
          changed.push(model);
        }
      }
      // without a mark (no sync ran in this process yet), the newest page is enough
      if (done || since === undefined) {
        break;
      }
    }
    if (changed.length > 0) {
      await connection.applyMutation({
        type: 'delta',
        added: changed.map(model => this.#deferred(this.#toEntity(model))),
        removed: [],
      });
      for (const model of changed) {
        this.#known.add(model.name);
      }
      this.#recordApplied(changed);
    }
    logger.debug(
      `MLflow incremental poll: ${
        changed.length
      } registered models updated since ${
        since === undefined ? 'start' : new Date(since).toISOString()
      }`,
    );
    return { upserted: changed.length };
  }

  async #refreshOne(name: string): Promise<void> {
    const connection = this.#requireConnection();
    const model = await this.#fetchModel(name);
    if (model) {
      await connection.applyMutation({
        type: 'delta',
        added: [this.#deferred(this.#toEntity(model))],
        removed: [],
      });
      this.#known.add(name);
      this.#recordApplied([model]);
    } else {
      await connection.applyMutation({
        type: 'delta',
        added: [],
        removed: [
          {
            entityRef: modelEntityRef(name),
            locationKey: this.getProviderName(),
          },
        ],
      });
      this.#known.delete(name);
      this.#recent.delete(name);
    }
    this.#options.logger.debug(
      `MLflow registered model "${name}" ${model ? 'refreshed' : 'removed'}`,
    );
  }

  /** The model, or undefined when MLflow does not have it (or it is a prompt). */
  async #fetchModel(name: string): Promise<MlflowRegisteredModel | undefined> {
    try {
      const model = await this.#options.client.getRegisteredModel(name);
      return isPrompt(model) ? undefined : model;
    } catch (error) {
      if (isMlflowNotFound(error)) {
        return undefined;
      }
      throw error;
    }
  }
}
