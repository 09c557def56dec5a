import { spawn } from 'node:child_process';

/** Runs kubectl; resolves with its stdout, rejects with its stderr on a non-zero exit. */
export function runKubectl(kubectl: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(kubectl, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', chunk => stdout.push(chunk));
    child.stderr.on('data', chunk => stderr.push(chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) {
        resolve(Buffer.concat(stdout).toString('utf8'));
      } else {
        reject(
          new Error(
            `kubectl ${args.join(' ')} failed (${
              signal ? `killed by ${signal}` : `exit code ${code}`
            }):\n${Buffer.concat(stderr).toString('utf8')}`,
          ),
        );
      }
    });
  });
}
