/// <reference types="node" />
/**
 * `npm run build -w packages/web`: builds the web app into a fresh directory beside `dist` and
 * then swaps it in, so a server already serving `dist` (a browser-test run, `npm start`) never
 * sees a half-written build. The previous build's hashed assets are kept in the new one, so a
 * page loaded before the swap can still fetch its lazy chunks (assets older than an hour are
 * dropped, so repeated builds do not pile up). Swaps are serialised by a lock
 * directory, so two builds finishing together do not trip over each other.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const webRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(webRoot, 'dist');
const staging = join(webRoot, `dist.build-${process.pid}`);
const retired = join(webRoot, `dist.old-${process.pid}`);
const lock = join(webRoot, '.dist-swap.lock');

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function withLock(action: () => void) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed build is older than any real swap (which takes milliseconds).
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 30_000)
        rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`${lock} is held: another build is swapping`);
      sleep(100);
    }
  }
  try {
    action();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const vite = spawnSync('npx', ['vite', 'build', '--outDir', staging, '--emptyOutDir'], {
  cwd: webRoot,
  stdio: 'inherit',
});
if (vite.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  process.exit(vite.status ?? 1);
}

withLock(() => {
  const oldAssets = join(dist, 'assets');
  if (existsSync(oldAssets)) {
    const newAssets = join(staging, 'assets');
    mkdirSync(newAssets, { recursive: true });
    const present = new Set(readdirSync(newAssets));
    const keepAfter = Date.now() - 3_600_000;
    for (const name of readdirSync(oldAssets)) {
      const from = join(oldAssets, name);
      if (present.has(name) || statSync(from).mtimeMs < keepAfter) continue;
      cpSync(from, join(newAssets, name), { recursive: true, preserveTimestamps: true });
    }
  }
  if (existsSync(dist)) renameSync(dist, retired);
  renameSync(staging, dist);
});
rmSync(retired, { recursive: true, force: true });
