// Waits until the portal's backend and frontend answer, or fails with the tail
// of the portal's log. Usage: node scripts/wait-for-portal.mjs <log file>
import { readFileSync } from 'node:fs';

const logFile = process.argv[2];
const deadline = Date.now() + 10 * 60_000;
const targets = [
  ['backend', 'http://localhost:7007/.backstage/health/v1/readiness'],
  ['frontend', 'http://localhost:3000/'],
];

async function answers(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    return response.ok;
  } catch {
    return false;
  }
}

for (const [name, url] of targets) {
  const started = Date.now();
  while (!(await answers(url))) {
    if (Date.now() > deadline) {
      const tail = readFileSync(logFile, 'utf8')
        .split('\n')
        .slice(-40)
        .join('\n');
      console.error(
        `The portal's ${name} did not answer at ${url}. Last lines of ${logFile}:\n${tail}`,
      );
      process.exit(1);
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
  console.log(
    `    ${name} answers at ${url} (${Math.round(
      (Date.now() - started) / 1000,
    )} s)`,
  );
}
