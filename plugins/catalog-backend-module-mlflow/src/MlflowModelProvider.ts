import type {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  registeredModelToEntity,
  type MlflowRegisteredModel,
  type ModelEntityOptions,
} from './modelEntity';

const PAGE_SIZE = 1000;

/** Reads every registered model, following MLflow's page tokens. */
export async function* listRegisteredModels(
  baseUrl: string,
): AsyncGenerator<MlflowRegisteredModel[]> {
  let pageToken: string | undefined;
  do {
    const url = new URL(`${baseUrl}/api/2.0/mlflow/registered-models/search`);
    url.searchParams.set('max_results', String(PAGE_SIZE));
    if (pageToken) {
      url.searchParams.set('page_token', pageToken);
    }
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) {
      throw new Error(
        `MLflow answered ${response.status} to ${url.pathname}: ${(
          await response.text()
        ).slice(0, 200)}`,
      );
    }
    const page = (await response.json()) as {
      registered_models?: MlflowRegisteredModel[];
      next_page_token?: string;
    };
    yield page.registered_models ?? [];
    pageToken = page.next_page_token;
  } while (pageToken);
}

/** Keeps one catalog entity per MLflow registered model. */
export class MlflowModelProvider implements EntityProvider {
  #connection?: EntityProviderConnection;

  constructor(
    private readonly options: ModelEntityOptions & {
      mlflowBaseUrl: string;
      logger: LoggerService;
      taskRunner: SchedulerServiceTaskRunner;
    },
  ) {}

  getProviderName(): string {
    return `mlflow-models:${this.options.providerId}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.options.taskRunner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: () => this.refresh(),
    });
  }

  async refresh(): Promise<void> {
    if (!this.#connection) {
      throw new Error(`${this.getProviderName()} is not connected yet`);
    }
    const entities = [];
    for await (const page of listRegisteredModels(this.options.mlflowBaseUrl)) {
      entities.push(
        ...page.map(model => registeredModelToEntity(model, this.options)),
      );
    }
    await this.#connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: this.getProviderName(),
      })),
    });
    this.options.logger.info(
      `Synced ${entities.length} MLflow registered models into the catalog`,
    );
  }
}
