/// <reference types="node" />
/**
 * `npm start`'s first step: builds the web app only when its sources changed since the last
 * build. The sources' hash is kept beside the build (dist/.sources-hash); a missing build, a
 * missing stamp or any changed input rebuilds. Run from anywhere: paths are from the repository root.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What the build reads, besides node_modules: the web package and the server contracts it imports. */
export const BUILD_INPUTS = [
  'packages/web/src',
  'packages/web/public',
  'packages/web/index.html',
  'packages/web/vite.config.ts',
  'packages/web/postcss.config.cjs',
  'packages/web/tsconfig.json',
  'packages/web/package.json',
  'packages/server/src/contracts.ts',
  'packages/server/src/domains/customers/customer-values.ts',
  'package-lock.json',
] as const;

export const STAMP_PATH = 'packages/web/dist/.sources-hash';
const BUILT_PAGE = 'packages/web/dist/index.html';

/** Tests and their helpers are not part of the build. */
const isBuildInput = (path: string) => !/\.test\.tsx?$/.test(path) && !path.includes('/src/test/');

function filesUnder(root: string, path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(root, `${path}/${name}`));
}

/**
 * One hash over the inputs' paths and contents.
 *
 * @example
 * hashSources('/work/kayoi') // 'f3a9…' (64 hex digits)
 */
export function hashSources(root: string, inputs: readonly string[] = BUILD_INPUTS): string {
  const hash = createHash('sha256');
  for (const path of inputs.flatMap((input) => filesUnder(root, input)).filter(isBuildInput)) {
    hash
      .update(path)
      .update('\0')
      .update(readFileSync(join(root, path)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** Whether the web app must be built: no build yet, or its sources differ from the stamped ones. */
export function needsBuild(root: string, hash = hashSources(root)): boolean {
  const stamp = join(root, STAMP_PATH);
  if (!existsSync(join(root, BUILT_PAGE)) || !existsSync(stamp)) return true;
  return readFileSync(stamp, 'utf8').trim() !== hash;
}

function main() {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  // Hashed before building: an edit made while the build runs triggers the next one.
  const hash = hashSources(root);
  if (!needsBuild(root, hash)) {
    console.log(`web app up to date (sources unchanged since the last build; ${relative(root, STAMP_PATH)})`);
    return;
  }
  const build = spawnSync('npm', ['run', 'build', '-w', 'packages/web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(join(root, STAMP_PATH), `${hash}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
