import { Agent } from 'node:https';
import { KubeConfig, type RequestContext } from '@kubernetes/client-node';
import type { ClusterConnection } from './connections';

/**
 * A KubeConfig whose requests share one keep-alive connection pool.
 * @kubernetes/client-node makes a new https.Agent per request, so every call
 * pays a TLS handshake; the team overview makes dozens of calls at once, and
 * reusing connections halves its time. Safe here because the backend's
 * identity (token, CA) does not change for the life of the process.
 */
class PooledKubeConfig extends KubeConfig {
  #agent?: Agent;

  override async applySecurityAuthentication(
    context: RequestContext,
  ): Promise<void> {
    await super.applySecurityAuthentication(context);
    const perRequest = context.getAgent() as Agent | undefined;
    this.#agent ??= new Agent({
      ...perRequest?.options,
      keepAlive: true,
    });
    context.setAgent(this.#agent);
  }
}

/**
 * A client-node KubeConfig for the backend's own identity on a cluster.
 * @public
 */
export function makeKubeConfig(cluster: ClusterConnection): KubeConfig {
  const kubeConfig = new PooledKubeConfig();
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
