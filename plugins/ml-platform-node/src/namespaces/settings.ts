import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  describeIssues,
  validateQuantity,
  type ValidationIssue,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import {
  DEFAULT_SIZE_PRESETS,
  QUOTA_QUANTITY_KEYS,
  type QuotaSpec,
} from './quota';
import {
  DEFAULT_NAMESPACE_POLICY,
  type NamespacePolicy,
} from './renderNamespace';

/** The most a single namespace may be given with explicit quota values. @public */
export type QuotaMaxima = {
  cpu: string;
  memory: string;
  gpu: number;
  storage: string;
  persistentVolumeClaims: number;
  pods: number;
};

/** How the suite provisions namespaces, from `mlPlatform.namespaces`. @public */
export type NamespaceSettings = {
  /** Size presets offered by the templates. */
  sizes: Record<string, QuotaSpec>;
  maxima: QuotaMaxima;
  policy: NamespacePolicy;
  /** Render a Kubeflow Profile instead of the raw namespace objects. */
  kubeflowProfiles: boolean;
};

/** @public */
export const DEFAULT_QUOTA_MAXIMA: QuotaMaxima = {
  cpu: '64',
  memory: '256Gi',
  gpu: 8,
  storage: '2Ti',
  persistentVolumeClaims: 50,
  pods: 500,
};

/** Reads a config value that may be written as a string or a number ("4", 4). */
function readQuantity(config: Config, key: string): string | undefined {
  const value = config.getOptional(key);
  return value === undefined ? undefined : String(value);
}

function readQuotaSpec(config: Config): QuotaSpec {
  return {
    cpu: readQuantity(config, 'cpu') ?? config.getString('cpu'),
    cpuLimit: readQuantity(config, 'cpuLimit'),
    memory: config.getString('memory'),
    memoryLimit: config.getOptionalString('memoryLimit'),
    gpu: config.getOptionalNumber('gpu') ?? 0,
    storage: config.getString('storage'),
    persistentVolumeClaims: config.getNumber('persistentVolumeClaims'),
    pods: config.getNumber('pods'),
  };
}

function readSizes(config: Config | undefined): Record<string, QuotaSpec> {
  if (!config) {
    return { ...DEFAULT_SIZE_PRESETS };
  }
  return Object.fromEntries(
    config.keys().map(size => [size, readQuotaSpec(config.getConfig(size))]),
  );
}

function readMaxima(config: Config | undefined): QuotaMaxima {
  if (!config) {
    return DEFAULT_QUOTA_MAXIMA;
  }
  return {
    cpu: readQuantity(config, 'cpu') ?? DEFAULT_QUOTA_MAXIMA.cpu,
    memory: config.getOptionalString('memory') ?? DEFAULT_QUOTA_MAXIMA.memory,
    gpu: config.getOptionalNumber('gpu') ?? DEFAULT_QUOTA_MAXIMA.gpu,
    storage:
      config.getOptionalString('storage') ?? DEFAULT_QUOTA_MAXIMA.storage,
    persistentVolumeClaims:
      config.getOptionalNumber('persistentVolumeClaims') ??
      DEFAULT_QUOTA_MAXIMA.persistentVolumeClaims,
    pods: config.getOptionalNumber('pods') ?? DEFAULT_QUOTA_MAXIMA.pods,
  };
}

function readContainerDefaults(
  config: Config | undefined,
): NamespacePolicy['containerDefaults'] {
  const defaults = DEFAULT_NAMESPACE_POLICY.containerDefaults;
  if (!config) {
    return defaults;
  }
  return {
    cpuRequest: readQuantity(config, 'cpuRequest') ?? defaults.cpuRequest,
    cpuLimit: readQuantity(config, 'cpuLimit') ?? defaults.cpuLimit,
    memoryRequest:
      config.getOptionalString('memoryRequest') ?? defaults.memoryRequest,
    memoryLimit:
      config.getOptionalString('memoryLimit') ?? defaults.memoryLimit,
  };
}

function readPolicy(
  config: Config | undefined,
  kubeflowProfiles: boolean,
): NamespacePolicy {
  const defaults = DEFAULT_NAMESPACE_POLICY;
  return {
    // Kubeflow's profile controller gives every profile namespace default-editor
    sparkServiceAccount:
      config?.getOptionalString('sparkServiceAccount') ??
      (kubeflowProfiles ? 'default-editor' : defaults.sparkServiceAccount),
    teamGroupPattern:
      config?.getOptionalString('kubernetesGroups.teamPattern') ??
      defaults.teamGroupPattern,
    adminGroups:
      config?.getOptionalStringArray('kubernetesGroups.admins') ??
      defaults.adminGroups,
    ingressFromNamespaces:
      config?.getOptionalStringArray('ingressFromNamespaces') ??
      defaults.ingressFromNamespaces,
    containerDefaults: readContainerDefaults(
      config?.getOptionalConfig('containerDefaults'),
    ),
  };
}

/**
 * Reads `mlPlatform.namespaces`; everything has a default, so a portal
 * without that section provisions with the built-in presets and policy.
 * @public
 */
export function readNamespaceSettings(config: Config): NamespaceSettings {
  const section = config.getOptionalConfig('mlPlatform.namespaces');
  const kubeflowProfiles =
    section?.getOptionalBoolean('kubeflowProfiles') ?? false;
  const settings = {
    sizes: readSizes(section?.getOptionalConfig('sizes')),
    maxima: readMaxima(section?.getOptionalConfig('maxima')),
    policy: readPolicy(section, kubeflowProfiles),
    kubeflowProfiles,
  };
  const issues = [
    ...Object.entries(settings.sizes).flatMap(([size, spec]) =>
      quantityIssues(`mlPlatform.namespaces.sizes.${size}`, spec),
    ),
    ...quantityIssues('mlPlatform.namespaces.maxima', settings.maxima),
  ];
  if (issues.length > 0) {
    // At start-up, not on the first request that uses the preset.
    throw new InputError(describeIssues(issues));
  }
  return settings;
}

function quantityIssues(
  prefix: string,
  values: Record<string, unknown>,
): ValidationIssue[] {
  return QUOTA_QUANTITY_KEYS.filter(key => values[key] !== undefined).flatMap(
    key => validateQuantity(`${prefix}.${key}`, values[key]),
  );
}
