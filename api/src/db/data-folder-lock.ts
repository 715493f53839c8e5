/**
 * One owner per PGlite data folder. PGlite is a single-process database: two processes on one
 * folder each keep their own copy of its state and overwrite each other's files, so what one
 * commits the other never sees and may destroy. The owner holds `<folder>.lock` (beside the
 * folder) while the database is open.
 *
 * The lock file is created atomically with its content (written to a private temporary file,
 * then hard-linked to the lock's name, which fails if the name exists), so a reader never sees
 * a half-written lock. A lock whose process is gone (a crash, SIGKILL) is stale: it is removed
 * under a short takeover mutex (`<lock>.takeover`, a directory: mkdir is atomic) after reading
 * it again, so two processes taking over at once cannot remove each other's fresh lock.
 *
 * Residual edge: after a reboot the dead owner's pid may belong to another live process; the
 * lock then looks held and the message names the lock file to delete.
 */
import { linkSync, mkdirSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

const ZLockRecord = z.object({
  pid: z.number().int().positive(),
  startedAt: z.string(),
  kind: z.enum(['server', 'cli']),
  /** What holds it, for the message: "npm start", "payside import invoices …". */
  command: z.string(),
  /** The server's control socket (servers only), where a CLI command is run instead. */
  controlSocket: z.string().optional(),
});

/** Who holds a data folder. */
export type TDataFolderOwner = z.infer<typeof ZLockRecord>;

/** A takeover mutex older than this is left over from a process that died holding it. */
const STALE_TAKEOVER_MS = 10_000;

/** The data folder is held by another live process. */
export class DataFolderHeldError extends Error {
  constructor(
    readonly folder: string,
    readonly lockFile: string,
    readonly holder: TDataFolderOwner | null,
  ) {
    super(`${folder} is in use by ${describeHolder(holder)}`);
    this.name = 'DataFolderHeldError';
  }
}

/** "`npm start` (pid 1234, started 2026-12-07T21:00:00.000Z)" */
export function describeHolder(holder: TDataFolderOwner | null): string {
  if (!holder) return 'another process (its lock file is being written or is unreadable)';
  return `\`${holder.command}\` (pid ${holder.pid}, started ${holder.startedAt})`;
}

/** The lock file of a PGlite data folder: `<folder>.lock`, beside it. */
export const lockFileOf = (folder: string) => `${folder}.lock`;

/** The current holder of `folder`, or null when it is free (no lock, or a stale one). */
export function readDataFolderHolder(folder: string): TDataFolderOwner | null {
  const read = readLock(lockFileOf(folder));
  if (read === 'absent') return null;
  if (read.record && !isAlive(read.record.pid)) return null;
  return read.record;
}

export interface DataFolderLock {
  readonly lockFile: string;
  /** Removes the lock file if it is still ours (idempotent). */
  release(): void;
}

/** Takes `folder`'s lock for this process or throws DataFolderHeldError naming the holder. */
export function acquireDataFolderLock(folder: string, owner: Omit<TDataFolderOwner, 'pid' | 'startedAt'>): DataFolderLock {
  const lockFile = lockFileOf(folder);
  const record: TDataFolderOwner = { pid: process.pid, startedAt: new Date().toISOString(), ...owner };
  const content = `${JSON.stringify(record)}\n`;
  mkdirSync(dirname(lockFile), { recursive: true });
  // A few rounds: each one either creates the lock, finds a live holder, or clears a stale lock.
  for (let round = 0; round < 5; round++) {
    if (createExclusively(lockFile, content)) return heldLock(lockFile, content);
    const read = readLock(lockFile);
    if (read === 'absent') continue;
    if (!read.record || isAlive(read.record.pid)) throw new DataFolderHeldError(folder, lockFile, read.record);
    removeStaleLock(lockFile, read.raw);
  }
  // Still contended (another process is taking the stale lock over right now): name whoever has it.
  const read = readLock(lockFile);
  throw new DataFolderHeldError(folder, lockFile, read === 'absent' ? null : read.record);
}

function heldLock(lockFile: string, content: string): DataFolderLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    try {
      if (readFileSync(lockFile, 'utf8') === content) unlinkSync(lockFile);
    } catch {
      // Already gone: nothing to release.
    }
  };
  // A process that exits without closing its database (process.exit, an uncaught error) still lets go.
  process.on('exit', release);
  return { lockFile, release };
}

/** Creates `lockFile` with `content` in one atomic step; false if it already exists. */
function createExclusively(lockFile: string, content: string): boolean {
  const draft = `${lockFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(draft, content, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(draft, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(draft);
  }
}

function readLock(lockFile: string): 'absent' | { raw: string; record: TDataFolderOwner | null } {
  let raw: string;
  try {
    raw = readFileSync(lockFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    json = undefined;
  }
  const parsed = ZLockRecord.safeParse(json);
  return { raw, record: parsed.success ? parsed.data : null };
}

/** kill(pid, 0) sends nothing: ESRCH means no such process; EPERM means it exists (another user's). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Unlinks the lock only if it still holds exactly the stale `raw` content, under the takeover mutex. */
function removeStaleLock(lockFile: string, raw: string): void {
  const mutex = `${lockFile}.takeover`;
  try {
    mkdirSync(mutex);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    clearStaleMutex(mutex);
    return; // Someone else is taking over; the caller's next round sees the outcome.
  }
  try {
    let now: string | null = null;
    try {
      now = readFileSync(lockFile, 'utf8');
    } catch {
      now = null;
    }
    if (now === raw) unlinkSync(lockFile);
  } finally {
    rmdirSync(mutex);
  }
}

function clearStaleMutex(mutex: string): void {
  try {
    if (Date.now() - statSync(mutex).mtimeMs > STALE_TAKEOVER_MS) rmdirSync(mutex);
  } catch {
    // Gone meanwhile: the next round tries again.
  }
}
