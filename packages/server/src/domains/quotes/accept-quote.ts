import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { withTenant } from '../../platform/context.ts';
import { updateVersioned } from '../../platform/db/update-versioned.ts';
import { versionConflict } from '../../platform/errors.ts';
import { createOrderFromQuote } from '../orders/create-order.ts';
import { columnsOf } from '../orders/price-lines.ts';
import { todayIn } from '../planning/working-days.ts';
import type { QuoteActionOptions } from './issue-quote.ts';
import { quoteExpired, quoteNotFound, quoteTransition } from './quote-errors.ts';
import { findQuote, loadQuote, loadQuoteLines, QUOTES_TABLE, type QuoteView } from './quote-view.ts';
import { quotes } from './tables.ts';

/**
 * 受注: a submitted quote within its validity becomes accepted and, in the same transaction, an
 * order (orders domain `createOrderFromQuote`) carrying its lines, unit prices, amounts, per-rate
 * subtotals and taxes exactly. 409 `quote_expired` past validUntil, `invalid_transition` unless
 * submitted, `version_conflict` on a stale version.
 */
export async function acceptQuote({ db, actor, id, version, now = new Date() }: QuoteActionOptions) {
  return withTenant(
    db,
    actor,
    async (tx): Promise<{ quote: QuoteView; order: { id: string; orderNo: string } }> => {
      const today = todayIn('Asia/Tokyo', now);
      const row = await findQuote(tx, actor, id);
      if (!row) throw quoteNotFound();
      const q = row.quote;
      if (q.version !== version) throw versionConflict(await loadQuote(tx, actor, id, today));
      if (q.status !== 'submitted') throw quoteTransition('accept', q.status);
      if (q.validUntil !== null && q.validUntil < today) throw quoteExpired();
      const order = await createOrderFromQuote(
        tx,
        actor,
        {
          quoteId: q.id,
          customerId: q.customerId,
          repId: q.repId,
          subject: q.subject,
          deliveryDate: q.deliveryDate,
          deliveryPlace: q.deliveryPlace,
          paymentTerms: q.paymentTerms,
          remarks: q.remarks,
          rounding: q.rounding as 'floor' | 'ceil' | 'half_up',
          lines: await loadQuoteLines(tx, actor, id),
          columns: columnsOf({
            subtotals: { '10': q.subtotalStandard, '8': q.subtotalReduced },
            taxes: { '10': q.taxStandard, '8': q.taxReduced },
            total: q.total,
          }),
        },
        now,
      );
      await updateVersioned(tx, {
        table: quotes,
        where: and(
          eq(quotes.tenantId, actor.tenantId),
          eq(quotes.id, id),
          eq(quotes.status, 'submitted'),
        ) as never,
        version,
        set: { status: 'accepted', orderId: order.id, closedAt: now },
        current: () => loadQuote(tx, actor, id, today),
        notFound: quoteNotFound,
      });
      await recordAudit(tx, actor, [
        {
          table: QUOTES_TABLE,
          recordId: id,
          action: 'status_change',
          before: { status: 'submitted', orderId: null },
          after: { status: 'accepted', orderId: order.id },
          subject: { table: 'customers', id: q.customerId },
        },
      ]);
      return { quote: (await loadQuote(tx, actor, id, today)) as QuoteView, order };
    },
  );
}
