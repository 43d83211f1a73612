import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../../src/platform/context.ts';
import { type MigratableDatabase, openDatabase } from '../../../src/platform/db/open-database.ts';
import { queryRows } from '../../../src/platform/db/query-rows.ts';
import { createJobQueue } from '../../../src/platform/jobs/create-job-queue.ts';
import { createInProcessJobQueue } from '../../../src/platform/jobs/in-process/in-process-job-queue.ts';
import { runJobQueueContract } from './job-queue-contract.ts';

// The embedded database's queue: always on in-memory PGlite, also in the PostgreSQL run.
let database: MigratableDatabase;
beforeAll(async () => {
  database = await openDatabase();
});
afterAll(() => database?.close());

runJobQueueContract({
  name: 'in-process (PGlite)',
  admin: () => database.admin,
  create: () => createInProcessJobQueue({ db: database.db, pollMs: 50, cancelPollMs: 50 }),
});

describe('jobs on the embedded database', () => {
  it('get the in-process queue', () => {
    expect(createJobQueue({ database }).kind).toBe('in-process');
  });

  it("are visible to a tenant's transaction for its own tenant only", async () => {
    const [a, b] = [`jobs-a-${randomUUID()}`, `jobs-b-${randomUUID()}`];
    await database.admin.execute(
      sql`insert into organization (id, name, slug) values (${a}, 'A', ${a}), (${b}, 'B', ${b})`,
    );
    const queue = createInProcessJobQueue({ db: database.db });
    await queue.enqueue('test.rls', {}, { tenantId: a });
    await queue.enqueue('test.rls', {}, { tenantId: b });
    const seen = await withTenant(
      database.db,
      { tenantId: a, userId: 'u', role: 'admin', teamId: null },
      (tx) => queryRows<{ tenant_id: string }>(tx, sql`select tenant_id from platform_jobs`),
    );
    expect(seen.map((r) => r.tenant_id)).toEqual([a]);
  });

  it('forget, on start, the jobs that finished more than 30 days ago', async () => {
    const tenantId = `jobs-old-${randomUUID()}`;
    await database.admin.execute(
      sql`insert into organization (id, name, slug) values (${tenantId}, 'Old', ${tenantId})`,
    );
    const [old, recent] = [randomUUID(), randomUUID()];
    await database.admin.execute(sql`insert into platform_jobs (id, tenant_id, name, payload, state, finished_at) values
      (${old}, ${tenantId}, 'test.old', '{}', 'completed', now() - interval '31 days'),
      (${recent}, ${tenantId}, 'test.old', '{}', 'failed', now() - interval '29 days')`);
    const queue = createInProcessJobQueue({ db: database.db });
    await queue.start();
    await queue.stop();
    expect(await queue.getJob(old)).toBeNull();
    expect((await queue.getJob(recent))?.state).toBe('failed');
  });
});
