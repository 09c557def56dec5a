// Waits until the portal's backend and frontend answer, or fails with the tail
// of the portal's log. Usage: node scripts/wait-for-portal.mjs <log file>
import { readFileSync } from 'node:fs';

const logFile = process.argv[2];
const deadline = Date.now() + 10 * 60_000;
// The last target: the backend is ready before the catalog has read the
// demo organisation (examples/org.yaml), and until then a demo sign-in is a
// 404 "user not found". The local portal is ready for people once it is not.
const targets = [
  ['backend', 'http://localhost:7007/.backstage/health/v1/readiness'],
  ['frontend', 'http://localhost:3000/'],
  [
    'demo sign-in (the catalog has the demo users)',
    'http://localhost:7007/api/auth/demo/refresh',
    { 'x-ml-platform-demo-user': 'alice' },
  ],
];

async function answers(url, headers = {}) {
  try {
    const response = await fetch(url, {
      headers,
      signal: AbortSignal.timeout(5000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

// Printed by the backend when a plugin fails to start; it never gets ready then.
const STARTUP_FAILURE = /Backend startup failed|threw an error during startup/;

function readLog() {
  try {
    return readFileSync(logFile, 'utf8');
  } catch {
    return '';
  }
}

function giveUp(reason) {
  const log = readLog().split('\n');
  const failure = log.filter(line => STARTUP_FAILURE.test(line)).slice(0, 5);
  const tail = failure.length > 0 ? failure : log.slice(-40);
  console.error(`${reason}. From ${logFile}:\n${tail.join('\n')}`);
  process.exit(1);
}

for (const [name, url, headers] of targets) {
  const started = Date.now();
  while (!(await answers(url, headers))) {
    if (STARTUP_FAILURE.test(readLog())) {
      giveUp('The portal backend failed to start');
    }
    if (Date.now() > deadline) {
      giveUp(`The portal's ${name} did not answer at ${url}`);
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
  console.log(
    `    ${name} answers at ${url} (${Math.round(
      (Date.now() - started) / 1000,
    )} s)`,
  );
}
