import {
  HttpMethod,
  IsomorphicFetchHttpLibrary,
  ResponseContext,
  wrapHttpLibrary,
  type HttpLibrary,
  type RequestContext,
} from '@kubernetes/client-node';
import {
  RequestTimeoutError,
  withReadRetries,
  type RetryPolicy,
} from './requestFaults';

/** How the suite's Kubernetes clients send requests. */
export type KubernetesRequestPolicy = RetryPolicy & {
  /** Per attempt, headers and body included. */
  timeoutMs: number;
};

/** Sent once per group: Kubernetes reads each line as one group. @public */
export const IMPERSONATE_GROUP_HEADER = 'Impersonate-Group';

/**
 * client-node keeps one string per header name; values that must go out as
 * separate header lines are joined with a newline, which no header value may
 * contain, and split again by {@link headerLines}.
 */
const VALUE_SEPARATOR = '\n';

export function joinHeaderValues(values: string[]): string {
  return values.join(VALUE_SEPARATOR);
}

/**
 * The request's headers as [name, value] lines; node-fetch sends a list of
 * lines as given, so a joined value becomes one line per value.
 */
export function headerLines(
  headers: Record<string, string>,
): Array<[string, string]> {
  return Object.entries(headers).flatMap(([name, value]) =>
    value.split(VALUE_SEPARATOR).map(line => [name, line] as [string, string]),
  );
}

/** The request, sending its headers as {@link headerLines}. */
function withHeaderLines(request: RequestContext): RequestContext {
  const lines = headerLines(request.getHeaders());
  return Object.create(request, {
    getHeaders: { value: () => lines },
  }) as RequestContext;
}

/** Safe to send again: they change nothing. */
const READ_METHODS: ReadonlySet<string> = new Set([
  HttpMethod.GET,
  HttpMethod.HEAD,
]);

const NO_RETRIES: RetryPolicy = { retries: 0, retryDelayMs: 0 };

/**
 * One attempt under its own timeout. The body is read inside the attempt, so
 * that an apiserver that sends headers and then stalls times out too.
 */
async function sendOnce(
  transport: HttpLibrary,
  request: RequestContext,
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
): Promise<ResponseContext> {
  const timeout = AbortSignal.timeout(timeoutMs);
  request.setSignal(
    callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout,
  );
  try {
    const response = await transport.send(withHeaderLines(request)).toPromise();
    const body = await response.body.binary();
    return new ResponseContext(response.httpStatusCode, response.headers, {
      binary: async () => body,
      text: async () => body.toString('utf8'),
    });
  } catch (error) {
    if (timeout.aborted && !callerSignal?.aborted) {
      throw new RequestTimeoutError(timeoutMs, { cause: error });
    }
    throw error;
  }
}

/**
 * The HTTP library of the suite's Kubernetes API clients: client-node's own
 * (node-fetch), with a timeout per attempt and, for reads (GET, HEAD) only,
 * retries after a network failure other than the timeout or a 502/503/504.
 * Writes (apply, POST, PUT, DELETE) are sent once.
 */
export function kubernetesHttpLibrary(
  policy: KubernetesRequestPolicy,
): HttpLibrary {
  const transport = new IsomorphicFetchHttpLibrary();
  return wrapHttpLibrary({
    send(request) {
      const callerSignal = request.getSignal();
      return withReadRetries(
        () => sendOnce(transport, request, policy.timeoutMs, callerSignal),
        response => response.httpStatusCode,
        READ_METHODS.has(request.getHttpMethod()) ? policy : NO_RETRIES,
      );
    },
  });
}
