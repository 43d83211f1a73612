import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../../src/platform/db/data-dir-lock.ts';
import { openDatabase } from '../../../src/platform/db/open-database.ts';

// PGlite on disk only: the lock guards an embedded data folder, PostgreSQL needs none.
const holderScript = fileURLToPath(new URL('../../support/open-data-dir.ts', import.meta.url));
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanup.splice(0)) fn();
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'kayoi-lock-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function runHolder(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanup.push(() => child.kill('SIGKILL'));
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => stdout.includes('ready') && resolve());
    void exited.then((code) => reject(new Error(`holder exited ${code}: ${stderr}`)));
  });
  ready.catch(() => {});
  return { child, ready, exited, output: () => ({ stdout, stderr }) };
}

const waitExit = (child: ChildProcess) => new Promise((r) => child.once('exit', r));

describe('PGlite data folder lock', () => {
  it('stops a second process on the same folder at once, naming the folder and the holder', async () => {
    const dataDir = tempDir();
    const first = runHolder(dataDir);
    await first.ready;

    const second = runHolder(dataDir);
    const code = await second.exited;
    expect(code).toBe(3);
    const { stderr } = second.output();
    expect(stderr).toContain(dataDir);
    expect(stderr).toContain(`process ${first.child.pid}`);
    expect(stderr).toMatch(/DATA_DIR|DATABASE_URL/);

    await expect(openDatabase({ dataDir, migrate: false })).rejects.toBeInstanceOf(DataDirLockedError);

    first.child.kill('SIGTERM');
    await waitExit(first.child);
    expect(existsSync(join(dataDir, 'kayoi.lock'))).toBe(false);
    const reopened = await openDatabase({ dataDir, migrate: false });
    await reopened.close();
  }, 120_000);

  it('takes over a lock left by a process that no longer exists', () => {
    const dataDir = tempDir();
    // pid 2^22 + 1 is above the default pid_max, so never alive.
    writeFileSync(join(dataDir, 'kayoi.lock'), JSON.stringify({ pid: 4_194_305 }));
    const lock = lockDataDir(dataDir);
    expect(existsSync(lock.lockFile)).toBe(true);
    lock.release();
    expect(existsSync(lock.lockFile)).toBe(false);
  });

  it('refuses a lock held by a live process', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'kayoi.lock'), JSON.stringify({ pid: process.ppid }));
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
  });
});
