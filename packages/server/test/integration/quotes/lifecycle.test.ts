import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quotes } from '../../../src/domains/quotes/tables.ts';
import { createTestApp, type SignedTenantFixture } from '../../support/test-app.ts';
import { signInAll } from '../customers/customer-app.ts';

const t = await createTestApp();
afterAll(() => t.close());
let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof signInAll>>;

beforeAll(async () => {
  tenant = await t.createTenant();
  as = await signInAll(t, tenant);
});

type Line = {
  lineNo: number;
  kind: string;
  name: string;
  quantity: number;
  unitPrice: number;
  taxRate: number;
  amount: number;
  productCode: string | null;
};
type QuoteBody = {
  id: string;
  quoteNo: string;
  revision: number;
  status: string;
  version: number;
  lines: Line[];
  subtotals: Record<string, number>;
  taxes: Record<string, number>;
  total: number;
  orderId: string | null;
  revisions: { id: string; revision: number; status: string }[];
  error?: { code: string; fields?: Record<string, string> };
};

const json = async <T>(res: Response) => ({ status: res.status, body: (await res.json()) as T });

/** コピー用紙 from the catalog (2,980円, 10%) ×5, ドリップコーヒー 1,296円×3 (8%), ▲500 (10%), 1.5円/枚 ×3,333 (10%). */
const linesOf = (paperId: string) => [
  { kind: 'item', productId: paperId, quantity: 5 },
  { kind: 'item', name: 'ドリップコーヒー 100袋', quantity: 3, unit: '箱', unitPrice: 1296, taxRate: 8 },
  { kind: 'discount', name: '出精値引', quantity: 1, unit: '式', unitPrice: 500, taxRate: 10 },
  {
    kind: 'item',
    name: 'カラーコピー カウンター料金',
    quantity: 3333,
    unit: '枚',
    unitPrice: 1.5,
    taxRate: 10,
  },
];

