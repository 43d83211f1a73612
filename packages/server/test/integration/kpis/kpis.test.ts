import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../../src/domains/customers/tables.ts';
import { forms } from '../../../src/domains/forms/tables.ts';
import { orders } from '../../../src/domains/orders/tables.ts';
import { plannedVisits, plans } from '../../../src/domains/planning/tables.ts';
import { visits } from '../../../src/domains/visits/tables.ts';
import { areas } from '../../../src/platform/db/schema/index.ts';
import { createTestApp, type SignedTenantFixture } from '../../support/test-app.ts';
import { signInAll } from '../customers/customer-app.ts';

/*
 * A hand-computed dataset (docs/kpi.md). Every customer below lives in an area of its own
 * ("KPI区"), so area scope sees exactly these records; the fixture's own customers and orders
 * (other areas, ordered in the last weeks) stay out of every window here.
 *
 * Period P = [2025-04-01, 2025-05-01) (30 days). Previous = [2025-03-02, 2025-04-01).
 * Active at start = won order in [2025-01-01, 2025-04-01); at end = in [2025-01-31, 2025-05-01).
 * Last year = [2024-04-01, 2024-05-01).
 *
 * K1 rep1 A: won 2024-04-15 (1,000/1,100) · 2025-02-10 (10,000/11,000) · 2025-03-20 (6,000/6,600)
 *            · 2025-04-05 (20,000/22,000). Visits V5 03-25 ★3, V1 04-05 ★4 forms 2+1 (and a voided one).
 * K2 now rep3 (was rep1) A: won 2025-01-20 by rep1 (5,000/5,500) · 2025-04-20 by rep3 (8,000/8,800).
 *            No visit; last_visit_at 2025-03-01.
 * K3 rep1 A: won 2025-03-15 (3,000 at 8% → 3,240) · cancelled 2025-04-10 (7,000). Visit V2 04-10 ★2.
 * K4 rep2 A churned: won 2024-12-20 · 2025-01-05 (4,000/4,400).
 * K5 rep2 B, cadence 7 + 0: no orders. V3 04-15 ★5 form 1 (checked out) · V4 04-25 form 1 (not out).
 *
 * Area scope, P:
 *   受注件数 = 2 (K1 04-05, K2 04-20; K3's is cancelled) · 税抜 28,000 · 税込 30,800
 *   顧客稼働数 = 2 (K1, K2) · 顧客単価 = 28,000 / 2 = 14,000 (税込 15,400)
 *   継続率: base K1, K2, K3, K4 = 4; still active: K1 (04-05), K2 (04-20), K3 (03-15 is inside the
 *           end window too) = 3 → 0.75. K4 (churned) is lost.
 *   リピート率: previous-period buyers K1 (03-20), K3 (03-15) = 2; again in P: K1 (K3's was cancelled) → 0.5
 *   申込書 = 3 + 1 + 1 = 5 (V4 counts: forms are counted whether or not checked out; V1's voided one does not)
 *   満足度 = (4 + 2 + 5) / 3 = 3.67 with 3 answers
 *   visits done = 3 (V1, V2, V3; V4 is not checked out)
 *   planned: 04-07 → company plan (only one covering) 1 stop, travel 600; 04-08 → the newer team plan,
 *            2 stops (300 + 1,200), the company plan's 04-08 stop and the cancelled plan ignored
 *            → 3 planned, 2,100 / 3 = 700 s per visit, done/planned = 3 / 3 = 1
 *   overdue at 2025-04-30: K2 (2025-03-01 + 28 + 3 = 04-01) and K5 (04-15 + 7 = 04-22) = 2;
 *            K1 due 05-06, K3 due 05-11; K4 churned is never overdue
 * Rep scope (attributed by each record's own rep_id):
 *   rep1: 受注 1 (K1 04-05, 20,000); 継続率 base K1, K2 (01-20), K3 = 3, still active for rep1 K1, K3 → 0.6667
 *   rep3: 受注 1 (K2 04-20, 8,000); no base → 継続率 null
 *   rep2: visits but no order → 受注 0 (a real zero), 顧客単価 null
 * Last year (area): 受注 1 (K1 2024-04-15, 1,000).
 * P − 2 years (2023-04): no data at all → counts null, not 0.
 */

