import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * What `up` records about a process it started, so `down` stops exactly that
 * process: a pid alone could have been reused by now, a pid plus its start
 * time (from /proc) cannot.
 */
export type ProcessRecord = {
  component: string;
  pid: number;
  /** Field 22 of /proc/<pid>/stat: start time in clock ticks since boot. */
  startTicks: number;
  /** /proc/<pid>/cmdline right after the exec. */
  cmdline: string[];
  /** Digest of command, arguments and inputs: a change means a restart. */
  specHash: string;
  startedAt: string;
  logFile: string;
};

export type ProcStat = {
  pid: number;
  state: string;
  pgrp: number;
  startTicks: number;
};

/** Parses /proc/<pid>/stat. The command name may hold spaces and parentheses, so fields are counted after the last ')'. */
export function parseProcStat(text: string): ProcStat {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) {
    throw new Error(`Unexpected /proc stat line: ${text.slice(0, 80)}`);
  }
  const rest = text
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  // rest[0] is field 3 (state); field N is rest[N - 3]
  return {
    pid: Number(text.slice(0, open).trim()),
    state: rest[0],
    pgrp: Number(rest[2]),
    startTicks: Number(rest[19]),
  };
}

export function readProcStat(pid: number): ProcStat | undefined {
  try {
    return parseProcStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

function readCmdline(pid: number): string[] {
  try {
    return fs
      .readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      .split('\0')
      .filter(Boolean);
  } catch {
    return [];
  }
}

/** True when the recorded process still runs and is the one we started (same pid, start time and command line). */
export function isOurProcess(record: ProcessRecord): boolean {
  const stat = readProcStat(record.pid);
  if (!stat || stat.state === 'Z' || stat.state === 'X') {
    return false;
  }
  if (stat.startTicks !== record.startTicks) {
    return false;
  }
  const cmdline = readCmdline(record.pid);
  return cmdline.join('\0') === record.cmdline.join('\0');
}

export function specHash(
  command: string,
  args: string[],
  inputFiles: string[] = [],
): string {
  const hash = crypto.createHash('sha256');
  hash.update(JSON.stringify([command, args]));
  for (const file of inputFiles) {
    hash.update('\0');
    hash.update(fs.existsSync(file) ? fs.readFileSync(file) : 'missing');
  }
  return hash.digest('hex').slice(0, 16);
}

export function pidFile(pidsDir: string, component: string): string {
  return path.join(pidsDir, `${component}.json`);
}

export function readRecord(
  pidsDir: string,
  component: string,
): ProcessRecord | undefined {
  try {
    return JSON.parse(fs.readFileSync(pidFile(pidsDir, component), 'utf8'));
  } catch {
    return undefined;
  }
}

export function removeRecord(pidsDir: string, component: string): void {
  fs.rmSync(pidFile(pidsDir, component), { force: true });
}

export type SpawnSpec = {
  component: string;
  command: string;
  args: string[];
  env?: Record<string, string | undefined>;
  cwd?: string;
  logFile: string;
  pidsDir: string;
  specHash: string;
};

export type Spawned = {
  record: ProcessRecord;
  /** Resolves with the exit code if the process exits while we still watch it. */
  exited: Promise<number | null>;
  /** Set once the process exited. */
  exitCode: () => number | null | undefined;
};

/**
 * Starts a long-running process in its own session (so it outlives the CLI and
 * `down` can stop its whole process group), with stdout and stderr appended to
 * its log file, and records it in its pid file.
 */
export async function spawnDetached(spec: SpawnSpec): Promise<Spawned> {
  fs.mkdirSync(path.dirname(spec.logFile), { recursive: true });
  fs.mkdirSync(spec.pidsDir, { recursive: true });
  const header = `\n===== ${new Date().toISOString()} ${
    spec.command
  } ${spec.args.join(' ')}\n`;
  fs.appendFileSync(spec.logFile, header);
  const fd = fs.openSync(spec.logFile, 'a');
  let code: number | null | undefined;
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    detached: true,
    stdio: ['ignore', fd, fd],
  });
  fs.closeSync(fd);
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', () => resolve());
    child.once('error', err =>
      reject(
        new Error(
          `Cannot start ${spec.component} (${spec.command}): ${err.message}`,
        ),
      ),
    );
  });
  const exited = new Promise<number | null>(resolve => {
    child.once('exit', c => {
      code = c;
      resolve(c);
    });
  });
  child.unref();
  const pid = child.pid!;
  const stat = readProcStat(pid);
  const record: ProcessRecord = {
    component: spec.component,
    pid,
    startTicks: stat?.startTicks ?? -1,
    cmdline: readCmdline(pid),
    specHash: spec.specHash,
    startedAt: new Date().toISOString(),
    logFile: spec.logFile,
  };
  fs.writeFileSync(
    pidFile(spec.pidsDir, spec.component),
    `${JSON.stringify(record, null, 2)}\n`,
  );
  return { record, exited, exitCode: () => code };
}

