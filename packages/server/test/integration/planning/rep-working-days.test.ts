import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRepWorkingDays } from '../../../src/domains/planning/get-rep-working-days.ts';
import { withTenant } from '../../../src/platform/context.ts';
import type { MigratableDatabase } from '../../../src/platform/db/open-database.ts';
import { queryRows } from '../../../src/platform/db/query-rows.ts';
import { type SeedLargeTenantOptions, seedLargeTenant } from '../../../src/seed/seed-large-tenant.ts';
import { createTenantFixture, type TenantFixture } from '../../support/tenant-fixture.ts';
import { createTestDatabase } from '../../support/test-database.ts';

let database: MigratableDatabase;
let tenant: TenantFixture;
let other: TenantFixture;

beforeAll(async () => {
  database = await createTestDatabase();
  [tenant, other] = await Promise.all([
    createTenantFixture(database.admin),
    createTenantFixture(database.admin),
  ]);
  await database.admin.execute(sql`insert into tenant_closed_days (tenant_id, date, label) values
    (${tenant.tenantId}, '2026-12-29', '年末年始'), (${tenant.tenantId}, '2026-12-30', '年末年始'),
    (${other.tenantId}, '2026-12-28', '棚卸し')`);
  // rep2 also works Saturdays.
  await database.admin.execute(sql`update staff_profiles set working_weekdays = '{1,2,3,4,5,6}'
    where tenant_id = ${tenant.tenantId} and user_id = ${tenant.users.rep2.id}`);
});
afterAll(() => database?.close());

describe("a rep's working days", () => {
  it('are their working weekdays minus national holidays minus the tenant closed days', async () => {
    const [rep1, rep2] = await getRepWorkingDays({
      db: database.db,
      actor: tenant.actor('manager'),
      repIds: [tenant.users.rep1.id, tenant.users.rep2.id],
      startDate: '2026-12-26',
      days: 14,
    });
    expect(rep1!.workingDates).toEqual([
      '2026-12-28',
      '2026-12-31',
      '2027-01-04',
      '2027-01-05',
      '2027-01-06',
      '2027-01-07',
      '2027-01-08',
    ]);
    // Saturdays too: 1/2 is a Saturday and neither a holiday nor closed in this tenant.
    expect(rep2!.workingDates).toEqual([
      '2026-12-26',
      '2026-12-28',
      '2026-12-31',
      '2027-01-02',
      '2027-01-04',
      '2027-01-05',
      '2027-01-06',
      '2027-01-07',
      '2027-01-08',
    ]);
    expect(rep1!.days.find((d) => d.date === '2026-12-29')).toMatchObject({
      reason: 'closed_day',
      label: '年末年始',
    });
    expect(rep1!.days.find((d) => d.date === '2027-01-01')).toMatchObject({
      reason: 'national_holiday',
      label: '元日',
    });
  });

  it("never sees another tenant's closed days or staff", async () => {
    const result = await getRepWorkingDays({
      db: database.db,
      actor: tenant.actor('admin'),
      repIds: [tenant.users.rep1.id, other.users.rep1.id],
      startDate: '2026-12-28',
      days: 1,
    });
    expect(result.map((r) => [r.repId, r.workingDates])).toEqual([[tenant.users.rep1.id, ['2026-12-28']]]);
  });

  it('keeps closed days inside their tenant under row-level security', async () => {
    const rows = await withTenant(database.db, tenant.actor('rep1'), (tx) =>
      queryRows<{ tenant_id: string }>(tx, sql`select tenant_id from tenant_closed_days`),
    );
    expect(new Set(rows.map((r) => r.tenant_id))).toEqual(new Set([tenant.tenantId]));
    await expect(
      withTenant(database.db, tenant.actor('admin'), (tx) =>
        tx.execute(
          sql`insert into tenant_closed_days (tenant_id, date, label) values (${other.tenantId}, '2027-05-01', 'x')`,
        ),
      ),
    ).rejects.toThrow();
  });
});

describe('the seeded companies', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  let tenantId: string;
  let repId: string;

  beforeAll(async () => {
    const options: SeedLargeTenantOptions = {
      customers: 20,
      years: 1,
      customersPerRep: 20,
      repsPerTeam: 1,
      slug: `closed-${randomUUID().slice(0, 8)}`,
      now,
    };
    ({ tenantId } = await seedLargeTenant(database.admin, options));
    const [rep] = await queryRows<{ user_id: string }>(
      database.admin,
      sql`select user_id from member where organization_id = ${tenantId} and role = 'rep' limit 1`,
    );
    repId = rep!.user_id;
  }, 60_000);

  it('close for お盆 (8/13–8/16) and 年末年始 (12/29–1/3), this year and next', async () => {
    const rows = await queryRows<{ date: string; label: string }>(
      database.admin,
      sql`select to_char(date, 'YYYY-MM-DD') as date, label from tenant_closed_days where tenant_id = ${tenantId} order by date`,
    );
    expect(rows.filter((r) => r.label === 'お盆').map((r) => r.date)).toEqual([
      '2026-08-13',
      '2026-08-14',
      '2026-08-15',
      '2026-08-16',
      '2027-08-13',
      '2027-08-14',
      '2027-08-15',
      '2027-08-16',
    ]);
    expect(rows.filter((r) => r.label === '年末年始').map((r) => r.date)).toEqual([
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
      '2027-12-29',
      '2027-12-30',
      '2027-12-31',
      '2028-01-01',
      '2028-01-02',
      '2028-01-03',
    ]);
  });

  it('leave a rep of the seeded company no working day from 12/29 to 1/3', async () => {
    const [horizon] = await getRepWorkingDays({
      db: database.db,
      actor: { tenantId, userId: repId, role: 'rep', teamId: null },
      repIds: [repId],
      startDate: '2026-12-25',
      days: 14,
    });
    expect(horizon!.workingDates).toEqual([
      '2026-12-25',
      '2026-12-28',
      '2027-01-04',
      '2027-01-05',
      '2027-01-06',
      '2027-01-07',
    ]);
  });
});
