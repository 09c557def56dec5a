import {
  parseQuantity,
  validateDnsLabel,
  validateQuantity,
  type ValidationIssue,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import type { z as zod } from 'zod/v3';
import type { GpuVendor, NotebookSettings } from '../../notebookSettings';

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
export function vendorOf(
  input: NotebookInput,
  settings: NotebookSettings,
): GpuVendor | undefined {
  return input.gpu?.vendor
    ? settings.gpus.find(gpu => gpu.vendor === input.gpu!.vendor)
    : settings.gpus[0];
}

export const quantity = (value: string | number | undefined) =>
  value === undefined ? undefined : String(value);

/** The limit: given, or the request times the factor (in millicores / bytes). */
export function derivedLimit(
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
