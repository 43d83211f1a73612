import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plans } from '../../../src/domains/planning/tables.ts';
import { withTenant } from '../../../src/platform/context.ts';
import type { Db } from '../../../src/platform/db/database.ts';
import { queryRows } from '../../../src/platform/db/query-rows.ts';
import { recomputedSummaryRows, summaryRows } from '../../support/kpi-summary-rows.ts';
import { createTestApp, type SignedTenantFixture } from '../../support/test-app.ts';

/*
 * The dashboard's summary tables (migrations 0049, 0050) against a recomputation from the
 * records, after random sequences of the writes the app makes: orders added (several in one
 * statement), cancelled, re-dated, handed to another rep or customer, re-priced and deleted;
 * customers handed to another rep (or to none); visits checked in, checked out, rated and
 * deleted; 申込書 collected, voided and restored, re-dated, moved and deleted; planned stops
 * added, moved and deleted, and a whole plan deleted. The recomputation is the plain GROUP BY of
 * docs/kpi.md's definitions, so a drift of any trigger shows as a differing row.
 */

const t = await createTestApp();
afterAll(() => t.close());
let tenant: SignedTenantFixture;
let db: Db;
let tenantId: string;
let customerIds: string[];
let repIds: (string | null)[];
let planIds: string[];

const DAYS = ['2025-01-06', '2025-01-07', '2025-01-18', '2025-01-19'];
const jst = (day: string, time: string) => `${day}T${time}:00+09:00`;

beforeAll(async () => {
  tenant = await t.createTenant();
  db = t.database.admin;
  tenantId = tenant.tenantId;
  customerIds = tenant.customers.slice(0, 4).map((c) => c.id);
  repIds = [tenant.users.rep1.id, tenant.users.rep2.id, tenant.users.rep3.id, null];
  planIds = [randomUUID(), randomUUID()];
  await db.insert(plans).values(
    planIds.map((id, i) => ({
      tenantId,
      id,
      teamId: i === 0 ? null : tenant.teams.a.id,
      startDate: '2025-01-06',
      days: 14,
      status: 'ready' as const,
      createdBy: tenant.users.manager.id,
    })),
  );
});

const summary = () => summaryRows(db, tenantId);
const recomputed = () => recomputedSummaryRows(db, tenantId);

