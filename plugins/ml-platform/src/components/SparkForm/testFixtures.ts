import type { SparkOptions } from '@ml-platform/backstage-plugin-ml-platform-common';

/** What GET /spark/options answers: two versions, the default prefixes and a few conf keys. */
export function sparkOptions(
  overrides: Partial<SparkOptions> = {},
): SparkOptions {
  return {
    backend: 'kubeflow',
    versions: [
      { version: '4.0.1', image: 'docker.io/library/spark:4.0.1' },
      { version: '3.5.7', image: 'docker.io/library/spark:3.5.7' },
    ],
    applicationFilePrefixes: [
      'local:///opt/spark/',
      'local:///opt/spark-apps/',
    ],
    allowedConfKeys: [
      'spark.sql.shuffle.partitions',
      'spark.sql.adaptive.enabled',
      'spark.serializer',
    ],
    types: ['Python', 'Scala', 'Java'],
    restartPolicies: ['Never', 'OnFailure', 'Always'],
    concurrencyPolicies: ['Allow', 'Forbid', 'Replace'],
    ...overrides,
  };
}
