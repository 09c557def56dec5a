import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import type { AuthorizePermissionRequest } from '@backstage/plugin-permission-common';
import { requireAllowed } from '../access/requireAllowed';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { EventsService } from '@backstage/plugin-events-node';
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import {
  describeIssues,
  DNS1123_LABEL_MAX_LENGTH,
  PROJECT_LABEL,
  projectNamespaceManagePermission,
  TEAM_LABEL,
  teamNamespaceManagePermission,
  validateDnsLabel,
  type ValidationIssue,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { applyObjects } from '../applyObjects';
import { apiMessageOf, apiStatusOf, onCluster } from '../clusterErrors';
import type { ClusterConnection } from '../connections';
import { parseTeam } from '../teamRef';
import { otherTeamNamesWithin } from './teamPrefixes';
import {
  BudgetLedgerStore,
  readTeamAllocations,
  reserveTeamBudget,
  type BudgetReservationHandle,
} from './budgetReservation';
import { namespaceBackend, type NamespaceBackend } from './namespaceBackend';
import { renderKubeflowProfile } from './profile';
import { quotaHard } from './quota';
import {
  renderNamespaceObjects,
  type NamespaceRequest,
} from './renderNamespace';
import { resolveQuota, type QuotaOverrides } from './resolveQuota';
import type { NamespaceSettings } from './settings';
import {
  checkBudgetCoversProjects,
  checkTeamBudget,
  type QuotaHard,
} from './teamBudget';

/** Topic of the event published after a namespace was applied. @public */
export const NAMESPACE_APPLIED_TOPIC = 'ml-platform.namespace-applied';

/** Payload of {@link NAMESPACE_APPLIED_TOPIC}. @public */
export type NamespaceAppliedEvent = {
  namespace: string;
  team: string;
  project?: string;
};

/** Create or update a team's own namespace (platform admins). @public */
export type TeamNamespaceInput = {
  /** The team's group: a name in the catalog's default namespace or an entity ref. */
  team: string;
  size?: string;
  quota?: QuotaOverrides;
};

/** Create or update a project namespace `<team>-<name>` (the team's members). @public */
export type ProjectNamespaceInput = TeamNamespaceInput & {
  name: string;
  description?: string;
  sourceLocation?: string;
  /** Name of the project's MLflow experiment, shown on its catalog page. */
  mlflowExperiment?: string;
};

/** What a provisioning call did, or would do on a dry-run. @public */
export type ProvisionResult = {
  cluster: string;
  namespace: string;
  teamRef: string;
  project?: string;
  dryRun: boolean;
  /** The objects as sent to the apiserver (wire format, as JSON). */
  manifests: Array<Record<string, unknown>>;
  /** `Kind/name` of each object with the apiserver's resourceVersion (none on a dry-run). */
  applied: Array<{ object: string; resourceVersion?: string }>;
  /** What the caller should know, e.g. where a dry-run validated the objects. */
  notes: string[];
};

/** @public */
export type ProvisionOptions = {
  credentials: BackstageCredentials;
  /** Server-side dry-run: the apiserver validates and admits, nothing is stored. */
  dryRun?: boolean;
};

/**
 * Namespaces no team may take: Kubernetes' own, and those every team
 * namespace admits traffic from (ingress controller, monitoring, culler).
 */
function reservedNameIssues(
  field: string,
  namespace: string,
  trustedNamespaces: string[],
): ValidationIssue[] {
  if (namespace.startsWith('kube-') || namespace === 'default') {
    return [
      { field, reason: `"${namespace}" is reserved for Kubernetes itself` },
    ];
  }
  if (trustedNamespaces.includes(namespace)) {
    return [
      {
        field,
        reason: `"${namespace}" is reserved: every team namespace admits traffic from it`,
      },
    ];
  }
  return [];
}

/** A project's source location must be a web URL. */
function sourceLocationIssues(value: unknown): ValidationIssue[] {
  if (value === undefined || value === '') {
    return [];
  }
  try {
    const url = new URL(String(value));
    if (url.protocol === 'https:' || url.protocol === 'http:') {
      return [];
    }
  } catch {
    // reported below
  }
  return [{ field: 'sourceLocation', reason: 'must be an http(s) URL' }];
}

/** The field a budget problem is blamed on: explicit quota values, or the size. */
function budgetField(input: TeamNamespaceInput): string {
  return Object.values(input.quota ?? {}).some(
    value => value !== undefined && value !== '',
  )
    ? 'quota'
    : 'size';
}

function fail(issues: ValidationIssue[]): never {
  throw new InputError(describeIssues(issues));
}

/**
 * Provisions team and project namespaces: validates the request, checks the
 * caller's permission and the team's budget, then server-side applies every
 * object. The scaffolder actions, the REST routes and the actions registry
 * all call this one class.
 * @public
 */
export class NamespaceProvisioner {
  readonly #namespaces: NamespaceBackend;
  readonly #ledger: BudgetLedgerStore;

  constructor(
    private readonly deps: {
      kubeConfig: KubeConfig;
      cluster: Pick<ClusterConnection, 'name' | 'url'>;
      settings: NamespaceSettings;
      auth: AuthService;
      catalog: CatalogService;
      permissions: PermissionsService;
      events?: EventsService;
      logger: LoggerService;
    },
  ) {
    this.#namespaces = namespaceBackend(deps.kubeConfig, {
      kubeflowProfiles: deps.settings.kubeflowProfiles,
    });
    this.#ledger = new BudgetLedgerStore(
      deps.kubeConfig.makeApiClient(CoreV1Api),
      deps.cluster,
    );
  }

  /** Creates or updates a team's own namespace; its quota is the team's budget. */
  async provisionTeamNamespace(
    input: TeamNamespaceInput,
    options: ProvisionOptions,
  ): Promise<ProvisionResult> {
    const team = parseTeam(input.team);
    const quota = resolveQuota(input.size, input.quota, this.deps.settings);
    const issues = [...team.issues, ...quota.issues];
    if (team.name) {
      issues.push(
        ...reservedNameIssues(
          'team',
          team.name,
          this.deps.settings.policy.ingressFromNamespaces,
        ),
      );
    }
    if (issues.length > 0 || !team.name || !team.ref || !quota.spec) {
      return fail(issues);
    }
    await this.#authorize(
      { permission: teamNamespaceManagePermission },
      options.credentials,
      `Only platform admins may create team namespaces or change a team's quota`,
    );
    await this.#requireTeam(team.ref);
    const request: NamespaceRequest = {
      name: team.name,
      team: team.name,
      quota: quota.spec,
    };
    const exists = await this.#requireOwnedOrFree('team', request);
    const projects = await readTeamAllocations(
      this.#ledger,
      team.name,
      await this.#projectQuotas(team.name),
    );
    const budgetIssues = checkBudgetCoversProjects({
      team: team.name,
      budget: quotaHard(quota.spec),
      projects: projects.map(p => p.hard),
      field: budgetField(input),
    });
    if (budgetIssues.length > 0) {
      throw new ConflictError(describeIssues(budgetIssues));
    }
    return this.#apply(request, team.ref, exists, options);
  }

  /** Creates or updates a project namespace `<team>-<name>` within the team's budget. */
  async provisionProjectNamespace(
    input: ProjectNamespaceInput,
    options: ProvisionOptions,
  ): Promise<ProvisionResult> {
    const team = parseTeam(input.team);
    const quota = resolveQuota(input.size, input.quota, this.deps.settings);
    const issues = [
      ...team.issues,
      ...validateDnsLabel('name', input.name),
      ...quota.issues,
    ];
    const namespace = `${team.name}-${input.name}`;
    if (
      team.name &&
      typeof input.name === 'string' &&
      namespace.length > DNS1123_LABEL_MAX_LENGTH
    ) {
      issues.push({
        field: 'name',
        reason: `makes the namespace "${namespace}" ${
          namespace.length
        } characters long; with team "${
          team.name
        }" the project name may have at most ${
          DNS1123_LABEL_MAX_LENGTH - team.name.length - 1
        }`,
      });
    }
    if (team.name) {
      issues.push(
        ...reservedNameIssues(
          'name',
          namespace,
          this.deps.settings.policy.ingressFromNamespaces,
        ),
      );
    }
    issues.push(...sourceLocationIssues(input.sourceLocation));
    if (issues.length > 0 || !team.name || !team.ref || !quota.spec) {
      return fail(issues);
    }
    await this.#authorize(
      { permission: projectNamespaceManagePermission, resourceRef: team.ref },
      options.credentials,
      `You are not a member of team "${team.name}", so you may not create or change its projects`,
    );
    await this.#requireTeam(team.ref);
    await this.#requireNoOtherTeamPrefix(team.name, namespace);
    const request: NamespaceRequest = {
      name: namespace,
      team: team.name,
      project: input.name,
      description: input.description || undefined,
      sourceLocation: input.sourceLocation || undefined,
      mlflowExperiment: input.mlflowExperiment || undefined,
      quota: quota.spec,
    };
    const exists = await this.#requireOwnedOrFree('name', request);
    const reservation = await this.#requireBudget(
      request,
      input,
      options.dryRun ?? false,
    );
    try {
      return await this.#apply(request, team.ref, exists, options);
    } catch (error) {
      await reservation?.release().catch(() => undefined);
      throw error;
    }
  }

  #authorize(
    request: AuthorizePermissionRequest,
    credentials: BackstageCredentials,
    denial: string,
  ) {
    return requireAllowed(this.deps.permissions, credentials, request, denial);
  }

  async #requireTeam(teamRef: string) {
    const entity = await this.deps.catalog.getEntityByRef(teamRef, {
      credentials: await this.deps.auth.getOwnServiceCredentials(),
    });
    if (!entity) {
      fail([
        {
          field: 'team',
          reason: `is unknown: the catalog has no ${teamRef}`,
        },
      ]);
    }
  }

  /**
   * A project namespace must not read as another team's: neither its team
   * namespace (`fraud-detection`) nor one of its projects
   * (`fraud` + `detection-x` = `fraud-detection-x`).
   */
  async #requireNoOtherTeamPrefix(team: string, namespace: string) {
    const candidates = otherTeamNamesWithin(team, namespace);
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      {
        entityRefs: candidates.map(name => `group:default/${name}`),
        fields: ['kind', 'metadata.name'],
      },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    const other = candidates.find((_, index) => items[index]);
    if (other) {
      fail([
        {
          field: 'name',
          reason:
            other === namespace
              ? `makes the namespace "${namespace}", the name of team ${namespace}'s own namespace`
              : `makes the namespace "${namespace}", which reads as a project of team "${other}"; choose a name that does not start with "${other.slice(
                  team.length + 1,
                )}-"`,
        },
      ]);
    }
  }

  /**
   * The namespace must not exist, or exist and belong to the same team (and
   * project). Returns whether it exists.
   */
  async #requireOwnedOrFree(
    field: string,
    request: NamespaceRequest,
  ): Promise<boolean> {
    const existing = await onCluster(this.deps.cluster, () =>
      this.#namespaces.readOwner(request.name),
    );
    const labels = existing?.metadata?.labels ?? {};
    if (!existing || labels[TEAM_LABEL] === request.team) {
      if (
        existing &&
        (labels[PROJECT_LABEL] ?? '') !== (request.project ?? '')
      ) {
        fail([
          {
            field,
            reason: `namespace "${request.name}" already exists as ${
              labels[PROJECT_LABEL]
                ? `project "${labels[PROJECT_LABEL]}"`
                : 'the team namespace'
            } of team "${request.team}"`,
          },
        ]);
      }
      return existing !== undefined;
    }
    return fail([
      {
        field,
        reason: labels[TEAM_LABEL]
          ? `namespace "${request.name}" already exists and belongs to team "${labels[TEAM_LABEL]}"`
          : `namespace "${request.name}" already exists and is not managed by the ML platform`,
      },
    ]);
  }

  /**
   * Checks the project's quota against what the team's budget has left and,
   * unless on a dry-run, reserves it there (see {@link reserveTeamBudget}).
   */
  async #requireBudget(
    request: NamespaceRequest,
    input: ProjectNamespaceInput,
    dryRun: boolean,
  ): Promise<BudgetReservationHandle | undefined> {
    const budget = await this.#teamBudget(request.team);
    if (!budget) {
      fail([
        {
          field: 'team',
          reason: `has no team namespace yet, so no budget for projects: ask a platform admin to run the team-namespace template for "${request.team}"`,
        },
      ]);
    }
    const requested = quotaHard(request.quota);
    const check = (others: QuotaHard[]) =>
      checkTeamBudget({
        team: request.team,
        budget,
        others,
        requested,
        field: budgetField(input),
      });
    const readQuotas = () => this.#projectQuotas(request.team);
    if (!dryRun) {
      return reserveTeamBudget({
        store: this.#ledger,
        team: request.team,
        namespace: request.name,
        hard: requested,
        readQuotas,
        check,
      });
    }
    const allocations = await readTeamAllocations(
      this.#ledger,
      request.team,
      await readQuotas(),
    );
    const issues = check(
      allocations
        .filter(allocation => allocation.namespace !== request.name)
        .map(allocation => allocation.hard),
    );
    if (issues.length > 0) {
      throw new ConflictError(describeIssues(issues));
    }
    return undefined;
  }

  /**
   * The quota the admins gave the team: that of its team namespace (or
   * Profile), only if labelled as the team's own (not a project's).
   */
  async #teamBudget(team: string): Promise<QuotaHard | undefined> {
    const owned = await onCluster(this.deps.cluster, () =>
      this.#namespaces.readQuota(team),
    );
    const labels = owned?.metadata?.labels ?? {};
    return labels[TEAM_LABEL] === team && !labels[PROJECT_LABEL]
      ? owned?.hard
      : undefined;
  }

  /** The quotas of a team's project namespaces. */
  async #projectQuotas(
    team: string,
  ): Promise<Array<{ namespace: string; hard: QuotaHard }>> {
    const quotas = await onCluster(this.deps.cluster, () =>
      this.#namespaces.listQuotas(`${TEAM_LABEL}=${team},${PROJECT_LABEL}`),
    );
    return quotas.map(quota => ({
      namespace: quota.namespace,
      hard: quota.hard ?? {},
    }));
  }

  async #apply(
    request: NamespaceRequest,
    teamRef: string,
    namespaceExists: boolean,
    options: ProvisionOptions,
  ): Promise<ProvisionResult> {
    const { settings, kubeConfig, cluster } = this.deps;
    const manifests = settings.kubeflowProfiles
      ? [renderKubeflowProfile(request, settings.policy)]
      : renderNamespaceObjects(request, settings.policy);
    const dryRun = options.dryRun ?? false;
    const notes: string[] = [];
    let toApply = manifests;
    if (dryRun && !settings.kubeflowProfiles && !namespaceExists) {
      // The apiserver refuses objects in a namespace that does not exist,
      // even on a dry-run: validate them in "default" instead.
      toApply = manifests.map(object =>
        object.metadata?.namespace
          ? {
              ...object,
              metadata: { ...object.metadata, namespace: 'default' },
            }
          : object,
      );
      notes.push(
        `Namespace "${request.name}" does not exist yet, so the apiserver validated the objects inside it in namespace "default".`,
      );
    }
    const applied = await onCluster(cluster, () =>
      applyObjects(kubeConfig, toApply, { dryRun }),
    ).catch(error => {
      if (apiStatusOf(error) === undefined) {
        throw error;
      }
      throw new InputError(
        `The apiserver of cluster "${
          cluster.name
        }" refused the objects: ${apiMessageOf(error)}`,
      );
    });
    if (!dryRun) {
      this.deps.logger.info(
        `Applied namespace ${request.name} of ${teamRef}${
          request.project ? `, project ${request.project}` : ''
        }`,
      );
      await this.deps.events?.publish({
        topic: NAMESPACE_APPLIED_TOPIC,
        eventPayload: {
          namespace: request.name,
          team: request.team,
          project: request.project,
        } satisfies NamespaceAppliedEvent,
      });
    }
    return {
      cluster: cluster.name,
      namespace: request.name,
      teamRef,
      project: request.project,
      dryRun,
      manifests: manifests as unknown as Array<Record<string, unknown>>,
      applied: applied.map(object => ({
        object: `${object.kind}/${object.metadata?.name}`,
        resourceVersion: dryRun ? undefined : object.metadata?.resourceVersion,
      })),
      notes,
    };
  }
}
