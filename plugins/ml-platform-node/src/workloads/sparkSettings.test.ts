import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_SPARK_CONF_KEYS,
  DEFAULT_SPARK_VERSIONS,
  readSparkSettings,
} from './sparkSettings';

type JsonObject = NonNullable<ConstructorParameters<typeof ConfigReader>[0]>;

const read = (spark: JsonObject) =>
  readSparkSettings(new ConfigReader({ mlPlatform: { spark } }), 'spark');

describe('readSparkSettings', () => {
  it('has defaults for everything', () => {
    expect(readSparkSettings(new ConfigReader({}), 'spark-driver')).toEqual({
      backend: 'kubeflow',
      versions: DEFAULT_SPARK_VERSIONS,
      applicationFilePrefixes: [
        'local:///opt/spark/',
        'local:///opt/spark-apps/',
      ],
      allowedConfKeys: DEFAULT_SPARK_CONF_KEYS,
      serviceAccount: 'spark-driver',
      gatewayUrl: undefined,
      uiUrlPattern: '{gateway}/spark/{namespace}/{name}/',
      connectUrlPattern: undefined,
      historyServerUrl: undefined,
      limits: { maxExecutors: 20, maxCores: 16, maxMemoryMiB: 65536 },
      defaultTimeToLiveSeconds: 604800,
    });
    expect(DEFAULT_SPARK_VERSIONS).toEqual([
      { version: '4.0.1', image: 'docker.io/library/spark:4.0.1' },
    ]);
    // nothing that changes where a job runs or as whom
    expect(
      DEFAULT_SPARK_CONF_KEYS.filter(key => key.startsWith('spark.kubernetes')),
    ).toEqual([]);
  });

  it('reads every key, without trailing slashes on the URLs', () => {
    expect(
      read({
        backend: 'apache',
        versions: [
          { version: '3.5.7', image: 'registry.example.com/spark:3.5.7' },
        ],
        applicationFilePrefixes: ['s3a://team-bucket/'],
        allowedConfKeys: ['spark.sql.shuffle.partitions'],
        gatewayUrl: 'https://gateway.example.com//',
        uiUrlPattern: '{gateway}/ui/{namespace}/{name}/',
        connectUrlPattern: 'sc://spark.example.com:443/;x-name={name}',
        historyServerUrl: 'https://history.example.com/',
        limits: { maxExecutors: 5, maxCores: 4, maxMemoryMiB: 8192 },
        defaultTimeToLiveSeconds: 0,
      }),
    ).toEqual({
      backend: 'apache',
      versions: [
        { version: '3.5.7', image: 'registry.example.com/spark:3.5.7' },
      ],
      applicationFilePrefixes: ['s3a://team-bucket/'],
      allowedConfKeys: ['spark.sql.shuffle.partitions'],
      serviceAccount: 'spark',
      gatewayUrl: 'https://gateway.example.com',
      uiUrlPattern: '{gateway}/ui/{namespace}/{name}/',
      connectUrlPattern: 'sc://spark.example.com:443/;x-name={name}',
      historyServerUrl: 'https://history.example.com',
      limits: { maxExecutors: 5, maxCores: 4, maxMemoryMiB: 8192 },
      defaultTimeToLiveSeconds: 0,
    });
  });

  it('keeps the defaults of the limits not given', () => {
    expect(read({ limits: { maxCores: 2 } }).limits).toEqual({
      maxExecutors: 20,
      maxCores: 2,
      maxMemoryMiB: 65536,
    });
  });

  it.each([
    [{ backend: 'yarn' }, 'mlPlatform.spark.backend "yarn" is neither'],
    [{ versions: [] }, 'mlPlatform.spark.versions is empty'],
    [
      { applicationFilePrefixes: ['/opt/spark/'] },
      'mlPlatform.spark.applicationFilePrefixes "/opt/spark/" is not a URI prefix',
    ],
    [
      { applicationFilePrefixes: ['local:///opt/my apps/'] },
      'mlPlatform.spark.applicationFilePrefixes "local:///opt/my apps/" is not a URI prefix',
    ],
    [{ limits: { maxCores: 0 } }, 'mlPlatform.spark.limits.maxCores must be'],
    [
      { limits: { maxExecutors: -1 } },
      'mlPlatform.spark.limits.maxExecutors must be',
    ],
  ])('refuses %j naming the key', (spark, message) => {
    expect(() => read(spark)).toThrow(InputError);
    expect(() => read(spark)).toThrow(message);
  });

  it('names every wrong key at once', () => {
    expect(() =>
      read({ backend: 'local', versions: [], limits: { maxMemoryMiB: 0 } }),
    ).toThrow(
      'Invalid config: mlPlatform.spark.backend "local" is neither "kubeflow" nor "apache"; mlPlatform.spark.versions is empty: no Spark workload could be made; mlPlatform.spark.limits.maxMemoryMiB must be a number above 0',
    );
  });

  it('wants a version and an image in every version', () => {
    expect(() => read({ versions: [{ version: '4.0.1' }] })).toThrow(/image/);
  });
});
