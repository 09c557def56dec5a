import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  describeIssues,
  type SparkVersionOption,
  type ValidationIssue,
} from '@ml-platform/backstage-plugin-ml-platform-common';

/** How Spark workloads are made, from `mlPlatform.spark`. @public */
export type SparkSettings = {
  /** `kubeflow`: Kubeflow's Spark operator (SparkConnect clusters); `apache`: Apache's (SparkCluster). */
  backend: 'kubeflow' | 'apache';
  versions: SparkVersionOption[];
  /** URI prefixes a job's main application file must start with. */
  applicationFilePrefixes: string[];
  /** Spark conf keys users may set; every other key is refused. */
  allowedConfKeys: string[];
  /** The drivers' service account in every project namespace (`mlPlatform.namespaces.sparkServiceAccount`: the namespace templates make it). */
  serviceAccount: string;
  /** The driver UI while it runs: `{gateway}/spark/{namespace}/{name}/` by default, when gatewayUrl is set. */
  gatewayUrl?: string;
  uiUrlPattern: string;
  /** The gateway form of a Spark Connect address, e.g. `sc://spark.example.com:443/;use_ssl=true;x-namespace={namespace};x-name={name}`. */
  connectUrlPattern?: string;
  /** The Spark history server's base URL: finished applications link `<url>/history/<application id>/`. */
  historyServerUrl?: string;
  /** The most one job or cluster may ask for. */
  limits: { maxExecutors: number; maxCores: number; maxMemoryMiB: number };
  /** Finished applications go after this long unless the input says otherwise (0: kept). */
  defaultTimeToLiveSeconds: number;
};

/** Spark 4.0.1 from Apache's image, as the local platform runs it. @public */
export const DEFAULT_SPARK_VERSIONS: SparkVersionOption[] = [
  { version: '4.0.1', image: 'docker.io/library/spark:4.0.1' },
];

/**
 * Conf keys that tune a job without changing where it runs, as whom, or
 * what its pods ask of the quota (the memory overheads are Spark's defaults,
 * which the quota check counts). @public
 */
export const DEFAULT_SPARK_CONF_KEYS = [
  'spark.sql.shuffle.partitions',
  'spark.sql.adaptive.enabled',
  'spark.sql.adaptive.coalescePartitions.enabled',
  'spark.sql.session.timeZone',
  'spark.default.parallelism',
  'spark.serializer',
  'spark.kryoserializer.buffer.max',
  'spark.sql.files.maxPartitionBytes',
  'spark.sql.autoBroadcastJoinThreshold',
  'spark.eventLog.enabled',
];

/**
 * Reads and checks `mlPlatform.spark`; a wrong value stops the backend at
 * start-up naming the key.
 * @public
 */
export function readSparkSettings(
  root: Config,
  serviceAccount: string,
): SparkSettings {
  const config = root.getOptionalConfig('mlPlatform.spark');
  const issues: ValidationIssue[] = [];
  const backend = (config?.getOptionalString('backend') ?? 'kubeflow') as
    | 'kubeflow'
    | 'apache';
  if (backend !== 'kubeflow' && backend !== 'apache') {
    issues.push({
      field: 'mlPlatform.spark.backend',
      reason: `"${backend}" is neither "kubeflow" nor "apache"`,
    });
  }
  const versions =
    config?.getOptionalConfigArray('versions')?.map(version => ({
      version: version.getString('version'),
      image: version.getString('image'),
    })) ?? DEFAULT_SPARK_VERSIONS;
  if (versions.length === 0) {
    issues.push({
      field: 'mlPlatform.spark.versions',
      reason: 'is empty: no Spark workload could be made',
    });
  }
  const applicationFilePrefixes = config?.getOptionalStringArray(
    'applicationFilePrefixes',
  ) ?? ['local:///opt/spark/', 'local:///opt/spark-apps/'];
  for (const prefix of applicationFilePrefixes) {
    if (!/^[a-z][a-z0-9+.-]*:\/\/\S*$/.test(prefix)) {
      issues.push({
        field: 'mlPlatform.spark.applicationFilePrefixes',
        reason: `"${prefix}" is not a URI prefix like "local:///opt/spark/" or "s3a://bucket/"`,
      });
    }
  }
  const limit = (key: string, fallback: number) => {
    const value = config?.getOptionalNumber(`limits.${key}`) ?? fallback;
    if (!(value > 0)) {
      issues.push({
        field: `mlPlatform.spark.limits.${key}`,
        reason: 'must be a number above 0',
      });
    }
    return value;
  };
  const gatewayUrl = config
    ?.getOptionalString('gatewayUrl')
    ?.replace(/\/+$/, '');
  const settings: SparkSettings = {
    backend,
    versions,
    applicationFilePrefixes,
    allowedConfKeys:
      config?.getOptionalStringArray('allowedConfKeys') ??
      DEFAULT_SPARK_CONF_KEYS,
    serviceAccount,
    gatewayUrl,
    uiUrlPattern:
      config?.getOptionalString('uiUrlPattern') ??
      '{gateway}/spark/{namespace}/{name}/',
    connectUrlPattern: config?.getOptionalString('connectUrlPattern'),
    historyServerUrl: config
      ?.getOptionalString('historyServerUrl')
      ?.replace(/\/+$/, ''),
    limits: {
      maxExecutors: limit('maxExecutors', 20),
      maxCores: limit('maxCores', 16),
      maxMemoryMiB: limit('maxMemoryMiB', 64 * 1024),
    },
    defaultTimeToLiveSeconds:
      config?.getOptionalNumber('defaultTimeToLiveSeconds') ?? 7 * 24 * 3600,
  };
  if (issues.length > 0) {
    throw new InputError(`Invalid config: ${describeIssues(issues)}`);
  }
  return settings;
}