const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;
const ix = fc.nat({ max: 100 });
const op = fc.oneof(
  fc.record({
    kind: fc.constant('addOrders' as const),
    rows: fc.array(
      fc.record({ customer: ix, rep: ix, day: ix, cancelled: fc.boolean(), excl: fc.nat({ max: 9000 }) }),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  fc.record({
    kind: fc.constant('changeOrder' as const),
    order: ix,
    status: fc.option(fc.constantFrom('delivered', 'cancelled', 'invoiced'), { nil: undefined }),
    day: fc.option(ix, { nil: undefined }),
    rep: fc.option(ix, { nil: undefined }),
    customer: fc.option(ix, { nil: undefined }),
    excl: fc.option(fc.nat({ max: 9000 }), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('deleteOrder' as const), order: ix }),
  fc.record({
    kind: fc.constant('moveCustomers' as const),
    customers: fc.array(ix, { maxLength: 3 }),
    rep: ix,
  }),
  fc.record({ kind: fc.constant('addVisit' as const), customer: ix, rep: ix, day: ix, out: fc.boolean() }),
  fc.record({
    kind: fc.constant('changeVisit' as const),
    visit: ix,
    out: fc.option(fc.boolean(), { nil: undefined }),
    satisfaction: fc.option(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), { nil: undefined }),
    day: fc.option(ix, { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('deleteVisit' as const), visit: ix }),
  fc.record({
    kind: fc.constant('addForms' as const),
    rows: fc.array(fc.record({ customer: ix, rep: ix, day: ix, voided: fc.boolean() }), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
  fc.record({
    kind: fc.constant('changeForm' as const),
    form: ix,
    voided: fc.option(fc.boolean(), { nil: undefined }),
    day: fc.option(ix, { nil: undefined }),
    rep: fc.option(ix, { nil: undefined }),
    customer: fc.option(ix, { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('deleteForm' as const), form: ix }),
  fc.record({
    kind: fc.constant('addStops' as const),
    plan: ix,
    rows: fc.array(fc.record({ rep: ix, day: ix, travel: fc.nat({ max: 3600 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
  fc.record({ kind: fc.constant('changeStop' as const), stop: ix, day: ix, travel: fc.nat({ max: 3600 }) }),
  fc.record({ kind: fc.constant('deleteStop' as const), stop: ix }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

const ids = async (table: 'orders' | 'visits' | 'forms' | 'planned_visits') =>
  (
    await queryRows<{ id: string }>(
      db,
      sql`select id from ${sql.raw(table)} where tenant_id = ${tenantId} and id like 'sum-%' order by id`,
    )
  ).map((r) => r.id);

let n = 0;
async function apply(o: Op) {
  const reps = repIds.filter((r): r is string => r !== null);
  switch (o.kind) {
    case 'addOrders': {
      const values = o.rows.map((r) => {
        const excl = r.excl;
        return sql`(${tenantId}, ${`sum-o-${++n}`}, ${`SUM-${n}`}, ${pick(customerIds, r.customer)}, ${pick(repIds, r.rep)},
          ${jst(pick(DAYS, r.day), n % 2 ? '23:30' : '08:00')}::timestamptz, ${r.cancelled ? 'cancelled' : 'delivered'},
          ${excl}, 0, ${Math.floor(excl / 10)}, 0, ${excl + Math.floor(excl / 10)})`;
      });
      await db.execute(sql`insert into orders (tenant_id, id, order_no, customer_id, rep_id, ordered_at, status,
          subtotal_standard, subtotal_reduced, tax_standard, tax_reduced, total)
        values ${sql.join(values, sql`, `)}`);
      return;
    }
    case 'changeOrder': {
      const list = await ids('orders');
      if (list.length === 0) return;
      const sets = [
        o.status !== undefined ? sql`status = ${o.status}` : null,
        o.day !== undefined ? sql`ordered_at = ${jst(pick(DAYS, o.day), '12:00')}::timestamptz` : null,
        o.rep !== undefined ? sql`rep_id = ${pick(repIds, o.rep)}` : null,
        o.customer !== undefined ? sql`customer_id = ${pick(customerIds, o.customer)}` : null,
        o.excl !== undefined
          ? sql`subtotal_standard = ${o.excl}, subtotal_reduced = 0, tax_standard = ${Math.floor(o.excl / 10)},
              tax_reduced = 0, total = ${o.excl + Math.floor(o.excl / 10)}`
          : null,
      ].filter((s) => s !== null);
      // Nothing changed but the note: the summaries must stay as they are.
      if (sets.length === 0) sets.push(sql`note = 'unchanged'`);
      await db.execute(
        sql`update orders set ${sql.join(sets, sql`, `)} where tenant_id = ${tenantId} and id = ${pick(list, o.order)}`,
      );
      return;
    }
    case 'deleteOrder': {
      const list = await ids('orders');
      if (list.length === 0) return;
      await db.execute(sql`delete from orders where tenant_id = ${tenantId} and id = ${pick(list, o.order)}`);
      return;
    }
    case 'moveCustomers': {
      if (o.customers.length === 0) return;
      const moved = [...new Set(o.customers.map((c) => pick(customerIds, c)))];
      await db.execute(sql`update customers set rep_id = ${pick(repIds, o.rep)}
        where tenant_id = ${tenantId} and id in (${sql.join(
          moved.map((id) => sql`${id}`),
          sql`, `,
        )})`);
      return;
    }
    case 'addVisit': {
      const day = pick(DAYS, o.day);
      await db.execute(sql`insert into visits (tenant_id, id, customer_id, rep_id, date, check_in_at, check_out_at)
        values (${tenantId}, ${`sum-v-${++n}`}, ${pick(customerIds, o.customer)}, ${pick(reps, o.rep)}, ${day}::date,
          ${jst(day, '10:00')}::timestamptz, ${o.out ? jst(day, '10:30') : null}::timestamptz)`);
      return;
    }
    case 'changeVisit': {
      const list = await ids('visits');
      if (list.length === 0) return;
      const sets = [
        o.out !== undefined
          ? o.out
            ? sql`check_out_at = check_in_at + interval '30 minutes'`
            : sql`check_out_at = null`
          : null,
        o.satisfaction !== undefined ? sql`satisfaction = ${o.satisfaction}` : null,
        o.day !== undefined ? sql`date = ${pick(DAYS, o.day)}::date` : null,
      ].filter((s) => s !== null);
      if (sets.length === 0) sets.push(sql`notes = 'unchanged'`);
      await db.execute(
        sql`update visits set ${sql.join(sets, sql`, `)} where tenant_id = ${tenantId} and id = ${pick(list, o.visit)}`,
      );
      return;
    }
    case 'deleteVisit': {
      const list = await ids('visits');
      if (list.length === 0) return;
      await db.execute(sql`delete from visits where tenant_id = ${tenantId} and id = ${pick(list, o.visit)}`);
      return;
    }
    case 'addForms': {
      const values = o.rows.map((r) => {
        const voided = r.voided ? sql`now(), 'テスト'` : sql`null, null`;
        return sql`(${tenantId}, ${`sum-f-${++n}`}, ${pick(customerIds, r.customer)}, 'renewal', ${pick(reps, r.rep)},
          ${pick(DAYS, r.day)}::date, ${voided}, ${reps[0]!}, ${reps[0]!})`;
      });
      await db.execute(sql`insert into forms (tenant_id, id, customer_id, kind, rep_id, collected_on,
          voided_at, void_reason, created_by, updated_by)
        values ${sql.join(values, sql`, `)}`);
      return;
    }
    case 'changeForm': {
      const list = await ids('forms');
      if (list.length === 0) return;
      const sets = [
        o.voided !== undefined
          ? o.voided
            ? sql`voided_at = now(), void_reason = '重複'`
            : sql`voided_at = null, void_reason = null`
          : null,
        o.day !== undefined ? sql`collected_on = ${pick(DAYS, o.day)}::date` : null,
        o.rep !== undefined ? sql`rep_id = ${pick(reps, o.rep)}` : null,
        o.customer !== undefined ? sql`customer_id = ${pick(customerIds, o.customer)}` : null,
      ].filter((s) => s !== null);
      if (sets.length === 0) sets.push(sql`note = 'unchanged'`);
      await db.execute(
        sql`update forms set ${sql.join(sets, sql`, `)} where tenant_id = ${tenantId} and id = ${pick(list, o.form)}`,
      );
      return;
    }
    case 'deleteForm': {
      const list = await ids('forms');
      if (list.length === 0) return;
      await db.execute(sql`delete from forms where tenant_id = ${tenantId} and id = ${pick(list, o.form)}`);
      return;
    }
    case 'addStops': {
      const values = o.rows.map((r) => {
        const day = pick(DAYS, r.day);
        return sql`(${tenantId}, ${`sum-s-${++n}`}, ${pick(planIds, o.plan)}, ${customerIds[0]!}, ${pick(reps, r.rep)},
          ${day}::date, ${n}, ${jst(day, '09:00')}::timestamptz, ${jst(day, '09:00')}::timestamptz,
          ${jst(day, '09:30')}::timestamptz, ${r.travel})`;
      });
      await db.execute(sql`insert into planned_visits (tenant_id, id, plan_id, customer_id, rep_id, date, seq,
          planned_arrival, planned_start, planned_departure, travel_seconds_before)
        values ${sql.join(values, sql`, `)}`);
      return;
    }
    case 'changeStop': {
      const list = await ids('planned_visits');
      if (list.length === 0) return;
      await db.execute(sql`update planned_visits set date = ${pick(DAYS, o.day)}::date,
          travel_seconds_before = ${o.travel}, status = 'done'
        where tenant_id = ${tenantId} and id = ${pick(list, o.stop)}`);
      return;
    }
    case 'deleteStop': {
      const list = await ids('planned_visits');
      if (list.length === 0) return;
      await db.execute(
        sql`delete from planned_visits where tenant_id = ${tenantId} and id = ${pick(list, o.stop)}`,
      );
      return;
    }
  }
}

describe('KPI summary tables', () => {
  it('equal a recomputation from the records after any sequence of writes', async () => {
    expect(await summary()).toEqual(await recomputed());
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        for (const o of ops) await apply(o);
        expect(await summary()).toEqual(await recomputed());
      }),
      { numRuns: 25 },
    );
  });

  it('follow writes made as a rep under row-level security, and a plan deleted with its stops', async () => {
    const rep1 = tenant.actor('rep1');
    const mine = tenant.customersOf('rep1')[0]!;
    // Back in rep1's book (the property above handed customers around), through a one-row update.
    await db.execute(
      sql`update customers set rep_id = ${rep1.userId} where tenant_id = ${tenantId} and id = ${mine.id}`,
    );
    await withTenant(t.database.db, rep1, (tx) =>
      tx.execute(sql`insert into orders (tenant_id, id, order_no, customer_id, rep_id, ordered_at, status,
          subtotal_standard, tax_standard, total)
        values (${tenantId}, ${`sum-o-rls-${++n}`}, ${`SUM-RLS-${n}`}, ${mine.id}, ${rep1.userId},
          '2025-01-07T10:00:00+09:00', 'delivered', 1000, 100, 1100)`),
    );
    await withTenant(t.database.db, rep1, (tx) =>
      tx.execute(
        sql`update visits set satisfaction = 4 where tenant_id = ${tenantId} and rep_id = ${rep1.userId}`,
      ),
    );
    await withTenant(t.database.db, rep1, (tx) =>
      tx.execute(sql`insert into forms (tenant_id, id, customer_id, kind, rep_id, collected_on, created_by, updated_by)
        values (${tenantId}, ${`sum-f-rls-${++n}`}, ${mine.id}, 'new_service', ${rep1.userId}, '2025-01-07',
          ${rep1.userId}, ${rep1.userId})`),
    );
    await db.execute(sql`delete from plans where tenant_id = ${tenantId} and id = ${planIds[1]!}`);
    expect(await summary()).toEqual(await recomputed());
    // The app role reads them but cannot write them.
    const refused = await withTenant(t.database.db, tenant.actor('admin'), (tx) =>
      tx.execute(sql`delete from kpi_order_days where tenant_id = ${tenantId}`),
    ).then(
      () => null,
      (error: { cause?: { code?: string } }) => error.cause?.code,
    );
    expect(refused).toBe('42501'); // insufficient_privilege
  });
});
