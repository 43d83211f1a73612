import type { z } from '@hono/zod-openapi';
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { complaintCategoryLabels, timelineKinds } from '../complaints/complaint-values.ts';
import { complaints } from '../complaints/tables.ts';
import { customerNotFound } from '../customers/customer-errors.ts';
import { customerScope } from '../customers/customer-scope.ts';
import { customers } from '../customers/tables.ts';
import { followups } from '../followups/tables.ts';
import { formKindLabels } from '../forms/form-values.ts';
import { forms } from '../forms/tables.ts';
import { orderLines, orders } from '../orders/tables.ts';
import { visits } from '../visits/tables.ts';
import type { TimelinePage } from './briefing-schemas.ts';

type Kind = (typeof timelineKinds)[number];
type Item = z.output<typeof TimelinePage>['items'][number];
/** Kinds with a table in this installation (no quotes yet). */
const AVAILABLE: readonly Kind[] = ['visit', 'order', 'complaint', 'promise', 'form'];

const badCursor = () => {
  const text = { ja: 'ページの指定が正しくありません。', en: 'The page cursor is not valid.' };
  return new AppError(422, 'validation_failed', text, { before: text });
};

interface Cursor {
  at: string;
  kind: Kind;
  id: string;
}
const encode = (i: Item) => Buffer.from(JSON.stringify([i.at, i.kind, i.id])).toString('base64url');
function decode(cursor: string): Cursor {
  try {
    const [at, kind, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof at === 'string' &&
      !Number.isNaN(Date.parse(at)) &&
      typeof kind === 'string' &&
      (timelineKinds as readonly string[]).includes(kind) &&
      typeof id === 'string'
    )
      return { at: new Date(at).toISOString(), kind: kind as Kind, id };
  } catch {}
  throw badCursor();
}

/** Newest first by (at, kind, id): the rows of one kind strictly after the cursor. */
function olderThan(cursor: Cursor | null, kind: Kind, at: PgColumn, id: PgColumn | SQL): SQL | undefined {
  if (!cursor) return undefined;
  const ms = sql`date_trunc('milliseconds', ${at})`;
  const c = sql`${cursor.at}::timestamptz`;
  if (kind < cursor.kind) return sql`${ms} <= ${c}`;
  if (kind > cursor.kind) return sql`${ms} < ${c}`;
  return sql`(${ms}, ${id}) < (${c}, ${cursor.id})`;
}

const newest = (at: PgColumn, id: PgColumn) => [desc(sql`date_trunc('milliseconds', ${at})`), desc(id)];

/**
 * The カルテ's timeline: visits, orders, complaints, promises and forms of one customer, newest
 * first, filterable by kind, a page at a time (keyset on time, kind and id). 404 when the
 * customer is not the actor's to see.
 */
export async function getTimeline({
  db,
  actor,
  customerId,
  kinds,
  before,
  limit = 30,
}: {
  db: Db;
  actor: Actor;
  customerId: string;
  kinds?: string | undefined;
  before?: string | undefined;
  limit?: number | undefined;
}): Promise<z.output<typeof TimelinePage>> {
  const wanted = new Set<Kind>(kinds ? (kinds.split(',').map((k) => k.trim()) as Kind[]) : timelineKinds);
  const cursor = before ? decode(before) : null;
  const take = limit + 1;
  return withTenant(db, actor, async (tx) => {
    const [visible] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(customerScope(actor), eq(customers.id, customerId)));
    if (!visible) throw customerNotFound();
    const items: Item[] = [];
    if (wanted.has('visit')) items.push(...(await readVisits(tx, actor, customerId, cursor, take)));
    if (wanted.has('order')) items.push(...(await readOrders(tx, actor, customerId, cursor, take)));
    if (wanted.has('complaint')) items.push(...(await readComplaints(tx, actor, customerId, cursor, take)));
    if (wanted.has('promise')) items.push(...(await readPromises(tx, actor, customerId, cursor, take)));
    if (wanted.has('form')) items.push(...(await readForms(tx, actor, customerId, cursor, take)));
    items.sort((a, b) =>
      a.at !== b.at
        ? a.at < b.at
          ? 1
          : -1
        : a.kind !== b.kind
          ? a.kind < b.kind
            ? 1
            : -1
          : a.id < b.id
            ? 1
            : -1,
    );
    const page = items.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page,
      nextCursor: items.length > limit && last ? encode(last) : null,
      kindsAvailable: [...AVAILABLE],
    };
  });
}

const iso = (d: Date) => d.toISOString();

