import { ConfigReader } from '@backstage/config';
import { readPlatformCaching } from './caching';

describe('readPlatformCaching', () => {
  it('shares reads 5 s and allowances 300 s by default', () => {
    expect(readPlatformCaching(new ConfigReader({}))).toEqual({
      kubernetesFreshMs: 5_000,
      kubernetesAccessMs: 300_000,
      mlflowFreshMs: 5_000,
    });
  });

  it('reads the configured seconds; 0 turns a cache off', () => {
    expect(
      readPlatformCaching(
        new ConfigReader({
          mlPlatform: {
            kubernetes: { cacheSeconds: 0, accessCacheSeconds: 30 },
            mlflow: { baseUrl: 'http://m', cacheSeconds: 1.5 },
          },
        }),
      ),
    ).toEqual({
      kubernetesFreshMs: 0,
      kubernetesAccessMs: 30_000,
      mlflowFreshMs: 1_500,
    });
  });

  it('refuses a negative number, naming the key', () => {
    expect(() =>
      readPlatformCaching(
        new ConfigReader({
          mlPlatform: { mlflow: { baseUrl: 'http://m', cacheSeconds: -1 } },
        }),
      ),
    ).toThrow(
      'mlPlatform.mlflow.cacheSeconds must be a number of seconds, 0 or more, not -1',
    );
  });
});
