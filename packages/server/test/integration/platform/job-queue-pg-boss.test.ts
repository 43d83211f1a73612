import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigratableDatabase } from '../../../src/platform/db/open-database.ts';
import { createJobQueue } from '../../../src/platform/jobs/create-job-queue.ts';
import { createPgBossJobQueue } from '../../../src/platform/jobs/pg-boss/pg-boss-job-queue.ts';
import { createTestDatabase, testDatabaseUrl } from '../../support/test-database.ts';
import { runJobQueueContract } from './job-queue-contract.ts';

// pg-boss needs PostgreSQL; on the embedded database the in-process queue takes its place.
const skip = testDatabaseUrl()
  ? undefined
  : 'pg-boss needs PostgreSQL: run `npm run test:pg` (TEST_DATABASE_URL)';
let database: MigratableDatabase;
beforeAll(async () => {
  if (!skip) database = await createTestDatabase();
});
afterAll(() => database?.close());

runJobQueueContract({
  name: 'pg-boss (PostgreSQL, as the app login)',
  skip,
  admin: () => database.admin,
  // pg-boss keeps a table per queue: drop this run's (their jobs first, for the foreign key).
  async cleanup(names) {
    for (const name of names) {
      await database.admin.transaction(async (tx) => {
        await tx.execute(sql`delete from pgboss.job where name = ${name}`);
        await tx.execute(sql`select pgboss.delete_queue(${name})`);
      });
    }
  },
  create: () =>
    createPgBossJobQueue({
      db: database.db,
      admin: database.admin,
      pollingIntervalSeconds: 0.5,
      cancelPollMs: 50,
    }),
});

describe.skipIf(Boolean(skip))('jobs on PostgreSQL', () => {
  it('get the pg-boss queue', () => {
    expect(createJobQueue({ database }).kind).toBe('pg-boss');
  });
});
