import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/update-versioned.ts';
import { versionConflict } from '../../platform/errors.ts';
import { linesRequired } from '../orders/order-errors.ts';
import { todayIn } from '../planning/working-days.ts';
import { quoteNotFound, quoteTransition } from './quote-errors.ts';
import { loadQuote, QUOTES_TABLE, type QuoteView } from './quote-view.ts';
import { quotes } from './tables.ts';

export interface QuoteActionOptions {
  db: Db;
  actor: Actor;
  id: string;
  version: number;
  now?: Date;
}

/**
 * Issues a draft (提出済, issuedAt now): from then on it is immutable. 409 `invalid_transition`
 * unless it is a draft, 409 `version_conflict` on a stale version, 422 naming `lines` without any.
 */
export async function issueQuote({ db, actor, id, version, now = new Date() }: QuoteActionOptions) {
  return withTenant(db, actor, async (tx): Promise<QuoteView> => {
    const today = todayIn('Asia/Tokyo', now);
    const current = await loadQuote(tx, actor, id, today);
    if (!current) throw quoteNotFound();
    if (current.version !== version) throw versionConflict(current);
    if (current.status !== 'draft')
      throw quoteTransition('issue', current.status === 'expired' ? 'submitted' : current.status);
    if (current.lines.length === 0) throw linesRequired();
    await updateVersioned(tx, {
      table: quotes,
      where: and(eq(quotes.tenantId, actor.tenantId), eq(quotes.id, id), eq(quotes.status, 'draft')) as never,
      version,
      set: { status: 'submitted', issuedAt: now },
      current: () => loadQuote(tx, actor, id, today),
      notFound: quoteNotFound,
    });
    await recordAudit(tx, actor, [
      {
        table: QUOTES_TABLE,
        recordId: id,
        action: 'status_change',
        before: { status: 'draft', issuedAt: null },
        after: { status: 'submitted', issuedAt: now.toISOString() },
        subject: { table: 'customers', id: current.customer.id },
      },
    ]);
    return (await loadQuote(tx, actor, id, today)) as QuoteView;
  });
}
