import { sql } from 'drizzle-orm';
import { addDays, todayIn } from '../domains/planning/working-days.ts';
import { calculateTotals, fromSen, type RoundingMode, toSen } from '../domains/quotes/quote-totals.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/query-rows.ts';
import { createRandom, type Random } from './random.ts';
import { BatchInsert, type SqlValue } from './sql-batch.ts';

const DAY = 86_400_000;

const quoteColumns = [
  'tenant_id',
  'id',
  'quote_no',
  'revision',
  'status',
  'customer_id',
  'rep_id',
  'visit_id',
  'source_quote_id',
  'subject',
  'delivery_date',
  'delivery_place',
  'payment_terms',
  'valid_until',
  'remarks',
  'subtotal_standard',
  'subtotal_reduced',
  'tax_standard',
  'tax_reduced',
  'total',
  'rounding',
  'issued_at',
  'lost_reason',
  'closed_at',
  'order_id',
  'created_by',
  'version',
  'created_at',
  'updated_at',
];
const lineColumns = [
  'tenant_id',
  'quote_id',
  'line_no',
  'kind',
  'product_id',
  'product_code',
  'name',
  'quantity',
  'unit',
  'unit_price',
  'tax_rate',
  'amount',
  'note',
];
const orderColumns = [
  'tenant_id',
  'id',
  'order_no',
  'customer_id',
  'rep_id',
  'ordered_at',
  'status',
  'subtotal_standard',
  'subtotal_reduced',
  'tax_standard',
  'tax_reduced',
  'total',
  'note',
  'quote_id',
  'subject',
  'delivery_date',
  'delivery_place',
  'payment_terms',
  'rounding',
  'created_by',
  'version',
  'created_at',
  'updated_at',
];
const orderLineColumns = [
  'tenant_id',
  'order_id',
  'line_no',
  'kind',
  'product_id',
  'product_code',
  'product_name',
  'unit',
  'quantity',
  'unit_price',
  'tax_rate',
  'amount',
  'note',
];
const historyColumns = [
  'tenant_id',
  'id',
  'order_id',
  'from_status',
  'to_status',
  'reason',
  'actor_id',
  'created_at',
];

const subjects = [
  'コピー用紙・トナーの定期補充',
  '事務用品 一式',
  '給湯室用品（コーヒー・お茶）',
  '複合機 カウンター料金',
  '新年度 消耗品のご提案',
  'ウォーターサーバー・飲料',
  '会議室備品の入替',
  '倉庫用 梱包資材',
];
const lostReasons = [
  '他社の見積が安かった（約8%差）',
  '予算が下りず見送り',
  '通販（アスクル）で手配するとのこと',
  '本社一括購買に切り替わった',
  '納期が合わなかった',
  '担当者の異動で案件が止まった',
];
const places = ['貴社 本社受付', '貴社 倉庫（1F 搬入口）', '貴社 3F 総務部', null];

type Product = {
  id: string;
  code: string;
  name: string;
  unit: string;
  unit_price: string;
  tax_category: string;
  category: string;
};

type Status = 'draft' | 'submitted' | 'accepted' | 'lost';

interface Plan {
  status: Status;
  issuedAgo: number;
  revised: boolean;
  visit?: { id: string; customer_id: string; rep_id: string; check_in_at: Date };
}

export interface QuoteHistoryCounts {
  quotes: number;
  orders: number;
}

/**
 * The demo company's 見積 of the last 3 months in every state: drafts from this week's visits
 * where needs were heard, submitted ones (a few expiring within the week, one already expired),
 * accepted ones with their orders (受注 → 手配済 → 納品済 → 請求済 by age), lost ones with reasons,
 * and a few with two revisions. Lines mix 10% and 8% products, discounts and the copier counter
 * charge at 1.5円/枚; totals come from the same quote-totals module the app uses. Orders older
 * than a month from the base seed move from 納品済 to 請求済 (billed), as a desk would have.
 */