const t = await createTestApp();
afterAll(() => t.close());
let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof signInAll>>;
const areaId = randomUUID();
const ids = { K1: randomUUID(), K2: randomUUID(), K3: randomUUID(), K4: randomUUID(), K5: randomUUID() };
const P = 'from=2025-04-01&to=2025-05-01';

const jst = (date: string, time = '10:00') => new Date(`${date}T${time}:00+09:00`);

beforeAll(async () => {
  tenant = await t.createTenant();
  as = await signInAll(t, tenant);
  const db = t.database.admin;
  const tenantId = tenant.tenantId;
  const rep = (key: 'rep1' | 'rep2' | 'rep3') => tenant.users[key].id;
  await db.insert(areas).values({ tenantId, id: areaId, name: 'KPI区', sortOrder: 9 });
  const customer = (key: keyof typeof ids, extra: Partial<typeof customers.$inferInsert>) => ({
    tenantId,
    id: ids[key],
    code: `KPI-${key}-${randomUUID().slice(0, 6)}`,
    name: `KPI商事 ${key}`,
    areaId,
    rank: 'A' as const,
    createdAt: jst('2024-01-01'),
    ...extra,
  });
  await db
    .insert(customers)
    .values([
      customer('K1', { repId: rep('rep1') }),
      customer('K2', { repId: rep('rep3'), lastVisitAt: jst('2025-03-01') }),
      customer('K3', { repId: rep('rep1') }),
      customer('K4', { repId: rep('rep2'), status: 'churned' }),
      customer('K5', { repId: rep('rep2'), rank: 'B', cadenceDays: 7, cadenceToleranceDays: 0 }),
    ]);
  let n = 0;
  const order = (
    key: keyof typeof ids,
    by: 'rep1' | 'rep2' | 'rep3',
    date: string,
    excl: number,
    { reduced = false, cancelled = false } = {},
  ) => {
    const tax = reduced ? Math.floor((excl * 8) / 100) : Math.floor(excl / 10);
    return {
      tenantId,
      id: randomUUID(),
      orderNo: `KPI-${randomUUID().slice(0, 8)}-${++n}`,
      customerId: ids[key],
      repId: rep(by),
      orderedAt: jst(date),
      status: cancelled ? ('cancelled' as const) : ('delivered' as const),
      subtotalStandard: reduced ? 0 : excl,
      subtotalReduced: reduced ? excl : 0,
      taxStandard: reduced ? 0 : tax,
      taxReduced: reduced ? tax : 0,
      total: excl + tax,
    };
  };
  await db
    .insert(orders)
    .values([
      order('K1', 'rep1', '2024-04-15', 1000),
      order('K1', 'rep1', '2025-02-10', 10000),
      order('K1', 'rep1', '2025-03-20', 6000),
      order('K1', 'rep1', '2025-04-05', 20000),
      order('K2', 'rep1', '2025-01-20', 5000),
      order('K2', 'rep3', '2025-04-20', 8000),
      order('K3', 'rep1', '2025-03-15', 3000, { reduced: true }),
      order('K3', 'rep1', '2025-04-10', 7000, { cancelled: true }),
      order('K4', 'rep2', '2024-12-20', 2000),
      order('K4', 'rep2', '2025-01-05', 4000),
    ]);
  const visit = (
    id: string,
    key: keyof typeof ids,
    by: 'rep1' | 'rep2',
    date: string,
    satisfaction: number | null,
    out = true,
  ) => ({
    tenantId,
    id,
    customerId: ids[key],
    repId: rep(by),
    date,
    checkInAt: jst(date),
    checkOutAt: out ? jst(date, '10:30') : null,
    satisfaction,
  });
  const v = { V1: randomUUID(), V2: randomUUID(), V3: randomUUID(), V4: randomUUID(), V5: randomUUID() };
  await db
    .insert(visits)
    .values([
      visit(v.V1, 'K1', 'rep1', '2025-04-05', 4),
      visit(v.V2, 'K3', 'rep1', '2025-04-10', 2),
      visit(v.V3, 'K5', 'rep2', '2025-04-15', 5),
      visit(v.V4, 'K5', 'rep2', '2025-04-25', null, false),
      visit(v.V5, 'K1', 'rep1', '2025-03-25', 3),
    ]);
  const form = (
    visitId: string,
    key: keyof typeof ids,
    by: 'rep1' | 'rep2',
    collectedOn: string,
    kind: 'new_service' | 'contract_change',
    voided = false,
  ) => ({
    tenantId,
    id: randomUUID(),
    customerId: ids[key],
    kind,
    repId: rep(by),
    collectedOn,
    visitId,
    createdBy: rep(by),
    updatedBy: rep(by),
    ...(voided ? { voidedAt: jst(collectedOn), voidedBy: rep(by), voidReason: '二重登録' } : {}),
  });
  await db
    .insert(forms)
    .values([
      form(v.V1, 'K1', 'rep1', '2025-04-05', 'new_service'),
      form(v.V1, 'K1', 'rep1', '2025-04-05', 'new_service'),
      form(v.V1, 'K1', 'rep1', '2025-04-05', 'contract_change'),
      form(v.V1, 'K1', 'rep1', '2025-04-05', 'new_service', true),
      form(v.V3, 'K5', 'rep2', '2025-04-15', 'new_service'),
      form(v.V4, 'K5', 'rep2', '2025-04-25', 'new_service'),
    ]);
  const plan = (
    id: string,
    teamId: string | null,
    startDate: string,
    status: 'ready' | 'cancelled',
    created: string,
  ) => ({
    tenantId,
    id,
    teamId,
    startDate,
    days: 5,
    status,
    createdBy: tenant.users.manager.id,
    createdAt: new Date(created),
  });
  const p = { company: randomUUID(), team: randomUUID(), cancelled: randomUUID() };
  await db
    .insert(plans)
    .values([
      plan(p.company, null, '2025-04-07', 'ready', '2025-04-04T00:00:00Z'),
      plan(p.team, tenant.teams.a.id, '2025-04-08', 'ready', '2025-04-07T00:00:00Z'),
      plan(p.cancelled, tenant.teams.a.id, '2025-04-07', 'cancelled', '2025-04-08T00:00:00Z'),
    ]);
  let seq = 0;
  const stop = (planId: string, key: keyof typeof ids, date: string, travel: number) => ({
    tenantId,
    id: randomUUID(),
    planId,
    customerId: ids[key],
    repId: rep('rep1'),
    date,
    seq: ++seq,
    plannedArrival: jst(date, '09:30'),
    plannedStart: jst(date, '09:30'),
    plannedDeparture: jst(date, '10:00'),
    travelSecondsBefore: travel,
  });
  await db
    .insert(plannedVisits)
    .values([
      stop(p.company, 'K1', '2025-04-07', 600),
      stop(p.company, 'K3', '2025-04-08', 900),
      stop(p.team, 'K1', '2025-04-08', 300),
      stop(p.team, 'K3', '2025-04-08', 1200),
      stop(p.cancelled, 'K1', '2025-04-09', 5000),
    ]);
});

