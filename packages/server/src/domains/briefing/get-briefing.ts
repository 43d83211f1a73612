import type { z } from '@hono/zod-openapi';
import { and, asc, desc, eq, gte, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/query-rows.ts';
import { staffProfiles } from '../../platform/db/schema/index.ts';
import {
  byDue,
  type ComplaintView,
  selectComplaints,
  toComplaintView,
  tokyoDate,
} from '../complaints/complaint-view.ts';
import { complaints } from '../complaints/tables.ts';
import { customerNotFound } from '../customers/customer-errors.ts';
import { customerScope } from '../customers/customer-scope.ts';
import { customers } from '../customers/tables.ts';
import { followups } from '../followups/tables.ts';
import { orderLines, orders } from '../orders/tables.ts';
import { addDays, todayIn } from '../planning/working-days.ts';
import { visitForms, visits } from '../visits/tables.ts';
import { type Briefing, BRIEFING_LIMITS as L } from './briefing-schemas.ts';
import { reorderDue } from './reorder-due.ts';

type BriefingView = z.output<typeof Briefing>;
type Source = BriefingView['cautions'][number]['source'];

/** How far back purchases are read for reorder intervals. */
const REORDER_HISTORY_DAYS = 730;
/** Peers (same rank, in the caller's book) read for "similar customers buy", and their window. */
const PEERS = 60;
const PEER_DAYS = 120;

const textLines = (text: string, customerId: string, field: string, max: number) =>
  text
    .split(/\r?\n|。(?=.)/)
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .slice(0, max)
    .map((t) => ({ text: t, source: { kind: 'customer' as const, id: customerId, field } }));

/** Start of a civil date in Tokyo as an instant. */
const tokyoStart = (date: string) => new Date(`${date}T00:00:00+09:00`);

/**
 * The pre-visit briefing of one customer, generated from its records only: every line names the
 * record it came from. 404 when the customer is not the actor's to see.
 */
export async function getBriefing({
  db,
  actor,
  customerId,
  now = new Date(),
}: {
  db: Db;
  actor: Actor;
  customerId: string;
  now?: Date;
}): Promise<BriefingView> {
  const today = todayIn('Asia/Tokyo', now);
  return withTenant(db, actor, async (tx) => {
    const [customer] = await tx
      .select({
        id: customers.id,
        code: customers.code,
        name: customers.name,
        rank: customers.rank,
        areaId: customers.areaId,
        address: customers.address,
        phone: customers.phone,
        repId: customers.repId,
        repName: staffProfiles.displayName,
        preferences: customers.preferences,
        cautions: customers.cautions,
        lastVisitAt: customers.lastVisitAt,
      })
      .from(customers)
      .leftJoin(
        staffProfiles,
        and(eq(staffProfiles.tenantId, customers.tenantId), eq(staffProfiles.userId, customers.repId)),
      )
      .where(and(customerScope(actor), eq(customers.id, customerId)));
    if (!customer) throw customerNotFound();

    const [lastVisits, complaintRows, promises, recent, trend, purchases, forms] = await sequential(
      () => readLastVisits(tx, actor, customerId),
      () =>
        selectComplaints(
          tx,
          actor,
          and(
            eq(complaints.customerId, customerId),
            inArray(complaints.status, ['open', 'in_progress', 'resolved']),
          ),
        ).orderBy(...byDue),
      () => readPromises(tx, actor, customerId, today),
      () => readRecentOrders(tx, actor, customerId),
      () => readTrend(tx, actor, customerId, today),
      () => readPurchases(tx, actor, customerId, today),
      () => readForms(tx, actor, customerId),
    );
    const ownProducts = new Set(purchases.map((p) => p.productCode));
    const suggestion = await readPeerProduct(tx, actor, customer, today, ownProducts);

    const complaintsSeen = complaintRows.map((r) => toComplaintView(r, today));
    const complaintLine = (c: ComplaintView) => ({
      title: c.title,
      kind: c.kind,
      category: c.category,
      severity: c.severity,
      status: c.status,
      receivedDate: c.receivedDate,
      ageDays: c.ageDays,
      dueDate: c.dueDate,
      overdue: c.overdue,
      source: { kind: 'complaint' as const, id: c.id },
    });
    const open = complaintsSeen.filter((c) => c.status !== 'resolved').slice(0, L.complaints);
    const resolved = complaintsSeen.filter((c) => c.status === 'resolved').slice(0, L.complaints);
    const due = reorderDue(purchases, today).slice(0, L.reorderDue);

    const points: BriefingView['talkingPoints'] = [];
    const worst = [...open].sort((a, b) => Number(b.overdue) - Number(a.overdue) || b.ageDays - a.ageDays)[0];
    if (worst)
      points.push({
        reason: 'unresolved_complaint',
        message: {
          ja: `未解決の${worst.kind === 'inquiry' ? '問い合わせ' : '不満'}「${worst.title}」（${worst.ageDays}日経過${worst.overdue ? '・期限超過' : ''}）の状況を伝える`,
          en: `Update them on the open ${worst.kind} "${worst.title}" (${worst.ageDays} days old${worst.overdue ? ', overdue' : ''})`,
        },
        source: { kind: 'complaint', id: worst.id },
      });
    const first = due[0];
    if (first)
      points.push({
        reason: 'reorder_due',
        message: {
          ja: `${first.productName}の補充時期（前回${first.lastOrderedDate}、通常${first.medianIntervalDays}日ごと・${first.usualQuantity}${first.unit}）`,
          en: `${first.productName} is due for reorder (last ${first.lastOrderedDate}, usually every ${first.medianIntervalDays} days, ${first.usualQuantity} ${first.unit})`,
        },
        source: { kind: 'order', id: first.lastOrderId },
      });
    const awaiting = resolved[0];
    if (awaiting && points.length < L.talkingPoints)
      points.push({
        reason: 'awaiting_confirmation',
        message: {
          ja: `解決済み「${awaiting.title}」で問題ないか確認する`,
          en: `Ask whether "${awaiting.title}" is settled for them (resolved, awaiting confirmation)`,
        },
        source: { kind: 'complaint', id: awaiting.id },
      });
    if (suggestion && points.length < L.talkingPoints)
      points.push({
        reason: 'similar_customers_buy',
        message: {
          ja: `同じランク${customer.rank}の顧客${suggestion.buyers}社が最近購入している${suggestion.productName}を紹介する`,
          en: `Suggest ${suggestion.productName}: ${suggestion.buyers} rank ${customer.rank} customers bought it lately, this one never has`,
        },
        source: { kind: 'product', id: suggestion.productId },
      });
    const second = due[1];
    if (second && points.length < L.talkingPoints)
      points.push({
        reason: 'reorder_due',
        message: {
          ja: `${second.productName}も補充時期（前回${second.lastOrderedDate}、通常${second.medianIntervalDays}日ごと）`,
          en: `${second.productName} is due as well (last ${second.lastOrderedDate}, usually every ${second.medianIntervalDays} days)`,
        },
        source: { kind: 'order', id: second.lastOrderId },
      });

    return {
      customer: {
        id: customer.id,
        code: customer.code,
        name: customer.name,
        rank: customer.rank,
        address: customer.address,
        phone: customer.phone,
        repId: customer.repId,
        repName: customer.repName,
        lastVisitAt: customer.lastVisitAt?.toISOString() ?? null,
      },
      today,
      generatedAt: now.toISOString(),
      cautions: textLines(customer.cautions, customer.id, 'cautions', L.cautions),
      preferences: textLines(customer.preferences, customer.id, 'preferences', L.preferences),
      lastVisits: { available: true, items: lastVisits },
      openComplaints: open.map(complaintLine),
      awaitingConfirmation: resolved.map(complaintLine),
      promises: {
        available: true,
        ours: promises.filter((p) => p.owner === 'ours').slice(0, L.promises),
        theirs: promises.filter((p) => p.owner === 'theirs').slice(0, L.promises),
      },
      recentOrders: { items: recent, trend },
      reorderDue: due.map((d) => ({
        productCode: d.productCode,
        productName: d.productName,
        lastOrderedDate: d.lastOrderedDate,
        medianIntervalDays: d.medianIntervalDays,
        daysSinceLast: d.daysSinceLast,
        usualQuantity: d.usualQuantity,
        unit: d.unit,
        source: { kind: 'order', id: d.lastOrderId } satisfies Source,
      })),
      openQuotes: { available: false, items: [] },
      forms: { available: true, items: forms },
      talkingPoints: points.slice(0, L.talkingPoints),
    };
  });
}

/** One transaction, one connection: the reads run one after the other. */
async function sequential<T extends readonly (() => Promise<unknown>)[]>(
  ...steps: T
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const out: unknown[] = [];
  for (const step of steps) out.push(await step());
  return out as never;
}

async function readLastVisits(tx: Tx, actor: Actor, customerId: string) {
  const rows = await tx
    .select({
      id: visits.id,
      date: visits.date,
      outcome: visits.outcome,
      notes: visits.notes,
      needs: visits.needs,
      complaintHeard: visits.complaintHeard,
      repName: staffProfiles.displayName,
    })
    .from(visits)
    .leftJoin(
      staffProfiles,
      and(eq(staffProfiles.tenantId, visits.tenantId), eq(staffProfiles.userId, visits.repId)),
    )
    .where(
      and(
        eq(visits.tenantId, actor.tenantId),
        eq(visits.customerId, customerId),
        isNotNull(visits.checkOutAt),
      ),
    )
    .orderBy(desc(visits.checkInAt))
    .limit(L.lastVisits);
  return rows.map((v) => ({
    date: v.date,
    repName: v.repName,
    summary: [
      v.outcome === 'absent' ? '不在' : v.outcome === 'revisit' ? '再訪' : '',
      v.notes,
      v.needs && `要望: ${v.needs}`,
      v.complaintHeard && `不満: ${v.complaintHeard}`,
    ]
      .filter((s) => s)
      .join(' / ')
      .slice(0, 500),
    source: { kind: 'visit' as const, id: v.id },
  }));
}

async function readPromises(tx: Tx, actor: Actor, customerId: string, today: string) {
  const rows = await tx
    .select({ id: followups.id, title: followups.title, dueDate: followups.dueDate, owner: followups.owner })
    .from(followups)
    .where(
      and(
        eq(followups.tenantId, actor.tenantId),
        eq(followups.customerId, customerId),
        eq(followups.status, 'open'),
      ),
    )
    .orderBy(asc(followups.dueDate), asc(followups.id))
    .limit(L.promises * 2);
  return rows.map((p) => ({
    title: p.title,
    owner: p.owner === 'us' ? ('ours' as const) : ('theirs' as const),
    dueDate: p.dueDate,
    overdue: p.dueDate < today,
    source: { kind: 'promise' as const, id: p.id },
  }));
}

async function readRecentOrders(tx: Tx, actor: Actor, customerId: string) {
  const head = await tx
    .select({
      id: orders.id,
      orderNo: orders.orderNo,
      orderedAt: orders.orderedAt,
      subtotal: sql<number>`${orders.subtotalStandard} + ${orders.subtotalReduced}`.mapWith(Number),
    })
    .from(orders)
    .where(
      and(
        eq(orders.tenantId, actor.tenantId),
        eq(orders.customerId, customerId),
        ne(orders.status, 'cancelled'),
      ),
    )
    .orderBy(desc(orders.orderedAt), desc(orders.orderNo))
    .limit(L.recentOrders);
  if (head.length === 0) return [];
  const lines = await tx
    .select({ orderId: orderLines.orderId, name: orderLines.productName, quantity: orderLines.quantity })
    .from(orderLines)
    .where(
      and(
        eq(orderLines.tenantId, actor.tenantId),
        inArray(
          orderLines.orderId,
          head.map((o) => o.id),
        ),
      ),
    )
    .orderBy(asc(orderLines.orderId), asc(orderLines.lineNo));
  return head.map((o) => {
    const own = lines.filter((l) => l.orderId === o.id);
    const shown = own
      .slice(0, 2)
      .map((l) => `${l.name} ×${l.quantity}`)
      .join('、');
    return {
      orderNo: o.orderNo,
      orderedDate: tokyoDate(o.orderedAt),
      subtotal: o.subtotal,
      items: own.length > 2 ? `${shown} ほか${own.length - 2}品` : shown,
      source: { kind: 'order' as const, id: o.id },
    };
  });
}

async function readTrend(tx: Tx, actor: Actor, customerId: string, today: string) {
  const shift = (months: number) => {
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const at = new Date(Date.UTC(y, m - 1 + months, 1));
    const last = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
    return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), Math.min(d, last)))
      .toISOString()
      .slice(0, 10);
  };
  const recentFrom = addDays(shift(-3), 1);
  const previousFrom = addDays(shift(-6), 1);
  const previousTo = addDays(recentFrom, -1);
  const [row] = await tx
    .select({
      recent:
        sql<number>`coalesce(sum(${orders.subtotalStandard} + ${orders.subtotalReduced}) filter (where ${orders.orderedAt} >= ${tokyoStart(recentFrom).toISOString()}::timestamptz), 0)`.mapWith(
          Number,
        ),
      previous:
        sql<number>`coalesce(sum(${orders.subtotalStandard} + ${orders.subtotalReduced}) filter (where ${orders.orderedAt} < ${tokyoStart(recentFrom).toISOString()}::timestamptz), 0)`.mapWith(
          Number,
        ),
    })
    .from(orders)
    .where(
      and(
        eq(orders.tenantId, actor.tenantId),
        eq(orders.customerId, customerId),
        ne(orders.status, 'cancelled'),
        gte(orders.orderedAt, tokyoStart(previousFrom)),
        sql`${orders.orderedAt} < ${tokyoStart(addDays(today, 1)).toISOString()}::timestamptz`,
      ),
    );
  const recentAmount = row?.recent ?? 0;
  const previousAmount = row?.previous ?? 0;
  const changePercent =
    previousAmount > 0 ? Math.round(((recentAmount - previousAmount) / previousAmount) * 100) : null;
  const direction: 'up' | 'down' | 'flat' =
    changePercent === null
      ? recentAmount > 0
        ? 'up'
        : 'flat'
      : changePercent >= 10
        ? 'up'
        : changePercent <= -10
          ? 'down'
          : 'flat';
  return {
    taxBasis: 'excluded' as const,
    recentFrom,
    recentTo: today,
    previousFrom,
    previousTo,
    recentAmount,
    previousAmount,
    changePercent,
    direction,
  };
}