function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    const stat = readProcStat(Number(entry));
    if (
      stat &&
      stat.pgrp === pgid &&
      stat.state !== 'Z' &&
      stat.state !== 'X'
    ) {
      members.push(stat.pid);
    }
  }
  return members;
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // the group is gone already
  }
}

export type StopResult = 'stopped' | 'killed' | 'not-running' | 'not-ours';

/**
 * Stops a recorded process and the processes it started (its process group),
 * after checking it is still the process we started. SIGTERM first, SIGKILL
 * after `timeoutMs`.
 */
export async function stopRecorded(
  record: ProcessRecord,
  timeoutMs = 20_000,
): Promise<StopResult> {
  const stat = readProcStat(record.pid);
  if (!stat || stat.state === 'Z') {
    return 'not-running';
  }
  if (!isOurProcess(record)) {
    return 'not-ours';
  }
  // spawnDetached made the process a session and group leader; only signal the group if that still holds
  const pgid = stat.pgrp === record.pid ? record.pid : undefined;
  if (pgid) {
    signalGroup(pgid, 'SIGTERM');
  } else {
    process.kill(record.pid, 'SIGTERM');
  }
  const alive = () =>
    pgid ? groupMembers(pgid).length > 0 : isOurProcess(record);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) {
      return 'stopped';
    }
    await sleep(100);
  }
  if (pgid) {
    signalGroup(pgid, 'SIGKILL');
  } else if (isOurProcess(record)) {
    process.kill(record.pid, 'SIGKILL');
  }
  const killDeadline = Date.now() + 5_000;
  while (alive() && Date.now() < killDeadline) {
    await sleep(100);
  }
  return 'killed';
}

export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

/** The last lines of a log file, for error messages. */
export function tailFile(file: string, lines = 40): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return `(no log at ${file})`;
  }
}

/** An error that carries the tail of a component's log. */
export function componentError(
  component: string,
  message: string,
  logFile: string,
): Error {
  return new Error(
    `${component}: ${message}\n--- last lines of ${logFile} ---\n${tailFile(
      logFile,
    )}\n--- end of ${path.basename(logFile)} ---`,
  );
}

export type RunOptions = {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** stdout and stderr go here; the error message quotes its tail. */
  logFile: string;
  /** Called every `heartbeatMs` while the command runs (long builds). */
  onHeartbeat?: (elapsedMs: number) => void;
  heartbeatMs?: number;
};

/** Runs a one-shot command to completion, logging its output to a file; throws with the log tail on failure. */
export async function runLogged(
  command: string,
  args: string[],
  options: RunOptions,
): Promise<void> {
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  fs.appendFileSync(
    options.logFile,
    `\n===== ${new Date().toISOString()} ${command} ${args.join(' ')}\n`,
  );
  const fd = fs.openSync(options.logFile, 'a');
  const started = Date.now();
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', fd, fd],
  });
  fs.closeSync(fd);
  const timer = options.onHeartbeat
    ? setInterval(
        () => options.onHeartbeat!(Date.now() - started),
        options.heartbeatMs ?? 30_000,
      )
    : undefined;
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', c => resolve(c));
    });
    if (code !== 0) {
      throw new Error(
        `\`${command} ${args.join(
          ' ',
        )}\` failed with exit code ${code}\n--- last lines of ${
          options.logFile
        } ---\n${tailFile(options.logFile)}`,
      );
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`\`${command}\` is not installed or not on PATH`);
    }
    throw err;
  } finally {
    if (timer) {
      clearInterval(timer);
    }
  }
}

/**
 * Session leaders running exactly `command args` (directly, or through a
 * script interpreter as the venv's `mlflow` does): processes an earlier `up`
 * started whose pid file has since been lost. The arguments name the state
 * folder, so nothing else matches.
 */
export function findByCommandLine(
  component: string,
  command: string,
  args: string[],
): ProcessRecord[] {
  const found: ProcessRecord[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    const pid = Number(entry);
    const stat = readProcStat(pid);
    if (!stat || stat.pgrp !== pid || stat.state === 'Z') {
      continue;
    }
    const cmdline = readCmdline(pid);
    // the command itself, or its interpreter followed by the script
    const position = cmdline.slice(0, 2).indexOf(command);
    const offset = position + 1;
    if (position < 0 || cmdline.length !== offset + args.length) {
      continue;
    }
    if (args.every((arg, i) => cmdline[offset + i] === arg)) {
      found.push({
        component,
        pid,
        startTicks: stat.startTicks,
        cmdline,
        specHash: '',
        startedAt: '',
        logFile: '',
      });
    }
  }
  return found;
}
