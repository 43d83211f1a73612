import type { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/update-versioned.ts';
import { versionConflict } from '../../platform/errors.ts';
import { priceLines } from '../orders/price-lines.ts';
import { todayIn } from '../planning/working-days.ts';
import { tenantRounding } from './calculate-quote.ts';
import { quoteIssued, quoteNotFound } from './quote-errors.ts';
import type { UpdateQuoteBody } from './quote-schemas.ts';
import { loadQuote, loadQuoteLines, QUOTES_TABLE, type QuoteView } from './quote-view.ts';
import { auditedLines, insertQuoteLines } from './quote-writes.ts';
import { quoteLines, quotes } from './tables.ts';

export interface UpdateQuoteOptions {
  db: Db;
  actor: Actor;
  id: string;
  input: z.output<typeof UpdateQuoteBody>;
  now?: Date;
}

/**
 * Replaces a draft's fields and lines (send the version read): 409 `quote_issued` once it is
 * issued (a change then makes a new revision), 409 `version_conflict` on a stale version, 422
 * naming the field. Totals are computed again with the tenant's rounding. Audited.
 */
export async function updateQuote({ db, actor, id, input, now = new Date() }: UpdateQuoteOptions) {
  return withTenant(db, actor, async (tx): Promise<QuoteView> => {
    const today = todayIn('Asia/Tokyo', now);
    const current = await loadQuote(tx, actor, id, today);
    if (!current) throw quoteNotFound();
    if (current.status !== 'draft')
      throw quoteIssued(current.status === 'expired' ? 'submitted' : current.status);
    if (current.version !== input.version) throw versionConflict(current);
    const before = await loadQuoteLines(tx, actor, id);
    const priced = await priceLines(tx, actor, {
      customerId: current.customer.id,
      date: today,
      rounding: await tenantRounding(tx, actor),
      lines: input.lines,
    });
    const set = {
      subject: input.subject,
      deliveryDate: input.deliveryDate === undefined ? current.deliveryDate : input.deliveryDate,
      deliveryPlace: input.deliveryPlace === undefined ? current.deliveryPlace : input.deliveryPlace,
      paymentTerms: input.paymentTerms === undefined ? current.paymentTerms : input.paymentTerms,
      validUntil: input.validUntil === undefined ? current.validUntil : input.validUntil,
      remarks: input.remarks ?? current.remarks,
      ...priced.columns,
      rounding: priced.rounding,
    };
    await updateVersioned(tx, {
      table: quotes,
      where: and(eq(quotes.tenantId, actor.tenantId), eq(quotes.id, id), eq(quotes.status, 'draft')) as never,
      version: input.version,
      set,
      current: () => loadQuote(tx, actor, id, today),
      notFound: quoteNotFound,
    });
    await tx
      .delete(quoteLines)
      .where(and(eq(quoteLines.tenantId, actor.tenantId), eq(quoteLines.quoteId, id)));
    await insertQuoteLines(tx, actor, id, priced.lines);
    await recordAudit(tx, actor, [
      {
        table: QUOTES_TABLE,
        recordId: id,
        action: 'update',
        before: {
          subject: current.subject,
          deliveryDate: current.deliveryDate,
          deliveryPlace: current.deliveryPlace,
          paymentTerms: current.paymentTerms,
          validUntil: current.validUntil,
          remarks: current.remarks,
          total: current.total,
          lines: auditedLines(before),
        },
        after: {
          subject: set.subject,
          deliveryDate: set.deliveryDate,
          deliveryPlace: set.deliveryPlace,
          paymentTerms: set.paymentTerms,
          validUntil: set.validUntil,
          remarks: set.remarks,
          total: set.total,
          lines: auditedLines(priced.lines),
        },
        subject: { table: 'customers', id: current.customer.id },
      },
    ]);
    return (await loadQuote(tx, actor, id, today)) as QuoteView;
  });
}
