import type { z } from '@hono/zod-openapi';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { customerScope } from '../customers/customer-scope.ts';
import { customers } from '../customers/tables.ts';
import { countOrdersByStatus, selectOrderPage } from '../orders/list-orders.ts';
import { toOrderSummary } from '../orders/order-view.ts';
import { addDays, todayIn } from '../planning/working-days.ts';
import { quoteConditions } from './list-quotes.ts';
import type { Desk, DeskQuery } from './quote-schemas.ts';
import { EXPIRING_WITHIN_DAYS } from './quote-values.ts';
import { selectQuotes, toQuoteSummary } from './quote-view.ts';
import { quotes } from './tables.ts';

async function countQuotes(tx: Tx, actor: Actor, where: SQL | undefined) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(quotes)
    .innerJoin(customers, and(eq(customers.tenantId, quotes.tenantId), eq(customers.id, quotes.customerId)))
    .where(and(customerScope(actor), eq(quotes.tenantId, actor.tenantId), where));
  return Number(row?.n ?? 0);
}

/**
 * The sales-support desk (営業事務): what needs action in the actor's scope — drafts to send,
 * submitted quotes expiring within 7 days, orders to arrange, to deliver and to invoice — with
 * counts and the first `limit` of each (drafts oldest first, expiring soonest first, orders newest first),
 * all narrowed by rep, customer and period (quotes by the day issued or created, orders by the day
 * ordered, Asia/Tokyo) exactly as the lists are.
 */
export async function getDesk({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.output<typeof DeskQuery>;
}) {
  const today = todayIn();
  const limit = query.limit ?? 20;
  // The same rep, customer and period filters as the quote and order lists the desk opens.
  const by = quoteConditions(
    { repId: query.repId, customerId: query.customerId, from: query.from, to: query.to },
    today,
  );
  const drafts = and(by, eq(quotes.status, 'draft'));
  const expiring = and(
    by,
    eq(quotes.status, 'submitted'),
    sql`${quotes.validUntil} between ${today} and ${addDays(today, EXPIRING_WITHIN_DAYS)}`,
  );
  return withTenant(db, actor, async (tx): Promise<z.output<typeof Desk>> => {
    const orderFilters = { repId: query.repId, customerId: query.customerId, from: query.from, to: query.to };
    const counts = await countOrdersByStatus(tx, actor, orderFilters);
    const ordersIn = async (status: 'ordered' | 'arranged' | 'delivered') =>
      (await selectOrderPage(tx, actor, { ...orderFilters, status }, limit)).rows.map(toOrderSummary);
    const quotesToSend = await selectQuotes(tx, actor, drafts).orderBy(asc(quotes.createdAt)).limit(limit);
    const quotesExpiring = await selectQuotes(tx, actor, expiring)
      .orderBy(asc(quotes.validUntil))
      .limit(limit);
    return {
      counts: {
        quotesToSend: await countQuotes(tx, actor, drafts),
        quotesExpiring: await countQuotes(tx, actor, expiring),
        ordersToArrange: counts.ordered,
        ordersToDeliver: counts.arranged,
        ordersToInvoice: counts.delivered,
      },
      quotesToSend: quotesToSend.map((row) => toQuoteSummary(row, today)),
      quotesExpiring: quotesExpiring.map((row) => toQuoteSummary(row, today)),
      ordersToArrange: await ordersIn('ordered'),
      ordersToDeliver: await ordersIn('arranged'),
      ordersToInvoice: await ordersIn('delivered'),
    };
  });
}
