import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products } from '../../../src/domains/catalog/tables.ts';
import { complaints } from '../../../src/domains/complaints/tables.ts';
import { customers } from '../../../src/domains/customers/tables.ts';
import { followups } from '../../../src/domains/followups/tables.ts';
import { forms } from '../../../src/domains/forms/tables.ts';
import { orderLines, orders } from '../../../src/domains/orders/tables.ts';
import { addDays, todayIn } from '../../../src/domains/planning/working-days.ts';
import { visits } from '../../../src/domains/visits/tables.ts';
import { createTestApp, type SignedTenantFixture } from '../../support/test-app.ts';
import { signInAll } from '../customers/customer-app.ts';

const t = await createTestApp();
afterAll(() => t.close());
let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof signInAll>>;
const customerId = randomUUID();
const today = todayIn();
/** Noon in Tokyo `days` before today. */
const daysAgo = (days: number) => new Date(`${addDays(today, -days)}T12:00:00+09:00`);

type Source = { kind: string; id: string; field?: string };
type Briefing = Record<string, unknown> & {
  cautions: { text: string; source: Source }[];
  preferences: { text: string }[];
  reorderDue: { productCode: string; medianIntervalDays: number; daysSinceLast: number; source: Source }[];
  openComplaints: { title: string; ageDays: number; source: Source }[];
  awaitingConfirmation: { title: string; source: Source }[];
  promises: { ours: { title: string }[]; theirs: { title: string }[] };
  lastVisits: { items: { summary: string; source: Source }[] };
  recentOrders: {
    items: { orderNo: string }[];
    trend: { taxBasis: string; recentAmount: number; previousAmount: number };
  };
  forms: { items: { title: string; source: Source }[] };
  talkingPoints: { reason: string; message: { ja: string; en: string }; source: Source }[];
};

const productIds = { paper: randomUUID(), toner: randomUUID() };
let resolvedId = '';
let openId = '';

/**
 * A customer of rep1 with a hand-built history: copy paper every ~30 days (last 40 days ago:
 * due), toner every ~60 days (last 10 days ago: not due), and an order one year ago only.
 */
async function seedCustomer() {
  const admin = t.database.admin;
  const rep = tenant.users.rep1.id;
  await admin.insert(customers).values({
    tenantId: tenant.tenantId,
    id: customerId,
    code: 'BRF-1',
    name: '株式会社ブリーフィング商会',
    repId: rep,
    rank: 'A',
    cautions: '駐車場は裏口側のみ\n社長の前でたばこの話はしない',
    preferences: '甘いものが好き。話好きで長くなりがち',
  });
  await admin.insert(products).values([
    {
      tenantId: tenant.tenantId,
      id: productIds.paper,
      code: 'BRF-PAPER',
      name: 'コピー用紙A4',
      unit: '箱',
      unitPrice: '2000',
    },
    {
      tenantId: tenant.tenantId,
      id: productIds.toner,
      code: 'BRF-TONER',
      name: 'トナー黒',
      unit: '本',
      unitPrice: '9000',
    },
  ]);
  const history: [string, number, 'paper' | 'toner', number][] = [
    ['BRF-O1', 130, 'paper', 5],
    ['BRF-O2', 100, 'paper', 5],
    ['BRF-O3', 70, 'paper', 6],
    ['BRF-O4', 40, 'paper', 5],
    ['BRF-O5', 130, 'toner', 1],
    ['BRF-O6', 70, 'toner', 1],
    ['BRF-O7', 10, 'toner', 2],
  ];
  for (const [orderNo, ago, product, quantity] of history) {
    const id = randomUUID();
    const unitPrice = product === 'paper' ? 2000 : 9000;
    const subtotal = unitPrice * quantity;
    await admin.insert(orders).values({
      tenantId: tenant.tenantId,
      id,
      orderNo,
      customerId,
      repId: rep,
      orderedAt: daysAgo(ago),
      status: 'delivered',
      subtotalStandard: subtotal,
      taxStandard: subtotal / 10,
      total: subtotal + subtotal / 10,
    });
    await admin.insert(orderLines).values({
      tenantId: tenant.tenantId,
      orderId: id,
      lineNo: 1,
      productId: productIds[product],
      productCode: product === 'paper' ? 'BRF-PAPER' : 'BRF-TONER',
      productName: product === 'paper' ? 'コピー用紙A4' : 'トナー黒',
      unit: product === 'paper' ? '箱' : '本',
      quantity,
      unitPrice: String(unitPrice),
      taxRate: 10,
      amount: subtotal,
    });
  }
  const visitId = randomUUID();
  await admin.insert(visits).values({
    tenantId: tenant.tenantId,
    id: visitId,
    customerId,
    repId: rep,
    date: addDays(today, -14),
    checkInAt: daysAgo(14),
    checkOutAt: new Date(daysAgo(14).getTime() + 1_800_000),
    outcome: 'met',
    notes: '年末の在庫を多めに持ちたいとのこと',
    needs: '請求書を月末締めにしてほしい',
  });
  await admin.insert(forms).values({
    tenantId: tenant.tenantId,
    id: randomUUID(),
    customerId,
    kind: 'contract_change',
    repId: rep,
    collectedOn: addDays(today, -14),
    visitId,
    note: '口座振替依頼書',
    createdBy: rep,
    updatedBy: rep,
  });
  await admin.insert(followups).values([
    {
      tenantId: tenant.tenantId,
      id: randomUUID(),
      customerId,
      repId: rep,
      visitId,
      title: '新しいカタログを届ける',
      dueDate: addDays(today, 3),
      owner: 'us',
      createdBy: rep,
    },
    {
      tenantId: tenant.tenantId,
      id: randomUUID(),
      customerId,
      repId: rep,
      visitId,
      title: '来月の発注数を連絡してもらう',
      dueDate: addDays(today, -1),
      owner: 'customer',
      createdBy: rep,
    },
  ]);
}

