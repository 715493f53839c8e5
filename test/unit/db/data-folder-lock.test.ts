/** The PGlite data folder lock: one owner among racing processes, stale locks of dead processes taken over safely. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataFolderLock, DataFolderHeldError, lockFileOf, readDataFolderHolder } from '../../../api/src/db/data-folder-lock';
import { repoRoot } from '../../helpers/spawn';

let dir: string;
let folder: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'payside-lock-'));
  folder = join(dir, 'pglite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has exited (and been reaped): kill(pid, 0) answers ESRCH. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;
const staleRecord = (pid: number) => `${JSON.stringify({ pid, startedAt: '2026-01-01T00:00:00.000Z', kind: 'server', command: 'npm start' })}\n`;

/** Starts `count` contender processes, lets them try at the same moment; resolves with each one's verdict, all still running. */
async function race(count: number): Promise<{ verdicts: string[]; children: ChildProcess[] }> {
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, ['--import', 'tsx', 'test/helpers/lock-contender.ts', folder], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] }),
  );
  const lines = children.map((child) => {
    const waiting: Array<(line: string) => void> = [];
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      for (let end = out.indexOf('\n'); end >= 0; end = out.indexOf('\n')) {
        waiting.shift()?.(out.slice(0, end));
        out = out.slice(end + 1);
      }
    });
    const ready = new Promise<string>((resolve) => waiting.push(resolve));
    const verdict = new Promise<string>((resolve) => waiting.push(resolve));
    return { ready, verdict };
  });
  await Promise.all(lines.map((l) => l.ready));
  for (const child of children) child.stdin!.write('go\n');
  return { verdicts: await Promise.all(lines.map((l) => l.verdict)), children };
}

const letGo = (children: ChildProcess[]) =>
  Promise.all(children.map((child) => new Promise<void>((done) => (child.once('exit', () => done()), child.stdin!.end()))));

describe('acquireDataFolderLock', () => {
  it('lets exactly one of several racing processes hold the folder', async () => {
    const { verdicts, children } = await race(6);
    try {
      expect(verdicts.filter((v) => v === 'won')).toHaveLength(1);
      expect(verdicts.filter((v) => v === 'held')).toHaveLength(5);
      expect(readDataFolderHolder(folder)?.command).toMatch(/^contender \d+$/);
    } finally {
      await letGo(children);
    }
    // The winner let go on exit: the folder is free again.
    expect(existsSync(lockFileOf(folder))).toBe(false);
  }, 60_000);

  it('takes over the stale lock of a dead process: exactly one of several racing processes', async () => {
    writeFileSync(lockFileOf(folder), staleRecord(deadPid()));
    expect(readDataFolderHolder(folder)).toBeNull();
    const { verdicts, children } = await race(6);
    try {
      expect(verdicts.filter((v) => v === 'won')).toHaveLength(1);
      expect(children.map((c) => c.pid)).toContain(readDataFolderHolder(folder)?.pid);
      expect(existsSync(`${lockFileOf(folder)}.takeover`)).toBe(false);
    } finally {
      await letGo(children);
    }
  }, 60_000);

  it('refuses while the holder lives, names it, and frees the folder on release', () => {
    const held = acquireDataFolderLock(folder, { kind: 'server', command: 'npm start', controlSocket: '/tmp/x.sock' });
    const error = (() => {
      try {
        acquireDataFolderLock(folder, { kind: 'cli', command: 'payside org create' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DataFolderHeldError);
    expect((error as DataFolderHeldError).holder).toMatchObject({ pid: process.pid, kind: 'server', command: 'npm start', controlSocket: '/tmp/x.sock' });
    expect((error as Error).message).toContain(`\`npm start\` (pid ${process.pid}`);
    held.release();
    held.release(); // idempotent
    expect(existsSync(lockFileOf(folder))).toBe(false);
    acquireDataFolderLock(folder, { kind: 'cli', command: 'payside org create' }).release();
  });

  it('never removes a lock that is not its own on release', () => {
    const held = acquireDataFolderLock(folder, { kind: 'cli', command: 'first' });
    // Someone deleted the lock by hand and another process took the folder.
    rmSync(lockFileOf(folder));
    const other = staleRecord(process.pid).replace('npm start', 'other');
    writeFileSync(lockFileOf(folder), other);
    held.release();
    expect(readFileSync(lockFileOf(folder), 'utf8')).toBe(other);
  });

  it('treats an unreadable lock as held, and clears a takeover mutex left by a dead process', () => {
    writeFileSync(lockFileOf(folder), 'not json');
    expect(() => acquireDataFolderLock(folder, { kind: 'cli', command: 'x' })).toThrow(/its lock file is being written or is unreadable/);

    writeFileSync(lockFileOf(folder), staleRecord(deadPid()));
    const mutex = `${lockFileOf(folder)}.takeover`;
    mkdirSync(mutex);
    // A fresh mutex: someone is taking over right now, so this attempt does not.
    expect(() => acquireDataFolderLock(folder, { kind: 'cli', command: 'x' })).toThrow(DataFolderHeldError);
    const old = new Date(Date.now() - 60_000);
    utimesSync(mutex, old, old);
    acquireDataFolderLock(folder, { kind: 'cli', command: 'x' }).release();
    expect(existsSync(mutex)).toBe(false);
  });
});