export async function seedQuoteHistory(
  db: Db,
  { tenantId, now, seed = 909 }: { tenantId: string; now: Date; seed?: number },
): Promise<QuoteHistoryCounts> {
  const random = createRandom(seed);
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('app.role', 'admin', true)`,
    );
    const book = await queryRows<{ id: string; rep_id: string; name: string }>(
      tx,
      sql`select id, rep_id, name from customers where tenant_id = ${tenantId} and rep_id is not null
          and status = 'active' order by code`,
    );
    const products = await queryRows<Product>(
      tx,
      sql`select id, code, name, unit, unit_price::text as unit_price, tax_category, category from products
          where tenant_id = ${tenantId} and active order by code`,
    );
    if (book.length === 0 || products.length === 0) return { quotes: 0, orders: 0 };
    const [profile] = await queryRows<{
      rounding: RoundingMode;
      payment_terms: string;
      quote_validity_days: number;
    }>(
      tx,
      sql`select rounding, payment_terms, quote_validity_days from company_profiles where tenant_id = ${tenantId}`,
    );
    const rounding = profile?.rounding ?? 'floor';
    const validity = profile?.quote_validity_days ?? 30;
    const terms = profile?.payment_terms || '月末締め翌月末払い';
    const weekAgo = new Date(now.getTime() - 7 * DAY);
    const visitsWithNeeds = await queryRows<{
      id: string;
      customer_id: string;
      rep_id: string;
      check_in_at: Date;
    }>(
      tx,
      sql`select id, customer_id, rep_id, check_in_at from visits
          where tenant_id = ${tenantId} and needs <> '' and check_in_at >= ${weekAgo} and check_in_at <= ${now}
          order by check_in_at desc limit 8`,
    );

    const plans: Plan[] = [
      ...visitsWithNeeds.map((visit) => ({
        status: 'draft' as const,
        issuedAgo: 0,
        revised: false,
        visit: { ...visit, check_in_at: new Date(visit.check_in_at) },
      })),
      ...Array.from({ length: Math.max(0, 10 - visitsWithNeeds.length) }, () => ({
        status: 'draft' as const,
        issuedAgo: 0,
        revised: false,
      })),
      // Submitted: three expiring within the week, one expired yesterday, the rest recent.
      ...[validity - 2, validity - 4, validity - 6, validity + 1].map((ago) => ({
        status: 'submitted' as const,
        issuedAgo: ago,
        revised: false,
      })),
      ...Array.from({ length: 10 }, (_, i) => ({
        status: 'submitted' as const,
        issuedAgo: random.int(1, validity - 9),
        revised: i < 2,
      })),
      ...Array.from({ length: 18 }, (_, i) => ({
        status: 'accepted' as const,
        issuedAgo: random.int(3, 88),
        revised: i < 2,
      })),
      ...Array.from({ length: 10 }, () => ({
        status: 'lost' as const,
        issuedAgo: random.int(10, 85),
        revised: false,
      })),
    ];

    // Orders first: an accepted quote names its order.
    const orderRows = new BatchInsert(tx, 'orders', orderColumns);
    const orderLineRows = new BatchInsert(tx, 'order_lines', orderLineColumns, [orderRows]);
    const historyRows = new BatchInsert(tx, 'order_status_history', historyColumns, [orderRows]);
    const quoteRows = new BatchInsert(tx, 'quotes', quoteColumns, [orderRows]);
    const lineRows = new BatchInsert(tx, 'quote_lines', lineColumns, [quoteRows]);

    const counters = new Map<string, number>();
    const next = (name: string) => {
      const n = (counters.get(name) ?? 0) + 1;
      counters.set(name, n);
      return n;
    };
    const counter = random.int(0, products.length - 1);
    // The copier's monochrome counter charge, 1.5円/枚 (catalog-extras.ts).
    const copier =
      products.find((p) => p.code === 'CC-MONO') ?? products.find((p) => toSen(p.unit_price) % 100 !== 0);
    let copierUsed = 0;
    let orders = 0;
    // Oldest first, so numbers rise with time.
    const ordered = plans
      .map((plan) => ({
        plan,
        at: plan.visit ? plan.visit.check_in_at.getTime() : now.getTime() - plan.issuedAgo * DAY,
      }))
      .sort((a, b) => a.at - b.at);
    for (const [index, { plan }] of ordered.entries()) {
      const customer = plan.visit
        ? (book.find((c) => c.id === plan.visit?.customer_id) ?? random.pick(book))
        : book[(counter + index * 7) % book.length]!;
      const repId = plan.visit?.rep_id ?? customer.rep_id;
      const createdAt = plan.visit
        ? new Date(plan.visit.check_in_at.getTime() + 40 * 60_000)
        : new Date(now.getTime() - (plan.issuedAgo + random.int(0, 2)) * DAY - random.int(1, 6) * 3_600_000);
      const issuedAt =
        plan.status === 'draft'
          ? null
          : new Date(Math.max(createdAt.getTime(), now.getTime() - plan.issuedAgo * DAY));
      const year = todayIn('Asia/Tokyo', createdAt).slice(0, 4);
      const quoteNo = `Q-${year}-${String(next(`quote_no:${year}`)).padStart(4, '0')}`;
      const lines = pickLines(
        random,
        products,
        copier && (copierUsed < 1 || random.chance(0.2)) ? copier : undefined,
      );
      if (lines.some((l) => l.product === copier)) copierUsed++;
      const subject = lines.some((l) => l.product === copier)
        ? '複合機 カウンター料金・消耗品'
        : random.pick(subjects);
      const issuedDay = todayIn('Asia/Tokyo', issuedAt ?? createdAt);
      const base = {
        customerId: customer.id,
        repId,
        subject,
        deliveryPlace: random.pick(places),
        validUntil: addDays(issuedDay, validity),
        remarks: random.chance(0.3) ? '送料は当社負担です。' : '',
      };

      let sourceId: string | null = null;
      let revision = 1;
      if (plan.revised) {
        // The first revision, issued earlier and superseded by the one below (prices renegotiated).
        const firstId = random.uuid();
        const firstIssued = new Date((issuedAt ?? createdAt).getTime() - random.int(3, 6) * DAY);
        const earlier = lines.map((l) => ({ ...l, quantity: l.quantity + (l.kind === 'item' ? 1 : 0) }));
        await writeQuote(quoteRows, lineRows, {
          tenantId,
          id: firstId,
          quoteNo,
          revision: 1,
          status: 'superseded',
          ...base,
          validUntil: addDays(todayIn('Asia/Tokyo', firstIssued), validity),
          visitId: plan.visit?.id ?? null,
          sourceId: null,
          lines: earlier,
          rounding,
          terms,
          issuedAt: firstIssued,
          lostReason: null,
          closedAt: null,
          orderId: null,
          createdAt: new Date(firstIssued.getTime() - 3_600_000),
          updatedAt: issuedAt ?? createdAt,
        });
        sourceId = firstId;
        revision = 2;
      }

      const id = random.uuid();
      const closedAt =
        plan.status === 'accepted' || plan.status === 'lost'
          ? new Date(
              Math.min(now.getTime() - 3_600_000, (issuedAt ?? createdAt).getTime() + random.int(1, 5) * DAY),
            )
          : null;
      const orderId = plan.status === 'accepted' ? random.uuid() : null;
      const totals = await writeQuote(quoteRows, lineRows, {
        tenantId,
        id,
        quoteNo,
        revision,
        status: plan.status,
        ...base,
        visitId: plan.visit?.id ?? null,
        sourceId,
        lines,
        rounding,
        terms,
        issuedAt,
        lostReason: plan.status === 'lost' ? random.pick(lostReasons) : null,
        closedAt,
        orderId,
        createdAt,
        updatedAt: closedAt ?? issuedAt ?? createdAt,
      });
      if (plan.status === 'accepted' && orderId && closedAt) {
        orders++;
        const age = (now.getTime() - closedAt.getTime()) / DAY;
        const steps: ('ordered' | 'arranged' | 'delivered' | 'invoiced')[] =
          age > 30
            ? ['ordered', 'arranged', 'delivered', 'invoiced']
            : age > 10
              ? ['ordered', 'arranged', 'delivered']
              : age > 3
                ? ['ordered', 'arranged']
                : ['ordered'];
        const oyear = todayIn('Asia/Tokyo', closedAt).slice(0, 4);
        const orderNo = `O-${oyear}-${String(next(`order_no:${oyear}`)).padStart(4, '0')}`;
        const status = steps[steps.length - 1]!;
        const deliveryDate = addDays(todayIn('Asia/Tokyo', closedAt), 3);
        await orderRows.add([
          tenantId,
          orderId,
          orderNo,
          customer.id,
          repId,
          closedAt,
          status,
          totals.subtotals['10'] ?? 0,
          totals.subtotals['8'] ?? 0,
          totals.taxes['10'] ?? 0,
          totals.taxes['8'] ?? 0,
          totals.total,
          base.remarks,
          id,
          subject,
          deliveryDate,
          base.deliveryPlace,
          terms,
          rounding,
          repId,
          steps.length,
          closedAt,
          new Date(Math.min(now.getTime(), closedAt.getTime() + (steps.length - 1) * 3 * DAY)),
        ]);
        for (const [i, line] of lines.entries()) {
          await orderLineRows.add([
            tenantId,
            orderId,
            i + 1,
            line.kind,
            line.product?.id ?? null,
            line.product?.code ?? '',
            line.name,
            line.unit,
            line.quantity,
            line.unitPrice,
            line.taxRate,
            totals.lines[i]?.amount ?? 0,
            '',
          ]);
        }
        for (const [i, step] of steps.entries()) {
          await historyRows.add([
            tenantId,
            random.uuid(),
            orderId,
            i === 0 ? null : steps[i - 1]!,
            step,
            null,
            repId,
            new Date(Math.min(now.getTime(), closedAt.getTime() + i * 3 * DAY)),
          ]);
        }
      }
    }
    await orderRows.flush();
    await quoteRows.flush();
    await lineRows.flush();
    await orderLineRows.flush();
    await historyRows.flush();
    await setCounters(tx, tenantId, counters);
    // The base seed's orders: delivered more than a month ago means billed by now.
    await tx.execute(sql`update orders set status = 'invoiced'
      where tenant_id = ${tenantId} and status = 'delivered' and quote_id is null
        and ordered_at < ${new Date(now.getTime() - 30 * DAY)}`);
    await tx.execute(sql`update customers c set last_order_at = o.last
      from (select customer_id, max(ordered_at) as last from orders
            where tenant_id = ${tenantId} and status <> 'cancelled' group by customer_id) o
      where c.tenant_id = ${tenantId} and c.id = o.customer_id`);
    return { quotes: quoteRows.count, orders };
  });
}

interface SeedLine {
  kind: 'item' | 'discount';
  product: Product | null;
  name: string;
  unit: string;
  quantity: number;
  unitPrice: string;
  taxRate: 10 | 8;
}

function pickLines(random: Random, products: readonly Product[], copier: Product | undefined): SeedLine[] {
  const reduced = products.filter((p) => p.tax_category === 'reduced');
  const standard = products.filter((p) => p.tax_category !== 'reduced' && p.category !== 'カウンター料金');
  const chosen = [
    ...random.sample(standard, random.int(1, 3)),
    ...(reduced.length > 0 && random.chance(0.6) ? random.sample(reduced, random.int(1, 2)) : []),
  ];
  const lines: SeedLine[] = chosen.map((p) => ({
    kind: 'item',
    product: p,
    name: p.name,
    unit: p.unit,
    quantity: random.int(1, 12),
    unitPrice: fromSen(toSen(p.unit_price)),
    taxRate: p.tax_category === 'reduced' ? 8 : 10,
  }));
  if (copier) {
    lines.push({
      kind: 'item',
      product: copier,
      name: copier.name,
      unit: copier.unit,
      quantity: random.int(8, 40) * 111,
      unitPrice: fromSen(toSen(copier.unit_price)),
      taxRate: 10,
    });
  }
  const standardSubtotal = calculateTotals({ lines: lines.filter((l) => l.taxRate === 10) }).total;
  const discount = random.pick([300, 500, 1000]);
  if (random.chance(0.25) && standardSubtotal > discount * 5) {
    lines.push({
      kind: 'discount',
      product: null,
      name: '出精値引',
      unit: '式',
      quantity: 1,
      unitPrice: String(discount),
      taxRate: 10,
    });
  }
  return lines;
}

async function writeQuote(
  quoteRows: BatchInsert,
  lineRows: BatchInsert,
  q: {
    tenantId: string;
    id: string;
    quoteNo: string;
    revision: number;
    status: string;
    customerId: string;
    repId: string;
    visitId: string | null;
    sourceId: string | null;
    subject: string;
    deliveryPlace: string | null;
    validUntil: string;
    remarks: string;
    lines: readonly SeedLine[];
    rounding: RoundingMode;
    terms: string;
    issuedAt: Date | null;
    lostReason: string | null;
    closedAt: Date | null;
    orderId: string | null;
    createdAt: Date;
    updatedAt: Date;
  },
) {
  const totals = calculateTotals({ lines: q.lines, rounding: q.rounding });
  const row: SqlValue[] = [
    q.tenantId,
    q.id,
    q.quoteNo,
    q.revision,
    q.status,
    q.customerId,
    q.repId,
    q.visitId,
    q.sourceId,
    q.subject,
    null,
    q.deliveryPlace,
    q.terms,
    q.validUntil,
    q.remarks,
    totals.subtotals['10'] ?? 0,
    totals.subtotals['8'] ?? 0,
    totals.taxes['10'] ?? 0,
    totals.taxes['8'] ?? 0,
    totals.total,
    q.rounding,
    q.issuedAt,
    q.lostReason,
    q.closedAt,
    q.orderId,
    q.repId,
    q.status === 'draft' ? 1 : 2,
    q.createdAt,
    q.updatedAt,
  ];
  await quoteRows.add(row);
  for (const [i, line] of q.lines.entries()) {
    await lineRows.add([
      q.tenantId,
      q.id,
      i + 1,
      line.kind,
      line.product?.id ?? null,
      line.product?.code ?? null,
      line.name,
      line.quantity,
      line.unit,
      line.unitPrice,
      line.taxRate,
      totals.lines[i]?.amount ?? 0,
      '',
    ]);
  }
  return totals;
}

/** The tenant's quote and order counters start after the numbers the demo used. */
async function setCounters(tx: Tx, tenantId: string, counters: ReadonlyMap<string, number>) {
  for (const [name, value] of counters) {
    await tx.execute(sql`insert into tenant_counters (tenant_id, name, value) values (${tenantId}, ${name}, ${value})
      on conflict (tenant_id, name) do update set value = greatest(tenant_counters.value, excluded.value)`);
  }
}