type Figures = Record<string, number | null>;
interface Report {
  scope: { scope: string; scopeId: string | null; label: string };
  periods: Record<string, { from: string; to: string }>;
  figures: { current: Figures; previous: Figures | null; lastYear: Figures | null };
}

async function report(key: 'admin' | 'manager' | 'rep1' | 'rep2' | 'rep3', query: string) {
  const res = await as(key).get(`/api/kpis?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Report;
}

describe('the six KPIs on the hand-computed dataset (area scope)', () => {
  it('orders won, amounts, active customers and revenue per customer; a cancelled order counts nowhere', async () => {
    const { figures, scope, periods } = await report('admin', `${P}&scope=area&scopeId=${areaId}`);
    expect(scope).toEqual({ scope: 'area', scopeId: areaId, label: 'KPI区' });
    expect(periods).toEqual({
      current: { from: '2025-04-01', to: '2025-05-01' },
      previous: { from: '2025-03-02', to: '2025-04-01' },
      lastYear: { from: '2024-04-01', to: '2024-05-01' },
    });
    expect(figures.current).toMatchObject({
      ordersWon: 2,
      ordersWonAmountExclTax: 28000,
      ordersWonAmountInclTax: 30800,
      activeCustomers: 2,
      revenuePerCustomerExclTax: 14000,
      revenuePerCustomerInclTax: 15400,
    });
    // Previous period: K1 03-20 (6,000) and K3 03-15 (3,000 + 8% = 3,240).
    expect(figures.previous).toMatchObject({
      ordersWon: 2,
      ordersWonAmountExclTax: 9000,
      ordersWonAmountInclTax: 9840,
    });
    expect(figures.lastYear).toMatchObject({
      ordersWon: 1,
      ordersWonAmountExclTax: 1000,
      activeCustomers: 1,
    });
  });

  it('the comparisons, computed in the same pass as the month, equal each period asked for on its own', async () => {
    const area = `scope=area&scopeId=${areaId}`;
    const { figures } = await report('admin', `${P}&${area}`);
    const alone = async (from: string, to: string) =>
      (await report('admin', `from=${from}&to=${to}&${area}&compare=previous`)).figures.current;
    // Overdue is a state of today's book: given with the period asked for only.
    expect(figures.previous).toEqual({
      ...(await alone('2025-03-02', '2025-04-01')),
      overdueCustomers: null,
    });
    expect(figures.lastYear).toEqual({
      ...(await alone('2024-04-01', '2024-05-01')),
      overdueCustomers: null,
    });
  });

  it('retention (the churned customer is lost) and repeat rate (the cancelled reorder does not repeat)', async () => {
    const { figures } = await report('admin', `${P}&scope=area&scopeId=${areaId}`);
    expect(figures.current).toMatchObject({
      retentionBase: 4,
      retained: 3,
      retentionRate: 0.75,
      repeatBase: 2,
      repeated: 1,
      repeatRate: 0.5,
    });
  });

  it('forms collected, satisfaction with its answers, visits done vs planned, travel per visit, overdue customers', async () => {
    const { figures } = await report('admin', `${P}&scope=area&scopeId=${areaId}`);
    expect(figures.current).toMatchObject({
      formsCollected: 5,
      satisfactionMean: 3.67,
      satisfactionAnswers: 3,
      visitsDone: 3,
      visitsPlanned: 3,
      visitCompletionRate: 1,
      travelSecondsPerVisit: 700,
      overdueCustomers: 2,
    });
  });

  it('a period with no data gives null, not 0', async () => {
    const { figures } = await report('admin', `from=2023-04-01&to=2023-05-01&scope=area&scopeId=${areaId}`);
    expect(figures.current).toMatchObject({
      ordersWon: null,
      ordersWonAmountExclTax: null,
      formsCollected: null,
      activeCustomers: null,
      revenuePerCustomerExclTax: null,
      retentionRate: null,
      repeatRate: null,
      satisfactionMean: null,
      satisfactionAnswers: 0,
      visitCompletionRate: null,
      travelSecondsPerVisit: null,
      overdueCustomers: null,
    });
  });

  it('rank scope: rank B holds only K5 (visits, no orders): 0 orders is a real zero', async () => {
    const { figures } = await report('admin', `${P}&scope=rank&scopeId=B&compare=previous`);
    // Rank B of the whole tenant: K5 only (the fixture's customers are rank B too, but ordered
    // only in the last weeks and were created after this period).
    expect(figures.current).toMatchObject({
      ordersWon: 0,
      formsCollected: 2,
      satisfactionMean: 5,
      revenuePerCustomerExclTax: null,
    });
    expect(figures.lastYear).toBeNull();
  });
});

describe('attribution by the record’s own rep (K2 moved from rep1 to rep3)', () => {
  it('rep1 keeps the order they took; rep3 gets the one after the move; rep1 lost K2 at retention', async () => {
    const rep1 = (await report('admin', `${P}&scope=rep&scopeId=${tenant.users.rep1.id}`)).figures.current;
    expect(rep1).toMatchObject({
      ordersWon: 1,
      ordersWonAmountExclTax: 20000,
      retentionBase: 3,
      retained: 2,
    });
    expect(rep1.retentionRate).toBe(0.6667);
    expect(rep1).toMatchObject({ visitsDone: 2, visitsPlanned: 3, visitCompletionRate: 0.6667 });
    const rep3 = (await report('admin', `${P}&scope=rep&scopeId=${tenant.users.rep3.id}`)).figures.current;
    expect(rep3).toMatchObject({
      ordersWon: 1,
      ordersWonAmountExclTax: 8000,
      retentionBase: 0,
      retentionRate: null,
    });
    const rep2 = (await report('admin', `${P}&scope=rep&scopeId=${tenant.users.rep2.id}`)).figures.current;
    expect(rep2).toMatchObject({
      ordersWon: 0,
      activeCustomers: 0,
      revenuePerCustomerExclTax: null,
      formsCollected: 2,
    });
  });

  it('by-rep rows of the area add up to its total', async () => {
    const res = await as('admin').get(`/api/kpis/by-rep?${P}&scope=area&scopeId=${areaId}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      rows: { repId: string; figures: Figures; places: unknown }[];
      total: Figures;
    };
    const of = (key: 'rep1' | 'rep2' | 'rep3') => body.rows.find((r) => r.repId === tenant.users[key].id)!;
    expect(of('rep1').figures).toMatchObject({ ordersWon: 1, formsCollected: 3 });
    expect(of('rep2').figures).toMatchObject({ ordersWon: 0, formsCollected: 2 });
    // rep3 took an order in the area: activity, so no form is a real 0.
    expect(of('rep3').figures).toMatchObject({ ordersWon: 1, formsCollected: 0 });
    expect(of('rep1').places).toBeNull();
    expect(body.total).toMatchObject({ ordersWon: 2, formsCollected: 5 });
  });
});

