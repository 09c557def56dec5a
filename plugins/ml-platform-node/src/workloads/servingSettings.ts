import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  describeIssues,
  parseQuantity,
  type ServingProtocol,
  type ValidationIssue,
} from '@ml-platform/backstage-plugin-ml-platform-common';

/** Where MLflow keeps artifacts behind one of its own schemes, and where the storage initializer reads them. @public */
export type ArtifactStoreMapping = {
  /** The prefix of MLflow's location, e.g. `mlflow-artifacts:/`. */
  prefix: string;
  /** What it stands for in the store, e.g. `s3://mlflow/`. */
  uri: string;
  /** The namespace Secret with the store's credentials (rclone's `RCLONE_CONFIG_*`), for Seldon's `envSecretRefName`. */
  envSecretRefName?: string;
};

/** Resources of a container Seldon adds to each model server pod (its chart's seldon-config). @public */
export type ContainerResources = {
  cpuRequest: number;
  memoryRequest: number;
  cpuLimit: number;
  memoryLimit: number;
};

/** How models are served, from `mlPlatform.serving`. @public */
export type ServingSettings = {
  gatewayUrl?: string;
  /** The prediction URL by protocol, with `{gateway}`, `{namespace}` and `{name}`. */
  predictionUrlPatterns: Record<ServingProtocol, string>;
  artifactStores: ArtifactStoreMapping[];
  /** URI schemes (rclone remotes) Seldon's storage initializer is configured to read. */
  storageSchemes: string[];
  /** Whether a team may deploy another team's public model into its own namespaces. */
  allowPublicModels: boolean;
  /** What Seldon adds to every pod: the executor, and the storage initializer (an init container). */
  executor: ContainerResources;
  storageInitializer: ContainerResources;
  limits: { maxReplicas: number; maxCpu: number; maxMemoryMiB: number };
  defaults: { cpu: string; memory: string; replicas: number };
};

const MIB = 2 ** 20;

/** Seldon Core 1.17.1's chart values (`executor.resources`, `storageInitializer`). @public */
export const SELDON_CHART_RESOURCES = {
  executor: {
    cpuRequest: 0.5,
    memoryRequest: 512 * MIB,
    cpuLimit: 0.5,
    memoryLimit: 512 * MIB,
  },
  storageInitializer: {
    cpuRequest: 0.1,
    memoryRequest: 100 * MIB,
    cpuLimit: 1,
    memoryLimit: 1024 * MIB,
  },
} as const;

/**
 * Reads and checks `mlPlatform.serving`; a wrong value stops the backend at
 * start-up naming the key.
 * @public
 */
export function readServingSettings(root: Config): ServingSettings {
  const config = root.getOptionalConfig('mlPlatform.serving');
  const issues: ValidationIssue[] = [];
  const field = (key: string) => `mlPlatform.serving.${key}`;
  const artifactStores =
    config?.getOptionalConfigArray('artifactStores')?.map((store, index) => {
      const mapping: ArtifactStoreMapping = {
        prefix: store.getString('prefix'),
        uri: store.getString('uri'),
        envSecretRefName: store.getOptionalString('envSecretRefName'),
      };
      if (!/^[a-z][a-z0-9+.-]*:\S*$/.test(mapping.uri)) {
        issues.push({
          field: field(`artifactStores[${index}].uri`),
          reason: `"${mapping.uri}" is not a URI like "s3://bucket/prefix/"`,
        });
      }
      return mapping;
    }) ?? [];
  const resources = (
    key: 'executor' | 'storageInitializer',
  ): ContainerResources => {
    const fallback = SELDON_CHART_RESOURCES[key];
    const read = (name: keyof ContainerResources) => {
      const text = config?.getOptionalString(`${key}.${name}`);
      if (text === undefined) {
        return fallback[name];
      }
      const value = parseQuantity(text);
      if (value === undefined) {
        issues.push({
          field: field(`${key}.${name}`),
          reason: `"${text}" is not a Kubernetes quantity`,
        });
      }
      return value ?? fallback[name];
    };
    return {
      cpuRequest: read('cpuRequest'),
      memoryRequest: read('memoryRequest'),
      cpuLimit: read('cpuLimit'),
      memoryLimit: read('memoryLimit'),
    };
  };
  const limit = (key: string, fallback: number) => {
    const value = config?.getOptionalNumber(`limits.${key}`) ?? fallback;
    if (!(value > 0)) {
      issues.push({ field: field(`limits.${key}`), reason: 'must be above 0' });
    }
    return value;
  };
  const settings: ServingSettings = {
    gatewayUrl: config?.getOptionalString('gatewayUrl')?.replace(/\/+$/, ''),
    predictionUrlPatterns: {
      seldon:
        config?.getOptionalString('predictionUrlPatterns.seldon') ??
        '{gateway}/seldon/{namespace}/{name}/api/v1.0/predictions',
      v2:
        config?.getOptionalString('predictionUrlPatterns.v2') ??
        '{gateway}/seldon/{namespace}/{name}/v2/models/classifier/infer',
    },
    artifactStores,
    storageSchemes: config?.getOptionalStringArray('storageSchemes') ?? [
      's3',
      'gs',
      'azureblob',
    ],
    allowPublicModels: config?.getOptionalBoolean('allowPublicModels') ?? false,
    executor: resources('executor'),
    storageInitializer: resources('storageInitializer'),
    limits: {
      maxReplicas: limit('maxReplicas', 10),
      maxCpu: limit('maxCpu', 8),
      maxMemoryMiB: limit('maxMemoryMiB', 32 * 1024),
    },
    defaults: {
      cpu: config?.getOptionalString('defaults.cpu') ?? '500m',
      memory: config?.getOptionalString('defaults.memory') ?? '1Gi',
      replicas: config?.getOptionalNumber('defaults.replicas') ?? 1,
    },
  };
  if (issues.length > 0) {
    throw new InputError(`Invalid config: ${describeIssues(issues)}`);
  }
  return settings;
}
