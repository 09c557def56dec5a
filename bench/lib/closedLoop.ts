import { Worker } from 'node:worker_threads';

/** One request a simulated user sends; `route` groups the results. */
export type LoadRequest = {
  route: string;
  method: 'GET' | 'POST';
  url: string;
  /** JSON, sent with `content-type: application/json`. */
  body?: string;
};

/**
 * A closed-loop load: every user sends its next request once the last one
 * is answered and they have thought for a while (none: at once).
 */
export type LoadPhase = {
  /** The `authorization` header of each user, one user per entry. */
  users: string[];
  /** Each user sends these in turn, user `i` starting at entry `i` (so the routes share the load evenly). */
  requests: LoadRequest[];
  seconds: number;
  /**
   * A user's pause between an answer and their next request, on average:
   * each pause is drawn from 0.5 to 1.5 times it, and each user's first
   * request from 0 to 1 times it, so the users do not march in step. 0: none.
   */
  thinkMs: number;
  /** A request not answered in time counts as a network error. */
  timeoutMs: number;
};

export type RouteResult = {
  route: string;
  /** Time to the last byte of each 2xx answer. */
  latenciesMs: number[];
  /** Non-2xx answers and network errors (no answer, timeout). */
  errors: number;
  /** How many answers of each status, `network` for no answer. */
  statuses: Record<string, number>;
  /** The first few errors, e.g. `503 {"error":...}`, for the log. */
  errorSamples: string[];
};

export type PhaseResult = {
  /** From the first request sent to the last answer received. */
  elapsedMs: number;
  routes: RouteResult[];
};

export type Progress = { elapsedMs: number; requests: number; errors: number };

export type WorkerMessage =
  | ({ type: 'progress' } & Progress)
  | { type: 'done'; result: PhaseResult };

/**
 * Runs a load phase in a worker thread, so the client's own work (sending,
 * reading bodies, recording) runs on an event loop of its own, not on the
 * one of a backend started in this process. Each user stops sending when
 * the time is up; the phase ends when every user's last request is
 * answered and the worker has exited (its connections closed).
 * `checkInterrupted` is polled: when it throws, the worker is terminated
 * and the phase fails with its error.
 */
export function runClosedLoop(
  phase: LoadPhase,
  onProgress: (progress: Progress) => void,
  checkInterrupted: () => void,
): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(
      new URL('./closedLoopWorker.ts', import.meta.url),
      { workerData: phase },
    );
    let settled = false;
    const settle = (fn: () => void) => {
      if (!settled) {
        settled = true;
        fn();
      }
    };
    const poll = setInterval(() => {
      try {
        checkInterrupted();
      } catch (error) {
        settle(() => reject(error));
        void worker.terminate();
      }
    }, 250);
    let result: PhaseResult | undefined;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        onProgress(message);
      } else {
        // terminating closes the worker's keep-alive connections, so the
        // phase ends with none of its sockets left open on the server
        result = message.result;
        void worker.terminate();
      }
    });
    worker.once('error', error => settle(() => reject(error)));
    // 'exit' follows 'error' and terminate() too
    worker.once('exit', code => {
      clearInterval(poll);
      settle(() =>
        result
          ? resolve(result)
          : reject(new Error(`the load worker exited early (code ${code})`)),
      );
    });
  });
}
