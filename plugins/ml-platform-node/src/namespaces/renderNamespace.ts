import type { KubernetesObject } from '@kubernetes/client-node';
import {
  DESCRIPTION_ANNOTATION,
  MLFLOW_EXPERIMENT_ANNOTATION,
  PROJECT_LABEL,
  SOURCE_LOCATION_ANNOTATION,
  TEAM_LABEL,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { QUOTA_NAME, quotaHard, type QuotaSpec } from './quota';

/** What a team or project namespace is made of. @public */
export type NamespaceRequest = {
  /** The namespace: the team's name, or `<team>-<project>`. */
  name: string;
  team: string;
  /** Set for a project namespace. */
  project?: string;
  /** Shown in the catalog and the overview. */
  description?: string;
  /** Where the project's code lives (set when a skeleton was published). */
  sourceLocation?: string;
  /** Name of the project's MLflow experiment. */
  mlflowExperiment?: string;
  quota: QuotaSpec;
};

/** Platform-wide settings the rendered objects follow (from app-config). @public */
export type NamespacePolicy = {
  /** Kubernetes group of the team's members; `{team}` is replaced by the team name. */
  teamGroupPattern: string;
  /** Kubernetes groups of the platform admins. */
  adminGroups: string[];
  /** Namespaces allowed to reach into every team namespace (ingress controller, monitoring, notebook culler). */
  ingressFromNamespaces: string[];
  /**
   * The service account Spark drivers and servers run as in every project
   * namespace, bound to the ml-platform-spark-driver role.
   */
  sparkServiceAccount: string;
  /** Default requests and limits of a container that sets none. */
  containerDefaults: {
    cpuRequest: string;
    cpuLimit: string;
    memoryRequest: string;
    memoryLimit: string;
  };
};

/** @public */
export const DEFAULT_NAMESPACE_POLICY: NamespacePolicy = {
  teamGroupPattern: '{team}',
  adminGroups: ['platform-admins'],
  ingressFromNamespaces: ['ingress-nginx', 'monitoring', 'kubeflow'],
  sparkServiceAccount: 'spark',
  containerDefaults: {
    cpuRequest: '100m',
    cpuLimit: '1',
    memoryRequest: '256Mi',
    memoryLimit: '1Gi',
  },
};

/** The Kubernetes group of a team's members, from the configured pattern. @public */
export function teamGroupOf(team: string, policy: NamespacePolicy): string {
  return policy.teamGroupPattern.replaceAll('{team}', team);
}

/** The labels of every object of a namespace: team, project, manager. @public */
export function namespaceLabels(
  request: Pick<NamespaceRequest, 'team' | 'project'>,
): Record<string, string> {
  return {
    [TEAM_LABEL]: request.team,
    ...(request.project ? { [PROJECT_LABEL]: request.project } : {}),
    'app.kubernetes.io/managed-by': 'ml-platform',
  };
}

/** Annotations the catalog reads back from a project namespace. @public */
export function namespaceAnnotations(
  request: NamespaceRequest,
): Record<string, string> | undefined {
  const annotations: Record<string, string> = {
    ...(request.description
      ? { [DESCRIPTION_ANNOTATION]: request.description }
      : {}),
    ...(request.sourceLocation
      ? { [SOURCE_LOCATION_ANNOTATION]: request.sourceLocation }
      : {}),
    ...(request.mlflowExperiment
      ? { [MLFLOW_EXPERIMENT_ANNOTATION]: request.mlflowExperiment }
      : {}),
  };
  return Object.keys(annotations).length > 0 ? annotations : undefined;
}

function groupSubjects(groups: string[]) {
  return groups.map(name => ({
    apiGroup: 'rbac.authorization.k8s.io',
    kind: 'Group',
    name,
  }));
}

/**
 * The order in which a namespace's objects are applied (`applyObjects`
 * stops at the first refusal). Access comes last: if an apply stops half-way,
 * no RoleBinding lets anyone into a namespace that lacks its NetworkPolicy or
 * ResourceQuota, and the next run completes it.
 */
export const NAMESPACE_APPLY_ORDER = [
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'ServiceAccount',
  'RoleBinding',
] as const;

/** The ClusterRole of Spark drivers and Spark Connect servers: their executors' pods, services and config maps. @public */
export const SPARK_DRIVER_CLUSTER_ROLE = 'ml-platform-spark-driver';

type NamespaceObjectKind = (typeof NAMESPACE_APPLY_ORDER)[number];

/**
 * Every object of a team or project namespace, in the order they are
 * applied (`NAMESPACE_APPLY_ORDER`). Pure: the same request gives the
 * same objects, so re-applying them changes nothing.
 * @public
 */
export function renderNamespaceObjects(
  request: NamespaceRequest,
  policy: NamespacePolicy = DEFAULT_NAMESPACE_POLICY,
): KubernetesObject[] {
  const labels = namespaceLabels(request);
  const metadata = (name: string) => ({
    name,
    namespace: request.name,
    labels,
  });
  const teamGroup = teamGroupOf(request.team, policy);
  const { containerDefaults: d } = policy;

  const byKind: Record<NamespaceObjectKind, KubernetesObject[]> = {
    Namespace: [
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: request.name,
          labels,
          annotations: namespaceAnnotations(request),
        },
      },
    ],
    NetworkPolicy: [
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: metadata('ml-platform-isolation'),
        spec: {
          podSelector: {},
          policyTypes: ['Ingress'],
          ingress: [
            { from: [{ podSelector: {} }] },
            ...(policy.ingressFromNamespaces.length > 0
              ? [
                  {
                    from: policy.ingressFromNamespaces.map(namespace => ({
                      namespaceSelector: {
                        matchLabels: {
                          'kubernetes.io/metadata.name': namespace,
                        },
                      },
                    })),
                  },
                ]
              : []),
          ],
        },
      } as KubernetesObject,
    ],
    ResourceQuota: [
      {
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: metadata(QUOTA_NAME),
        spec: { hard: quotaHard(request.quota) },
      } as KubernetesObject,
    ],
    LimitRange: [
      {
        apiVersion: 'v1',
        kind: 'LimitRange',
        metadata: metadata('ml-platform-defaults'),
        spec: {
          limits: [
            {
              type: 'Container',
              defaultRequest: { cpu: d.cpuRequest, memory: d.memoryRequest },
              default: { cpu: d.cpuLimit, memory: d.memoryLimit },
            },
          ],
        },
      } as KubernetesObject,
    ],
    ServiceAccount: [
      {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: metadata(policy.sparkServiceAccount),
      },
    ],
    RoleBinding: [
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: metadata('ml-platform-team-edit'),
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: 'edit',
        },
        subjects: groupSubjects([teamGroup]),
      } as KubernetesObject,
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: metadata('ml-platform-admins'),
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: 'admin',
        },
        subjects: groupSubjects(policy.adminGroups),
      } as KubernetesObject,
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: metadata('ml-platform-spark'),
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: SPARK_DRIVER_CLUSTER_ROLE,
        },
        subjects: [
          {
            kind: 'ServiceAccount',
            name: policy.sparkServiceAccount,
            namespace: request.name,
          },
        ],
      } as KubernetesObject,
    ],
  };
  return NAMESPACE_APPLY_ORDER.flatMap(kind => byKind[kind]);
}
