import type {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type {
  Permission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { requireAllowed } from '../access/requireAllowed';
import {
  CoreV1Api,
  CustomObjectsApi,
  KubernetesObjectApi,
  PatchStrategy,
  setHeaderOptions,
  type KubeConfig,
  type KubernetesObject,
} from '@kubernetes/client-node';
import {
  CREATED_BY_ANNOTATION,
  describeIssues,
  teamResourcesReadPermission,
  workloadManagePermission,
  type WorkloadResult,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { z } from 'zod/v3';
import { applyObjects } from '../applyObjects';
import {
  apiMessageOf,
  apiStatusOf,
  onCluster,
  unlessNotFound,
} from '../clusterErrors';
import type { ClusterConnection } from '../connections';
import type { UserClusterAccess } from '../access/userClusterAccess';
import { ReadCache } from '../readCache';
import { parseTeam } from '../teamRef';
import { unfitResources, type NodeCapacity } from './nodeCapacity';
import { describeShortfall, quotaShortfalls } from './quotaHeadroom';
import type { TeamNamespace, TeamNamespaces } from './teamNamespace';
import type { RelatedObjects, WorkloadKind } from './WorkloadKind';
import { zodIssues } from './zodIssues';

/** A workload object with what its state is read from. @public */
export type WorkloadRead = {
  target: TeamNamespace;
  object: Record<string, any>;
  related: RelatedObjects;
};

/** @public */
export type WorkloadServiceDeps<Input extends { name: string }, Settings> = {
  kind: WorkloadKind<Input, Settings>;
  settings: Settings;
  /** The backend's own access: namespace owners and nodes only. */
  kubeConfig: KubeConfig;
  cluster: Pick<ClusterConnection, 'name' | 'url'>;
  permissions: PermissionsService;
  asUser: (credentials: BackstageCredentials) => Promise<UserClusterAccess>;
  namespaces: TeamNamespaces;
  logger: LoggerService;
  /** How long node capacity is shared between requests. */
  nodesFreshMs?: number;
  /**
   * How long a namespace's lists, read as one identity, are shared between
   * that identity's requests (`mlPlatform.kubernetes.cacheSeconds`); this
   * service's own writes forget them at once. 0: always read.
   */
  listsFreshMs?: number;
};

type NamespaceLists = {
  items: Array<Record<string, any>>;
  pods: Array<Record<string, any>>;
  events: Array<Record<string, any>>;
};

/** The user entity ref (or service subject) of a caller. */
export function callerRef(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? 'unknown';
}

/** What `next` asks beyond `previous`, line by line (pure). */
function growth(
  previous: Record<string, number>,
  next: Record<string, number>,
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(next)
      .map(([key, value]) => [key, value - (previous[key] ?? 0)] as const)
      .filter(([, value]) => value > 0),
  );
}

const kindAndName = (object: KubernetesObject) =>
  `${object.kind}/${object.metadata?.name}`;

/**
 * The one path of every workload kind: resolve the namespace and its team,
 * authorize, validate, check the quota's headroom and the nodes' capacity,
 * render, and server-side apply as the user (or dry-run), reading back what
 * the apiserver holds. Reads, changes and deletes go the same way, always
 * as the user, so Kubernetes RBAC and quota admission apply as well.
 * @public
 */
export class WorkloadService<Input extends { name: string }, Settings> {
  readonly #nodes: ReadCache<NodeCapacity[]>;
  readonly #lists: ReadCache<NamespaceLists>;
  /** Bumped by each write in a namespace, so its cached lists are not read again. */
  readonly #writes = new Map<string, number>();
  readonly #core: CoreV1Api;

  constructor(private readonly deps: WorkloadServiceDeps<Input, Settings>) {
    this.#core = deps.kubeConfig.makeApiClient(CoreV1Api);
    this.#nodes = new ReadCache({
      freshMs: deps.nodesFreshMs ?? 30_000,
      maxEntries: 1,
    });
    this.#lists = new ReadCache({
      freshMs: deps.listsFreshMs ?? 0,
      maxEntries: 5000,
    });
  }

  #written(namespace: string) {
    this.#writes.set(namespace, (this.#writes.get(namespace) ?? 0) + 1);
  }

  get kind() {
    return this.deps.kind;
  }

  /** Validates an input against the kind's schema and checks, or throws naming each field. */
  parse(input: unknown): Input {
    const { kind, settings } = this.deps;
    const parsed = kind.schema(z, settings).safeParse(input);
    if (!parsed.success) {
      throw new InputError(describeIssues(zodIssues(parsed.error)));
    }
    const issues = kind.check(parsed.data, settings);
    if (issues.length > 0) {
      throw new InputError(describeIssues(issues));
    }
    return parsed.data;
  }

  async create(
    namespace: string,
    rawInput: unknown,
    options: {
      credentials: BackstageCredentials;
      dryRun?: boolean;
      /** Changes the rendered objects before they are applied (a re-run keeps its original's spec). */
      transform?: (objects: KubernetesObject[]) => KubernetesObject[];
      /**
       * A change of an existing workload by any member of its team: it must
       * exist, and the quota check counts only what the change adds.
       */
      update?: { previous: Input };
    },
  ): Promise<WorkloadResult> {
    const { kind, settings, cluster } = this.deps;
    const dryRun = options.dryRun ?? false;
    const { target, access } = await this.#asCaller(
      namespace,
      workloadManagePermission,
      options.credentials,
      'create',
    );
    const input = this.parse(rawInput);
    const notes: string[] = [];
    const existing = (await this.#read(access, namespace, input.name)) as
      | { metadata?: { annotations?: Record<string, string> } }
      | undefined;
    const creator = existing?.metadata?.annotations?.[CREATED_BY_ANNOTATION];
    if (options.update) {
      if (!existing) {
        this.#notFound(namespace, input.name);
      }
      // a change is checked for what it adds
      await this.#requireHeadroom(
        access,
        namespace,
        growth(
          kind.requests(options.update.previous, settings),
          kind.requests(input, settings),
        ),
      );
    } else if (existing) {
      if (creator !== callerRef(options.credentials)) {
        throw new ConflictError(
          `${kind.resource.kind} "${
            input.name
          }" exists already in namespace "${namespace}"${
            creator
              ? `, created by ${creator.replace(/^user:default\//, '')}`
              : ''
          }: choose another name`,
        );
      }
      notes.push(
        `${kind.resource.kind} "${input.name}" exists already: applied again; the quota check counted it as in use.`,
      );
    } else {
      await this.#requireHeadroom(
        access,
        namespace,
        kind.requests(input, settings),
      );
    }
    await this.#requireSomeNodeFits(kind.podRequests(input, settings));
    await this.#requirePrerequisites(access, namespace, input);
    // a change keeps who made the workload
    const rendered = kind.render(
      input,
      {
        ...target,
        user:
          options.update && creator ? creator : callerRef(options.credentials),
      },
      settings,
    );
    const objects = options.transform ? options.transform(rendered) : rendered;
    const applied = await this.#applyAll(access, objects, dryRun).finally(
      () => dryRun || this.#written(namespace),
    );
    if (!dryRun) {
      this.deps.logger.info(
        `Applied ${kind.resource.kind} ${namespace}/${
          input.name
        } for ${callerRef(options.credentials)}`,
      );
    }
    return {
      cluster: cluster.name,
      namespace,
      name: input.name,
      dryRun,
      manifests: objects as unknown as Array<Record<string, unknown>>,
      applied: applied.map(object => ({
        object: kindAndName(object),
        resourceVersion: dryRun ? undefined : object.metadata?.resourceVersion,
      })),
      notes,
    };
  }

  /** Which team a namespace belongs to (a 404 for one that is no team namespace); no permission is asked. */
  async targetOf(namespace: string): Promise<TeamNamespace> {
    return this.#target(namespace);
  }

  /** The namespaces of a team in which the caller may make workloads: none when they may not. */
  async manageableNamespaces(
    team: string,
    credentials: BackstageCredentials,
  ): Promise<TeamNamespace[]> {
    const allowed = await this.#authorize(
      workloadManagePermission,
      { namespace: '', team },
      credentials,
      'create',
    ).then(
      () => true,
      error => {
        if (error instanceof NotAllowedError) {
          return false;
        }
        throw error;
      },
    );
    return allowed
      ? onCluster(this.deps.cluster, () => this.deps.namespaces.ofTeam(team))
      : [];
  }

  /** Every workload of this kind in a team namespace, with pods and events, read as the user. */
  async listNamespace(
    namespace: string,
    credentials: BackstageCredentials,
  ): Promise<WorkloadRead[]> {
    const { target, access } = await this.#asCaller(
      namespace,
      teamResourcesReadPermission,
      credentials,
      'read',
    );
    return this.#readNamespace(target, access);
  }

  /** Every workload of this kind in a team's namespaces, read as the user. */
  async listTeam(
    teamInput: string,
    credentials: BackstageCredentials,
  ): Promise<WorkloadRead[]> {
    const parsed = parseTeam(teamInput);
    if (!parsed.name) {
      throw new InputError(describeIssues(parsed.issues));
    }
    const team = parsed.name;
    await this.#authorize(
      teamResourcesReadPermission,
      { namespace: '', team },
      credentials,
      'read',
    );
    const access = await this.deps.asUser(credentials);
    const namespaces = await onCluster(this.deps.cluster, () =>
      this.deps.namespaces.ofTeam(team),
    );
    const reads = await Promise.all(
      namespaces.map(target => this.#readNamespace(target, access)),
    );
    return reads.flat();
  }

  /** One workload, or a 404. */
  async get(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
    options: { allEvents?: boolean } = {},
  ): Promise<WorkloadRead> {
    const { target, access } = await this.#asCaller(
      namespace,
      teamResourcesReadPermission,
      credentials,
      'read',
    );
    const reads = await this.#readNamespace(
      target,
      access,
      name,
      options.allEvents,
    );
    return reads[0] ?? this.#notFound(namespace, name);
  }

  /** Sets (or, with null, removes) annotations of a workload as the user; returns it read again. */
  async annotate(
    namespace: string,
    name: string,
    annotations: Record<string, string | null>,
    credentials: BackstageCredentials,
  ): Promise<WorkloadRead> {
    return this.patch(
      namespace,
      name,
      { metadata: { annotations } },
      credentials,
    );
  }

  /** A JSON merge patch of a workload as the user; returns it read again. */
  async patch(
    namespace: string,
    name: string,
    body: Record<string, unknown>,
    credentials: BackstageCredentials,
  ): Promise<WorkloadRead> {
    const { target, access } = await this.#asCaller(
      namespace,
      workloadManagePermission,
      credentials,
      'change',
    );
    const { resource } = this.deps.kind;
    await this.#asUserCall(access, () =>
      access.kubeConfig
        .makeApiClient(CustomObjectsApi)
        .patchNamespacedCustomObject(
          {
            group: resource.group,
            version: resource.version,
            plural: resource.plural,
            namespace,
            name,
            body,
          },
          setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
        ),
    )
      .catch(error => {
        if (apiStatusOf(error) === 404) {
          this.#notFound(namespace, name);
        }
        throw error;
      })
      .finally(() => this.#written(namespace));
    const [read] = await this.#readNamespace(target, access, name);
    return read ?? this.#notFound(namespace, name);
  }

  /**
   * Deletes a workload as the user, and the objects `alsoDelete` names
   * among those labelled as its own; returns what went and what stayed.
   */
  async delete(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
    extra: Array<{
      apiVersion: string;
      kind: string;
      name: string;
      delete: boolean;
    }>,
  ): Promise<{ deleted: string[]; kept: string[] }> {
    const { access } = await this.#asCaller(
      namespace,
      workloadManagePermission,
      credentials,
      'delete',
    );
    const { resource } = this.deps.kind;
    const client = KubernetesObjectApi.makeApiClient(access.kubeConfig);
    const gone = await this.#asUserCall(access, () =>
      unlessNotFound(
        client.delete({
          apiVersion: `${resource.group}/${resource.version}`,
          kind: resource.kind,
          metadata: { name, namespace },
        }),
      ),
    );
    if (gone === undefined) {
      this.#notFound(namespace, name);
    }
    this.#written(namespace);
    const deleted = [`${resource.kind}/${name}`];
    const kept: string[] = [];
    for (const object of extra) {
      const ref = `${object.kind}/${object.name}`;
      if (!object.delete) {
        kept.push(ref);
        continue;
      }
      const result = await this.#asUserCall(access, () =>
        unlessNotFound(
          client.delete({
            apiVersion: object.apiVersion,
            kind: object.kind,
            metadata: { name: object.name, namespace },
          }),
        ),
      );
      if (result !== undefined) {
        deleted.push(ref);
      }
    }
    this.deps.logger.info(
      `Deleted ${deleted.join(', ')} in ${namespace} for ${callerRef(
        credentials,
      )}`,
    );
    return { deleted, kept };
  }

  #notFound(namespace: string, name: string): never {
    throw new NotFoundError(
      `There is no ${this.deps.kind.noun} "${name}" in namespace "${namespace}"`,
    );
  }

  async #target(namespace: string): Promise<TeamNamespace> {
    if (typeof namespace !== 'string' || !/^[a-z0-9-]{1,63}$/.test(namespace)) {
      throw new InputError(
        `namespace: "${String(namespace).slice(
          0,
          80,
        )}" is not a namespace name`,
      );
    }
    return onCluster(this.deps.cluster, () =>
      this.deps.namespaces.require(namespace),
    );
  }

  /** The team namespace, once the caller may `verb` its workloads, and the cluster as the caller. */
  async #asCaller(
    namespace: string,
    permission: Permission,
    credentials: BackstageCredentials,
    verb: string,
  ): Promise<{ target: TeamNamespace; access: UserClusterAccess }> {
    const target = await this.#target(namespace);
    await this.#authorize(permission, target, credentials, verb);
    return { target, access: await this.deps.asUser(credentials) };
  }

  async #authorize(
    permission: Permission,
    target: Pick<TeamNamespace, 'namespace' | 'team'>,
    credentials: BackstageCredentials,
    verb: string,
  ) {
    const where = target.namespace ? ` in namespace "${target.namespace}"` : '';
    await requireAllowed(
      this.deps.permissions,
      credentials,
      {
        permission: permission as ResourcePermission,
        resourceRef: `group:default/${target.team}`,
      },
      `You are not a member of team "${target.team}", so you may not ${verb} its ${this.deps.kind.noun}s${where}`,
    );
  }

  /** A call made as the user: Kubernetes' refusals said as such. */
  async #asUserCall<T>(
    access: UserClusterAccess,
    call: () => Promise<T>,
  ): Promise<T> {
    return onCluster(this.deps.cluster, call).catch(error => {
      const status = apiStatusOf(error);
      if (status === 403) {
        const message = apiMessageOf(error);
        if (/exceeded quota/.test(message)) {
          throw new ConflictError(
            `The namespace's quota refused it: ${message}`,
          );
        }
        throw new NotAllowedError(
          `Kubernetes refused it to ${access.actingAs}: ${message}`,
        );
      }
      if (status === 400 || status === 409 || status === 422) {
        throw new InputError(
          `The apiserver of cluster "${
            this.deps.cluster.name
          }" refused it: ${apiMessageOf(error)}`,
        );
      }
      throw error;
    });
  }

  async #read(access: UserClusterAccess, namespace: string, name: string) {
    const { resource } = this.deps.kind;
    return this.#asUserCall(access, () =>
      unlessNotFound(
        access.kubeConfig
          .makeApiClient(CustomObjectsApi)
          .getNamespacedCustomObject({
            group: resource.group,
            version: resource.version,
            plural: resource.plural,
            namespace,
            name,
          }),
      ),
    );
  }

  async #requireHeadroom(
    access: UserClusterAccess,
    namespace: string,
    requests: Record<string, number>,
  ) {
    const quotas = await this.#asUserCall(access, () =>
      access.kubeConfig
        .makeApiClient(CoreV1Api)
        .listNamespacedResourceQuota({ namespace }),
    );
    const shortfalls = quotaShortfalls(
      quotas.items.map(quota => ({
        name: quota.metadata?.name ?? '',
        hard: quota.status?.hard ?? quota.spec?.hard,
        used: quota.status?.used,
      })),
      requests,
    );
    if (shortfalls.length > 0) {
      throw new ConflictError(
        `The ${
          this.deps.kind.noun
        } does not fit in the quota of namespace "${namespace}": it ${shortfalls
          .map(shortfall => describeShortfall(namespace, shortfall))
          .join(
            '; it ',
          )}. Ask for less, or stop or delete something in the namespace first.`,
      );
    }
  }

  /** Refuses, naming each, when objects the kind needs are not in the namespace. */
  async #requirePrerequisites(
    access: UserClusterAccess,
    namespace: string,
    input: Input,
  ) {
    const { kind, settings } = this.deps;
    const required = kind.requires?.(input, settings) ?? [];
    const client = KubernetesObjectApi.makeApiClient(access.kubeConfig);
    const missing: string[] = [];
    for (const object of required) {
      const found = await this.#asUserCall(access, () =>
        unlessNotFound(
          client.read({
            apiVersion: object.apiVersion,
            kind: object.kind,
            metadata: { name: object.name, namespace },
          }),
        ),
      );
      if (!found) {
        missing.push(`${object.kind} "${object.name}" (${object.why})`);
      }
    }
    if (missing.length > 0) {
      throw new ConflictError(
        `Namespace "${namespace}" lacks what the ${
          kind.noun
        } needs, so nothing was created: ${missing.join('; ')}`,
      );
    }
  }

  /** The cluster's nodes and what they can hold, shared between requests for a while. */
  async nodeCapacity(): Promise<NodeCapacity[]> {
    return this.#nodes.read('nodes', async () => {
      const list = await onCluster(this.deps.cluster, () =>
        this.#core.listNode(),
      );
      return list.items.map(node => ({
        name: node.metadata?.name ?? '',
        allocatable: node.status?.allocatable ?? {},
        unschedulable: node.spec?.unschedulable,
      }));
    });
  }

  async #requireSomeNodeFits(podRequests: Record<string, number>) {
    const nodes = await this.nodeCapacity();
    const unfit = unfitResources(nodes, podRequests);
    if (unfit.length > 0) {
      throw new InputError(
        `No node of cluster "${this.deps.cluster.name}" could ever run this ${
          this.deps.kind.noun
        }, so it would stay Pending: ${unfit
          .map(
            line =>
              `it asks for ${+line.needs.toFixed(3)} ${
                line.resource
              }, the largest node has ${+line.largest.toFixed(3)}`,
          )
          .join('; ')}`,
      );
    }
  }

  /**
   * Applies the objects in order as the user; when one is refused, those
   * this call created are deleted again, so a failure leaves nothing behind.
   */
  async #applyAll(
    access: UserClusterAccess,
    objects: KubernetesObject[],
    dryRun: boolean,
  ): Promise<KubernetesObject[]> {
    const client = KubernetesObjectApi.makeApiClient(access.kubeConfig);
    const created: KubernetesObject[] = [];
    const applied: KubernetesObject[] = [];
    try {
      for (const object of objects) {
        const before = dryRun
          ? undefined
          : await this.#asUserCall(access, () =>
              unlessNotFound(client.read(object as any)),
            );
        const [result] = await this.#asUserCall(access, () =>
          applyObjects(access.kubeConfig, [object], { dryRun }),
        );
        if (!dryRun && !before) {
          created.push(object);
        }
        applied.push(result);
      }
      return applied;
    } catch (error) {
      for (const object of created.reverse()) {
        await client.delete(object).catch(() => undefined);
      }
      throw error;
    }
  }

  async #readNamespace(
    target: TeamNamespace,
    access: UserClusterAccess,
    name?: string,
    allEvents = false,
  ): Promise<WorkloadRead[]> {
    const { resource, podSelector } = this.deps.kind;
    const { namespace } = target;
    const load = async (): Promise<NamespaceLists> => {
      const custom = access.kubeConfig.makeApiClient(CustomObjectsApi);
      const core = access.kubeConfig.makeApiClient(CoreV1Api);
      const [list, pods, events] = await this.#asUserCall(access, () =>
        Promise.all([
          custom.listNamespacedCustomObject({
            group: resource.group,
            version: resource.version,
            plural: resource.plural,
            namespace,
            fieldSelector: name ? `metadata.name=${name}` : undefined,
          }) as Promise<{ items?: Array<Record<string, any>> }>,
          core.listNamespacedPod({ namespace }),
          core.listNamespacedEvent({
            namespace,
            fieldSelector: allEvents ? undefined : 'type=Warning',
          }),
        ]),
      );
      return {
        items: list.items ?? [],
        pods: pods.items as Array<Record<string, any>>,
        events: events.items as Array<Record<string, any>>,
      };
    };
    // one object is always read anew (after a change, the caller wants it as it is)
    const lists = name
      ? await load()
      : await this.#lists.read(
          JSON.stringify([
            access.identityKey,
            namespace,
            this.#writes.get(namespace) ?? 0,
          ]),
          load,
        );
    const pods = { items: lists.pods };
    const events = { items: lists.events };
    const list = { items: lists.items };
    return (list.items ?? []).map(object => {
      const objectName: string = object.metadata?.name;
      const [key, value] = podSelector(objectName).split('=');
      const ownPods = pods.items.filter(
        pod => pod.metadata?.labels?.[key] === value,
      );
      const podNames = new Set(ownPods.map(pod => pod.metadata?.name));
      return {
        target,
        object,
        related: {
          pods: ownPods as Array<Record<string, any>>,
          events: events.items.filter(
            event =>
              event.involvedObject?.name === objectName ||
              podNames.has(event.involvedObject?.name) ||
              event.involvedObject?.name === `${objectName}-0` ||
              (this.deps.kind.ownsEvent?.(
                objectName,
                event.involvedObject?.name ?? '',
              ) ??
                false),
          ) as Array<Record<string, any>>,
        },
      };
    });
  }
}
