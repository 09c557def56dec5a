import { KubeConfig } from '@kubernetes/client-node';
import type { ClusterConnection } from './connections';

/**
 * A client-node KubeConfig for the backend's own identity on a cluster.
 * @public
 */
export function makeKubeConfig(cluster: ClusterConnection): KubeConfig {
  const kubeConfig = new KubeConfig();
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
