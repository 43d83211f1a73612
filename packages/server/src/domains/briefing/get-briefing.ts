import type { z } from '@hono/zod-openapi';
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
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
import { formKindLabels } from '../forms/form-values.ts';
import { forms } from '../forms/tables.ts';
import { orderLines, orders } from '../orders/tables.ts';
import { addDays, todayIn } from '../planning/working-days.ts';
import { readCustomerSignals } from '../signals/read-customer-signals.ts';
import { visits } from '../visits/tables.ts';
import { type Briefing, BRIEFING_LIMITS as L } from './briefing-schemas.ts';

type BriefingView = z.output<typeof Briefing>;
type Source = BriefingView['cautions'][number]['source'];

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

    const [lastVisits, complaintRows, promises, recent, trend, signals, forms] = await sequential(
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
      () => readCustomerSignals({ tx, actor, customer, today }),
      () => readForms(tx, actor, customerId),
    );
    const suggestion = signals.crossSell[0];

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
    const due = signals.reorders.filter((r) => r.due).slice(0, L.reorderDue);

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
          ja: `${first.productName}の補充時期（前回${first.lastOrderedDate}、通常${first.intervalDays}日ごと・${first.usualQuantity}${first.unit}）`,
          en: `${first.productName} is due for reorder (last ${first.lastOrderedDate}, usually every ${first.intervalDays} days, ${first.usualQuantity} ${first.unit})`,
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
          ja: `${suggestion.productName}を紹介する: ${suggestion.message.ja}`,
          en: `Suggest ${suggestion.productName}: ${suggestion.message.en}`,
        },
        source: { kind: 'product', id: suggestion.productId },
      });
    const second = due[1];
    if (second && points.length < L.talkingPoints)
      points.push({
        reason: 'reorder_due',
        message: {
          ja: `${second.productName}も補充時期（前回${second.lastOrderedDate}、通常${second.intervalDays}日ごと）`,
          en: `${second.productName} is due as well (last ${second.lastOrderedDate}, usually every ${second.intervalDays} days)`,
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
        productId: d.productId,
        productCode: d.productCode,
        productName: d.productName,
        lastOrderedDate: d.lastOrderedDate,
        medianIntervalDays: d.intervalDays,
        expectedDate: d.expectedDate,
        daysUntil: d.daysUntil,
        daysSinceLast: d.daysSinceLast,
        usualQuantity: d.usualQuantity,
        unit: d.unit,
        source: { kind: 'order', id: d.lastOrderId } satisfies Source,
      })),
      crossSell: signals.crossSell,
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

async function readForms(tx: Tx, actor: Actor, customerId: string) {
  // The customer's latest 申込書 (the forms domain's records), voided ones left out.
  const rows = await tx
    .select({ id: forms.id, date: forms.collectedOn, kind: forms.kind, note: forms.note })
    .from(forms)
    .where(and(eq(forms.tenantId, actor.tenantId), eq(forms.customerId, customerId), isNull(forms.voidedAt)))
    .orderBy(desc(forms.collectedOn), desc(forms.createdAt), desc(forms.id))
    .limit(L.forms);
  return rows.map((f) => ({
    title: `${formKindLabels[f.kind].ja}${f.note ? `（${f.note}）` : ''}`,
    status: 'collected',
    date: f.date,
    source: { kind: 'form' as const, id: f.id },
  }));
}
