/**
 * A second process for the lock tests: opens PGlite on the folder given as argv[2], prints
 * `ready` and holds it until SIGTERM. If the folder is locked it prints the error and exits 3.
 */
import { DataDirLockedError } from '../../src/platform/db/data-dir-lock.ts';
import { openDatabase } from '../../src/platform/db/open-database.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: open-data-dir.ts <dataDir>');
try {
  const database = await openDatabase({ dataDir, migrate: false });
  process.stdout.write('ready\n');
  process.once('SIGTERM', async () => {
    await database.close();
    process.exit(0);
  });
  setInterval(() => {}, 60_000);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(error instanceof DataDirLockedError ? 3 : 1);
}
