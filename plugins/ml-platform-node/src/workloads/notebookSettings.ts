import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  describeIssues,
  validateQuantity,
  type NotebookImageOption,
  type ValidationIssue,
} from '@ml-platform/backstage-plugin-ml-platform-common';

/** A Kubernetes toleration, as in a pod spec. @public */
export type Toleration = {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
};

/** A GPU vendor notebooks may ask for. @public */
export type GpuVendor = {
  vendor: string;
  /** The extended resource its device plugin reports, e.g. nvidia.com/gpu. */
  resourceName: string;
  /** Added to a pod that asks for this vendor's GPUs (the GPU nodes' taints). */
  tolerations: Toleration[];
};

/** Admin-defined placement users may pick ("GPU nodes"). @public */
export type SchedulingGroup = {
  id: string;
  title: string;
  tolerations: Toleration[];
  /** A pod `affinity`, as in a pod spec. */
  affinity?: Record<string, unknown>;
};

/** How notebooks are made, from `mlPlatform.notebooks`. @public */
export type NotebookSettings = {
  images: NotebookImageOption[];
  customImages: { allowed: boolean; registries: string[] };
  limitFactors: { cpu: number; memory: number };
  gpus: GpuVendor[];
  schedulingGroups: SchedulingGroup[];
  /** Where notebooks open: `<gatewayUrl>/notebook/<namespace>/<name>/`. */
  gatewayUrl?: string;
  workspace: { defaultSize: string; mountPath: string; storageClass?: string };
  /** The controller's culling, as configured there (shown, not enforced, here). */
  culling: { enabled: boolean; idleMinutes?: number };
};

const KUBEFLOW_IMAGES = 'ghcr.io/kubeflow/kubeflow/notebook-servers';

/** Kubeflow 1.10's example notebook servers. @public */
export const DEFAULT_NOTEBOOK_IMAGES: NotebookImageOption[] = [
  {
    name: 'JupyterLab (SciPy)',
    image: `${KUBEFLOW_IMAGES}/jupyter-scipy:v1.10.0`,
  },
  {
    name: 'JupyterLab (PyTorch)',
    image: `${KUBEFLOW_IMAGES}/jupyter-pytorch-full:v1.10.0`,
  },
  {
    name: 'JupyterLab (PyTorch, CUDA)',
    image: `${KUBEFLOW_IMAGES}/jupyter-pytorch-cuda-full:v1.10.0`,
  },
  {
    name: 'VS Code (code-server, Python)',
    image: `${KUBEFLOW_IMAGES}/codeserver-python:v1.10.0`,
  },
];

/** NVIDIA's device plugin resource, and the taint its nodes usually carry. @public */
export const DEFAULT_GPU_VENDORS: GpuVendor[] = [
  {
    vendor: 'nvidia',
    resourceName: 'nvidia.com/gpu',
    tolerations: [
      { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
    ],
  },
];

function readTolerations(config: Config | undefined): Toleration[] {
  return (config?.getOptionalConfigArray('tolerations') ?? []).map(t => ({
    key: t.getOptionalString('key'),
    operator: t.getOptionalString('operator') as Toleration['operator'],
    value: t.getOptionalString('value'),
    effect: t.getOptionalString('effect') as Toleration['effect'],
  }));
}

/** Drops keys whose value is undefined, so objects compare and serialize cleanly. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

/**
 * Reads and checks `mlPlatform.notebooks`; a wrong value stops the backend
 * at start-up naming the key.
 * @public
 */
export function readNotebookSettings(root: Config): NotebookSettings {
  const config = root.getOptionalConfig('mlPlatform.notebooks');
  const issues: ValidationIssue[] = [];
  const images =
    config?.getOptionalConfigArray('images')?.map(image => ({
      name: image.getString('name'),
      image: image.getString('image'),
    })) ?? DEFAULT_NOTEBOOK_IMAGES;
  const factor = (key: string, fallback: number) => {
    const value = config?.getOptionalNumber(`limitFactors.${key}`) ?? fallback;
    if (!(value >= 1)) {
      issues.push({
        field: `mlPlatform.notebooks.limitFactors.${key}`,
        reason: 'must be a number of at least 1',
      });
    }
    return value;
  };
  const gpus =
    config?.getOptionalConfigArray('gpus')?.map(gpu => ({
      vendor: gpu.getString('vendor'),
      resourceName: gpu.getString('resourceName'),
      tolerations: readTolerations(gpu),
    })) ?? DEFAULT_GPU_VENDORS;
  const defaultSize =
    config?.getOptionalString('workspace.defaultSize') ?? '10Gi';
  issues.push(
    ...validateQuantity(
      'mlPlatform.notebooks.workspace.defaultSize',
      defaultSize,
    ),
  );
  const idleMinutes = config?.getOptionalNumber('culling.idleMinutes');
  const settings: NotebookSettings = {
    images,
    customImages: {
      allowed: config?.getOptionalBoolean('customImages.allowed') ?? false,
      registries:
        config?.getOptionalStringArray('customImages.registries') ?? [],
    },
    limitFactors: { cpu: factor('cpu', 2), memory: factor('memory', 1) },
    gpus,
    schedulingGroups: (
      config?.getOptionalConfigArray('schedulingGroups') ?? []
    ).map(group =>
      defined({
        id: group.getString('id'),
        title: group.getString('title'),
        tolerations: readTolerations(group),
        affinity: group.getOptional('affinity') as
          | Record<string, unknown>
          | undefined,
      }),
    ),
    gatewayUrl: config?.getOptionalString('gatewayUrl')?.replace(/\/+$/, ''),
    workspace: defined({
      defaultSize,
      mountPath:
        config?.getOptionalString('workspace.mountPath') ?? '/home/jovyan',
      storageClass: config?.getOptionalString('workspace.storageClass'),
    }),
    culling: defined({
      enabled:
        config?.getOptionalBoolean('culling.enabled') ??
        idleMinutes !== undefined,
      idleMinutes,
    }),
  };
  if (images.length === 0 && !settings.customImages.allowed) {
    issues.push({
      field: 'mlPlatform.notebooks.images',
      reason:
        'is empty and custom images are not allowed: no notebook could be made',
    });
  }
  if (issues.length > 0) {
    throw new InputError(`Invalid config: ${describeIssues(issues)}`);
  }
  return settings;
}
