import type { z } from '@hono/zod-openapi';
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { customerScope } from '../customers/customer-scope.ts';
import { customers } from '../customers/tables.ts';
import { priceNumber } from '../orders/order-view.ts';
import { type PricedLine, rateFigures } from '../orders/price-lines.ts';
import { todayIn } from '../planning/working-days.ts';
import type { Quote, QuoteSummary } from './quote-schemas.ts';
import type { RoundingMode, TaxRate } from './quote-totals.ts';
import type { quoteViewStatuses } from './quote-values.ts';
import { quoteLines, quotes } from './tables.ts';

export type QuoteView = z.output<typeof Quote>;
export type QuoteSummaryView = z.output<typeof QuoteSummary>;
type ViewStatus = (typeof quoteViewStatuses)[number];

export const QUOTES_TABLE = 'quotes';

/** 期限切れ: a submitted quote whose validUntil (Asia/Tokyo) is before today. */
export const viewStatus = (status: string, validUntil: string | null, today: string): ViewStatus =>
  status === 'submitted' && validUntil !== null && validUntil < today ? 'expired' : (status as ViewStatus);

export const selectQuotes = (tx: Tx, actor: Actor, where?: SQL) =>
  tx
    .select({
      quote: quotes,
      customerName: customers.name,
      customerCode: customers.code,
    })
    .from(quotes)
    .innerJoin(customers, and(eq(customers.tenantId, quotes.tenantId), eq(customers.id, quotes.customerId)))
    .where(and(customerScope(actor), eq(quotes.tenantId, actor.tenantId), where));

export type QuoteRow = Awaited<ReturnType<typeof selectQuotes>>[number];

export const toQuoteSummary = (row: QuoteRow, today = todayIn()): QuoteSummaryView => ({
  id: row.quote.id,
  quoteNo: row.quote.quoteNo,
  revision: row.quote.revision,
  status: viewStatus(row.quote.status, row.quote.validUntil, today),
  customer: { id: row.quote.customerId, name: row.customerName },
  repId: row.quote.repId,
  subject: row.quote.subject,
  total: row.quote.total,
  issuedAt: row.quote.issuedAt?.toISOString() ?? null,
  validUntil: row.quote.validUntil,
  updatedAt: row.quote.updatedAt.toISOString(),
});

/** A quote's stored lines as priced lines (unit prices as decimal text, amounts as stored). */
export async function loadQuoteLines(tx: Tx, actor: Actor, quoteId: string): Promise<PricedLine[]> {
  const rows = await tx
    .select()
    .from(quoteLines)
    .where(and(eq(quoteLines.tenantId, actor.tenantId), eq(quoteLines.quoteId, quoteId)))
    .orderBy(asc(quoteLines.lineNo));
  return rows.map((line) => ({
    lineNo: line.lineNo,
    kind: line.kind,
    productId: line.productId,
    productCode: line.productCode,
    name: line.name,
    quantity: line.quantity,
    unit: line.unit,
    unitPrice: line.unitPrice,
    taxRate: (line.taxRate === 8 ? 8 : 10) as TaxRate,
    amount: line.amount,
    note: line.note,
  }));
}

/** The quote row in the actor's scope, or null. */
export async function findQuote(tx: Tx, actor: Actor, id: string): Promise<QuoteRow | null> {
  const [row] = await selectQuotes(tx, actor, eq(quotes.id, id));
  return row ?? null;
}

/** The quote as the API shows it, with its lines and every revision of its number; null when not visible. */
export async function loadQuote(
  tx: Tx,
  actor: Actor,
  id: string,
  today = todayIn(),
): Promise<QuoteView | null> {
  const row = await findQuote(tx, actor, id);
  if (!row) return null;
  const q = row.quote;
  const lines = await loadQuoteLines(tx, actor, id);
  const revisions = await tx
    .select({
      id: quotes.id,
      revision: quotes.revision,
      status: quotes.status,
      validUntil: quotes.validUntil,
      issuedAt: quotes.issuedAt,
      total: quotes.total,
    })
    .from(quotes)
    .where(and(eq(quotes.tenantId, actor.tenantId), eq(quotes.quoteNo, q.quoteNo)))
    .orderBy(desc(quotes.revision));
  return {
    ...toQuoteSummary(row, today),
    customer: { id: q.customerId, name: row.customerName, code: row.customerCode },
    visitId: q.visitId,
    deliveryDate: q.deliveryDate,
    deliveryPlace: q.deliveryPlace,
    paymentTerms: q.paymentTerms,
    remarks: q.remarks,
    lines: lines.map((line) => ({ ...line, unitPrice: priceNumber(line.unitPrice) })),
    ...rateFigures(
      q,
      lines.map((line) => line.taxRate),
    ),
    rounding: q.rounding as RoundingMode,
    lostReason: q.lostReason,
    orderId: q.orderId,
    version: q.version,
    createdAt: q.createdAt.toISOString(),
    revisions: revisions.map((r) => ({
      id: r.id,
      revision: r.revision,
      status: viewStatus(r.status, r.validUntil, today),
      issuedAt: r.issuedAt?.toISOString() ?? null,
      total: r.total,
    })),
  };
}

/** A document number: 'Q-2026-0012', or 'Q-2026-0012-2' from the second revision on. */
export const documentNumber = (quoteNo: string, revision: number) =>
  revision > 1 ? `${quoteNo}-${revision}` : quoteNo;