async function readPurchases(tx: Tx, actor: Actor, customerId: string, today: string) {
  const since = tokyoStart(addDays(today, -REORDER_HISTORY_DAYS));
  const rows = await tx
    .select({
      orderId: orders.id,
      orderedAt: orders.orderedAt,
      productCode: orderLines.productCode,
      productName: orderLines.productName,
      unit: orderLines.unit,
      quantity: orderLines.quantity,
    })
    .from(orders)
    .innerJoin(orderLines, and(eq(orderLines.tenantId, orders.tenantId), eq(orderLines.orderId, orders.id)))
    .where(
      and(
        eq(orders.tenantId, actor.tenantId),
        eq(orders.customerId, customerId),
        ne(orders.status, 'cancelled'),
        gte(orders.orderedAt, since),
        // A discount line (値引き) is not something the customer reorders.
        eq(orderLines.kind, 'item'),
      ),
    )
    .orderBy(desc(orders.orderedAt))
    .limit(5000);
  return rows.map((r) => ({ ...r, date: tokyoDate(r.orderedAt) }));
}

async function readForms(tx: Tx, actor: Actor, customerId: string) {
  const rows = await tx
    .select({ visitId: visits.id, date: visits.date, kind: visitForms.kind, count: visitForms.count })
    .from(visitForms)
    .innerJoin(visits, and(eq(visits.tenantId, visitForms.tenantId), eq(visits.id, visitForms.visitId)))
    .where(and(eq(visits.tenantId, actor.tenantId), eq(visits.customerId, customerId)))
    .orderBy(desc(visits.checkInAt), asc(visitForms.position))
    .limit(L.forms);
  return rows.map((f) => ({
    title: `${f.kind} ×${f.count}`,
    status: 'collected',
    date: f.date,
    source: { kind: 'form' as const, id: f.visitId },
  }));
}

