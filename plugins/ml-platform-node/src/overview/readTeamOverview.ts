import {
  namespaceBackend,
  type NamespaceBackend,
} from '../namespaces/namespaceBackend';
import {
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  type V1Namespace,
} from '@kubernetes/client-node';
import {
  DESCRIPTION_ANNOTATION,
  PROJECT_LABEL,
  TEAM_LABEL,
  type NamespaceOverview,
  type TeamOverview,
  type WorkloadKind,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { NotAllowedError } from '@backstage/errors';
import type { UserClusterAccess } from '../access/userClusterAccess';
import { ReadCache } from '../readCache';
import {
  apiMessageOf,
  apiStatusOf,
  onCluster,
  unlessNotFound,
} from '../clusterErrors';
import type { ClusterConnection } from '../connections';
import { QUOTA_NAME } from '../namespaces/quota';
import { summarizeQuota } from './quotaUsage';
import {
  SharedNamespaceReads,
  type NamespaceReads,
} from './sharedNamespaceReads';
import { recentWarnings } from './warnings';
import {
  summarizeWorkloads,
  WORKLOAD_SOURCES,
  type WorkloadSource,
} from './workloads';

/** Warning events shown per namespace. */
const WARNINGS_PER_NAMESPACE = 10;

type CustomObject = {
  metadata?: { namespace?: string; annotations?: Record<string, string> };
  status?: unknown;
};

type WorkloadList = { source: WorkloadSource; items: CustomObject[] };

const teamListKey = (team: string) => `namespaces of team ${team}`;
const workloadListKey = (source: WorkloadSource) =>
  `${source.plural}.${source.group}`;

/** How the overview shares reads between requests; off when absent. @public */
export type TeamOverviewCaching = {
  /** See `PlatformCaching.kubernetesFreshMs`. */
  freshMs: number;
  /** See `PlatformCaching.kubernetesAccessMs`. */
  accessMs: number;
  now?: () => number;
};

/** Cluster-wide lists kept: one per team and one per workload kind. */
const MAX_CLUSTER_LISTS = 5_000;

/** The team namespace first, then projects by name. */
function byTeamThenProject(a: V1Namespace, b: V1Namespace): number {
  const aProject = a.metadata?.labels?.[PROJECT_LABEL] ? 1 : 0;
  const bProject = b.metadata?.labels?.[PROJECT_LABEL] ? 1 : 0;
  return (
    aProject - bProject ||
    (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '')
  );
}

/**
 * Reads a team's resource overview from the cluster: its namespaces (by the
 * team label), each with quota use, workloads by kind and state, and recent
 * warnings. Calls run in parallel: one namespace list, one list per workload
 * kind across the cluster, and per namespace its quotas, pods and warnings.
 * The cluster-wide lists use the backend's identity (after the portal's
 * permission check); the reads inside each namespace go as `asUser`, so
 * Kubernetes RBAC decides them too. With `caching`, what was read is shared
 * between requests for a few seconds: the cluster-wide lists by everyone
 * (readCache.ts), each namespace's reads among the users Kubernetes allowed
 * them (sharedNamespaceReads.ts); {@link TeamOverviewReader.forget} drops a
 * namespace the portal has just changed.
 * @public
 */
export class TeamOverviewReader {
  readonly #core: CoreV1Api;
  readonly #customObjects: CustomObjectsApi;
  readonly #backend: UserClusterAccess;
  readonly #clusterLists: ReadCache<unknown>;
  readonly #namespaceReads: SharedNamespaceReads;
  readonly #namespaces: NamespaceBackend;

  constructor(
    kubeConfig: KubeConfig,
    private readonly cluster: Pick<ClusterConnection, 'name' | 'url'>,
    options: {
      kubeflowProfiles?: boolean;
      caching?: TeamOverviewCaching;
    } = {},
  ) {
    this.#core = kubeConfig.makeApiClient(CoreV1Api);
    this.#customObjects = kubeConfig.makeApiClient(CustomObjectsApi);
    this.#namespaces = namespaceBackend(kubeConfig, {
      kubeflowProfiles: options.kubeflowProfiles ?? false,
    });
    this.#backend = {
      kubeConfig,
      actingAs: 'the portal',
      identityKey: 'the portal',
    };
    const caching = options.caching ?? { freshMs: 0, accessMs: 0 };
    this.#clusterLists = new ReadCache({
      freshMs: caching.freshMs,
      maxEntries: MAX_CLUSTER_LISTS,
      now: caching.now,
    });
    this.#namespaceReads = new SharedNamespaceReads(
      (namespace, asUser) => this.#readNamespaceAs(namespace, asUser),
      caching,
    );
  }

  /** After the portal applied `namespace` of `team`: the next overview reads both again. */
  forget(change: { team: string; namespace: string }): void {
    this.#clusterLists.forget([teamListKey(change.team)]);
    this.#namespaceReads.forget([change.namespace]);
  }

  async read(
    team: string,
    teamRef: string,
    asUser?: UserClusterAccess,
  ): Promise<TeamOverview> {
    const access = asUser ?? this.#backend;
    const overview = onCluster(this.cluster, async () => {
      const [teamNamespaces, customObjects] = await Promise.all([
        this.#clusterLists.read(teamListKey(team), () =>
          this.#listTeamNamespaces(team),
        ) as Promise<V1Namespace[]>,
        Promise.all(
          WORKLOAD_SOURCES.map(
            source =>
              this.#clusterLists.read(workloadListKey(source), () =>
                this.#listAll(source),
              ) as Promise<WorkloadList>,
          ),
        ),
      ]);
      const namespaces = [...teamNamespaces].sort(byTeamThenProject);
      return {
        teamRef,
        team,
        cluster: this.cluster.name,
        namespaces: await Promise.all(
          namespaces.map(namespace =>
            this.#readNamespace(namespace, customObjects, access),
          ),
        ),
      };
    });
    return overview.catch(error => {
      if (apiStatusOf(error) === 403) {
        throw new NotAllowedError(
          `Kubernetes refused the team overview to ${
            asUser?.actingAs ?? 'the portal'
          }: ${apiMessageOf(error)}`,
        );
      }
      throw error;
    });
  }

  /** The team's namespaces by the team label (of the Namespaces or their Profiles). */
  async #listTeamNamespaces(team: string): Promise<V1Namespace[]> {
    return (await this.#namespaces.listOwners(
      `${TEAM_LABEL}=${team}`,
    )) as V1Namespace[];
  }

  /** Every object of a workload kind in the cluster; none when its CRD is not installed. */
  async #listAll(source: WorkloadSource): Promise<WorkloadList> {
    const list = (await unlessNotFound(
      this.#customObjects.listClusterCustomObject({
        group: source.group,
        version: source.version,
        plural: source.plural,
      }),
    )) as { items?: CustomObject[] } | undefined;
    return { source, items: list?.items ?? [] };
  }

  /** Quotas, pods and Warning events of a namespace, read as `asUser`. */
  async #readNamespaceAs(
    namespace: string,
    asUser: UserClusterAccess,
  ): Promise<NamespaceReads> {
    const core =
      asUser === this.#backend
        ? this.#core
        : asUser.kubeConfig.makeApiClient(CoreV1Api);
    const [quotas, pods, warnings] = await Promise.all([
      core.listNamespacedResourceQuota({ namespace }),
      core.listNamespacedPod({ namespace }),
      core.listNamespacedEvent({ namespace, fieldSelector: 'type=Warning' }),
    ]);
    return { quotas: quotas.items, pods: pods.items, warnings: warnings.items };
  }

  async #readNamespace(
    namespace: V1Namespace,
    customObjects: WorkloadList[],
    asUser: UserClusterAccess,
  ): Promise<NamespaceOverview> {
    const name = namespace.metadata!.name!;
    const { quotas, pods, warnings } = await this.#namespaceReads.read(
      name,
      asUser,
    );
    const quota =
      quotas.find(q => q.metadata?.name === QUOTA_NAME) ?? quotas[0];
    const workloadGroups: Array<{
      kind: WorkloadKind;
      states: Array<string | undefined>;
    }> = [
      { kind: 'Pod', states: pods.map(pod => pod.status?.phase) },
      ...customObjects.map(({ source, items }) => ({
        kind: source.kind,
        states: items
          .filter(item => item.metadata?.namespace === name)
          .map(item => source.stateOf(item)),
      })),
    ];
    return {
      name,
      project: namespace.metadata?.labels?.[PROJECT_LABEL],
      description: namespace.metadata?.annotations?.[DESCRIPTION_ANNOTATION],
      quotas: summarizeQuota(
        quota?.status?.hard ?? quota?.spec?.hard,
        quota?.status?.used,
      ),
      workloads: summarizeWorkloads(workloadGroups),
      warnings: recentWarnings(warnings, WARNINGS_PER_NAMESPACE),
    };
  }
}
