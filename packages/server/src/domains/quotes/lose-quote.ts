import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/update-versioned.ts';
import { versionConflict } from '../../platform/errors.ts';
import { todayIn } from '../planning/working-days.ts';
import { quoteNotFound, quoteTransition } from './quote-errors.ts';
import { loadQuote, QUOTES_TABLE, type QuoteView } from './quote-view.ts';
import { quotes } from './tables.ts';

export interface LoseQuoteOptions {
  db: Db;
  actor: Actor;
  id: string;
  version: number;
  reason: string;
  now?: Date;
}

/**
 * Marks a draft or a submitted (or expired) quote 失注 with its reason. 409 `invalid_transition`
 * for one accepted, lost or superseded; 409 `version_conflict` on a stale version.
 */
export async function loseQuote({ db, actor, id, version, reason, now = new Date() }: LoseQuoteOptions) {
  return withTenant(db, actor, async (tx): Promise<QuoteView> => {
    const today = todayIn('Asia/Tokyo', now);
    const current = await loadQuote(tx, actor, id, today);
    if (!current) throw quoteNotFound();
    if (current.version !== version) throw versionConflict(current);
    const stored = current.status === 'expired' ? 'submitted' : current.status;
    if (stored !== 'draft' && stored !== 'submitted') throw quoteTransition('lose', stored);
    await updateVersioned(tx, {
      table: quotes,
      where: and(eq(quotes.tenantId, actor.tenantId), eq(quotes.id, id), eq(quotes.status, stored)) as never,
      version,
      // A draft lost before it was sent still gets its day: the check wants an issue date past draft.
      set: {
        status: 'lost',
        lostReason: reason,
        closedAt: now,
        issuedAt: current.issuedAt ? undefined : now,
      },
      current: () => loadQuote(tx, actor, id, today),
      notFound: quoteNotFound,
    });
    await recordAudit(tx, actor, [
      {
        table: QUOTES_TABLE,
        recordId: id,
        action: 'status_change',
        before: { status: stored, lostReason: null },
        after: { status: 'lost', lostReason: reason },
        subject: { table: 'customers', id: current.customer.id },
      },
    ]);
    return (await loadQuote(tx, actor, id, today)) as QuoteView;
  });
}