/**
 * A product that customers of the same rank in the caller's book bought in the last
 * {@link PEER_DAYS} days and this customer did not in the last two years (the purchases read): the one most of
 * them bought. Peers are read within the caller's role scope, so a rep compares with their own book.
 */
async function readPeerProduct(
  tx: Tx,
  actor: Actor,
  customer: { id: string; rank: string },
  today: string,
  ownProducts: ReadonlySet<string>,
): Promise<{ productId: string; productName: string; buyers: number } | null> {
  const since = tokyoStart(addDays(today, -PEER_DAYS)).toISOString();
  const [row] = await queryRows<{ product_id: string; product_name: string; buyers: number }>(
    tx,
    sql`with peers as (
        select customers.id from customers
        where customers.tenant_id = ${actor.tenantId} and customers.rank = ${customer.rank}
          and customers.id <> ${customer.id} and customers.archived_at is null and ${customerScope(actor)}
        limit ${PEERS}
      )
      select l.product_id, max(l.product_name) as product_name, count(distinct o.customer_id)::int as buyers
      from peers p
      join orders o on o.tenant_id = ${actor.tenantId} and o.customer_id = p.id
        and o.ordered_at >= ${since}::timestamptz and o.status <> 'cancelled'
      join order_lines l on l.tenant_id = o.tenant_id and l.order_id = o.id
      where l.product_id is not null and l.kind = 'item'${
        ownProducts.size > 0
          ? sql` and l.product_code not in (${sql.join(
              [...ownProducts].map((code) => sql`${code}`),
              sql`, `,
            )})`
          : sql``
      }
      group by l.product_id
      having count(distinct o.customer_id) >= 2
      order by buyers desc, l.product_id
      limit 1`,
  );
  return row
    ? { productId: row.product_id, productName: row.product_name, buyers: Number(row.buyers) }
    : null;
}
