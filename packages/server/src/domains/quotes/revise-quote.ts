import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { loadCompanyProfile } from '../company/company-profile-view.ts';
import { isUniqueViolation } from '../customers/customer-writes.ts';
import { addDays, todayIn } from '../planning/working-days.ts';
import { quoteNotFound, quoteTransition } from './quote-errors.ts';
import { findQuote, loadQuote, loadQuoteLines, QUOTES_TABLE, type QuoteView } from './quote-view.ts';
import { auditedLines, insertQuoteLines } from './quote-writes.ts';
import { quotes } from './tables.ts';

const revisedMeanwhile = () =>
  new AppError(409, 'version_conflict', {
    ja: '他の人が先に改訂しました。最新の版を確認してください。',
    en: 'Someone else revised this quote first. Check the latest revision.',
  });

/**
 * 改訂: a submitted (or expired) or lost quote gets a new draft revision — same number, revision
 * + 1, same fields and lines, a fresh validity from the company profile — and the issued one stays
 * stored, marked superseded (電子帳簿保存法). 409 `invalid_transition` for a draft (edit it), an
 * accepted or a superseded revision. Answers the new draft.
 */
export async function reviseQuote({
  db,
  actor,
  id,
  now = new Date(),
}: {
  db: Db;
  actor: Actor;
  id: string;
  now?: Date;
}) {
  try {
    return await withTenant(db, actor, async (tx): Promise<QuoteView> => {
      const today = todayIn('Asia/Tokyo', now);
      const row = await findQuote(tx, actor, id);
      if (!row) throw quoteNotFound();
      const q = row.quote;
      if (q.status !== 'submitted' && q.status !== 'lost') throw quoteTransition('revise', q.status);
      const superseded = await tx
        .update(quotes)
        .set({ status: 'superseded', updatedAt: now, version: q.version + 1 })
        .where(
          and(
            eq(quotes.tenantId, actor.tenantId),
            eq(quotes.id, id),
            eq(quotes.version, q.version),
            inArray(quotes.status, ['submitted', 'lost']),
          ),
        )
        .returning({ id: quotes.id });
      if (superseded.length === 0) throw revisedMeanwhile();
      const lines = await loadQuoteLines(tx, actor, id);
      const profile = await loadCompanyProfile(tx, actor);
      const newId = randomUUID();
      const { tenantId: _t, id: _id, ...fields } = q;
      const values = {
        ...fields,
        tenantId: actor.tenantId,
        id: newId,
        revision: q.revision + 1,
        status: 'draft' as const,
        sourceQuoteId: q.id,
        validUntil: addDays(today, profile.quoteValidityDays),
        issuedAt: null,
        lostReason: null,
        closedAt: null,
        orderId: null,
        createdBy: actor.userId,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await tx.insert(quotes).values(values);
      await insertQuoteLines(tx, actor, newId, lines);
      await recordAudit(tx, actor, [
        {
          table: QUOTES_TABLE,
          recordId: id,
          action: 'status_change',
          before: { status: q.status },
          after: { status: 'superseded' },
          subject: { table: 'customers', id: q.customerId },
          context: { revisedAs: newId },
        },
        {
          table: QUOTES_TABLE,
          recordId: newId,
          action: 'create',
          before: null,
          after: {
            quoteNo: q.quoteNo,
            revision: values.revision,
            status: 'draft',
            subject: q.subject,
            total: q.total,
            validUntil: values.validUntil,
            lines: auditedLines(lines),
          },
          subject: { table: 'customers', id: q.customerId },
          context: { revisionOf: id },
        },
      ]);
      return (await loadQuote(tx, actor, newId, today)) as QuoteView;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'quotes_no_revision_uq')) throw revisedMeanwhile();
    throw error;
  }
}
