import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { DEFAULT_TIMEOUT_MS } from './requestFaults';

/**
 * How long the suite waits for one request to each system, in milliseconds
 * (per attempt; reads are retried, see `withReadRetries`).
 * MLflow's is `connections.mlflow.timeoutMs`.
 * @public
 */
export type PlatformTimeouts = {
  /** `mlPlatform.kubernetes.timeoutMs`, default 10000. */
  kubernetesMs: number;
  /** `mlPlatform.prometheus.timeoutMs`, default 10000. */
  prometheusMs: number;
};

function readTimeout(config: Config, key: string): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) {
    return DEFAULT_TIMEOUT_MS;
  }
  if (!Number.isFinite(value) || value <= 0) {
    throw new InputError(
      `${key} must be a positive number of milliseconds, not ${value}`,
    );
  }
  return value;
}

/**
 * Reads `mlPlatform.kubernetes.timeoutMs` and `mlPlatform.prometheus.timeoutMs`.
 * @public
 */
export function readPlatformTimeouts(config: Config): PlatformTimeouts {
  return {
    kubernetesMs: readTimeout(config, 'mlPlatform.kubernetes.timeoutMs'),
    prometheusMs: readTimeout(config, 'mlPlatform.prometheus.timeoutMs'),
  };
}