async function readVisits(tx: Tx, actor: Actor, customerId: string, cursor: Cursor | null, take: number) {
  const rows = await tx
    .select()
    .from(visits)
    .where(
      and(
        eq(visits.tenantId, actor.tenantId),
        eq(visits.customerId, customerId),
        olderThan(cursor, 'visit', visits.checkInAt, visits.id),
      ),
    )
    .orderBy(...newest(visits.checkInAt, visits.id))
    .limit(take);
  return rows.map(
    (v): Item => ({
      kind: 'visit',
      id: v.id,
      at: iso(v.checkInAt),
      title: (v.notes || (v.outcome === 'absent' ? '不在' : '訪問')).slice(0, 200),
      detail: [v.needs && `要望: ${v.needs}`, v.complaintHeard && `不満: ${v.complaintHeard}`]
        .filter((s) => s)
        .join(' / ')
        .slice(0, 300),
      status: v.checkOutAt ? (v.outcome ?? 'done') : 'checked_in',
      amount: null,
      source: { kind: 'visit', id: v.id },
    }),
  );
}

async function readOrders(tx: Tx, actor: Actor, customerId: string, cursor: Cursor | null, take: number) {
  const head = await tx
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.tenantId, actor.tenantId),
        eq(orders.customerId, customerId),
        olderThan(cursor, 'order', orders.orderedAt, orders.id),
      ),
    )
    .orderBy(...newest(orders.orderedAt, orders.id))
    .limit(take);
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
  return head.map((o): Item => {
    const own = lines.filter((l) => l.orderId === o.id);
    const shown = own
      .slice(0, 2)
      .map((l) => `${l.name} ×${l.quantity}`)
      .join('、');
    return {
      kind: 'order',
      id: o.id,
      at: iso(o.orderedAt),
      title: o.orderNo,
      detail: own.length > 2 ? `${shown} ほか${own.length - 2}品` : shown,
      status: o.status,
      amount: o.subtotalStandard + o.subtotalReduced,
      source: { kind: 'order', id: o.id },
    };
  });
}

async function readComplaints(tx: Tx, actor: Actor, customerId: string, cursor: Cursor | null, take: number) {
  const rows = await tx
    .select()
    .from(complaints)
    .where(
      and(
        eq(complaints.tenantId, actor.tenantId),
        eq(complaints.customerId, customerId),
        olderThan(cursor, 'complaint', complaints.receivedAt, complaints.id),
      ),
    )
    .orderBy(...newest(complaints.receivedAt, complaints.id))
    .limit(take);
  return rows.map(
    (c): Item => ({
      kind: 'complaint',
      id: c.id,
      at: iso(c.receivedAt),
      title: c.title,
      detail: `${c.kind === 'inquiry' ? '問い合わせ' : '不満'}・${complaintCategoryLabels[c.category].ja}・${c.severity}`,
      status: c.status,
      amount: null,
      source: { kind: 'complaint', id: c.id },
    }),
  );
}

async function readPromises(tx: Tx, actor: Actor, customerId: string, cursor: Cursor | null, take: number) {
  const rows = await tx
    .select()
    .from(followups)
    .where(
      and(
        eq(followups.tenantId, actor.tenantId),
        eq(followups.customerId, customerId),
        olderThan(cursor, 'promise', followups.createdAt, followups.id),
      ),
    )
    .orderBy(...newest(followups.createdAt, followups.id))
    .limit(take);
  return rows.map(
    (p): Item => ({
      kind: 'promise',
      id: p.id,
      at: iso(p.createdAt),
      title: p.title,
      detail: `${p.owner === 'us' ? '当社の約束' : 'お客様の約束'}・期限 ${p.dueDate}`,
      status: p.status,
      amount: null,
      source: { kind: 'promise', id: p.id },
    }),
  );
}

async function readForms(tx: Tx, actor: Actor, customerId: string, cursor: Cursor | null, take: number) {
  // One entry per 申込書 (the forms domain's records), voided ones left out.
  const rows = await tx
    .select({ id: forms.id, at: forms.createdAt, kind: forms.kind, note: forms.note })
    .from(forms)
    .where(
      and(
        eq(forms.tenantId, actor.tenantId),
        eq(forms.customerId, customerId),
        isNull(forms.voidedAt),
        olderThan(cursor, 'form', forms.createdAt, forms.id),
      ),
    )
    .orderBy(...newest(forms.createdAt, forms.id))
    .limit(take);
  return rows.map(
    (f): Item => ({
      kind: 'form',
      id: f.id,
      at: iso(f.at),
      title: '申込書',
      detail: `${formKindLabels[f.kind].ja}${f.note ? `（${f.note}）` : ''}`.slice(0, 300),
      status: 'collected',
      amount: null,
      source: { kind: 'form', id: f.id },
    }),
  );
}
