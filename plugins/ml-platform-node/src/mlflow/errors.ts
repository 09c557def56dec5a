import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { displayUrl } from '../urls';
import { isTimeout } from '../requestFaults';
import type { MlflowErrorBody } from './types';

/** MLflow's `{ error_code, message }` from an error answer, or the text itself. */
export function parseMlflowError(text: string): MlflowErrorBody {
  try {
    const body = JSON.parse(text);
    if (body && typeof body === 'object') {
      return {
        error_code:
          typeof body.error_code === 'string' ? body.error_code : undefined,
        message: typeof body.message === 'string' ? body.message : undefined,
      };
    }
  } catch {
    // not JSON: a proxy's or the security middleware's plain text
  }
  const trimmed = text.trim();
  return { message: trimmed ? trimmed.slice(0, 300) : undefined };
}

/**
 * True for the 403 of MLflow 3's security middleware, which refuses a Host
 * header not listed in `--allowed-hosts` ("Invalid Host header - possible DNS
 * rebinding attack detected").
 */
export function isHostCheckRefusal(status: number, text: string): boolean {
  return status === 403 && /invalid host header|dns rebinding/i.test(text);
}

function networkReason(error: unknown, timeoutMs?: number): string {
  if (isTimeout(error)) {
    return timeoutMs
      ? `no answer within ${timeoutMs} ms`
      : 'no answer within the timeout';
  }
  const { message, cause } = (error ?? {}) as {
    message?: string;
    cause?: { code?: string; message?: string };
  };
  const code =
    cause?.code ?? ((error as { code?: unknown })?.code as string | undefined);
  if (code === 'ECONNREFUSED') {
    return 'connection refused: nothing listens there (is the server running?)';
  }
  if (code === 'ENOTFOUND') {
    return 'the host name does not resolve (ENOTFOUND)';
  }
  if (typeof code === 'string') {
    return cause?.message ? `${code}: ${cause.message}` : code;
  }
  return cause?.message ?? message ?? String(error);
}

/**
 * The error for a request that got no HTTP answer (refused, reset, DNS,
 * timeout).
 * @public
 */
export function mlflowUnreachable(
  baseUrl: string,
  error: unknown,
  timeoutMs?: number,
): ServiceUnavailableError {
  return new ServiceUnavailableError(
    `MLflow at ${displayUrl(baseUrl)} is unreachable: ${networkReason(
      error,
      timeoutMs,
    )}`,
  );
}

const errorCodes = new WeakMap<object, string>();

/**
 * MLflow's `error_code` (e.g. RESOURCE_DOES_NOT_EXIST) of an error made by
 * {@link mlflowHttpError}, if MLflow sent one.
 * @public
 */
export function mlflowErrorCodeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null
    ? errorCodes.get(error)
    : undefined;
}

/**
 * True when MLflow answered that the object does not exist (or the client
 * mapped its answer to a NotFoundError).
 * @public
 */
export function isMlflowNotFound(error: unknown): boolean {
  return (
    mlflowErrorCodeOf(error) === 'RESOURCE_DOES_NOT_EXIST' ||
    (error as { name?: unknown })?.name === 'NotFoundError'
  );
}

/** What the client knows about a failed HTTP answer. */
export type MlflowFailure = {
  baseUrl: string;
  method: string;
  /** The API path, e.g. `/api/2.0/mlflow/experiments/get` (no query: it may name things, never secrets, but keep messages short). */
  path: string;
  status: number;
  /** The answer's body text. */
  body: string;
  /** The search filter sent, if any: named when MLflow refuses the request. */
  filter?: string;
  /** Which kind of credentials were sent (never their values). */
  authType?: 'none' | 'basic' | 'bearer';
};

/**
 * Maps an MLflow error answer to a `@backstage/errors` error whose message
 * says what went wrong in words, naming the MLflow URL and never the
 * credentials.
 * @public
 */
export function mlflowHttpError(failure: MlflowFailure): Error {
  const error = mapHttpError(failure);
  const code = parseMlflowError(failure.body).error_code;
  if (code) {
    errorCodes.set(error, code);
  }
  return error;
}

function mapHttpError(failure: MlflowFailure): Error {
  const { baseUrl, method, path, status, body, authType } = failure;
  const url = displayUrl(baseUrl);
  const parsed = parseMlflowError(body);
  const mlflowMessage = parsed.message ?? `HTTP ${status}`;
  const code = parsed.error_code;

  if (isHostCheckRefusal(status, body)) {
    let host = url;
    try {
      host = new URL(baseUrl).host;
    } catch {
      // keep the URL
    }
    return new ServiceUnavailableError(
      `MLflow at ${url} refused the Host header "${host}" (HTTP 403 "${mlflowMessage}" from MLflow's DNS-rebinding protection). ` +
        `Add "${host}" to the MLflow server's --allowed-hosts (or MLFLOW_SERVER_ALLOWED_HOSTS), ` +
        `or set mlPlatform.mlflow.baseUrl to a host name the server already allows.`,
    );
  }
  if (status === 401 || code === 'UNAUTHENTICATED') {
    const sent =
      !authType || authType === 'none'
        ? 'no credentials were configured'
        : `the configured ${authType} credentials were refused`;
    return new ServiceUnavailableError(
      `MLflow at ${url} requires authentication and ${sent} (HTTP ${status}); check mlPlatform.mlflow.auth`,
    );
  }
  if (code === 'RESOURCE_DOES_NOT_EXIST' || status === 404) {
    return new NotFoundError(
      parsed.message && code
        ? `MLflow at ${url}: ${parsed.message}`
        : `MLflow at ${url} has no ${path} (HTTP 404); is ${url} the MLflow server and is it recent enough?`,
    );
  }
  if (code === 'RESOURCE_ALREADY_EXISTS') {
    return new ConflictError(`MLflow at ${url}: ${mlflowMessage}`);
  }
  if (status === 403 || code === 'PERMISSION_DENIED') {
    return new NotAllowedError(
      `MLflow at ${url} denied ${method} ${path}: ${mlflowMessage}`,
    );
  }
  if (
    code === 'INVALID_PARAMETER_VALUE' ||
    code === 'BAD_REQUEST' ||
    code === 'MALFORMED_REQUEST' ||
    status === 400
  ) {
    const what = failure.filter
      ? `the search with filter "${failure.filter}"`
      : 'the request';
    return new InputError(
      `MLflow at ${url} rejected ${what}: ${mlflowMessage}`,
    );
  }
  if (status >= 500) {
    return new ServiceUnavailableError(
      `MLflow at ${url} failed on ${method} ${path} (HTTP ${status}): ${mlflowMessage}`,
    );
  }
  return new Error(
    `MLflow at ${url} answered HTTP ${status} to ${method} ${path}: ${mlflowMessage}`,
  );
}
