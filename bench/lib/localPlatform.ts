import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ensureLocalPlatform,
  getLocalPlatform,
  type LocalPlatform,
} from '@ml-platform/local-platform';
import { log } from './log.ts';

const REPO_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const CLI = path.join(REPO_ROOT, 'packages/local-platform/src/cli.ts');

/** `yarn platform down`, its output on stderr (stdout is the benchmark's report). */
function platformDown(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', CLI, 'down'],
      { cwd: REPO_ROOT, stdio: ['ignore', 2, 2] },
    );
    child.once('error', reject);
    child.once('exit', code =>
      code === 0
        ? resolve()
        : reject(new Error(`yarn platform down failed (exit code ${code})`)),
    );
  });
}

/**
 * Runs `fn` against the local platform (without demo data). Starts the
 * platform when it is not up, and then stops it again afterwards, also when
 * `fn` fails; a platform that was already up (a developer's, or a test
 * run's) is left running, like `scripts/test.sh` does.
 */
export async function withLocalPlatform<T>(
  fn: (platform: LocalPlatform) => Promise<T>,
): Promise<T> {
  const wasUp = (await getLocalPlatform()) !== undefined;
  if (!wasUp) {
    log('local platform is not up: starting it (stopped again at the end)');
  }
  try {
    const platform = await ensureLocalPlatform({
      seed: false,
      log: line => log(`[local-platform] ${line}`),
    });
    return await fn(platform);
  } finally {
    if (!wasUp) {
      log('stopping the local platform this benchmark started');
      await platformDown();
    }
  }
}

/**
 * Ctrl-C (or SIGTERM) while a benchmark runs: the first one makes
 * `check()` throw, so the benchmark stops at its next step and still
 * cleans up; a second one exits at once.
 */
export function interruptible(): { check: () => void; dispose: () => void } {
  let signal: string | undefined;
  const onSignal = (name: NodeJS.Signals) => {
    if (signal) {
      process.exit(130);
    }
    signal = name;
    log(`${name}: stopping after the current step, then cleaning up`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    check: () => {
      if (signal) {
        throw new Error(`interrupted (${signal})`);
      }
    },
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/**
 * A benchmark's entry point: reads its options from the command line, runs it
 * against the local platform with Ctrl-C handling, and sets the exit code
 * (1, with the error on stderr, when it fails).
 */
export function runBenchmark<O>(
  name: string,
  readOptions: (argv: string[]) => O,
  benchmark: (
    platform: LocalPlatform,
    options: O,
    checkInterrupted: () => void,
  ) => Promise<void>,
): void {
  const run = async () => {
    const options = readOptions(process.argv.slice(2));
    const interrupt = interruptible();
    try {
      await withLocalPlatform(platform =>
        benchmark(platform, options, interrupt.check),
      );
    } finally {
      interrupt.dispose();
    }
  };
  run().then(
    () => {
      process.exitCode = 0;
    },
    error => {
      process.stderr.write(
        `\n${name} failed:\n${
          error instanceof Error ? error.stack ?? error.message : String(error)
        }\n`,
      );
      process.exitCode = 1;
    },
  );
}