async function fileComplaint(title: string) {
  const res = await as('rep1').send('POST', '/api/complaints', {
    id: randomUUID(),
    customerId,
    source: 'phone',
    kind: 'complaint',
    category: 'quality',
    severity: 'medium',
    title,
  });
  return ((await res.json()) as { id: string }).id;
}

beforeAll(async () => {
  tenant = await t.createTenant();
  as = await signInAll(t, tenant);
  await seedCustomer();
  openId = await fileComplaint('用紙が湿気で波打っていた');
  resolvedId = await fileComplaint('トナーの箱が潰れていた');
  await as('rep1').send('POST', `/api/complaints/${resolvedId}/actions`, {
    id: randomUUID(),
    type: 'resolve',
    note: '交換品を届けた',
    version: 1,
  });
});

const getBriefing = async (key: 'rep1' | 'rep2' | 'rep3' | 'manager' | 'admin') =>
  as(key).get(`/api/customers/${customerId}/briefing`);

/** Every `source` in the briefing, wherever it sits. */
function sourcesOf(value: unknown, found: Source[] = []): Source[] {
  if (Array.isArray(value)) for (const v of value) sourcesOf(v, found);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'source') found.push(v as Source);
      else sourcesOf(v, found);
    }
  }
  return found;
}

async function exists(source: Source): Promise<boolean> {
  const admin = t.database.admin;
  const tid = tenant.tenantId;
  const one = async (
    table:
      | typeof customers
      | typeof orders
      | typeof complaints
      | typeof visits
      | typeof forms
      | typeof followups
      | typeof products,
  ) =>
    (
      await admin
        .select({ id: table.id })
        .from(table)
        .where(and(eq(table.tenantId, tid), eq(table.id, source.id)))
    ).length === 1;
  switch (source.kind) {
    case 'customer':
      return one(customers);
    case 'order':
      return one(orders);
    case 'complaint':
      return one(complaints);
    case 'visit':
      return one(visits);
    case 'form':
      return one(forms);
    case 'promise':
      return one(followups);
    case 'product':
      return one(products);
    default:
      return false;
  }
}

