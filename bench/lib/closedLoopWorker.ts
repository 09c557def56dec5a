/**
 * The worker thread of `runClosedLoop()` (closedLoop.ts): runs one load
 * phase with Node's fetch and posts the results back.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type {
  LoadPhase,
  LoadRequest,
  PhaseResult,
  RouteResult,
  WorkerMessage,
} from './closedLoop.ts';

const PROGRESS_EVERY_MS = 10_000;
const ERROR_SAMPLES = 3;

function post(message: WorkerMessage): void {
  parentPort!.postMessage(message);
}

async function runPhase(phase: LoadPhase): Promise<PhaseResult> {
  const routes = new Map<string, RouteResult>();
  for (const { route } of phase.requests) {
    routes.set(route, {
      route,
      latenciesMs: [],
      errors: 0,
      statuses: {},
      errorSamples: [],
    });
  }
  let requests = 0;
  let errors = 0;
  const recordError = (result: RouteResult, status: string, text: string) => {
    result.errors++;
    errors++;
    if (result.errorSamples.length < ERROR_SAMPLES) {
      result.errorSamples.push(`${status} ${text.slice(0, 300)}`);
    }
  };

  const send = async (authorization: string, request: LoadRequest) => {
    const result = routes.get(request.route)!;
    const start = performance.now();
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: {
          authorization,
          ...(request.body ? { 'content-type': 'application/json' } : {}),
        },
        body: request.body,
        signal: AbortSignal.timeout(phase.timeoutMs),
      });
      // the whole body, as a browser would read it
      const text = await response.text();
      const ms = performance.now() - start;
      const status = String(response.status);
      result.statuses[status] = (result.statuses[status] ?? 0) + 1;
      if (response.ok) {
        result.latenciesMs.push(ms);
      } else {
        recordError(result, status, text);
      }
    } catch (error) {
      result.statuses.network = (result.statuses.network ?? 0) + 1;
      // fetch says only "fetch failed"; the cause names the reason
      const { cause } = error as {
        cause?: { code?: string; message?: string };
      };
      const detail = cause?.code ?? cause?.message;
      recordError(
        result,
        'network',
        `${(error as Error).message ?? String(error)}${
          detail ? ` (${detail})` : ''
        }`,
      );
    }
    requests++;
  };

  const started = performance.now();
  const deadline = started + phase.seconds * 1000;
  const progress = setInterval(
    () =>
      post({
        type: 'progress',
        elapsedMs: performance.now() - started,
        requests,
        errors,
      }),
    PROGRESS_EVERY_MS,
  );
  try {
    const think = async (from: number, to: number) => {
      if (phase.thinkMs > 0) {
        await sleep(phase.thinkMs * (from + Math.random() * (to - from)));
      }
    };
    await Promise.all(
      phase.users.map(async (authorization, user) => {
        await think(0, 1);
        for (let i = user; performance.now() < deadline; i++) {
          await send(authorization, phase.requests[i % phase.requests.length]);
          if (performance.now() < deadline) {
            await think(0.5, 1.5);
          }
        }
      }),
    );
  } finally {
    clearInterval(progress);
  }
  return {
    elapsedMs: performance.now() - started,
    routes: [...routes.values()],
  };
}

// a failure is an unhandled rejection: it ends the worker, and the main
// thread gets it as the worker's 'error' event
void runPhase(workerData as LoadPhase).then(result =>
  post({ type: 'done', result }),
);
