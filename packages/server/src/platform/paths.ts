import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (…/kayoi). Relative paths in the configuration resolve against it. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** packages/server/drizzle: the SQL migrations. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** packages/web/dist: the built single-page app. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Resolves `path` against the repository root unless it is absolute. */
export const resolveFromRepoRoot = (path: string) => (isAbsolute(path) ? path : resolve(REPO_ROOT, path));
