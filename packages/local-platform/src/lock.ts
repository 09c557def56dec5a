import fs from 'node:fs';
import path from 'node:path';
import { readProcStat, sleep } from './processes.ts';

type LockOwner = { pid: number; startTicks: number; command: string };

function ownerAlive(owner: LockOwner): boolean {
  const stat = readProcStat(owner.pid);
  return Boolean(
    stat && stat.state !== 'Z' && stat.startTicks === owner.startTicks,
  );
}

/**
 * A cross-process lock on a file (created with O_EXCL). A lock whose owner
 * process is gone is taken over. Used by `up`, `seed` and `down`, so parallel
 * jest workers and a developer's `yarn platform up` never start things twice.
 */
export async function acquireLock(
  lockFile: string,
  command: string,
  options: { timeoutMs?: number; onWait?: (owner: string) => void } = {},
): Promise<() => void> {
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const self: LockOwner = {
    pid: process.pid,
    startTicks: readProcStat(process.pid)?.startTicks ?? -1,
    command,
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60 * 60_000);
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, JSON.stringify(self), { flag: 'wx' });
      let released = false;
      return () => {
        if (!released) {
          released = true;
          fs.rmSync(lockFile, { force: true });
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw err;
      }
    }
    let owner: LockOwner | undefined;
    let raw = '';
    try {
      raw = fs.readFileSync(lockFile, 'utf8');
      owner = JSON.parse(raw);
    } catch {
      // being written or just removed: look again
    }
    if (owner && !ownerAlive(owner)) {
      // only remove the stale lock we looked at, not one another waiter has just taken
      if (
        fs.existsSync(lockFile) &&
        fs.readFileSync(lockFile, 'utf8') === raw
      ) {
        fs.rmSync(lockFile, { force: true });
      }
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out waiting for the lock ${lockFile} held by pid ${owner?.pid} (${owner?.command})`,
      );
    }
    if (!announced && owner) {
      announced = true;
      options.onWait?.(`pid ${owner.pid} (${owner.command})`);
    }
    await sleep(200);
  }
}
