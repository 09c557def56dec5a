import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  isOurProcess,
  parseProcStat,
  readRecord,
  spawnDetached,
  stopRecorded,
} from './processes.ts';

describe('parseProcStat', () => {
  it('counts fields after the command name, which may hold spaces and parentheses', () => {
    const line =
      '4242 (python3 (x) y) S 1 4242 4242 0 -1 4194560 1 0 0 0 3 1 0 0 20 0 5 0 987654 1000 100 ...';
    expect(parseProcStat(line)).toEqual({
      pid: 4242,
      state: 'S',
      pgrp: 4242,
      startTicks: 987654,
    });
  });
});

describe('spawnDetached and stopRecorded', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-processes-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const start = () =>
    spawnDetached({
      component: 'sleeper',
      command: '/bin/sh',
      args: ['-c', 'echo started; sleep 60 & wait'],
      logFile: path.join(dir, 'sleeper.log'),
      pidsDir: dir,
      specHash: 'abc',
    });

  it('records the process, recognises it, and stops its whole process group', async () => {
    const { record } = await start();
    expect(readRecord(dir, 'sleeper')).toEqual(record);
    expect(record.cmdline[0]).toBe('/bin/sh');
    expect(isOurProcess(record)).toBe(true);
    // the shell's child (sleep) is in the same group and must go too
    await new Promise(r => setTimeout(r, 200));
    const group = fs
      .readdirSync('/proc')
      .filter(p => /^\d+$/.test(p))
      .filter(
        p =>
          fs.existsSync(`/proc/${p}/stat`) &&
          parseProcStat(fs.readFileSync(`/proc/${p}/stat`, 'utf8')).pgrp ===
            record.pid,
      );
    expect(group.length).toBeGreaterThanOrEqual(2);

    expect(await stopRecorded(record, 5000)).toBe('stopped');
    expect(isOurProcess(record)).toBe(false);
    for (const pid of group) {
      const stat = fs.existsSync(`/proc/${pid}/stat`)
        ? parseProcStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))
        : undefined;
      expect(
        stat === undefined || stat.state === 'Z' || stat.pgrp !== record.pid,
      ).toBe(true);
    }
    expect(fs.readFileSync(path.join(dir, 'sleeper.log'), 'utf8')).toContain(
      'started',
    );
    expect(await stopRecorded(record)).toBe('not-running');
  });

  it('leaves a process alone whose pid now belongs to another start', async () => {
    const { record } = await start();
    try {
      const impostor = { ...record, startTicks: record.startTicks - 1 };
      expect(isOurProcess(impostor)).toBe(false);
      expect(await stopRecorded(impostor)).toBe('not-ours');
      expect(isOurProcess(record)).toBe(true);
    } finally {
      await stopRecorded(record, 5000);
    }
  });
});
