import fs from 'node:fs';
import path from 'node:path';
import type { StateLayout } from './paths.ts';
import { assertPortFree, type PlatformPorts } from './ports.ts';
import {
  componentError,
  findByCommandLine,
  isOurProcess,
  readRecord,
  removeRecord,
  sleep,
  spawnDetached,
  specHash,
  stopRecorded,
  type ProcessRecord,
} from './processes.ts';
import { formatDuration, type Reporter } from './progress.ts';

/** A long-running process of the platform: how to start it and how to tell it is ready. */
export type ComponentSpec = {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Files whose content is part of the configuration: a change restarts the process. */
  inputFiles?: string[];
  ports: (keyof PlatformPorts)[];
  /** Resolves true once the component serves requests. */
  ready: () => Promise<boolean>;
  readyTimeoutMs: number;
  /** What the readiness check looks at, for messages. */
  readyDescription: string;
  url?: string;
};

/** Start order; `down` stops in reverse. */
export const COMPONENTS = [
  'etcd',
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
  'kwok',
  'notebook-controller',
  'spark-webhook',
  'spark-operator',
  'seldon-operator',
  'kube-state-metrics',
  'prometheus',
  'mlflow',
] as const;

export type ComponentName = (typeof COMPONENTS)[number];

export function logFileOf(layout: StateLayout, name: string): string {
  return path.join(layout.logsDir, `${name}.log`);
}

/** The record of a component if that process still runs; removes a stale record. */
export function runningRecord(
  layout: StateLayout,
  name: string,
): ProcessRecord | undefined {
  const record = readRecord(layout.pidsDir, name);
  if (!record) {
    return undefined;
  }
  if (isOurProcess(record)) {
    return record;
  }
  removeRecord(layout.pidsDir, name);
  return undefined;
}

export function currentSpecHash(spec: ComponentSpec): string {
  return specHash(
    spec.command,
    [...spec.args, JSON.stringify(spec.env ?? {})],
    spec.inputFiles,
  );
}

/**
 * Makes sure the component runs with this spec and is ready: keeps a running,
 * unchanged process; restarts a changed one; starts a missing one. Fails with
 * the tail of the component's log when it exits or never gets ready.
 */
export async function ensureComponent(
  layout: StateLayout,
  ports: PlatformPorts,
  spec: ComponentSpec,
  report: Reporter,
): Promise<'running' | 'started' | 'restarted'> {
  const hash = currentSpecHash(spec);
  const logFile = logFileOf(layout, spec.name);
  const running = runningRecord(layout, spec.name);
  let outcome: 'started' | 'restarted' = 'started';
  if (running) {
    if (running.specHash === hash) {
      if (await spec.ready()) {
        return 'running';
      }
      report(spec.name, `running (pid ${running.pid}), waiting until ready`);
      await waitReady(spec, logFile, () => isOurProcess(running));
      return 'running';
    }
    report(spec.name, `configuration changed, restarting (pid ${running.pid})`);
    await stopRecorded(running);
    removeRecord(layout.pidsDir, spec.name);
    outcome = 'restarted';
  } else {
    await stopOrphans(spec, report);
  }
  for (const port of spec.ports) {
    await assertPortFree(ports, port);
  }
  fs.mkdirSync(layout.logsDir, { recursive: true });
  const started = Date.now();
  const spawned = await spawnDetached({
    component: spec.name,
    command: spec.command,
    args: spec.args,
    env: spec.env,
    cwd: spec.cwd,
    logFile,
    pidsDir: layout.pidsDir,
    specHash: hash,
  });
  report(
    spec.name,
    `started (pid ${spawned.record.pid}), waiting for ${spec.readyDescription}`,
  );
  await waitReady(
    spec,
    logFile,
    () => spawned.exitCode() === undefined,
    spawned.exitCode,
  );
  report(
    spec.name,
    `ready in ${formatDuration(Date.now() - started)}${
      spec.url ? ` at ${spec.url}` : ''
    }`,
  );
  return outcome;
}

/**
 * Stops processes running this component's exact command line without a pid
 * file (it was deleted while they ran): they hold the ports and the data, and
 * may run with certificates that no longer exist.
 */
export async function stopOrphans(
  spec: ComponentSpec,
  report: Reporter,
): Promise<void> {
  for (const orphan of findByCommandLine(spec.name, spec.command, spec.args)) {
    report(
      spec.name,
      `pid ${orphan.pid} runs this component's exact command line but its pid file is gone: stopping it`,
    );
    await stopRecorded(orphan);
  }
}

async function waitReady(
  spec: ComponentSpec,
  logFile: string,
  alive: () => boolean,
  exitCode?: () => number | null | undefined,
): Promise<void> {
  const deadline = Date.now() + spec.readyTimeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) {
      const code = exitCode?.();
      throw componentError(
        spec.name,
        `exited during start-up${
          code !== undefined ? ` (exit code ${code})` : ''
        }; if its data is damaged, \`./scripts/yarn platform down --purge\` deletes the local state`,
        logFile,
      );
    }
    if (await spec.ready()) {
      return;
    }
    await sleep(250);
  }
  throw componentError(
    spec.name,
    `not ready after ${formatDuration(spec.readyTimeoutMs)} (${
      spec.readyDescription
    }); it is left running for inspection, \`./scripts/yarn platform down\` stops it`,
    logFile,
  );
}

/** A GET that resolves true on a 2xx answer. */
export async function httpOk(url: string, timeoutMs = 2000): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}
