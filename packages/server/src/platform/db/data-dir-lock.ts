import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Thrown when another live process already holds the data folder. */
export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
  constructor(
    readonly dataDir: string,
    readonly lockFile: string,
    readonly holderPid: number,
  ) {
    super(
      `The data folder ${dataDir} is already in use by process ${holderPid} (lock file ${lockFile}).\n` +
        'PGlite allows only one process per folder. Stop that process first ' +
        `(e.g. \`kill ${holderPid}\`), or start this one with another DATA_DIR, or use PostgreSQL via DATABASE_URL. ` +
        `If process ${holderPid} is not a Kayoi server, delete ${lockFile}.`,
    );
  }
}

export interface DataDirLock {
  readonly lockFile: string;
  release(): void;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Takes an exclusive lock on a PGlite data folder: creates `<dataDir>/kayoi.lock` holding
 * the owner's pid. A lock left by a dead process (same host) is taken over; a live holder
 * makes this throw DataDirLockedError at once.
 *
 * @example
 * const lock = lockDataDir('/srv/kayoi/data');
 * try { ... } finally { lock.release(); }
 */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, 'kayoi.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(lockFile, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockFile);
      if (holder && holder.pid !== process.pid && (holder.host !== hostname() || isAlive(holder.pid))) {
        throw new DataDirLockedError(dataDir, lockFile, holder.pid);
      }
      // Stale (dead pid, unreadable, or our own leftover): remove and retry.
      try {
        unlinkSync(lockFile);
      } catch {}
      continue;
    }
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
    closeSync(fd);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const holder = readHolder(lockFile);
      if (holder?.pid === process.pid) {
        try {
          unlinkSync(lockFile);
        } catch {}
      }
    };
    process.once('exit', release);
    return { lockFile, release };
  }
  throw new Error(`Could not take the lock ${lockFile}; delete it if no Kayoi server is running.`);
}

function readHolder(lockFile: string): { pid: number; host: string } | null {
  try {
    const parsed = JSON.parse(readFileSync(lockFile, 'utf8')) as { pid?: unknown; host?: unknown };
    if (typeof parsed.pid !== 'number') return null;
    return { pid: parsed.pid, host: typeof parsed.host === 'string' ? parsed.host : hostname() };
  } catch {
    return null;
  }
}
