import { createHash, timingSafeEqual } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, APP_DB_ROLE, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { member } from '../../platform/db/schema/index.ts';
import type { Signer } from '../../platform/signer.ts';
import { customers } from '../customers/tables.ts';
import { writeCalendar } from './icalendar.ts';
import { calendarTokens, plannedVisits, plans } from './tables.ts';
import { addDays, todayIn } from './working-days.ts';

/** The feed's events: from a week back to this many days ahead, at most this many. */
export const FEED_DAYS_BACK = 7;
export const FEED_DAYS_AHEAD = 60;
export const FEED_MAX_EVENTS = 2000;
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * The feed token of a user: an HMAC (the server's secret) of tenant, user and the token's
 * creation instant, so the URL can be shown again while the database keeps only its SHA-256.
 */
function feedToken(signer: Signer, tenantId: string, userId: string, createdAt: Date) {
  const signed = signer.sign(`calendar-feed:v1:${tenantId}:${userId}:${createdAt.toISOString()}`);
  return signed.slice(signed.indexOf('.') + 1);
}

export interface CalendarFeedView {
  url: string;
  createdAt: string;
}

export interface GetCalendarFeedOptions {
  db: Db;
  actor: Actor;
  signer: Signer;
  /** The app's public base URL (config.baseUrl). */
  publicUrl: string;
  /** Replace the token: the old URL stops working (audited). */
  reset?: boolean;
}

/**
 * The caller's private feed URL, creating the token on first call; with `reset`, a new token
 * (the old URL then answers 404). Only the token's SHA-256 is stored.
 */
export function getCalendarFeed(options: GetCalendarFeedOptions): Promise<CalendarFeedView> {
  const { db, actor, signer, publicUrl } = options;
  const view = (token: string, createdAt: Date) => ({
    url: `${publicUrl}/api/calendar/${token}.ics`,
    createdAt: createdAt.toISOString(),
  });
  return withTenant(db, actor, async (tx) => {
    const [row] = await tx
      .select()
      .from(calendarTokens)
      .where(and(eq(calendarTokens.tenantId, actor.tenantId), eq(calendarTokens.userId, actor.userId)));
    if (row && !options.reset) {
      const token = feedToken(signer, actor.tenantId, actor.userId, row.createdAt);
      // A changed server secret makes a new token (the old one could not be shown anyway).
      if (sha256(token) === row.tokenHash) return view(token, row.createdAt);
    }
    let createdAt = new Date();
    if (row && createdAt.getTime() <= row.createdAt.getTime())
      createdAt = new Date(row.createdAt.getTime() + 1);
    const token = feedToken(signer, actor.tenantId, actor.userId, createdAt);
    await tx
      .insert(calendarTokens)
      .values({ tenantId: actor.tenantId, userId: actor.userId, tokenHash: sha256(token), createdAt })
      .onConflictDoUpdate({
        target: [calendarTokens.tenantId, calendarTokens.userId],
        set: { tokenHash: sha256(token), createdAt },
      });
    if (options.reset)
      await recordAudit(tx, actor, [
        {
          table: 'calendar_tokens',
          recordId: actor.userId,
          action: 'update',
          before: { tokenIssuedAt: row?.createdAt.toISOString() ?? null },
          after: { tokenIssuedAt: createdAt.toISOString() },
        },
      ]);
    return view(token, createdAt);
  });
}

/** Whose feed a token opens (tenant and user), or null. Compares the hashes in constant time. */
async function feedOwner(db: Db, token: string) {
  if (!TOKEN_FORMAT.test(token)) return null;
  const hash = sha256(token);
  const owner = await db.transaction(async (tx) => {
    await tx.execute(sql`select
      set_config('role', ${APP_DB_ROLE}, true),
      set_config('app.calendar_token_hash', ${hash}, true)`);
    const [row] = await tx
      .select({
        tenantId: calendarTokens.tenantId,
        userId: calendarTokens.userId,
        tokenHash: calendarTokens.tokenHash,
      })
      .from(calendarTokens)
      .where(eq(calendarTokens.tokenHash, hash));
    return row ?? null;
  });
  if (!owner || !timingSafeEqual(Buffer.from(owner.tokenHash, 'hex'), Buffer.from(hash, 'hex'))) return null;
  // A user who left the company has no feed any more.
  const [membership] = await db
    .select({ role: member.role, deactivatedAt: member.deactivatedAt })
    .from(member)
    .where(and(eq(member.organizationId, owner.tenantId), eq(member.userId, owner.userId)));
  return membership && membership.deactivatedAt === null ? owner : null;
}

const hm = (at: Date) =>
  new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' }).format(at);

export interface CalendarFeedFileOptions {
  db: Db;
  token: string;
  publicUrl: string;
  /** The host in event UIDs (visit id @ host). */
  host: string;
  today?: string;
}

/**
 * The .ics text of a token's feed, or null for an unknown token: the user's planned visits of
 * ready plans from a week back to 60 days ahead, one VEVENT per visit (the newest plan's when
 * two plans cover a day).
 */
export async function calendarFeedFile(options: CalendarFeedFileOptions): Promise<string | null> {
  const owner = await feedOwner(options.db, options.token);
  if (!owner) return null;
  // Read as the rep themself: RLS keeps it to their own visits.
  const actor: Actor = { tenantId: owner.tenantId, userId: owner.userId, role: 'rep', teamId: null };
  const today = options.today ?? todayIn();
  const from = addDays(today, -FEED_DAYS_BACK);
  const to = addDays(today, FEED_DAYS_AHEAD);
  const rows = await withTenant(options.db, actor, (tx) =>
    tx
      .select({
        id: plannedVisits.id,
        planId: plannedVisits.planId,
        planCreatedAt: plans.createdAt,
        customerId: plannedVisits.customerId,
        customerName: customers.name,
        address: customers.address,
        lat: customers.lat,
        lng: customers.lng,
        date: plannedVisits.date,
        start: plannedVisits.plannedStart,
        end: plannedVisits.plannedDeparture,
        fixed: plannedVisits.fixed,
      })
      .from(plannedVisits)
      .innerJoin(plans, and(eq(plans.tenantId, plannedVisits.tenantId), eq(plans.id, plannedVisits.planId)))
      .leftJoin(
        customers,
        and(eq(customers.tenantId, plannedVisits.tenantId), eq(customers.id, plannedVisits.customerId)),
      )
      .where(
        and(
          eq(plannedVisits.tenantId, owner.tenantId),
          eq(plannedVisits.repId, owner.userId),
          eq(plans.status, 'ready'),
          inArray(plannedVisits.status, ['planned', 'done']),
          sql`${plannedVisits.date} between ${from} and ${to}`,
        ),
      )
      .orderBy(desc(plans.createdAt), asc(plannedVisits.date), asc(plannedVisits.seq))
      .limit(FEED_MAX_EVENTS * 2),
  );
  // Each day from the newest plan that has it.
  const planOfDay = new Map<string, string>();
  for (const r of rows) if (!planOfDay.has(r.date)) planOfDay.set(r.date, r.planId);
  const events = rows
    .filter((r) => planOfDay.get(r.date) === r.planId)
    .slice(0, FEED_MAX_EVENTS)
    .sort((a, b) => a.start.getTime() - b.start.getTime())
    .map((r) => {
      const link = `${options.publicUrl}/customers/${encodeURIComponent(r.customerId)}`;
      const when = `${r.date} ${hm(r.start)}–${hm(r.end)}`;
      return {
        uid: `${r.id}@${options.host}`,
        start: r.start,
        end: r.end,
        summary: r.customerName ?? '訪問',
        ...(r.address ? { location: r.address } : {}),
        geo: r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng } : null,
        description: `${r.fixed ? 'アポイント' : '訪問予定'} ${when}\n${link}`,
        url: link,
      };
    });
  return writeCalendar({ name: 'Kayoi 訪問予定', stamp: new Date(), events });
}