describe('role scope', () => {
  it('a rep sees their own figures by default, and their place in the team without teammates’ figures', async () => {
    const own = await report('rep1', P);
    expect(own.scope).toMatchObject({ scope: 'rep', scopeId: tenant.users.rep1.id });
    expect(own.figures.current).toMatchObject({ ordersWon: 1, formsCollected: 3 });
    const res = await as('rep1').get(`/api/kpis/by-rep?${P}`);
    const body = (await res.json()) as {
      rows: { repId: string; places: Record<string, { place: number; of: number }> }[];
    };
    expect(body.rows.map((r) => r.repId)).toEqual([tenant.users.rep1.id]);
    // Team A's reps: rep1 (1 order) and rep2 (0 orders); rep2 collected 2 forms, rep1 3.
    expect(body.rows[0]!.places.ordersWon).toEqual({ place: 1, of: 2 });
    expect(body.rows[0]!.places.formsCollected).toEqual({ place: 1, of: 2 });
    expect(body.rows[0]!.places.satisfactionMean).toEqual({ place: 2, of: 2 });
  });

  it('a rep asking for another rep’s or a team’s scope gets the answer of an id that exists nowhere', async () => {
    const nowhere = await as('rep1').get(`/api/kpis?${P}&scope=rep&scopeId=${randomUUID()}`);
    expect(nowhere.status).toBe(404);
    const nowhereBody = await nowhere.json();
    for (const query of [
      `scope=rep&scopeId=${tenant.users.rep2.id}`,
      `scope=team&scopeId=${tenant.teams.a.id}`,
      'scope=tenant',
      `scope=area&scopeId=${areaId}`,
    ]) {
      const res = await as('rep1').get(`/api/kpis?${P}&${query}`);
      expect(res.status, query).toBe(404);
      expect(await res.json()).toEqual(nowhereBody);
    }
  });

  it('a manager sees their team and its reps, not another team’s rep or the company', async () => {
    const team = await report('manager', P);
    expect(team.scope).toMatchObject({ scope: 'team', scopeId: tenant.teams.a.id });
    for (const query of [
      `scope=rep&scopeId=${tenant.users.rep3.id}`,
      `scope=team&scopeId=${tenant.teams.b.id}`,
      'scope=tenant',
    ]) {
      const res = await as('manager').get(`/api/kpis?${P}&${query}`);
      expect(res.status, query).toBe(404);
    }
    const rep2 = await report('manager', `${P}&scope=rep&scopeId=${tenant.users.rep2.id}`);
    expect(rep2.figures.current).toMatchObject({ formsCollected: 2 });
  });

  it('refuses a bad period naming the field, in Japanese and English', async () => {
    const ja = await as('admin').get('/api/kpis?from=2025-05-01&to=2025-04-01', 'ja');
    expect(ja.status).toBe(422);
    expect(((await ja.json()) as { error: { fields: Record<string, string> } }).error.fields.to).toBe(
      '終了日は開始日より後にしてください。',
    );
    const en = await as('admin').get('/api/kpis?from=2024-01-01&to=2025-06-01', 'en');
    expect(((await en.json()) as { error: { fields: Record<string, string> } }).error.fields.to).toBe(
      'A period can be at most 366 days long.',
    );
  });
});

