import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import type {
  CustomResourcesByEntity,
  KubernetesObjectsByEntity,
  KubernetesObjectsProvider,
  KubernetesServiceLocator,
  ObjectToFetch,
  ServiceLocatorRequestContext,
} from '@backstage/plugin-kubernetes-node';
import {
  isPlatformAdmin,
  teamNamesOf,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import {
  decideEntityAccess,
  namespaceToCheck,
  type AccessDecision,
  type ClusterRef,
} from './entityAccess';
import type { NamespaceLabelsReader } from './NamespaceLabelsReader';

/** The suite's cluster and a reader of its namespaces' labels. */
export type PlatformCluster = {
  cluster: ClusterRef;
  namespaces: Pick<NamespaceLabelsReader, 'labelsOf'>;
};

/** What the provider is built from. */
export type TeamNamespaceObjectsProviderOptions = {
  /** The Kubernetes backend's own provider, which does the reading. */
  defaultProvider: KubernetesObjectsProvider;
  /** The Kubernetes backend's service locator: which clusters an entity is read from. */
  serviceLocator: KubernetesServiceLocator;
  /** The object types the default provider fetches (given to the locator as it does). */
  objectTypesToFetch: readonly ObjectToFetch[];
  auth: AuthService;
  userInfo: UserInfoService;
  /** Admin group refs (readAdminGroups). */
  adminGroups: readonly string[];
  /** The suite's cluster; throws when none is configured. */
  platformCluster: () => PlatformCluster;
  logger: LoggerService;
};

/**
 * The Kubernetes backend's objects provider with the suite's rule in front:
 * every read of an entity's objects (the services, workloads and custom
 * resources routes and the get-kubernetes-resources-for-entity action all
 * come here with the caller's credentials) is checked first. Platform admins
 * pass; any other signed-in user only for an entity whose namespace belongs
 * to one of their teams (decideEntityAccess); every other caller is refused
 * with a NotAllowedError (403) giving the reason.
 */
export class TeamNamespaceObjectsProvider implements KubernetesObjectsProvider {
  constructor(private readonly options: TeamNamespaceObjectsProviderOptions) {}

  async getKubernetesObjectsByEntity(
    request: KubernetesObjectsByEntity,
    options: { credentials: BackstageCredentials },
  ) {
    await this.#requireAllowed(request.entity, options.credentials, {
      objectTypesToFetch: new Set(this.options.objectTypesToFetch),
      customResources: [],
    });
    return this.options.defaultProvider.getKubernetesObjectsByEntity(
      request,
      options,
    );
  }

  async getCustomResourcesByEntity(
    request: CustomResourcesByEntity,
    options: { credentials: BackstageCredentials },
  ) {
    await this.#requireAllowed(request.entity, options.credentials, {
      objectTypesToFetch: new Set(),
      customResources: request.customResources ?? [],
    });
    return this.options.defaultProvider.getCustomResourcesByEntity(
      request,
      options,
    );
  }

  async #requireAllowed(
    entity: Entity | undefined,
    credentials: BackstageCredentials,
    context: Omit<ServiceLocatorRequestContext, 'credentials'>,
  ): Promise<void> {
    const decision = await this.#decide(entity, credentials, context);
    if (decision.allowed) {
      return;
    }
    const what = describeEntity(entity);
    const who = this.options.auth.isPrincipal(credentials, 'user')
      ? credentials.principal.userEntityRef
      : `a ${(credentials.principal as { type?: string }).type} principal`;
    this.options.logger.info(
      `Refused ${who} the Kubernetes objects of ${what}: ${decision.reason}`,
    );
    throw new NotAllowedError(
      `You may not read the Kubernetes objects of ${what}: ${decision.reason}`,
    );
  }

  async #decide(
    entity: Entity | undefined,
    credentials: BackstageCredentials,
    context: Omit<ServiceLocatorRequestContext, 'credentials'>,
  ): Promise<AccessDecision> {
    const { auth, userInfo, adminGroups, serviceLocator } = this.options;
    if (!auth.isPrincipal(credentials, 'user')) {
      return {
        allowed: false,
        reason:
          'only signed-in users may, since team membership decides which namespaces are read',
      };
    }
    const { ownershipEntityRefs } = await userInfo.getUserInfo(credentials);
    if (isPlatformAdmin(ownershipEntityRefs, adminGroups)) {
      return { allowed: true };
    }
    const platform = this.options.platformCluster();
    const namespace = namespaceToCheck(entity);
    const [located, namespaceLabels] = await Promise.all([
      entity
        ? serviceLocator.getClustersByEntity(entity, {
            ...context,
            credentials,
          })
        : { clusters: [] },
      namespace ? platform.namespaces.labelsOf(namespace) : undefined,
    ]);
    return decideEntityAccess({
      entity,
      callerTeams: teamNamesOf(ownershipEntityRefs),
      platformCluster: platform.cluster,
      clusters: located.clusters,
      namespaceLabels,
    });
  }
}

function describeEntity(entity: Entity | undefined): string {
  if (!entity) {
    return 'an unnamed entity';
  }
  try {
    return stringifyEntityRef(entity);
  } catch {
    return 'an entity without a valid ref';
  }
}
