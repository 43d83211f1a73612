import { randomUUID } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { nextCounter } from '../../platform/db/next-counter.ts';
import { loadCompanyProfile } from '../company/company-profile-view.ts';
import { customerScope } from '../customers/customer-scope.ts';
import { isUniqueViolation } from '../customers/customer-writes.ts';
import { customers } from '../customers/tables.ts';
import { todayIn } from '../planning/working-days.ts';
import type { RoundingMode } from '../quotes/quote-totals.ts';
import { customerUnknown, idTaken } from './order-errors.ts';
import type { CreateOrderBody } from './order-schemas.ts';
import { loadOrder, ORDERS_TABLE, type OrderView } from './order-view.ts';
import { type PricedLine, priceLines, type TotalsColumns } from './price-lines.ts';
import { orderLines, orderStatusHistory, orders } from './tables.ts';

/** What an order is made of, whether entered directly or carried over from an accepted quote. */
export interface OrderDraft {
  id?: string;
  customerId: string;
  repId: string | null;
  quoteId: string | null;
  subject: string;
  deliveryDate: string | null;
  deliveryPlace: string | null;
  paymentTerms: string | null;
  note: string;
  rounding: RoundingMode;
  lines: readonly PricedLine[];
  columns: TotalsColumns;
}

/** 'O-2026-0001': per tenant and year (Asia/Tokyo), from the tenant's counter. */
async function nextOrderNo(tx: Tx, actor: Actor, now: Date): Promise<string> {
  const year = todayIn('Asia/Tokyo', now).slice(0, 4);
  const n = await nextCounter(tx, { tenantId: actor.tenantId, name: `order_no:${year}` });
  return `O-${year}-${String(n).padStart(4, '0')}`;
}

/**
 * Stores an order as given, in the caller's transaction: its lines and figures exactly (nothing
 * is recomputed), status 受注 (ordered) with the first history entry, audited on its customer.
 */
export async function insertOrder(
  tx: Tx,
  actor: Actor,
  draft: OrderDraft,
  now = new Date(),
): Promise<{ id: string; orderNo: string }> {
  const id = draft.id ?? randomUUID();
  const orderNo = await nextOrderNo(tx, actor, now);
  const values = {
    tenantId: actor.tenantId,
    id,
    orderNo,
    customerId: draft.customerId,
    repId: draft.repId,
    orderedAt: now,
    status: 'ordered' as const,
    ...draft.columns,
    note: draft.note,
    quoteId: draft.quoteId,
    subject: draft.subject,
    deliveryDate: draft.deliveryDate,
    deliveryPlace: draft.deliveryPlace,
    paymentTerms: draft.paymentTerms,
    rounding: draft.rounding,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await tx.insert(orders).values(values);
  if (draft.lines.length > 0) {
    await tx.insert(orderLines).values(
      draft.lines.map((line) => ({
        tenantId: actor.tenantId,
        orderId: id,
        lineNo: line.lineNo,
        kind: line.kind,
        productId: line.productId,
        productCode: line.productCode ?? '',
        productName: line.name,
        unit: line.unit,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        taxRate: line.taxRate,
        amount: line.amount,
        note: line.note,
      })),
    );
  }
  await tx.insert(orderStatusHistory).values({
    tenantId: actor.tenantId,
    id: randomUUID(),
    orderId: id,
    fromStatus: null,
    toStatus: 'ordered',
    reason: null,
    actorId: actor.userId,
    createdAt: now,
  });
  const { tenantId: _t, orderedAt, createdAt: _c, updatedAt: _u, ...audited } = values;
  await recordAudit(tx, actor, [
    {
      table: ORDERS_TABLE,
      recordId: id,
      action: 'create',
      before: null,
      after: { ...audited, orderedAt: orderedAt.toISOString(), lines: draft.lines.length },
      subject: { table: 'customers', id: draft.customerId },
      ...(draft.quoteId ? { context: { quoteId: draft.quoteId } } : {}),
    },
  ]);
  return { id, orderNo };
}

export interface OrderFromQuote {
  quoteId: string;
  customerId: string;
  repId: string | null;
  subject: string;
  deliveryDate: string | null;
  deliveryPlace: string | null;
  paymentTerms: string | null;
  remarks: string;
  rounding: RoundingMode;
  lines: readonly PricedLine[];
  columns: TotalsColumns;
}

/**
 * The order of an accepted quote, in the quote's transaction: lines, unit prices, amounts,
 * per-rate subtotals and taxes carried over exactly as the quote stored them.
 */
export function createOrderFromQuote(tx: Tx, actor: Actor, quote: OrderFromQuote, now = new Date()) {
  return insertOrder(
    tx,
    actor,
    {
      customerId: quote.customerId,
      repId: quote.repId,
      quoteId: quote.quoteId,
      subject: quote.subject,
      deliveryDate: quote.deliveryDate,
      deliveryPlace: quote.deliveryPlace,
      paymentTerms: quote.paymentTerms,
      note: quote.remarks,
      rounding: quote.rounding,
      lines: quote.lines,
      columns: quote.columns,
    },
    now,
  );
}

export interface CreateOrderOptions {
  db: Db;
  actor: Actor;
  input: z.output<typeof CreateOrderBody>;
  now?: Date;
}

/**
 * An order entered directly (a reorder, from the visit) for a customer the actor may see: lines
 * priced like a quote's (catalog prices for products without a unit price, the tenant's rounding,
 * tax once per rate). 422 naming the field; nothing is stored on a refusal.
 */
export async function createOrder({
  db,
  actor,
  input,
  now = new Date(),
}: CreateOrderOptions): Promise<OrderView> {
  try {
    return await withTenant(db, actor, async (tx) => {
      const [customer] = await tx
        .select({ id: customers.id, repId: customers.repId })
        .from(customers)
        .where(and(customerScope(actor), eq(customers.id, input.customerId)));
      if (!customer) throw customerUnknown();
      const profile = await loadCompanyProfile(tx, actor);
      const priced = await priceLines(tx, actor, {
        customerId: customer.id,
        date: todayIn('Asia/Tokyo', now),
        rounding: profile.rounding,
        lines: input.lines,
      });
      const { id } = await insertOrder(
        tx,
        actor,
        {
          id: input.id,
          customerId: customer.id,
          repId: customer.repId ?? actor.userId,
          quoteId: null,
          subject: input.subject ?? '',
          deliveryDate: input.deliveryDate ?? null,
          deliveryPlace: input.deliveryPlace ?? null,
          paymentTerms: input.paymentTerms ?? (profile.paymentTerms || null),
          note: input.note ?? '',
          rounding: priced.rounding,
          lines: priced.lines,
          columns: priced.columns,
        },
        now,
      );
      return (await loadOrder(tx, actor, id)) as OrderView;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'orders_tenant_id_id_pk')) throw idTaken();
    throw error;
  }
}
