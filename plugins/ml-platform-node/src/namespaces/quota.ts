import { parseQuantity } from '@ml-platform/backstage-plugin-ml-platform-common';

/** Name of the ResourceQuota the suite writes into every namespace. @public */
export const QUOTA_NAME = 'ml-platform-quota';

/**
 * The resources a namespace may use. Requests are what the scheduler
 * reserves; limits default to twice the requests for CPU and equal requests
 * for memory (memory cannot be overcommitted safely).
 * @public
 */
export type QuotaSpec = {
  /** CPU requests, e.g. "4" or "500m". */
  cpu: string;
  /** CPU limits; defaults to twice `cpu`. */
  cpuLimit?: string;
  /** Memory requests, e.g. "16Gi". */
  memory: string;
  /** Memory limits; defaults to `memory`. */
  memoryLimit?: string;
  /** Requested NVIDIA GPUs. */
  gpu: number;
  /** Total storage of persistent volume claims, e.g. "100Gi". */
  storage: string;
  persistentVolumeClaims: number;
  pods: number;
};

/** The settings of a {@link QuotaSpec} given as Kubernetes quantities. */
export const QUOTA_QUANTITY_KEYS: ReadonlyArray<keyof QuotaSpec> = [
  'cpu',
  'cpuLimit',
  'memory',
  'memoryLimit',
  'storage',
];

/** The settings of a {@link QuotaSpec} given as whole numbers. */
export const QUOTA_COUNT_KEYS: ReadonlyArray<keyof QuotaSpec> = [
  'gpu',
  'persistentVolumeClaims',
  'pods',
];

/** Built-in size presets; app-config may replace them. @public */
export const DEFAULT_SIZE_PRESETS: Readonly<Record<string, QuotaSpec>> = {
  small: {
    cpu: '2',
    memory: '8Gi',
    gpu: 0,
    storage: '20Gi',
    persistentVolumeClaims: 5,
    pods: 20,
  },
  medium: {
    cpu: '8',
    memory: '32Gi',
    gpu: 1,
    storage: '100Gi',
    persistentVolumeClaims: 10,
    pods: 50,
  },
  large: {
    cpu: '32',
    memory: '128Gi',
    gpu: 4,
    storage: '500Gi',
    persistentVolumeClaims: 20,
    pods: 100,
  },
};

/** Twice a CPU quantity, in millicores ("1.5" -> "3000m"). */
function doubledCpu(quantity: string): string {
  const cores = parseQuantity(quantity);
  if (cores === undefined) {
    throw new Error(`cpu: "${quantity}" is not a Kubernetes quantity`);
  }
  return `${Math.round(cores * 2000)}m`;
}

/** The `spec.hard` of the namespace's ResourceQuota. @public */
export function quotaHard(spec: QuotaSpec): Record<string, string> {
  return {
    'requests.cpu': spec.cpu,
    'limits.cpu': spec.cpuLimit ?? doubledCpu(spec.cpu),
    'requests.memory': spec.memory,
    'limits.memory': spec.memoryLimit ?? spec.memory,
    'requests.nvidia.com/gpu': String(spec.gpu),
    'requests.storage': spec.storage,
    persistentvolumeclaims: String(spec.persistentVolumeClaims),
    pods: String(spec.pods),
    'services.loadbalancers': '0',
    'services.nodeports': '0',
    services: '20',
    'count/configmaps': '100',
    'count/secrets': '100',
  };
}
