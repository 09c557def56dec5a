#!/usr/bin/env node
// Runs every command of the README's `sh` code blocks the way a new user
// would: from the repository root, in a fresh bash whose PATH holds only the
// system's folders (no project Node, no Yarn), each block with a timeout.
// `./scripts/test.sh` calls it last, while the local platform is up.
//
//   node scripts/readme-commands.mjs [README.md]
//
// Two commands are special:
// - `./scripts/test.sh` is the command running this check: not run again.
// - `./scripts/start.sh` serves until Ctrl-C: it is started first, in the
//   background; the check waits until the portal answers, runs the other
//   blocks against it, then sends Ctrl-C (SIGINT) and waits for it to exit.
//   Ready means what `./scripts/test.sh` waits for before its browser tests:
//   the backend ready and the frontend answering (scripts/wait-for-portal.mjs).
// Commands that stop the local platform (`platform down`) run last.
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SYSTEM_PATH =
  '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const BLOCK_TIMEOUT_MS = 10 * 60_000;
const PORTAL_READY_URL = 'http://localhost:7007/.backstage/health/v1/readiness';
/** Stand-ins the README asks the reader to replace. */
const PLACEHOLDERS = { DEMO_USER: 'alice' };

/** The commands of each `sh` block, `\` continuations joined, comments kept. */
export function readmeBlocks(markdown) {
  const blocks = [];
  for (const match of markdown.matchAll(/^```sh\n([\s\S]*?)^```/gm)) {
    const commands = match[1]
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .map(line => line.trim())
      .filter(line => line && !line.startsWith('#'));
    if (commands.length > 0) {
      blocks.push(commands);
    }
  }
  return blocks;
}

/** How the check treats a command: run in order, in the background, last, or not. */
export function classify(command) {
  if (/^\.\/scripts\/test\.sh\b/.test(command)) return 'self';
  if (/^\.\/scripts\/start\.sh\b/.test(command)) return 'server';
  if (/\bplatform down\b/.test(command)) return 'last';
  return 'inOrder';
}

function withPlaceholders(command) {
  return Object.entries(PLACEHOLDERS).reduce(
    (text, [name, value]) => text.replaceAll(name, value),
    command,
  );
}

/** A new user's environment: HOME and the platform's own settings, nothing else. */
function cleanEnvironment() {
  const env = { HOME: process.env.HOME, PATH: SYSTEM_PATH, LANG: 'C.UTF-8' };
  for (const [name, value] of Object.entries(process.env)) {
    if (name.startsWith('ML_PLATFORM_') && name !== 'ML_PLATFORM_ENVIRONMENT') {
      env[name] = value;
    }
  }
  return env;
}

function startBash(script, options = {}) {
  return spawn('bash', ['-c', script], {
    cwd: REPO_ROOT,
    env: cleanEnvironment(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    ...options,
  });
}

/** One block as one shell, so `eval "$(...)"` reaches the lines after it. */
function runBlock(commands) {
  const script = [
    'set -euo pipefail',
    ...commands.map(
      command =>
        `printf '%s\\n' ${JSON.stringify(`$ ${command}`)} >&2\n${command}`,
    ),
  ].join('\n');
  return new Promise(done => {
    const child = startBash(script);
    let output = '';
    const collect = chunk => {
      output += chunk;
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      output += `\n(timed out after ${BLOCK_TIMEOUT_MS / 1000} s)`;
      process.kill(-child.pid, 'SIGKILL');
    }, BLOCK_TIMEOUT_MS);
    child.on('exit', code => {
      clearTimeout(timer);
      done({ ok: code === 0, output });
    });
  });
}

async function portalAnswers() {
  try {
    const response = await fetch(PORTAL_READY_URL);
    return response.ok;
  } catch {
    return false;
  }
}

/** `scripts/wait-for-portal.mjs`, as `./scripts/test.sh` waits for its portal. */
function waitForPortal(logFile) {
  return new Promise(done => {
    const child = spawn(
      process.execPath,
      [resolve(REPO_ROOT, 'scripts/wait-for-portal.mjs'), logFile],
      { cwd: REPO_ROOT, stdio: 'inherit' },
    );
    child.on('exit', code => done(code === 0));
  });
}

async function startServer(command) {
  const logDir = resolve(REPO_ROOT, '.local-platform/logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = resolve(logDir, 'readme-start.log');
  const log = openSync(logFile, 'w');
  const child = startBash(`exec ${command}`, { stdio: ['ignore', log, log] });
  let exited = false;
  child.on('exit', () => (exited = true));
  const ready = (await waitForPortal(logFile)) && !exited;
  const output = () =>
    readFileSync(logFile, 'utf8').split('\n').slice(-60).join('\n');
  return {
    ready,
    output,
    /** Ctrl-C, as a user stops it; true when it exits within a minute. */
    async stop() {
      if (exited) return false;
      const gone = new Promise(r => child.on('exit', () => r(true)));
      process.kill(-child.pid, 'SIGINT');
      const stopped = await Promise.race([
        gone,
        new Promise(r => setTimeout(() => r(false), 60_000)),
      ]);
      if (!stopped) process.kill(-child.pid, 'SIGKILL');
      return stopped;
    },
  };
}

async function main() {
  const readme = resolve(REPO_ROOT, process.argv[2] ?? 'README.md');
  const blocks = readmeBlocks(readFileSync(readme, 'utf8'));
  const results = [];
  const report = (command, ok, detail = '') => {
    results.push({ command, ok });
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${command}${detail ? `  (${detail})` : ''}`,
    );
  };

  const commands = blocks.flat();
  const servers = [];
  for (const command of commands.filter(c => classify(c) === 'server')) {
    if (await portalAnswers()) {
      report(
        command,
        false,
        'something already answers on :7007; stop it first',
      );
      continue;
    }
    const started = Date.now();
    const server = await startServer(command);
    report(
      command,
      server.ready,
      server.ready
        ? `portal ready in ${Math.round((Date.now() - started) / 1000)} s`
        : 'the portal did not answer',
    );
    if (!server.ready) console.log(server.output());
    servers.push({ command, server });
  }
  for (const command of commands.filter(c => classify(c) === 'self')) {
    console.log(`skip ${command}  (the command running this check)`);
  }

  const runInOrder = blocks
    .map(block => block.filter(c => classify(c) === 'inOrder'))
    .filter(block => block.length > 0);
  const runLast = commands.filter(c => classify(c) === 'last');
  for (const block of [...runInOrder, ...runLast.map(c => [c])]) {
    const { ok, output } = await runBlock(block.map(withPlaceholders));
    for (const command of block) report(command, ok);
    if (!ok) console.log(output);
  }

  for (const { command, server } of servers) {
    const stopped = await server.stop();
    report(
      `${command} (Ctrl-C)`,
      stopped,
      stopped ? 'stopped' : 'did not stop within a minute',
    );
    if (!stopped) console.log(server.output());
  }

  const failed = results.filter(r => !r.ok).length;
  console.log(
    `readme-commands: ${results.length - failed} passed, ${failed} failed`,
  );
  process.exitCode = failed > 0 ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main();
}
