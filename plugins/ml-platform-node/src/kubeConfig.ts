import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import {
  createConfiguration,
  KubeConfig,
  ServerConfiguration,
  type ApiConstructor,
  type ApiType,
  type HttpLibrary,
  type RequestContext,
} from '@kubernetes/client-node';
import type { ClusterConnection } from './connections';
import {
  IMPERSONATE_GROUP_HEADER,
  joinHeaderValues,
  kubernetesHttpLibrary,
  type KubernetesRequestPolicy,
} from './kubeHttpLibrary';
import { DEFAULT_RETRY_POLICY, DEFAULT_TIMEOUT_MS } from './requestFaults';

/**
 * How the API clients of {@link makeKubeConfig} send requests; every key has
 * a default.
 * @public
 */
export type KubernetesRequestOptions = {
  /** Per attempt, from `mlPlatform.kubernetes.timeoutMs`. Default 10 s. */
  timeoutMs?: number;
  /** Extra attempts of a read (GET) after a network failure other than a timeout, or a 502/503/504. Default 2. */
  retries?: number;
  /** First pause between attempts; doubles per retry. Default 200 ms. */
  retryDelayMs?: number;
};

/**
 * A KubeConfig whose API clients send through {@link kubernetesHttpLibrary}
 * (timeouts, read retries), over one keep-alive connection pool.
 * @kubernetes/client-node makes a new agent per request, so every call
 * pays a TLS handshake; the team overview makes dozens of calls at once, and
 * reusing connections halves its time. Safe here because the backend's
 * identity (token, CA) does not change for the life of the process.
 */
class PooledKubeConfig extends KubeConfig {
  #agent?: HttpAgent;
  readonly #httpApi: HttpLibrary;

  constructor(policy: KubernetesRequestPolicy) {
    super();
    this.#httpApi = kubernetesHttpLibrary(policy);
  }

  override async applySecurityAuthentication(
    context: RequestContext,
  ): Promise<void> {
    await super.applySecurityAuthentication(context);
    const perRequest = context.getAgent();
    // an http:// cluster (skipTLSVerify) gets an http.Agent from the client
    this.#agent ??=
      perRequest instanceof HttpsAgent
        ? new HttpsAgent({ ...perRequest.options, keepAlive: true })
        : new HttpAgent({ keepAlive: true });
    context.setAgent(this.#agent);
  }

  /** As KubeConfig's own, with the suite's HTTP library. */
  override makeApiClient<T extends ApiType>(
    apiClientType: ApiConstructor<T>,
  ): T {
    return this.makeApiClientFor(apiClientType, this);
  }

  /** An API client that authenticates through `auth` (this, or an impersonation of it). */
  makeApiClientFor<T extends ApiType>(
    ApiClientType: ApiConstructor<T>,
    auth: KubeConfig,
  ): T {
    const cluster = this.getCurrentCluster();
    if (!cluster) {
      throw new Error('No active cluster!');
    }
    return new ApiClientType(
      createConfiguration({
        baseServer: new ServerConfiguration(cluster.server, {}),
        authMethods: { default: auth },
        httpApi: this.#httpApi,
      }),
    );
  }
}

/** Who the apiserver is asked to treat a request as. @public */
export type ImpersonatedIdentity = { user: string; groups: string[] };

/**
 * The backend's KubeConfig acting as someone else: every request carries
 * `Impersonate-User` and one `Impersonate-Group` per group (see
 * kubeHttpLibrary.ts for how repeated headers are sent), over the same
 * connections, timeouts and retries. The apiserver checks that the backend
 * may impersonate, then authorizes the request as that identity.
 */
class ImpersonatingKubeConfig extends KubeConfig {
  constructor(
    private readonly backend: PooledKubeConfig,
    private readonly identity: ImpersonatedIdentity,
  ) {
    super();
    this.loadFromOptions({
      clusters: backend.clusters,
      users: backend.users,
      contexts: backend.contexts,
      currentContext: backend.currentContext,
    });
  }

  override async applySecurityAuthentication(
    context: RequestContext,
  ): Promise<void> {
    await this.backend.applySecurityAuthentication(context);
    context.setHeaderParam('Impersonate-User', this.identity.user);
    if (this.identity.groups.length > 0) {
      context.setHeaderParam(
        IMPERSONATE_GROUP_HEADER,
        joinHeaderValues(this.identity.groups),
      );
    }
  }

  override makeApiClient<T extends ApiType>(
    apiClientType: ApiConstructor<T>,
  ): T {
    return this.backend.makeApiClientFor(apiClientType, this);
  }
}

/**
 * `kubeConfig` (from {@link makeKubeConfig}) impersonating `identity`.
 * @public
 */
export function impersonating(
  kubeConfig: KubeConfig,
  identity: ImpersonatedIdentity,
): KubeConfig {
  if (!(kubeConfig instanceof PooledKubeConfig)) {
    throw new TypeError(
      'impersonating() takes a KubeConfig of makeKubeConfig()',
    );
  }
  return new ImpersonatingKubeConfig(kubeConfig, identity);
}

/**
 * A client-node KubeConfig for the backend's own identity on a cluster. Its
 * API clients give up on a request after `options.timeoutMs` and retry
 * reads; `onCluster` (src/clusterErrors.ts) turns either failure into a
 * `ServiceUnavailableError` naming the cluster.
 * @public
 */
export function makeKubeConfig(
  cluster: ClusterConnection,
  options: KubernetesRequestOptions = {},
): KubeConfig {
  const kubeConfig = new PooledKubeConfig({
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retries: Math.max(0, options.retries ?? DEFAULT_RETRY_POLICY.retries),
    retryDelayMs: options.retryDelayMs ?? DEFAULT_RETRY_POLICY.retryDelayMs,
  });
  kubeConfig.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.url,
        caData: cluster.caData,
        caFile: cluster.caFile,
        skipTLSVerify: cluster.skipTLSVerify,
      },
    ],
    users: [{ name: 'ml-platform-backend', token: cluster.token }],
    contexts: [
      {
        name: cluster.name,
        cluster: cluster.name,
        user: 'ml-platform-backend',
      },
    ],
    currentContext: cluster.name,
  });
  return kubeConfig;
}
