import type { ServiceUnavailableError } from '@backstage/errors';
import type { ClusterConnection } from './connections';
import { displayUrl } from './urls';
import { noAnswerError } from './requestFaults';

/** The HTTP status of a client-node ApiException, if the apiserver answered. @public */
export function apiStatusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
}

/** True when the apiserver answered 404 Not Found. @public */
export function isNotFound(error: unknown): boolean {
  return apiStatusOf(error) === 404;
}

/**
 * The call's result, or undefined when the apiserver answers 404 (the object,
 * or the resource type, does not exist); other failures are rethrown.
 * @public
 */
export async function unlessNotFound<T>(
  call: Promise<T>,
): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (isNotFound(error)) {
      return undefined;
    }
    throw error;
  }
}

/** The apiserver's own message of a failed call (Status.message), or the error's. @public */
export function apiMessageOf(error: unknown): string {
  const body = (error as { body?: unknown })?.body;
  if (typeof body === 'string') {
    try {
      const status = JSON.parse(body);
      if (typeof status?.message === 'string') {
        return status.message;
      }
    } catch {
      return body;
    }
  }
  const message = (error as Error)?.message ?? String(error);
  return message;
}

/**
 * The error to give users when the cluster gave no HTTP answer: names the
 * cluster and its URL, and says it did not answer within the timeout or the
 * network reason it could not be reached.
 * @public
 */
export function clusterUnreachable(
  cluster: Pick<ClusterConnection, 'name' | 'url'>,
  error: unknown,
): ServiceUnavailableError {
  return noAnswerError(
    `Kubernetes cluster "${cluster.name}" at ${displayUrl(cluster.url)}`,
    error,
  );
}

/**
 * Runs a cluster call; a failure without an HTTP answer becomes
 * `clusterUnreachable`, an apiserver answer is rethrown as is.
 * @public
 */
export async function onCluster<T>(
  cluster: Pick<ClusterConnection, 'name' | 'url'>,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (apiStatusOf(error) === undefined) {
      throw clusterUnreachable(cluster, error);
    }
    throw error;
  }
}
