import { NotFoundError } from '@backstage/errors';
import {
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
} from '@kubernetes/client-node';
import {
  PROJECT_LABEL,
  TEAM_LABEL,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { unlessNotFound } from '../clusterErrors';

/** A namespace of a team, as its labels say. @public */
export type TeamNamespace = {
  namespace: string;
  team: string;
  project?: string;
};

type Labelled = {
  metadata?: { name?: string; labels?: Record<string, string> };
};

/**
 * Which team a namespace belongs to, and a team's namespaces: from the
 * namespaces' labels, or with Kubeflow Profiles from the Profiles (their
 * controller makes the namespaces without the suite's labels). Read with the
 * backend's identity: who owns a namespace is not a secret of its team.
 * @public
 */
export class TeamNamespaces {
  readonly #core: CoreV1Api;
  readonly #custom: CustomObjectsApi;

  constructor(
    kubeConfig: KubeConfig,
    private readonly options: { kubeflowProfiles: boolean },
  ) {
    this.#core = kubeConfig.makeApiClient(CoreV1Api);
    this.#custom = kubeConfig.makeApiClient(CustomObjectsApi);
  }

  /** The team namespace `namespace`, or a 404 saying it is none. */
  async require(namespace: string): Promise<TeamNamespace> {
    const owner = (await unlessNotFound(
      this.options.kubeflowProfiles
        ? this.#custom.getClusterCustomObject({
            group: 'kubeflow.org',
            version: 'v1',
            plural: 'profiles',
            name: namespace,
          })
        : this.#core.readNamespace({ name: namespace }),
    )) as Labelled | undefined;
    const team = owner?.metadata?.labels?.[TEAM_LABEL];
    if (!team) {
      throw new NotFoundError(
        owner
          ? `Namespace "${namespace}" is not a team namespace of the ML platform`
          : `Namespace "${namespace}" does not exist`,
      );
    }
    return {
      namespace,
      team,
      project: owner?.metadata?.labels?.[PROJECT_LABEL],
    };
  }

  /** Every namespace of a team, its own first, then its projects by name. */
  async ofTeam(team: string): Promise<TeamNamespace[]> {
    const labelSelector = `${TEAM_LABEL}=${team}`;
    const list = (
      this.options.kubeflowProfiles
        ? await this.#custom.listClusterCustomObject({
            group: 'kubeflow.org',
            version: 'v1',
            plural: 'profiles',
            labelSelector,
          })
        : await this.#core.listNamespace({ labelSelector })
    ) as { items?: Labelled[] };
    return (list.items ?? [])
      .map(item => ({
        namespace: item.metadata!.name!,
        team,
        project: item.metadata?.labels?.[PROJECT_LABEL],
      }))
      .sort(
        (a, b) =>
          Number(a.project !== undefined) - Number(b.project !== undefined) ||
          a.namespace.localeCompare(b.namespace),
      );
  }
}
