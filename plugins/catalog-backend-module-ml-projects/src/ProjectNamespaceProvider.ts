import type {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import type { EventsService } from '@backstage/plugin-events-node';
import type { V1Namespace } from '@kubernetes/client-node';
import {
  PROJECT_LABEL,
  TEAM_LABEL,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import {
  NAMESPACE_APPLIED_TOPIC,
  type NamespaceBackend,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import { projectNamespaceToEntity } from './projectEntity';

/**
 * Keeps one catalog component per ML project namespace. The cluster is the
 * source of truth: a full sync on a schedule (a deleted namespace's component
 * disappears), and an immediate one when the suite applies a namespace, so a
 * project made by the template shows up at once.
 * @public
 */
export class ProjectNamespaceProvider implements EntityProvider {
  #connection?: EntityProviderConnection;

  constructor(
    private readonly options: {
      cluster: string;
      /** Where project namespaces are recorded: Namespaces, or their Kubeflow Profiles. */
      namespaces: Pick<NamespaceBackend, 'listOwners'>;
      logger: LoggerService;
      taskRunner: SchedulerServiceTaskRunner;
      events?: EventsService;
    },
  ) {}

  getProviderName(): string {
    return `ml-platform-projects:${this.options.cluster}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.options.taskRunner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: () => this.refresh(),
    });
    await this.options.events?.subscribe({
      id: this.getProviderName(),
      topics: [NAMESPACE_APPLIED_TOPIC],
      onEvent: () => this.refresh(),
    });
  }

  /** Replaces this provider's entities with the project namespaces the cluster has now. */
  async refresh(): Promise<void> {
    if (!this.#connection) {
      throw new Error(`${this.getProviderName()} is not connected yet`);
    }
    try {
      const owners = await this.options.namespaces.listOwners(
        `${TEAM_LABEL},${PROJECT_LABEL}`,
      );
      const entities = owners.flatMap(namespace => {
        const entity = projectNamespaceToEntity(
          namespace as V1Namespace,
          this.options.cluster,
        );
        return entity ? [entity] : [];
      });
      await this.#connection.applyMutation({
        type: 'full',
        entities: entities.map(entity => ({
          entity,
          locationKey: this.getProviderName(),
        })),
      });
      this.options.logger.info(
        `${entities.length} ML project components from cluster ${this.options.cluster}`,
      );
    } catch (error) {
      this.options.logger.warn(
        `Could not read ML project namespaces from cluster ${this.options.cluster}: ${error}`,
      );
    }
  }
}
