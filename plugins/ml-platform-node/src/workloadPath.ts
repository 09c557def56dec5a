import type {
  LoggerService,
  PermissionsService,
  RootConfigService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { readPlatformCaching } from './caching';
import type { PlatformConnections } from './connections';
import { userClusterAccess } from './access/userClusterAccess';
import { namespaceBackend } from './namespaces/namespaceBackend';
import type { NamespaceSettings } from './namespaces/settings';
import { requireCluster } from './services';
import { TeamNamespaces } from './workloads/teamNamespace';
import type { WorkloadKind } from './workloads/WorkloadKind';
import { WorkloadService } from './workloads/WorkloadService';

/** What every kind's workload path is built from: the plugin's services. */
export type WorkloadPathServices = {
  namespaceSettings: NamespaceSettings;
  connections: PlatformConnections;
  config: RootConfigService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  logger: LoggerService;
};

/** The workload path of one kind, on the configured cluster (throws when none is). */
export function workloadPathOf<Input extends { name: string }, Settings>(
  kind: WorkloadKind<Input, Settings>,
  settings: Settings,
  services: WorkloadPathServices,
): WorkloadService<Input, Settings> {
  const { namespaceSettings, connections, config, userInfo } = services;
  const { kubeConfig, cluster } = requireCluster(connections);
  return new WorkloadService({
    kind,
    settings,
    kubeConfig,
    cluster,
    permissions: services.permissions,
    logger: services.logger,
    listsFreshMs: readPlatformCaching(config).kubernetesFreshMs,
    namespaces: new TeamNamespaces(
      namespaceBackend(kubeConfig, {
        kubeflowProfiles: namespaceSettings.kubeflowProfiles,
      }),
    ),
    asUser: userClusterAccess({
      kubeConfig,
      userInfo,
      config,
      policy: namespaceSettings.policy,
    }),
  });
}
