import type {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import type { MlflowClient } from '@ml-platform/backstage-plugin-ml-platform-node';
import {
  registeredModelToEntity,
  type ModelEntityOptions,
} from './modelEntity';

/** Models per page of MLflow's search (its own client's page size). */
const PAGE_SIZE = 1000;

/** Keeps one catalog entity per MLflow registered model. */
export class MlflowModelProvider implements EntityProvider {
  #connection?: EntityProviderConnection;

  constructor(
    private readonly options: ModelEntityOptions & {
      client: MlflowClient;
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
    const { client } = this.options;
    for await (const page of client.iterate(client.searchRegisteredModels, {
      maxResults: PAGE_SIZE,
    })) {
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