describe('trend, drill-down and CSV', () => {
  it('monthly trend of the area', async () => {
    const res = await as('admin').get(
      `/api/kpis/trend?from=2025-03-01&to=2025-05-01&grain=month&scope=area&scopeId=${areaId}`,
    );
    const body = (await res.json()) as { buckets: Record<string, number | string | null>[] };
    expect(body.buckets).toMatchObject([
      {
        from: '2025-03-01',
        to: '2025-04-01',
        ordersWon: 2,
        ordersWonAmountExclTax: 9000,
        activeCustomers: 2,
        revenuePerCustomerExclTax: 4500,
        satisfactionMean: 3,
      },
      {
        from: '2025-04-01',
        to: '2025-05-01',
        ordersWon: 2,
        ordersWonAmountExclTax: 28000,
        activeCustomers: 2,
        revenuePerCustomerExclTax: 14000,
        formsCollected: 5,
      },
    ]);
  });

  // Rep and team scopes read the summary tables (migration 0049); the area above reads the records.
  type Bucket = { from: string; ordersWon: number; ordersWonAmountExclTax: number; activeCustomers: number };
  const trendOf = async (query: string) =>
    ((await (await as('admin').get(`/api/kpis/trend?${query}`)).json()) as { buckets: Bucket[] }).buckets;
  const busy = (buckets: Bucket[]) =>
    buckets
      .filter((b) => b.ordersWon > 0)
      .map((b) => [b.from, b.ordersWon, b.ordersWonAmountExclTax, b.activeCustomers]);

  it("monthly trend of a rep by the orders' own rep", async () => {
    const buckets = await trendOf(
      `from=2025-01-01&to=2025-05-01&grain=month&scope=rep&scopeId=${tenant.users.rep1.id}`,
    );
    // rep1: K2 01-20 (5,000, K2 is rep3's now); K1 02-10 (10,000); K3 03-15 (3,000) and K1 03-20
    // (6,000); K1 04-05 (20,000), K3's 04-10 cancelled.
    expect(busy(buckets)).toEqual([
      ['2025-01-01', 1, 5000, 1],
      ['2025-02-01', 1, 10000, 1],
      ['2025-03-01', 2, 9000, 2],
      ['2025-04-01', 1, 20000, 1],
    ]);
  });

  it('weekly trend of more than 24 weeks, and teams by their reps’ orders', async () => {
    // 26 ISO weeks from Monday 2025-01-06: the path that cuts each customer's won days to buckets.
    const weeks = await trendOf(
      `from=2025-01-06&to=2025-07-07&grain=week&scope=rep&scopeId=${tenant.users.rep1.id}`,
    );
    expect(weeks).toHaveLength(26);
    expect(busy(weeks)).toEqual([
      ['2025-01-20', 1, 5000, 1],
      ['2025-02-10', 1, 10000, 1],
      ['2025-03-10', 1, 3000, 1],
      ['2025-03-17', 1, 6000, 1],
      ['2025-03-31', 1, 20000, 1],
    ]);
    // Team B (rep3) took K2's 04-20 order, though K2 bought from rep1 (team A) in January.
    const teamB = await trendOf(
      `from=2025-04-01&to=2025-05-01&grain=month&scope=team&scopeId=${tenant.teams.b.id}`,
    );
    expect(busy(teamB)).toEqual([['2025-04-01', 1, 8000, 1]]);
    const teamA = await trendOf(
      `from=2025-01-01&to=2025-02-01&grain=month&scope=team&scopeId=${tenant.teams.a.id}`,
    );
    // Team A in January: K2 by rep1 (5,000) and K4 by rep2 01-05 (4,000): two customers.
    expect(busy(teamA)).toEqual([['2025-01-01', 2, 9000, 2]]);
  });

  it('a customer who bought from two reps is one customer of the company, and one of each rep', async () => {
    // January–April 2025: K1, K3 (rep1), K2 (rep1 in January, rep3 in April), K4 (rep2).
    const q = 'from=2025-01-01&to=2025-05-01';
    type Figures = { activeCustomers: number | null };
    const company = (await (await as('admin').get(`/api/kpis?${q}`)).json()) as {
      figures: { current: Figures };
    };
    expect(company.figures.current.activeCustomers).toBe(4);
    const byRep = (await (await as('admin').get(`/api/kpis/by-rep?${q}`)).json()) as {
      total: Figures;
      rows: { repId: string; figures: Figures }[];
    };
    expect(byRep.total.activeCustomers).toBe(4);
    const active = (key: 'rep1' | 'rep2' | 'rep3') =>
      byRep.rows.find((r) => r.repId === tenant.users[key].id)?.figures.activeCustomers;
    expect([active('rep1'), active('rep2'), active('rep3')]).toEqual([3, 1, 1]);
  });

  it('drill-down lists the orders, the retention base and the overdue customers behind the numbers', async () => {
    const area = `${P}&scope=area&scopeId=${areaId}`;
    type Page = {
      items: {
        customerId: string;
        id: string;
        kept: boolean | null;
        amountExclTax: number | null;
        dueDate: string | null;
      }[];
      nextCursor: string | null;
    };
    const first = (await (
      await as('admin').get(`/api/kpis/ordersWon/records?${area}&limit=1`)
    ).json()) as Page;
    expect(first.items.map((i) => [i.customerId, i.amountExclTax])).toEqual([[ids.K2, 8000]]);
    const second = (await (
      await as('admin').get(`/api/kpis/ordersWon/records?${area}&limit=1&cursor=${first.nextCursor}`)
    ).json()) as Page;
    expect(second.items.map((i) => [i.customerId, i.amountExclTax])).toEqual([[ids.K1, 20000]]);
    expect(second.nextCursor).toBeNull();
    const retention = (await (await as('admin').get(`/api/kpis/retention/records?${area}`)).json()) as Page;
    expect(retention.items.filter((i) => !i.kept).map((i) => i.customerId)).toEqual([ids.K4]);
    expect(retention.items).toHaveLength(4);
    const formLines = (await (await as('admin').get(`/api/kpis/formsCollected/records?${area}`)).json()) as {
      items: { customerId: string; date: string; forms: number }[];
    };
    expect(formLines.items.map((i) => [i.customerId, i.date, i.forms])).toEqual([
      [ids.K5, '2025-04-25', 1],
      [ids.K5, '2025-04-15', 1],
      [ids.K1, '2025-04-05', 3],
    ]);
    const overdue = (await (
      await as('admin').get(`/api/kpis/overdueCustomers/records?${area}`)
    ).json()) as Page;
    expect(overdue.items.map((i) => [i.customerId, i.dueDate])).toEqual([
      [ids.K2, '2025-04-01'],
      [ids.K5, '2025-04-22'],
    ]);
  });

  it('CSV: one row per rep and the total', async () => {
    const res = await as('admin').get(`/api/kpis/export.csv?${P}&scope=area&scopeId=${areaId}`, 'ja');
    expect(res.status).toBe(200);
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^期間,担当者,受注件数,受注金額\(税抜\)/);
    expect(lines.at(-1)).toMatch(
      /^2025-04-01\.\.2025-05-01,合計 KPI区,2,28000,30800,5,0\.75,4,0\.5,2,14000,2,3\.67,3,3,3,700,2$/,
    );
  });

  it('a changed order changes the KPI on the next request', async () => {
    const area = `${P}&scope=area&scopeId=${areaId}`;
    const before = (await report('admin', area)).figures.current.ordersWon;
    const k2Orders = await t.database.admin
      .select({ id: orders.id, at: orders.orderedAt })
      .from(orders)
      .where(eq(orders.customerId, ids.K2));
    const april = k2Orders.find((o) => o.at.toISOString().startsWith('2025-04'))!;
    await t.database.admin.update(orders).set({ status: 'cancelled' }).where(eq(orders.id, april.id));
    expect((await report('admin', area)).figures.current.ordersWon).toBe((before as number) - 1);
    await t.database.admin.update(orders).set({ status: 'delivered' }).where(eq(orders.id, april.id));
  });
});
