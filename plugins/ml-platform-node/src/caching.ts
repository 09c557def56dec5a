import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/**
 * How long the suite shares what it read between requests (see
 * ReadCache (readCache.ts)), in milliseconds; 0 turns a cache off.
 * @public
 */
export type PlatformCaching = {
  /** `mlPlatform.kubernetes.cacheSeconds`, default 5: the team overview's reads. */
  kubernetesFreshMs: number;
  /**
   * `mlPlatform.kubernetes.accessCacheSeconds`, default 300: how long a
   * user's own read of a namespace, allowed by Kubernetes, lets them be served
   * the namespace's shared reads (renewed in the background while they use it).
   */
  kubernetesAccessMs: number;
  /** `mlPlatform.mlflow.cacheSeconds`, default 5: experiments, runs and models read for users. */
  mlflowFreshMs: number;
};

function readSeconds(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isFinite(value) || value < 0) {
    throw new InputError(
      `${key} must be a number of seconds, 0 or more, not ${value}`,
    );
  }
  return value * 1000;
}

/** Reads the cache settings of {@link PlatformCaching}. @public */
export function readPlatformCaching(config: Config): PlatformCaching {
  return {
    kubernetesFreshMs: readSeconds(
      config,
      'mlPlatform.kubernetes.cacheSeconds',
      5,
    ),
    kubernetesAccessMs: readSeconds(
      config,
      'mlPlatform.kubernetes.accessCacheSeconds',
      300,
    ),
    mlflowFreshMs: readSeconds(config, 'mlPlatform.mlflow.cacheSeconds', 5),
  };
}
