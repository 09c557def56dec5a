import {
  CREATED_BY_ANNOTATION,
  gpuQuotaKey,
  NOTEBOOK_RESOURCE,
  parseQuantity,
  PROJECT_LABEL,
  TEAM_LABEL,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import type { KubernetesObject } from '@kubernetes/client-node';
import type { NotebookSettings } from '../../notebookSettings';
import type { ResourceRequests, WorkloadTarget } from '../../WorkloadKind';

import {
  derivedLimit,
  quantity,
  resolveImage,
  vendorOf,
  type NotebookInput,
} from './input';

/** The claims a notebook makes anew: name and size. */
function newClaims(
  input: NotebookInput,
  settings: NotebookSettings,
): Array<{ name: string; size: string }> {
  const claims: Array<{ name: string; size: string }> = [];
  if (!input.workspace?.existingClaim) {
    claims.push({
      name: `${input.name}-workspace`,
      size: input.workspace?.size ?? settings.workspace.defaultSize,
    });
  }
  (input.dataVolumes ?? []).forEach((volume, index) => {
    if (!volume.existingClaim && volume.size) {
      claims.push({
        name: `${input.name}-data-${index + 1}`,
        size: volume.size,
      });
    }
  });
  return claims;
}

/** The container's requests and limits. */
function containerResources(input: NotebookInput, settings: NotebookSettings) {
  const cpu = quantity(input.cpu)!;
  const requests: Record<string, string> = { cpu, memory: input.memory };
  const limits: Record<string, string> = {
    cpu: derivedLimit(
      cpu,
      quantity(input.cpuLimit),
      settings.limitFactors.cpu,
      'cpu',
    ),
    memory: derivedLimit(
      input.memory,
      input.memoryLimit,
      settings.limitFactors.memory,
      'memory',
    ),
  };
  const vendor = vendorOf(input, settings);
  if (input.gpu && input.gpu.count > 0 && vendor) {
    // extended resources are requested through limits; Kubernetes sets the request equal
    limits[vendor.resourceName] = String(input.gpu.count);
  }
  return { requests, limits };
}

/** What a notebook asks of its namespace's quota (pure). @public */
export function notebookRequests(
  input: NotebookInput,
  settings: NotebookSettings,
): ResourceRequests {
  const { requests, limits } = containerResources(input, settings);
  const claims = newClaims(input, settings);
  const result: ResourceRequests = {
    'requests.cpu': parseQuantity(requests.cpu) ?? 0,
    'limits.cpu': parseQuantity(limits.cpu) ?? 0,
    'requests.memory': parseQuantity(requests.memory) ?? 0,
    'limits.memory': parseQuantity(limits.memory) ?? 0,
    pods: 1,
    persistentvolumeclaims: claims.length,
    'requests.storage': claims.reduce(
      (sum, claim) => sum + (parseQuantity(claim.size) ?? 0),
      0,
    ),
  };
  const vendor = vendorOf(input, settings);
  if (input.gpu && input.gpu.count > 0 && vendor) {
    result[gpuQuotaKey(vendor.resourceName)] = input.gpu.count;
  }
  return result;
}

/** What the notebook's one pod asks of a node, by resource name (pure). @public */
export function notebookPodRequests(
  input: NotebookInput,
  settings: NotebookSettings,
): Record<string, number> {
  const { requests, limits } = containerResources(input, settings);
  const vendor = vendorOf(input, settings);
  return {
    cpu: parseQuantity(requests.cpu) ?? 0,
    memory: parseQuantity(requests.memory) ?? 0,
    ...(vendor && input.gpu?.count
      ? { [vendor.resourceName]: Number(limits[vendor.resourceName]) }
      : {}),
  };
}

/** Kubeflow's server type: how the gateway rewrites paths to it. */
function serverType(image: string): string {
  if (/codeserver/.test(image)) {
    return 'group-one';
  }
  if (/rstudio/.test(image)) {
    return 'group-two';
  }
  return 'jupyter';
}

/** Workload labels: team, project, and which notebook an object belongs to. */
export const NOTEBOOK_NAME_LABEL = 'ml-platform.io/notebook';

/** The claims, then the Notebook, as applied (pure). @public */
export function renderNotebook(
  input: NotebookInput,
  target: WorkloadTarget,
  settings: NotebookSettings,
): KubernetesObject[] {
  const labels = {
    [TEAM_LABEL]: target.team,
    ...(target.project ? { [PROJECT_LABEL]: target.project } : {}),
    [NOTEBOOK_NAME_LABEL]: input.name,
  };
  const claims = newClaims(input, settings).map(claim => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: claim.name, namespace: target.namespace, labels },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: claim.size } },
      ...(settings.workspace.storageClass
        ? { storageClassName: settings.workspace.storageClass }
        : {}),
    },
  }));
  const workspaceClaim =
    input.workspace?.existingClaim ?? `${input.name}-workspace`;
  const volumes: Array<Record<string, unknown>> = [
    { name: 'workspace', persistentVolumeClaim: { claimName: workspaceClaim } },
  ];
  const mounts: Array<Record<string, unknown>> = [
    { name: 'workspace', mountPath: settings.workspace.mountPath },
  ];
  (input.dataVolumes ?? []).forEach((volume, index) => {
    const name = `data-${index + 1}`;
    volumes.push({
      name,
      persistentVolumeClaim: {
        claimName: volume.existingClaim ?? `${input.name}-${name}`,
      },
    });
    mounts.push({ name, mountPath: volume.mountPath });
  });
  if (input.sharedMemory) {
    volumes.push({ name: 'dshm', emptyDir: { medium: 'Memory' } });
    mounts.push({ name: 'dshm', mountPath: '/dev/shm' });
  }
  const image = resolveImage(input.image, settings);
  const vendor = input.gpu?.count ? vendorOf(input, settings) : undefined;
  const group = settings.schedulingGroups.find(
    g => g.id === input.schedulingGroup,
  );
  const tolerations = [
    ...(vendor?.tolerations ?? []),
    ...(group?.tolerations ?? []),
  ];
  const notebook = {
    apiVersion: `${NOTEBOOK_RESOURCE.group}/${NOTEBOOK_RESOURCE.version}`,
    kind: NOTEBOOK_RESOURCE.kind,
    metadata: {
      name: input.name,
      namespace: target.namespace,
      labels,
      annotations: {
        [CREATED_BY_ANNOTATION]: target.user,
        'notebooks.kubeflow.org/server-type': serverType(image),
      },
    },
    spec: {
      template: {
        spec: {
          containers: [
            {
              name: input.name,
              image,
              imagePullPolicy: 'IfNotPresent',
              resources: containerResources(input, settings),
              volumeMounts: mounts,
            },
          ],
          volumes,
          ...(tolerations.length > 0 ? { tolerations } : {}),
          ...(group?.affinity ? { affinity: group.affinity } : {}),
        },
      },
    },
  };
  return [...claims, notebook];
}
