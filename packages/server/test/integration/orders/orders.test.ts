import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

type OrderBody = {
  id: string;
  orderNo: string;
  status: string;
  version: number;
  total: number;
  subtotals: Record<string, number>;
  taxes: Record<string, number>;
  cancelReason: string | null;
  history: { fromStatus: string | null; toStatus: string; reason: string | null; actorId: string }[];
  error?: { code: string; fields?: Record<string, string> };
};
const json = async <T>(res: Response) => ({ status: res.status, body: (await res.json()) as T });

async function newOrder(key: 'rep1' | 'rep2' = 'rep1', name = 'コピー用紙A4') {
  const customer = tenant.customersOf(key)[0]!;
  const res = await json<OrderBody>(
    await as(key).send('POST', '/api/orders', {
      customerId: customer.id,
      subject: '定期補充',
      lines: [
        { name, quantity: 3, unit: '箱', unitPrice: 2980, taxRate: 10 },
        { productId: tenant.products.coffee, quantity: 2 },
      ],
    }),
  );
  expect(res.status).toBe(201);
  return res.body;
}

describe('orders', () => {
  it('enters an order directly with catalog prices and one tax per rate', async () => {
    const order = await newOrder();
    expect(order.orderNo).toMatch(/^O-\d{4}-\d{4}$/);
    // 10%: 8,940 → 894; 8% (コーヒー豆 3,600×2): 7,200 → 576.
    expect(order).toMatchObject({
      status: 'ordered',
      subtotals: { '10': 8_940, '8': 7_200 },
      taxes: { '10': 894, '8': 576 },
      total: 17_610,
    });
  });

  it('moves forward with who and when, refuses going back, and cancels only with a reason', async () => {
    const order = await newOrder();
    const arranged = await json<OrderBody>(
      await as('rep1').send('POST', `/api/orders/${order.id}/status`, {
        version: order.version,
        status: 'arranged',
      }),
    );
    expect(arranged.body).toMatchObject({ status: 'arranged', version: order.version + 1 });
    const stale = await json<OrderBody>(
      await as('rep1').send('POST', `/api/orders/${order.id}/status`, {
        version: order.version,
        status: 'delivered',
      }),
    );
    expect(stale.body.error?.code).toBe('version_conflict');
    const back = await json<OrderBody>(
      await as('rep1').send('POST', `/api/orders/${order.id}/status`, {
        version: arranged.body.version,
        status: 'ordered',
      }),
    );
    expect(back.status).toBe(409);
    expect(Object.keys(back.body.error?.fields ?? {})).toEqual(['status']);
    const noReason = await json<OrderBody>(
      await as('rep1').send(
        'POST',
        `/api/orders/${order.id}/status`,
        { version: arranged.body.version, status: 'cancelled' },
        'ja',
      ),
    );
    expect(noReason.status).toBe(422);
    expect(noReason.body.error?.fields).toEqual({ reason: '理由を入力してください。' });
    const cancelled = await json<OrderBody>(
      await as('manager').send('POST', `/api/orders/${order.id}/status`, {
        version: arranged.body.version,
        status: 'cancelled',
        reason: '先方の発注ミス',
      }),
    );
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '先方の発注ミス' });
    expect(cancelled.body.history.map((h) => [h.fromStatus, h.toStatus, h.actorId])).toEqual([
      [null, 'ordered', tenant.users.rep1.id],
      ['ordered', 'arranged', tenant.users.rep1.id],
      ['arranged', 'cancelled', tenant.users.manager.id],
    ]);
  });

  it('changes many at once or none: one order out of reach refuses the whole batch', async () => {
    const a = await newOrder();
    const b = await newOrder();
    const others = await newOrder('rep2');
    const refused = await json<OrderBody>(
      await as('rep1').send('POST', '/api/orders/bulk-status', {
        ids: [a.id, others.id, b.id],
        status: 'arranged',
      }),
    );
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.body.error?.fields ?? {})).toEqual(['ids.1']);
    expect((await json<OrderBody>(await as('rep1').get(`/api/orders/${a.id}`))).body.status).toBe('ordered');
    const done = await json<{ updated: number }>(
      await as('rep1').send('POST', '/api/orders/bulk-status', { ids: [a.id, b.id], status: 'delivered' }),
    );
    expect(done.body.updated).toBe(2);
    expect((await json<OrderBody>(await as('rep1').get(`/api/orders/${b.id}`))).body.status).toBe(
      'delivered',
    );
    const desk = await json<{ counts: Record<string, number>; ordersToInvoice: { id: string }[] }>(
      await as('rep1').get('/api/desk'),
    );
    expect(desk.body.ordersToInvoice.map((o) => o.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(desk.body.ordersToInvoice.map((o) => o.id)).not.toContain(others.id);
    expect(desk.body.counts.ordersToInvoice).toBe(desk.body.ordersToInvoice.length);
    expect(desk.body.counts.quotesToSend).toBe(0);
  });

  it('exports CSV with a BOM in UTF-8 and as Shift_JIS', async () => {
    const order = await newOrder('rep1', '髙島屋様向け 用紙');
    const utf8 = await as('rep1').get('/api/orders/export.csv');
    expect(utf8.status).toBe(200);
    const bytes = Buffer.from(await utf8.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('受注番号');
    expect(text).toContain(order.orderNo);
    const sjis = await as('rep1').get('/api/orders/export.csv?encoding=sjis');
    expect(sjis.headers.get('content-type')).toContain('Shift_JIS');
    expect(iconv.decode(Buffer.from(await sjis.arrayBuffer()), 'cp932')).toContain(order.orderNo);
    const quotes = await as('rep1').get('/api/quotes/export.csv?encoding=sjis');
    expect(iconv.decode(Buffer.from(await quotes.arrayBuffer()), 'cp932').split('\r\n')[0]).toContain(
      '見積番号',
    );
  });

  it('renders the 注文請書 as a PDF', async () => {
    const order = await newOrder();
    const pdf = await as('rep1').get(`/api/orders/${order.id}/confirmation.pdf`);
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await as('rep3').get(`/api/orders/${order.id}/confirmation.pdf`)).status).toBe(404);
  });
});
