import { ServiceUnavailableError } from '@backstage/errors';
import { redactUrlsIn } from './urls';

/** How long one request to an external system may take, unless configured. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Extra attempts of a read and the first pause between them (doubling per retry). */
export type RetryPolicy = {
  retries: number;
  retryDelayMs: number;
};

/** Two retries after 200 ms and 400 ms. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 2,
  retryDelayMs: 200,
};

/** A request given up after its timeout; carries the timeout for messages. */
export class RequestTimeoutError extends Error {
  override readonly name = 'TimeoutError';

  constructor(readonly timeoutMs: number, options?: { cause?: unknown }) {
    super(`no answer within ${formatSeconds(timeoutMs)}`, options);
  }
}

/** Milliseconds in seconds for messages: 10000 is "10 s", 300 is "0.3 s". */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** True when the request was aborted by its timeout (duck-typed: fetch errors come from another realm under jest). */
export function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown })?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

/** Statuses worth another try: the server or a proxy in front of it is briefly unavailable. */
export function isRetryableStatus(status: number): boolean {
  return status === 502 || status === 503 || status === 504;
}

/** The system-level code of a network failure (ECONNREFUSED, ENOTFOUND, ...), on the error or its cause. */
export function networkCodeOf(error: unknown): string | undefined {
  const { code, cause } = (error ?? {}) as {
    code?: unknown;
    cause?: { code?: unknown };
  };
  if (typeof cause?.code === 'string') {
    return cause.code;
  }
  return typeof code === 'string' ? code : undefined;
}

/**
 * The error for a request that got no HTTP answer, naming the system (e.g.
 * `Prometheus at http://127.0.0.1:19090`): it did not answer within its
 * timeout, or it could not be reached, with the network code as the reason.
 */
export function noAnswerError(
  system: string,
  error: unknown,
): ServiceUnavailableError {
  if (isTimeout(error)) {
    const timeoutMs = (error as { timeoutMs?: unknown }).timeoutMs;
    return new ServiceUnavailableError(
      `${system} did not answer within ${
        typeof timeoutMs === 'number' ? formatSeconds(timeoutMs) : 'its timeout'
      }`,
    );
  }
  const reason =
    networkCodeOf(error) ??
    redactUrlsIn((error as Error)?.message ?? String(error));
  return new ServiceUnavailableError(`${system} is unreachable: ${reason}`);
}

/**
 * Runs `attempt`, and runs it again (up to `policy.retries` more times, with
 * doubling pauses) while it fails without an answer, except by its timeout
 * (the next try would most likely wait as long), or answers 502, 503 or 504.
 * Gives the last answer, or throws the last failure. Only for reads: a write
 * that failed may still have happened.
 */
export async function withReadRetries<T>(
  attempt: () => Promise<T>,
  statusOf: (answer: T) => number,
  policy: RetryPolicy,
): Promise<T> {
  for (let tries = 1; ; tries++) {
    const last = tries > policy.retries;
    let answer: T;
    try {
      answer = await attempt();
    } catch (error) {
      if (last || isTimeout(error)) {
        throw error;
      }
      await pause(policy.retryDelayMs * 2 ** (tries - 1));
      continue;
    }
    if (last || !isRetryableStatus(statusOf(answer))) {
      return answer;
    }
    await pause(policy.retryDelayMs * 2 ** (tries - 1));
  }
}

function pause(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
