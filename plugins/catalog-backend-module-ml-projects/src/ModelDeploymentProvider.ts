import type {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import type { EventsService } from '@backstage/plugin-events-node';
import { CustomObjectsApi, type KubeConfig } from '@kubernetes/client-node';
import {
  SELDON_DEPLOYMENT_RESOURCE,
  SERVING_CHANGED_TOPIC,
  TEAM_LABEL,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import {
  onCluster,
  type ClusterConnection,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import {
  modelDeploymentToEntity,
  type SeldonDeploymentObject,
} from './deploymentEntity';

/** How many SeldonDeployments one list call asks for. */
const PAGE_SIZE = 500;

/** True when the apiserver answered 404: here, the SeldonDeployment CRD is not installed. */
function isNotFound(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 404;
}

/**
 * Lists the SeldonDeployments of every namespace that carry the team label,
 * with the given (the backend's) kubeconfig, page by page. Rejects with the
 * apiserver's 404 when the SeldonDeployment CRD is not installed.
 * @public
 */
export function seldonDeploymentLister(
  kubeConfig: KubeConfig,
  cluster: Pick<ClusterConnection, 'name' | 'url'>,
): () => Promise<SeldonDeploymentObject[]> {
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  return async () => {
    const items: SeldonDeploymentObject[] = [];
    const listPage = (token: string | undefined) =>
      onCluster(cluster, () =>
        custom.listClusterCustomObject({
          group: SELDON_DEPLOYMENT_RESOURCE.group,
          version: SELDON_DEPLOYMENT_RESOURCE.version,
          plural: SELDON_DEPLOYMENT_RESOURCE.plural,
          labelSelector: TEAM_LABEL,
          limit: PAGE_SIZE,
          _continue: token,
        }),
      ) as Promise<{
        items?: SeldonDeploymentObject[];
        metadata?: { continue?: string };
      }>;
    let token: string | undefined;
    do {
      const page = await listPage(token);
      items.push(...(page.items ?? []));
      token = page.metadata?.continue || undefined;
    } while (token);
    return items;
  };
}

/**
 * Keeps one catalog component per model deployment (a SeldonDeployment the
 * suite made in a team namespace). The cluster is the source of truth: a full
 * sync on a schedule (a deleted deployment's component disappears), and an
 * immediate one when the suite has changed a deployment. Without the
 * SeldonDeployment CRD there are no deployments; any other failed read keeps
 * the components as they were.
 * @public
 */
export class ModelDeploymentProvider implements EntityProvider {
  #connection?: EntityProviderConnection;
  #crdMissingLogged = false;

  constructor(
    private readonly options: {
      cluster: string;
      /** The SeldonDeployments with the team label, of every namespace (see `seldonDeploymentLister`). */
      list: () => Promise<SeldonDeploymentObject[]>;
      logger: LoggerService;
      taskRunner: SchedulerServiceTaskRunner;
      events?: EventsService;
    },
  ) {}

  getProviderName(): string {
    return `ml-platform-model-deployments:${this.options.cluster}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.options.taskRunner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: () => this.refresh(),
    });
    await this.options.events?.subscribe({
      id: this.getProviderName(),
      topics: [SERVING_CHANGED_TOPIC],
      onEvent: () => this.refresh(),
    });
  }

  /** Replaces this provider's entities with the model deployments the cluster has now. */
  async refresh(): Promise<void> {
    if (!this.#connection) {
      throw new Error(`${this.getProviderName()} is not connected yet`);
    }
    const cluster = this.options.cluster;
    let deployments: SeldonDeploymentObject[];
    let crdMissing = false;
    try {
      deployments = await this.options.list();
    } catch (error) {
      if (!isNotFound(error)) {
        this.options.logger.warn(
          `Could not read model deployments from cluster ${cluster}: ${error}`,
        );
        return;
      }
      crdMissing = true;
      deployments = [];
    }
    const entities = deployments.flatMap(deployment => {
      const entity = modelDeploymentToEntity(deployment, cluster);
      return entity ? [entity] : [];
    });
    try {
      await this.#connection.applyMutation({
        type: 'full',
        entities: entities.map(entity => ({
          entity,
          locationKey: this.getProviderName(),
        })),
      });
    } catch (error) {
      this.options.logger.warn(
        `Could not apply the model deployment components of cluster ${cluster}: ${error}`,
      );
      return;
    }
    if (!crdMissing) {
      this.#crdMissingLogged = false;
      this.options.logger.info(
        `${entities.length} model deployment components from cluster ${cluster}`,
      );
    } else if (!this.#crdMissingLogged) {
      this.#crdMissingLogged = true;
      this.options.logger.info(
        `Cluster ${cluster} has no SeldonDeployment resource (Seldon Core is not installed): no model deployment components`,
      );
    }
  }
}
