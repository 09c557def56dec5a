import {
  CREATED_BY_ANNOTATION,
  gpuQuotaKey,
  NOTEBOOK_LAST_ACTIVITY_ANNOTATION,
  NOTEBOOK_RESOURCE,
  NOTEBOOK_STOPPED_ANNOTATION,
  parseQuantity,
  PROJECT_LABEL,
  STOPPED_BY_ANNOTATION,
  TEAM_LABEL,
  validateDnsLabel,
  validateQuantity,
  type NotebookSummary,
  type ValidationIssue,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import type { KubernetesObject } from '@kubernetes/client-node';
import type { z as zod } from 'zod/v3';
import { describeWarning } from '../../overview/warnings';
import type { GpuVendor, NotebookSettings } from '../notebookSettings';
import type {
  RelatedObjects,
  ResourceRequests,
  WorkloadKind,
  WorkloadStatus,
  WorkloadTarget,
} from '../WorkloadKind';

/** A volume of a notebook: a new claim of a size, or an existing claim of the namespace. @public */
export type NotebookVolumeInput = {
  size?: string;
  existingClaim?: string;
};

/** What a user asks for when creating a notebook server. @public */
export type NotebookInput = {
  name: string;
  /** A configured image (its name or reference), or with custom images allowed, any from an allowed registry. */
  image: string;
  /** CPU request, e.g. "1" or "500m"; the limit is the request times the configured factor unless given. */
  cpu: string | number;
  cpuLimit?: string | number;
  memory: string;
  memoryLimit?: string;
  gpu?: { count: number; vendor?: string };
  /** The workspace at the image's home: a new claim (default size from config) or an existing one. */
  workspace?: NotebookVolumeInput;
  dataVolumes?: Array<NotebookVolumeInput & { mountPath: string }>;
  /** A memory-backed /dev/shm, as PyTorch's data loaders need. */
  sharedMemory?: boolean;
  /** The id of an admin-defined scheduling group, e.g. "gpu-nodes". */
  schedulingGroup?: string;
};

/**
 * The controller names the StatefulSet's pods `<name>-0` and labels them
 * with `<name>-<revision hash>`: with the hash, the name must leave room in
 * a 63-character label.
 */
const NAME_MAX_LENGTH = 52;

/** @public */
export const notebookInputSchema = (z: typeof zod) =>
  z.object({
    name: z
      .string()
      .describe(
        'The notebook name: lower case letters, digits and "-", starting with a letter, at most 52 characters',
      ),
    image: z
      .string()
      .min(1)
      .describe(
        'A configured image, by name or reference (see GET /notebooks/options)',
      ),
    cpu: z
      .union([z.string(), z.number()])
      .describe('CPU request, e.g. 1 or "500m"'),
    cpuLimit: z
      .union([z.string(), z.number()])
      .optional()
      .describe(
        'CPU limit; the request times the configured factor by default',
      ),
    memory: z.string().describe('Memory request, e.g. "4Gi"'),
    memoryLimit: z
      .string()
      .optional()
      .describe(
        'Memory limit; the request times the configured factor by default',
      ),
    gpu: z
      .object({
        count: z.number().int().min(0).max(64),
        vendor: z.string().optional(),
      })
      .optional()
      .describe(
        'GPUs: how many, of which configured vendor (the first by default)',
      ),
    workspace: z
      .object({
        size: z.string().optional(),
        existingClaim: z.string().optional(),
      })
      .optional()
      .describe(
        'The workspace volume at the home directory: a new claim of `size` (the configured default when empty) or `existingClaim` of the namespace',
      ),
    dataVolumes: z
      .array(
        z.object({
          size: z.string().optional(),
          existingClaim: z.string().optional(),
          mountPath: z.string(),
        }),
      )
      .max(8)
      .optional()
      .describe(
        'More volumes: new claims of a size, or existing claims, each at its mount path',
      ),
    sharedMemory: z
      .boolean()
      .optional()
      .describe('A memory-backed /dev/shm (counted in the memory limit)'),
    schedulingGroup: z
      .string()
      .optional()
      .describe('An admin-defined scheduling group, e.g. "gpu-nodes"'),
  });

/** The image reference an input names: a configured image's name or reference, else itself. */
export function resolveImage(
  image: string,
  settings: NotebookSettings,
): string {
  return (
    settings.images.find(
      option => option.name === image || option.image === image,
    )?.image ?? image
  );
}

/** The registry host of an image reference ("docker.io" when it names none). */
export function registryOf(image: string): string {
  const first = image.split('/')[0];
  return image.includes('/') && /[.:]|^localhost$/.test(first)
    ? first
    : 'docker.io';
}

/** The GPU vendor an input asks for: the named one, or the first configured. */
function vendorOf(
  input: NotebookInput,
  settings: NotebookSettings,
): GpuVendor | undefined {
  return input.gpu?.vendor
    ? settings.gpus.find(gpu => gpu.vendor === input.gpu!.vendor)
    : settings.gpus[0];
}

const quantity = (value: string | number | undefined) =>
  value === undefined ? undefined : String(value);

/** The limit: given, or the request times the factor (in millicores / bytes). */
function derivedLimit(
  request: string,
  limit: string | undefined,
  factor: number,
  unit: 'cpu' | 'memory',
): string {
  if (limit !== undefined) {
    return limit;
  }
  if (factor === 1) {
    return request;
  }
  const value = parseQuantity(request) ?? 0;
  return unit === 'cpu'
    ? `${Math.round(value * factor * 1000)}m`
    : `${Math.round((value * factor) / 2 ** 20)}Mi`;
}

function volumeIssues(
  field: string,
  volume: NotebookVolumeInput | undefined,
): ValidationIssue[] {
  if (!volume) {
    return [];
  }
  if (volume.size !== undefined && volume.existingClaim !== undefined) {
    return [
      {
        field,
        reason: 'give either size (a new claim) or existingClaim, not both',
      },
    ];
  }
  return [
    ...(volume.size !== undefined
      ? validateQuantity(`${field}.size`, volume.size)
      : []),
    ...(volume.existingClaim !== undefined
      ? validateDnsLabel(`${field}.existingClaim`, volume.existingClaim)
      : []),
  ];
}

/** Problems of a notebook input that need the settings (pure). @public */
export function checkNotebookInput(
  input: NotebookInput,
  settings: NotebookSettings,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [...validateDnsLabel('name', input.name)];
  if (issues.length === 0 && !/^[a-z]/.test(input.name)) {
    issues.push({
      field: 'name',
      reason: "must start with a letter (it names the notebook's Service)",
    });
  }
  if (issues.length === 0 && input.name.length > NAME_MAX_LENGTH) {
    issues.push({
      field: 'name',
      reason: `must be at most ${NAME_MAX_LENGTH} characters (the controller adds a suffix to it)`,
    });
  }
  const image = resolveImage(input.image, settings);
  const configured = settings.images.some(option => option.image === image);
  if (!configured) {
    if (!settings.customImages.allowed) {
      issues.push({
        field: 'image',
        reason: `"${
          input.image
        }" is not one of the configured images (${settings.images
          .map(option => option.name)
          .join(', ')}), and custom images are not allowed`,
      });
    } else if (
      settings.customImages.registries.length > 0 &&
      !settings.customImages.registries.includes(registryOf(image))
    ) {
      issues.push({
        field: 'image',
        reason: `comes from registry "${registryOf(
          image,
        )}"; custom images may only come from ${settings.customImages.registries.join(
          ', ',
        )}`,
      });
    } else if (/\s/.test(image)) {
      issues.push({ field: 'image', reason: 'is not an image reference' });
    }
  }
  issues.push(...validateQuantity('cpu', quantity(input.cpu)));
  issues.push(...validateQuantity('memory', input.memory));
  if (input.cpuLimit !== undefined) {
    issues.push(...validateQuantity('cpuLimit', quantity(input.cpuLimit)));
  }
  if (input.memoryLimit !== undefined) {
    issues.push(...validateQuantity('memoryLimit', input.memoryLimit));
  }
  if (issues.every(issue => !/^(cpu|memory)/.test(issue.field))) {
    const pairs: Array<[string, string | undefined, string | undefined]> = [
      ['cpuLimit', quantity(input.cpu), quantity(input.cpuLimit)],
      ['memoryLimit', input.memory, input.memoryLimit],
    ];
    for (const [field, request, limit] of pairs) {
      if (
        limit !== undefined &&
        (parseQuantity(limit) ?? 0) < (parseQuantity(request!) ?? 0)
      ) {
        issues.push({ field, reason: `is less than the request (${request})` });
      }
    }
    if ((parseQuantity(quantity(input.cpu)!) ?? 0) <= 0) {
      issues.push({ field: 'cpu', reason: 'must be more than 0' });
    }
    if ((parseQuantity(input.memory) ?? 0) <= 0) {
      issues.push({ field: 'memory', reason: 'must be more than 0' });
    }
  }
  if (input.gpu && input.gpu.count > 0 && !vendorOf(input, settings)) {
    issues.push({
      field: 'gpu.vendor',
      reason: input.gpu.vendor
        ? `"${input.gpu.vendor}" is not a configured GPU vendor (${
            settings.gpus.map(g => g.vendor).join(', ') || 'none'
          })`
        : 'no GPU vendor is configured (mlPlatform.notebooks.gpus)',
    });
  }
  issues.push(...volumeIssues('workspace', input.workspace));
  const mountPaths = new Set<string>([settings.workspace.mountPath]);
  if (input.sharedMemory) {
    mountPaths.add('/dev/shm');
  }
  (input.dataVolumes ?? []).forEach((volume, index) => {
    const field = `dataVolumes[${index}]`;
    issues.push(...volumeIssues(field, volume));
    if (volume.size === undefined && volume.existingClaim === undefined) {
      issues.push({
        field,
        reason: 'give size (a new claim) or existingClaim',
      });
    }
    if (!/^\/[^\s]*$/.test(volume.mountPath) || volume.mountPath === '/') {
      issues.push({
        field: `${field}.mountPath`,
        reason: 'must be an absolute path below /',
      });
    } else if (mountPaths.has(volume.mountPath)) {
      issues.push({
        field: `${field}.mountPath`,
        reason: `"${volume.mountPath}" is already mounted`,
      });
    }
    mountPaths.add(volume.mountPath);
  });
  if (
    input.schedulingGroup &&
    !settings.schedulingGroups.some(group => group.id === input.schedulingGroup)
  ) {
    issues.push({
      field: 'schedulingGroup',
      reason: `"${input.schedulingGroup}" is not a configured group (${
        settings.schedulingGroups.map(group => group.id).join(', ') || 'none'
      })`,
    });
  }
  return issues;
}

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

const WAITING_WORDS: Record<string, string> = {
  ErrImagePull: 'the image cannot be pulled',
  ImagePullBackOff: 'the image cannot be pulled',
  InvalidImageName: 'the image name is not valid',
  CrashLoopBackOff: 'the server keeps crashing and is being restarted',
  CreateContainerConfigError: 'the container cannot be configured',
};

/** "no node has enough free CPU and nvidia.com/gpu (0/3 nodes are available: ...)" */
function schedulingReason(message: string): string {
  const missing = [...message.matchAll(/Insufficient ([\w./-]*\w)/g)].map(
    m => m[1],
  );
  const unique = [...new Set(missing)];
  if (unique.length > 0) {
    return `waiting for a node: no node has enough free ${unique.join(
      ' and ',
    )} (${message})`;
  }
  if (
    /unbound immediate PersistentVolumeClaims|persistentvolumeclaim .* not found/.test(
      message,
    )
  ) {
    return `waiting for its volumes: ${message}`;
  }
  return `waiting for a node: ${message}`;
}

const timeOf = (event: Record<string, any>) =>
  Date.parse(
    event.lastTimestamp ??
      event.eventTime ??
      event.metadata?.creationTimestamp ??
      '',
  ) || 0;

/** The newest Warning event, if any (pure). */
function latestWarning(events: RelatedObjects['events']) {
  return [...events]
    .filter(event => event.type === 'Warning')
    .sort((a, b) => timeOf(a) - timeOf(b))
    .pop();
}

/**
 * A notebook's state and why, from its object, its pod and the events of
 * both (pure). The culler and a user stop a notebook the same way (the
 * stopped annotation); the suite marks its own stops, so the rest is culling.
 * @public
 */
export function notebookStatus(
  notebook: Record<string, any>,
  related: RelatedObjects,
): WorkloadStatus {
  const annotations: Record<string, string> =
    notebook.metadata?.annotations ?? {};
  const pod = related.pods[0];
  if (annotations[NOTEBOOK_STOPPED_ANNOTATION]) {
    if (pod) {
      return { state: 'Stopping', reason: 'the server is shutting down' };
    }
    const by = annotations[STOPPED_BY_ANNOTATION];
    return by
      ? {
          state: 'Stopped',
          reason: `stopped by ${by.replace(/^user:default\//, '')}`,
        }
      : {
          state: 'Culled',
          reason: `stopped by the culler at ${
            annotations[NOTEBOOK_STOPPED_ANNOTATION]
          }${
            related.idleMinutes ? ` after ${related.idleMinutes} minutes` : ''
          } without kernel activity${
            annotations[NOTEBOOK_LAST_ACTIVITY_ANNOTATION]
              ? ` (last activity ${annotations[NOTEBOOK_LAST_ACTIVITY_ANNOTATION]})`
              : ''
          }; start it again when you need it`,
        };
  }
  if ((notebook.status?.readyReplicas ?? 0) > 0) {
    return { state: 'Running' };
  }
  if (pod) {
    // the notebook's own container: a mesh may add others (istio-proxy)
    const statuses = pod.status?.containerStatuses ?? [];
    const container =
      statuses.find((c: any) => c.name === notebook.metadata?.name) ??
      statuses[0];
    const terminated = container?.state?.terminated;
    if (pod.status?.phase === 'Failed' || terminated) {
      return {
        state: 'Failed',
        reason: `the server exited${
          terminated?.exitCode !== undefined
            ? ` with code ${terminated.exitCode}`
            : ''
        }${terminated?.reason ? ` (${terminated.reason})` : ''}${
          terminated?.message ? `: ${terminated.message}` : ''
        }`,
      };
    }
    const waiting = container?.state?.waiting;
    if (waiting?.reason && WAITING_WORDS[waiting.reason]) {
      return {
        state: 'Pending',
        reason: `${WAITING_WORDS[waiting.reason]}${
          waiting.message ? `: ${waiting.message}` : ''
        }`,
      };
    }
    const scheduled = pod.status?.conditions?.find(
      (c: any) => c.type === 'PodScheduled',
    );
    if (scheduled?.status === 'False') {
      return {
        state: 'Pending',
        reason: schedulingReason(scheduled.message ?? scheduled.reason ?? ''),
      };
    }
    if (waiting?.reason) {
      return {
        state: 'Starting',
        reason: `the server is starting (${waiting.reason})`,
      };
    }
    // running but not ready: what the events say (e.g. its node is not ready)
    const warning = latestWarning(related.events);
    return {
      state: 'Starting',
      reason: warning
        ? `the server is not ready yet: ${warning.message}`
        : undefined,
    };
  }
  const waiting = notebook.status?.containerState?.waiting;
  if (waiting?.reason && WAITING_WORDS[waiting.reason]) {
    return {
      state: 'Pending',
      reason: `${WAITING_WORDS[waiting.reason]}${
        waiting.message ? `: ${waiting.message}` : ''
      }`,
    };
  }
  const warning = latestWarning(related.events);
  if (warning) {
    return {
      state: 'Pending',
      reason: `${describeWarning(
        warning.reason ?? '',
        warning.message ?? '',
        warning.involvedObject?.kind,
      )}: ${warning.message}`,
    };
  }
  return { state: 'Starting', reason: 'waiting for the notebook-controller' };
}

/**
 * The state the overview counts, from the object alone (no pods or events
 * read): the controller's status and the stopped annotation (pure).
 * @public
 */
export function notebookObjectState(notebook: Record<string, any>): string {
  return notebookStatus(notebook, {
    pods: [],
    events: [],
  }).state;
}

/** The notebook as the routes show it (pure). @public */
export function summarizeNotebook(
  notebook: Record<string, any>,
  related: RelatedObjects,
  settings: Pick<NotebookSettings, 'gatewayUrl' | 'gpus' | 'culling'>,
): NotebookSummary {
  const metadata = notebook.metadata ?? {};
  const annotations: Record<string, string> = metadata.annotations ?? {};
  const labels: Record<string, string> = metadata.labels ?? {};
  const container = notebook.spec?.template?.spec?.containers?.[0] ?? {};
  const limits: Record<string, string> = container.resources?.limits ?? {};
  const gpu = settings.gpus.find(
    vendor => limits[vendor.resourceName] !== undefined,
  );
  const workspace = (notebook.spec?.template?.spec?.volumes ?? []).find(
    (volume: any) => volume.name === 'workspace',
  )?.persistentVolumeClaim?.claimName;
  const { state, reason } = notebookStatus(notebook, {
    ...related,
    idleMinutes: settings.culling.idleMinutes,
  });
  return {
    namespace: metadata.namespace,
    name: metadata.name,
    team: labels[TEAM_LABEL] ?? '',
    project: labels[PROJECT_LABEL],
    createdBy: annotations[CREATED_BY_ANNOTATION],
    image: container.image ?? '',
    cpu: container.resources?.requests?.cpu,
    memory: container.resources?.requests?.memory,
    gpu: gpu
      ? { count: Number(limits[gpu.resourceName]), vendor: gpu.vendor }
      : undefined,
    workspace,
    state,
    reason,
    createdAt: metadata.creationTimestamp
      ? new Date(metadata.creationTimestamp).toISOString()
      : undefined,
    lastActivity: annotations[NOTEBOOK_LAST_ACTIVITY_ANNOTATION],
    stoppedAt: annotations[NOTEBOOK_STOPPED_ANNOTATION],
    url: settings.gatewayUrl
      ? `${settings.gatewayUrl}/notebook/${metadata.namespace}/${metadata.name}/`
      : undefined,
  };
}

/** The notebook kind of the workload path. @public */
export const notebookKind: WorkloadKind<NotebookInput, NotebookSettings> = {
  resource: NOTEBOOK_RESOURCE,
  noun: 'notebook',
  schema: z => notebookInputSchema(z) as unknown as zod.ZodType<NotebookInput>,
  check: checkNotebookInput,
  requests: notebookRequests,
  render: renderNotebook,
  status: notebookStatus,
  podRequests: notebookPodRequests,
  // the label the notebook-controller's StatefulSet gives its pod (and its Service selects)
  podSelector: name => `statefulset=${name}`,
};