describe('the pre-visit briefing', () => {
  it('puts the cautions first, and every line names a record that exists', async () => {
    const res = await getBriefing('rep1');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Briefing;
    const sections = Object.keys(body).filter((k) => !['customer', 'today', 'generatedAt'].includes(k));
    expect(sections[0]).toBe('cautions');
    expect(body.cautions.map((c) => c.text)).toEqual(['駐車場は裏口側のみ', '社長の前でたばこの話はしない']);
    expect(body.cautions[0]?.source).toEqual({ kind: 'customer', id: customerId, field: 'cautions' });
    expect(body.preferences.length).toBeGreaterThan(0);
    const sources = sourcesOf(body);
    expect(sources.length).toBeGreaterThan(10);
    for (const source of sources) expect(await exists(source), JSON.stringify(source)).toBe(true);
  });

  it('computes reorder due from the median interval of this customer’s purchases', async () => {
    const body = (await (await getBriefing('rep1')).json()) as Briefing;
    expect(body.reorderDue.map((r) => r.productCode)).toEqual(['BRF-PAPER']);
    expect(body.reorderDue[0]).toMatchObject({ medianIntervalDays: 30, daysSinceLast: 40 });
    const [order] = await t.database.admin
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.tenantId, tenant.tenantId), eq(orders.orderNo, 'BRF-O4')));
    expect(body.reorderDue[0]?.source).toEqual({ kind: 'order', id: order?.id });
    expect(body.talkingPoints.find((p) => p.reason === 'reorder_due')?.message.ja).toContain('コピー用紙A4');
  });

  it('lists open complaints with their age, a resolved one as awaiting confirmation, promises, visits, forms and the trend', async () => {
    const body = (await (await getBriefing('rep1')).json()) as Briefing;
    expect(body.openComplaints.map((c) => c.source.id)).toEqual([openId]);
    expect(body.openComplaints[0]?.ageDays).toBe(0);
    expect(body.awaitingConfirmation.map((c) => c.source.id)).toEqual([resolvedId]);
    expect(body.talkingPoints.map((p) => p.reason)).toEqual(
      expect.arrayContaining(['unresolved_complaint', 'reorder_due']),
    );
    expect(body.talkingPoints.length).toBeLessThanOrEqual(3);
    expect(body.promises.ours.map((p) => p.title)).toEqual(['新しいカタログを届ける']);
    expect(body.promises.theirs.map((p) => p.title)).toEqual(['来月の発注数を連絡してもらう']);
    expect(body.lastVisits.items[0]?.summary).toContain('年末の在庫を多めに持ちたい');
    expect(body.forms.items.map((f) => f.title)).toEqual(['契約変更（口座振替依頼書）']);
    // Last 3 months: O4 (40 days ago, 5×2000), O3 (70, 6×2000), O6 (70, 9000), O7 (10, 2×9000); the 3 before: O1, O2, O5.
    expect(body.recentOrders.trend).toMatchObject({
      taxBasis: 'excluded',
      recentAmount: 10_000 + 12_000 + 9_000 + 18_000,
      previousAmount: 10_000 + 10_000 + 9_000,
    });
    expect(body.recentOrders.items[0]?.orderNo).toBe('BRF-O7');
    // Confirmed at the visit: it leaves the briefing.
    const detail = (await (await as('rep1').get(`/api/complaints/${resolvedId}`)).json()) as {
      version: number;
    };
    await as('rep1').send('POST', `/api/complaints/${resolvedId}/actions`, {
      id: randomUUID(),
      type: 'confirm',
      version: detail.version,
    });
    const after = (await (await getBriefing('rep1')).json()) as Briefing;
    expect(after.awaitingConfirmation).toEqual([]);
  });

  it("is not shown to another rep (404 as for a customer that does not exist), but to the team's manager", async () => {
    const other = await getBriefing('rep2');
    const nowhere = await as('rep2').get(`/api/customers/${randomUUID()}/briefing`);
    expect(other.status).toBe(404);
    expect(await other.text()).toBe(await nowhere.text());
    expect((await getBriefing('rep3')).status).toBe(404);
    expect((await as('rep2').get(`/api/customers/${customerId}/timeline`)).status).toBe(404);
    expect((await getBriefing('manager')).status).toBe(200);
  });
});

describe('the カルテ timeline', () => {
  it('is newest first, filters by kind and pages without overlap', async () => {
    type Page = { items: { kind: string; id: string; at: string }[]; nextCursor: string | null };
    const all = (await (
      await as('rep1').get(`/api/customers/${customerId}/timeline?limit=100`)
    ).json()) as Page;
    const kinds = new Set(all.items.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(['complaint', 'form', 'order', 'promise', 'visit']);
    const times = all.items.map((i) => i.at);
    expect([...times].sort().reverse()).toEqual(times);

    const onlyOrders = (await (
      await as('rep1').get(`/api/customers/${customerId}/timeline?kinds=order`)
    ).json()) as Page;
    expect(onlyOrders.items.map((i) => i.kind)).toEqual(Array(7).fill('order'));

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&before=${cursor}` : '';
      const page = (await (
        await as('rep1').get(`/api/customers/${customerId}/timeline?limit=3${query}`)
      ).json()) as Page;
      seen.push(...page.items.map((i) => `${i.kind}:${i.id}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i) => `${i.kind}:${i.id}`));

    const bad = await as('rep1').get(`/api/customers/${customerId}/timeline?kinds=order,invoice`, 'en');
    expect(bad.status).toBe(422);
    expect(Object.keys(((await bad.json()) as { error: { fields: object } }).error.fields)).toEqual([
      'kinds',
    ]);
  });
});
