import type { KubernetesObject } from '@kubernetes/client-node';
import { quotaHard } from './quota';
import {
  namespaceAnnotations,
  namespaceLabels,
  teamGroupOf,
  type NamespacePolicy,
  type NamespaceRequest,
} from './renderNamespace';

/**
 * A Kubeflow Profile in place of the raw namespace objects: Kubeflow's profile
 * controller then creates the namespace, its quota and the owner's bindings.
 * The owner is the team's Kubernetes group.
 * @public
 */
export function renderKubeflowProfile(
  request: NamespaceRequest,
  policy: NamespacePolicy,
): KubernetesObject {
  return {
    apiVersion: 'kubeflow.org/v1',
    kind: 'Profile',
    metadata: {
      name: request.name,
      labels: namespaceLabels(request),
      annotations: namespaceAnnotations(request),
    },
    spec: {
      owner: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Group',
        name: teamGroupOf(request.team, policy),
      },
      resourceQuotaSpec: { hard: quotaHard(request.quota) },
    },
  } as KubernetesObject;
}