describe('quote lifecycle: draft → issue → revise → accept → order', () => {
  it('stores the totals the calculate endpoint answers, and carries them to the order exactly', async () => {
    const customer = tenant.customersOf('rep1')[0]!;
    const created = await json<QuoteBody>(
      await as('rep1').send('POST', '/api/quotes', {
        customerId: customer.id,
        subject: 'コピー用紙・コーヒーの定期購入',
        lines: linesOf(tenant.products.paper),
      }),
    );
    expect(created.status).toBe(201);
    const draft = created.body;
    expect(draft).toMatchObject({ status: 'draft', revision: 1, version: 1 });
    expect(draft.quoteNo).toMatch(/^Q-\d{4}-\d{4}$/);
    // 10%: 14,900 − 500 + floor(4,999.5) = 19,399 → tax floor(1,939.9) = 1,939; 8%: 3,888 → 311.
    expect(draft.lines.map((l) => l.amount)).toEqual([14_900, 3_888, 500, 4_999]);
    expect(draft.lines[0]).toMatchObject({ unitPrice: 2980, taxRate: 10 });
    expect(draft.lines[3]).toMatchObject({ unitPrice: 1.5 });
    expect(draft).toMatchObject({
      subtotals: { '10': 19_399, '8': 3_888 },
      taxes: { '10': 1_939, '8': 311 },
      total: 25_537,
    });

    const calculated = await json<{ subtotals: unknown; taxes: unknown; total: number }>(
      await as('rep1').send('POST', '/api/quotes/calculate', {
        lines: draft.lines.map((l) => ({
          kind: l.kind,
          unitPrice: l.unitPrice,
          quantity: l.quantity,
          taxRate: l.taxRate,
        })),
      }),
    );
    expect(calculated.body).toMatchObject({
      subtotals: draft.subtotals,
      taxes: draft.taxes,
      total: draft.total,
    });

    const stale = await json<QuoteBody>(
      await as('rep1').send('PUT', `/api/quotes/${draft.id}`, { version: 9, subject: '古い版', lines: [] }),
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error?.code).toBe('version_conflict');

    const edited = await json<QuoteBody>(
      await as('rep1').send('PUT', `/api/quotes/${draft.id}`, {
        version: 1,
        subject: 'コピー用紙・コーヒーの定期購入（改）',
        lines: linesOf(tenant.products.paper).map((l, i) => (i === 0 ? { ...l, quantity: 6 } : l)),
      }),
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, total: 25_537 + 2_980 + 298 });

    const issued = await json<QuoteBody>(
      await as('rep1').send('POST', `/api/quotes/${draft.id}/issue`, { version: 2 }),
    );
    expect(issued.body).toMatchObject({ status: 'submitted', version: 3 });
    const refused = await json<QuoteBody>(
      await as('rep1').send(
        'PUT',
        `/api/quotes/${draft.id}`,
        { version: 3, subject: '変更', lines: [] },
        'ja',
      ),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('quote_issued');

    const revised = await json<QuoteBody>(await as('rep1').send('POST', `/api/quotes/${draft.id}/revise`));
    expect(revised.status).toBe(201);
    expect(revised.body).toMatchObject({
      quoteNo: draft.quoteNo,
      revision: 2,
      status: 'draft',
      total: issued.body.total,
    });
    expect(revised.body.revisions.map((r) => [r.revision, r.status])).toEqual([
      [2, 'draft'],
      [1, 'superseded'],
    ]);
    const old = await json<QuoteBody>(await as('rep1').get(`/api/quotes/${draft.id}`));
    expect(old.body.status).toBe('superseded');
    expect(old.body.lines).toEqual(issued.body.lines);

    const second = await json<QuoteBody>(
      await as('rep1').send('POST', `/api/quotes/${revised.body.id}/issue`, {
        version: revised.body.version,
      }),
    );
    const accepted = await json<{ quote: QuoteBody; order: { id: string; orderNo: string } }>(
      await as('rep1').send('POST', `/api/quotes/${revised.body.id}/accept`, {
        version: second.body.version,
      }),
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.quote).toMatchObject({ status: 'accepted', orderId: accepted.body.order.id });
    const order = await json<{
      status: string;
      lines: Line[];
      subtotals: unknown;
      taxes: unknown;
      total: number;
      quoteId: string;
    }>(await as('rep1').get(`/api/orders/${accepted.body.order.id}`));
    expect(order.body).toMatchObject({
      status: 'ordered',
      quoteId: revised.body.id,
      subtotals: second.body.subtotals,
      taxes: second.body.taxes,
      total: second.body.total,
    });
    const pick = (l: Line) => [l.kind, l.name, l.quantity, l.unitPrice, l.taxRate, l.amount, l.productCode];
    expect(order.body.lines.map(pick)).toEqual(second.body.lines.map(pick));

    // Another rep of the same team does not see it; the team's manager does.
    expect((await as('rep2').get(`/api/quotes/${draft.id}`)).status).toBe(404);
    expect((await as('rep3').get(`/api/orders/${accepted.body.order.id}`)).status).toBe(404);
    expect((await as('manager').get(`/api/quotes/${draft.id}`)).status).toBe(200);
    const rep2List = await json<{ items: { id: string }[] }>(
      await as('rep2').get('/api/quotes?allRevisions=true'),
    );
    expect(rep2List.body.items.map((q) => q.id)).not.toContain(draft.id);
    const rep1List = await json<{ items: { id: string }[] }>(
      await as('rep1').get('/api/quotes?status=accepted'),
    );
    expect(rep1List.body.items.map((q) => q.id)).toEqual([revised.body.id]);

    const pdf = await as('rep1').get(`/api/quotes/${revised.body.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('starts from a previous quote (its lines copied) and refuses a visit that is not of the customer', async () => {
    const customer = tenant.customersOf('rep1')[0]!;
    const source = await json<QuoteBody>(
      await as('rep1').send('POST', '/api/quotes', {
        customerId: customer.id,
        subject: '前回の見積',
        lines: linesOf(tenant.products.paper),
      }),
    );
    const copy = await json<QuoteBody>(
      await as('rep1').send('POST', '/api/quotes', {
        customerId: customer.id,
        sourceQuoteId: source.body.id,
        subject: '前回と同じ内容で',
      }),
    );
    expect(copy.status).toBe(201);
    expect(copy.body.quoteNo).not.toBe(source.body.quoteNo);
    expect(copy.body.lines).toEqual(source.body.lines);
    expect(copy.body.total).toBe(source.body.total);
    const visit = await json<QuoteBody>(
      await as('rep1').send(
        'POST',
        '/api/quotes',
        { customerId: customer.id, visitId: crypto.randomUUID(), subject: '訪問から', lines: [] },
        'en',
      ),
    );
    expect(visit.status).toBe(422);
    expect(visit.body.error?.fields).toEqual({ visitId: 'No such visit of this customer.' });
  });

  it('refuses a negative quantity and an unknown product naming the field, in ja and en, storing nothing', async () => {
    const customer = tenant.customersOf('rep1')[0]!;
    const countQuotes = async () =>
      (
        await t.database.admin.select({ n: count() }).from(quotes).where(eq(quotes.tenantId, tenant.tenantId))
      )[0]?.n;
    const before = await countQuotes();
    const negative = await json<QuoteBody>(
      await as('rep1').send(
        'POST',
        '/api/quotes',
        {
          customerId: customer.id,
          subject: '負の数量',
          lines: [{ name: '用紙', quantity: -2, unitPrice: 100, taxRate: 10 }],
        },
        'ja',
      ),
    );
    expect(negative.status).toBe(422);
    expect(Object.keys(negative.body.error?.fields ?? {})).toEqual(['lines.0.quantity']);
    const unknown = await json<QuoteBody>(
      await as('rep1').send(
        'POST',
        '/api/quotes',
        {
          customerId: customer.id,
          subject: '存在しない商品',
          lines: [{ productId: 'no-such-product', quantity: 1 }],
        },
        'en',
      ),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.error?.fields).toEqual({ 'lines.0.productId': 'No such product.' });
    const unknownJa = await json<QuoteBody>(
      await as('rep1').send(
        'POST',
        '/api/orders',
        { customerId: customer.id, lines: [{ productId: 'no-such-product', quantity: 1 }] },
        'ja',
      ),
    );
    expect(unknownJa.body.error?.fields).toEqual({ 'lines.0.productId': '商品が見つかりません。' });
    expect(await countQuotes()).toBe(before);
  });

  it('loses a submitted quote with its reason; an expired one cannot be accepted', async () => {
    const customer = tenant.customersOf('rep1')[0]!;
    const make = async (validUntil: string) => {
      const draft = await json<QuoteBody>(
        await as('rep1').send('POST', '/api/quotes', {
          customerId: customer.id,
          subject: 'トナー',
          validUntil,
          lines: [{ name: 'トナー黒', quantity: 1, unit: '本', unitPrice: 12800, taxRate: 10 }],
        }),
      );
      return (
        await json<QuoteBody>(
          await as('rep1').send('POST', `/api/quotes/${draft.body.id}/issue`, { version: 1 }),
        )
      ).body;
    };
    const expired = await make('2020-01-31');
    expect(expired.status).toBe('expired');
    const acceptExpired = await json<QuoteBody>(
      await as('rep1').send('POST', `/api/quotes/${expired.id}/accept`, { version: expired.version }),
    );
    expect(acceptExpired.body.error?.code).toBe('quote_expired');
    const lost = await json<QuoteBody & { lostReason: string }>(
      await as('rep1').send('POST', `/api/quotes/${expired.id}/lose`, {
        version: expired.version,
        reason: '他社に決定',
      }),
    );
    expect(lost.body).toMatchObject({ status: 'lost', lostReason: '他社に決定' });
    const rows = await t.database.admin
      .select({ status: quotes.status })
      .from(quotes)
      .where(and(eq(quotes.tenantId, tenant.tenantId), eq(quotes.id, expired.id)));
    expect(rows).toEqual([{ status: 'lost' }]);
  });
});
