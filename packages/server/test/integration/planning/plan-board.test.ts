import { createHash, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../../src/domains/customers/tables.ts';
import { OPTIMIZE_JOB, registerPlanningJobs } from '../../../src/domains/planning/optimize-plan.ts';
import { calendarTokens } from '../../../src/domains/planning/tables.ts';
import { auditEvents, staffProfiles } from '../../../src/platform/db/schema/index.ts';
import { createJobQueue } from '../../../src/platform/jobs/create-job-queue.ts';
import { withJobNamePrefix } from '../../support/idle-job-queue.ts';
import { createTestApp, request, type SignedTenantFixture } from '../../support/test-app.ts';
import { testDriver } from '../../support/test-database.ts';

const prefix = `t${randomUUID().slice(0, 8)}.`;
const t = await createTestApp({
  jobQueue: (database) => withJobNamePrefix(createJobQueue({ database }), prefix),
});
await registerPlanningJobs({ jobs: t.jobs, db: t.database.db });
await t.jobs.start();
afterAll(async () => {
  await t.jobs.stop({ timeoutMs: 5_000 });
  if (t.database.driver === 'pg') {
    const name = `${prefix}${OPTIMIZE_JOB}`;
    await t.database.admin.transaction(async (tx) => {
      await tx.execute(sql`delete from pgboss.job where name = ${name}`);
      await tx.execute(sql`select pgboss.delete_queue(${name})`);
    });
  }
  await t.close();
});

interface Visit {
  id: string;
  customerId: string;
  customerName: string;
  repId: string;
  date: string;
  seq: number;
  lat: number | null;
  lng: number | null;
  plannedArrival: string;
  plannedStart: string;
  plannedDeparture: string;
  travelSecondsBefore: number;
  pinned: boolean;
  fixed: boolean;
  version: number;
}
interface Day {
  repId: string;
  repName: string;
  date: string;
  visitCount: number;
  travelSeconds: number;
  firstStart: string | null;
  lastEnd: string | null;
  startPlace: { lat: number; lng: number; label: string } | null;
  lunch: { start: string; end: string } | null;
}
interface Change {
  visit: Visit;
  days: Day[];
  visits: Visit[];
  change: { travelSecondsBefore: number; travelSecondsAfter: number; resequenced: number };
}
interface PlanBody {
  id: string;
  status: string;
  summary: { visits: number; travelSeconds: number; movedVisits: number } | null;
}

const tokyoSeconds = (iso: string) => (((Date.parse(iso) / 1000 + 9 * 3600) % 86_400) + 86_400) % 86_400;
const hm = (h: number, m = 0) => h * 3600 + m * 60;
const key = (v: { repId: string; date: string }) => `${v.repId}|${v.date}`;

let tenant: SignedTenantFixture;
let manager: string;
let rep1: string;
let rep1Id: string;
const week = { startDate: '2027-01-11', days: 7, timeLimitSeconds: 1 };

async function settle(id: string): Promise<PlanBody> {
  const until = Date.now() + 90_000;
  for (;;) {
    const res = await request(t.app, 'GET', `/api/plans/${id}`, { cookie: manager });
    const plan = (await res.json()) as PlanBody;
    if (!['queued', 'running'].includes(plan.status) || Date.now() > until) return plan;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
async function plan(): Promise<PlanBody> {
  const res = await request(t.app, 'POST', '/api/plans', { cookie: manager, body: week });
  expect(res.status, await res.clone().text()).toBe(202);
  return settle(((await res.json()) as { plan: PlanBody }).plan.id);
}
const visitsOf = async (planId: string) => {
  const res = await request(t.app, 'GET', `/api/plans/${planId}/visits`, { cookie: manager });
  expect(res.status).toBe(200);
  return ((await res.json()) as { visits: Visit[] }).visits;
};
const daysOf = async (planId: string, query = '') => {
  const res = await request(t.app, 'GET', `/api/plans/${planId}/days${query}`, { cookie: manager });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { reps: { id: string; name: string }[]; days: Day[] };
};
const post = (path: string, body: unknown, cookie = manager, locale: 'ja' | 'en' = 'ja') =>
  request(t.app, 'POST', path, { cookie, body, locale });

let first: PlanBody;
let firstVisits: Visit[];

beforeAll(async () => {
  tenant = await t.createTenant({ customersPerRep: 5 });
  [manager, rep1] = await Promise.all([tenant.signIn('manager'), tenant.signIn('rep1')]);
  rep1Id = tenant.users.rep1.id;
  await t.database.admin
    .update(staffProfiles)
    .set({
      startLat: 34.7025,
      startLng: 135.4959,
      endLat: 34.7025,
      endLng: 135.4959,
      startAddress: '梅田営業所',
    })
    .where(and(eq(staffProfiles.tenantId, tenant.tenantId), eq(staffProfiles.userId, rep1Id)));
  first = await plan();
  firstVisits = await visitsOf(first.id);
}, 120_000);

describe(`the plan board on ${testDriver()}`, () => {
  it('answers each rep’s working days with totals, lunch and places, and the scope’s reps', async () => {
    expect(first.status).toBe('ready');
    const { reps, days } = await daysOf(first.id);
    expect(reps.map((r) => r.id).sort()).toEqual([rep1Id, tenant.users.rep2.id].sort());
    // Two reps × the four working days (成人の日 and the weekend are off).
    expect(days.length).toBe(8);
    expect(new Set(days.map((d) => d.date))).toEqual(
      new Set(['2027-01-12', '2027-01-13', '2027-01-14', '2027-01-15']),
    );
    expect(days.reduce((s, d) => s + d.visitCount, 0)).toBe(firstVisits.length);
    expect(days.reduce((s, d) => s + d.travelSeconds, 0)).toBe(first.summary?.travelSeconds);
    for (const d of days) {
      const mine = firstVisits.filter((v) => key(v) === key(d));
      expect(d.visitCount).toBe(mine.length);
      expect(d.repName).toBe(d.repId === rep1Id ? tenant.users.rep1.name : tenant.users.rep2.name);
      expect(d.startPlace).not.toBeNull();
      if (mine.length === 0) continue;
      // The drive back is part of the day: more than the legs between visits.
      expect(d.travelSeconds).toBeGreaterThan(mine.reduce((s, v) => s + v.travelSecondsBefore, 0));
      expect(Date.parse(d.firstStart!)).toBeLessThanOrEqual(Date.parse(mine[0]!.plannedArrival));
      expect(Date.parse(d.lastEnd!)).toBeGreaterThan(Date.parse(mine.at(-1)!.plannedDeparture));
      expect(d.lunch).not.toBeNull();
      expect(tokyoSeconds(d.lunch!.start)).toBeGreaterThanOrEqual(hm(12));
      expect(tokyoSeconds(d.lunch!.end)).toBeLessThanOrEqual(hm(13));
      expect(Date.parse(d.lunch!.end) - Date.parse(d.lunch!.start)).toBe(45 * 60_000);
    }
    expect(days.find((d) => d.repId === rep1Id)?.startPlace).toMatchObject({
      label: '梅田営業所',
      lat: 34.7025,
    });
    expect(firstVisits.every((v) => typeof v.lat === 'number' && typeof v.lng === 'number')).toBe(true);
    const one = await daysOf(first.id, `?repId=${rep1Id}&date=2027-01-13`);
    expect(one.days.map((d) => key(d))).toEqual([`${rep1Id}|2027-01-13`]);
  });

  it('refuses a rep (403), bad input naming the field in ja and en, and a stale version (409)', async () => {
    const v = firstVisits.find((x) => x.repId === rep1Id)!;
    const move = `/api/plans/${first.id}/visits/${v.id}/move`;
    expect((await post(move, { date: '2027-01-13', repId: rep1Id, version: v.version }, rep1)).status).toBe(
      403,
    );
    expect((await request(t.app, 'GET', `/api/plans/${first.id}/days`, { cookie: rep1 })).status).toBe(403);
    const cases: [Record<string, unknown>, string][] = [
      [{ date: '2027-01-20', repId: rep1Id }, 'date'], // outside the horizon
      [{ date: '2027-01-11', repId: rep1Id }, 'date'], // 成人の日
      [{ date: '2027-01-16', repId: rep1Id }, 'date'], // Saturday, the rep's day off
      [{ date: '2027-01-13', repId: tenant.users.rep3.id }, 'repId'], // team B
      [{ date: '2027-02-30', repId: rep1Id }, 'date'], // no such date
    ];
    for (const [body, field] of cases)
      for (const locale of ['ja', 'en'] as const) {
        const res = await post(move, { ...body, version: v.version }, manager, locale);
        expect(res.status, JSON.stringify(body)).toBe(422);
        const error = ((await res.json()) as { error: { fields: Record<string, string> } }).error;
        expect(Object.keys(error.fields)).toEqual([field]);
        expect(error.fields[field]).toMatch(locale === 'ja' ? /[ぁ-んァ-ヶ一-龠]/ : /^[A-Z][a-z]+ [a-z]/);
      }
    const stale = await post(move, { date: '2027-01-13', repId: rep1Id, version: v.version + 5 });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { current: Visit } }).error.current).toMatchObject({ id: v.id });
    expect(await visitsOf(first.id)).toEqual(firstVisits);
  });

  it('refuses an impossible horizon naming startDate or days, in ja and en', async () => {
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
    const shift = (days: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ startDate: shift(-2), days: 5 }, ['startDate']], // started two days ago
      [{ startDate: shift(400), days: 5 }, ['startDate']], // more than a year ahead
      [{ startDate: '2027-01-16', days: 2 }, ['days', 'startDate']], // a weekend: nobody works
      [{ startDate: '2027-01-11', days: 1 }, ['days', 'startDate']], // 成人の日
      [{ startDate: '2027-01-12', days: 0 }, ['days']],
      [{ startDate: '2027-01-12', days: 29 }, ['days']],
      [{ startDate: '2027-13-01', days: 5 }, ['startDate']],
    ];
    for (const [body, fields] of cases)
      for (const locale of ['ja', 'en'] as const) {
        const res = await post('/api/plans', { ...body, timeLimitSeconds: 1 }, manager, locale);
        expect(res.status, JSON.stringify(body)).toBe(422);
        const error = ((await res.json()) as { error: { fields: Record<string, string> } }).error;
        expect(Object.keys(error.fields).sort(), JSON.stringify(body)).toEqual(fields);
        for (const f of fields)
          expect(error.fields[f]).toMatch(locale === 'ja' ? /[ぁ-んァ-ヶ一-龠]/ : /^[A-Z][a-z]+ [a-z]/);
      }
  });

  it('refuses a visit that cannot fit the target day, changing nothing', async () => {
    const v = firstVisits.find((x) => x.repId === rep1Id)!;
    const other = ['2027-01-12', '2027-01-13', '2027-01-14', '2027-01-15'].find((d) => d !== v.date)!;
    // Open only in the evening, after the rep's working hours.
    await t.database.admin
      .update(customers)
      .set({ timeWindows: [{ start: '19:00', end: '21:00' }] })
      .where(and(eq(customers.tenantId, tenant.tenantId), eq(customers.id, v.customerId)));
    const res = await post(`/api/plans/${first.id}/visits/${v.id}/move`, {
      date: other,
      repId: rep1Id,
      version: v.version,
    });
    await t.database.admin
      .update(customers)
      .set({
        timeWindows: [
          { start: '09:00', end: '12:00' },
          { start: '13:00', end: '17:30' },
        ],
      })
      .where(and(eq(customers.tenantId, tenant.tenantId), eq(customers.id, v.customerId)));
    expect(res.status).toBe(422);
    const error = ((await res.json()) as { error: { code: string; fields: Record<string, string> } }).error;
    expect(error.code).toBe('visit_does_not_fit');
    expect(Object.keys(error.fields)).toEqual(['date']);
    expect(await visitsOf(first.id)).toEqual(firstVisits);
  }, 30_000);

  let moved: Change;
  it('moves a visit to another day: that day is re-sequenced, the source keeps its order, no other day changes', async () => {
    const before = await visitsOf(first.id);
    const daysBefore = (await daysOf(first.id)).days;
    // rep1's busiest day gives a visit to their quietest.
    const mine = daysBefore.filter((d) => d.repId === rep1Id).sort((a, b) => b.visitCount - a.visitCount);
    const from = mine[0]!;
    const to = mine.at(-1)!;
    expect(from.date).not.toBe(to.date);
    const v = before.find((x) => key(x) === key(from))!;
    const res = await post(`/api/plans/${first.id}/visits/${v.id}/move`, {
      date: to.date,
      repId: rep1Id,
      version: v.version,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    moved = (await res.json()) as Change;
    expect(moved.visit).toMatchObject({ id: v.id, date: to.date, repId: rep1Id, pinned: true });
    expect(moved.days.map(key)).toEqual(expect.arrayContaining([key(to), key(from)]));
    expect(moved.days).toHaveLength(2);

    const after = await visitsOf(first.id);
    const touched = new Set([key(to), key(from)]);
    expect(after.filter((x) => !touched.has(key(x)))).toEqual(before.filter((x) => !touched.has(key(x))));
    const target = after.filter((x) => key(x) === key(to));
    expect(target.map((x) => x.seq)).toEqual(target.map((_, i) => i + 1));
    for (let i = 1; i < target.length; i++)
      expect(Date.parse(target[i]!.plannedArrival)).toBeGreaterThanOrEqual(
        Date.parse(target[i - 1]!.plannedDeparture),
      );
    expect(moved.visits.filter((x) => key(x) === key(to))).toEqual(target);
    // The source day keeps its order and its starts.
    const sourceBefore = before.filter((x) => key(x) === key(from) && x.id !== v.id);
    const sourceAfter = after.filter((x) => key(x) === key(from));
    expect(sourceAfter.map((x) => [x.customerId, x.plannedStart])).toEqual(
      sourceBefore.map((x) => [x.customerId, x.plannedStart]),
    );
    expect(sourceAfter.map((x) => x.seq)).toEqual(sourceAfter.map((_, i) => i + 1));

    const daysAfter = (await daysOf(first.id)).days;
    expect(daysAfter.find((d) => key(d) === key(to))?.visitCount).toBe(to.visitCount + 1);
    expect(daysAfter.find((d) => key(d) === key(from))?.visitCount).toBe(from.visitCount - 1);
    expect(daysAfter.filter((d) => !touched.has(key(d)))).toEqual(
      daysBefore.filter((d) => !touched.has(key(d))),
    );
    expect(moved.change.travelSecondsBefore).toBe(to.travelSeconds + from.travelSeconds);
    expect(moved.change.travelSecondsAfter).toBe(
      daysAfter.filter((d) => touched.has(key(d))).reduce((s, d) => s + d.travelSeconds, 0),
    );
    expect(moved.change.resequenced).toBeGreaterThanOrEqual(0);
    expect(moved.change.resequenced).toBeLessThanOrEqual(to.visitCount);

    const [audit] = await t.database.admin
      .select({ action: auditEvents.action, changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenant.tenantId), eq(auditEvents.recordId, v.id)));
    expect(audit?.changes.date).toEqual({ before: from.date, after: to.date });
  }, 30_000);

  let appointment: Change;
  it('adds a fixed appointment at exactly that time and re-sequences the day around it', async () => {
    const customer = tenant.customersOf('rep1')[4]!;
    const day = (await daysOf(first.id)).days.find((d) => d.repId === rep1Id && d.date !== moved.visit.date)!;
    const path = `/api/plans/${first.id}/appointments`;
    const base = { customerId: customer.id, repId: rep1Id, date: day.date };
    for (const [startTime, field] of [
      ['07:30', 'startTime'], // before work
      ['17:45', 'startTime'], // ends after work (30 min)
      ['12:10', 'startTime'], // the 45-minute lunch no longer fits 12:00–13:00
      ['25:00', 'startTime'],
    ] as const)
      for (const locale of ['ja', 'en'] as const) {
        const res = await post(path, { ...base, startTime }, manager, locale);
        expect(res.status, startTime).toBe(422);
        const error = ((await res.json()) as { error: { fields: Record<string, string> } }).error;
        expect(Object.keys(error.fields)).toEqual([field]);
      }
    const foreign = tenant.customersOf('rep3')[0]!;
    expect((await post(path, { ...base, customerId: foreign.id, startTime: '10:00' })).status).toBe(404);
    expect((await post(path, { ...base, startTime: '10:00' }, rep1)).status).toBe(403);

    const res = await post(path, { ...base, startTime: '15:00', durationMinutes: 40 });
    expect(res.status, await res.clone().text()).toBe(201);
    appointment = (await res.json()) as Change;
    expect(appointment.visit).toMatchObject({
      customerId: customer.id,
      date: day.date,
      fixed: true,
      pinned: true,
    });
    expect(tokyoSeconds(appointment.visit.plannedStart)).toBe(hm(15));
    expect(tokyoSeconds(appointment.visit.plannedDeparture)).toBe(hm(15, 40));
    const dayVisits = appointment.visits.filter((v) => key(v) === key(day));
    expect(dayVisits.length).toBe(day.visitCount + 1);
    for (const v of dayVisits.filter((x) => x.id !== appointment.visit.id))
      expect(
        Date.parse(v.plannedDeparture) <= Date.parse(appointment.visit.plannedArrival) ||
          Date.parse(v.plannedArrival) >= Date.parse(appointment.visit.plannedDeparture),
      ).toBe(true);
    expect(appointment.days.map(key)).toEqual([key(day)]);
  }, 30_000);

  it('keeps the moved visit and the appointment through a refresh, and counts what moved', async () => {
    const refreshed = await plan();
    expect(refreshed.status).toBe('ready');
    const visits = await visitsOf(refreshed.id);
    const keptMove = visits.find(
      (v) => v.customerId === moved.visit.customerId && v.date === moved.visit.date,
    );
    expect(keptMove).toMatchObject({ repId: rep1Id, pinned: true });
    // Kept to the minute (a refresh holds pinned visits at their minute).
    expect(
      Math.abs(Date.parse(keptMove!.plannedStart) - Date.parse(moved.visit.plannedStart)),
    ).toBeLessThanOrEqual(30_000);
    const keptAppointment = visits.find(
      (v) => v.customerId === appointment.visit.customerId && v.date === appointment.visit.date,
    );
    expect(keptAppointment).toMatchObject({ pinned: true, fixed: true });
    expect(keptAppointment!.plannedStart).toBe(appointment.visit.plannedStart);
    expect(refreshed.summary?.movedVisits).toBeLessThanOrEqual(3);
  }, 120_000);
});

describe(`the calendar feed on ${testDriver()}`, () => {
  const pathOf = (url: string) => new URL(url).pathname;

  it('gives a rep a private .ics URL of their planned visits, the same on every call', async () => {
    const res = await request(t.app, 'GET', '/api/calendar/me', { cookie: rep1 });
    expect(res.status).toBe(200);
    const feed = (await res.json()) as { url: string; createdAt: string };
    expect(feed.url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const again = (await (
      await request(t.app, 'GET', '/api/calendar/me', { cookie: rep1 })
    ).json()) as typeof feed;
    expect(again).toEqual(feed);

    const token = pathOf(feed.url)
      .split('/')
      .at(-1)!
      .replace(/\.ics$/, '');
    const [row] = await t.database.admin
      .select()
      .from(calendarTokens)
      .where(and(eq(calendarTokens.tenantId, tenant.tenantId), eq(calendarTokens.userId, rep1Id)));
    expect(row?.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));

    const ics = await request(t.app, 'GET', pathOf(feed.url));
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await ics.text();
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n /g, '');
    const latest = (
      (await (await request(t.app, 'GET', '/api/plans/latest', { cookie: manager })).json()) as {
        plan: PlanBody;
      }
    ).plan;
    const mine = (await visitsOf(latest.id)).filter((v) => v.repId === rep1Id);
    expect(mine.length).toBeGreaterThan(0);
    expect(unfolded.match(/BEGIN:VEVENT/g)?.length).toBe(mine.length);
    for (const v of mine) {
      expect(unfolded).toContain(`UID:${v.id}@localhost`);
      expect(unfolded).toContain(`SUMMARY:${v.customerName}`);
      expect(unfolded).toContain(`URL:http://localhost/customers/${v.customerId}`);
      expect(unfolded).toContain(`DTSTART:${v.plannedStart.slice(0, 19).replace(/[-:]/g, '')}Z`);
    }
    expect(unfolded).toMatch(/GEO:\d+\.\d{6};\d+\.\d{6}/);
    expect(unfolded).toMatch(/LOCATION:大阪府/);
    // rep2's visits are not in rep1's feed.
    const rep2Visit = (await visitsOf(latest.id)).find((v) => v.repId === tenant.users.rep2.id)!;
    expect(unfolded).not.toContain(rep2Visit.id);
  });

  it('stops answering the old URL after a reset (audited), the new one works', async () => {
    const old = (await (await request(t.app, 'GET', '/api/calendar/me', { cookie: rep1 })).json()) as {
      url: string;
    };
    const reset = await post('/api/calendar/me/reset', {}, rep1);
    expect(reset.status).toBe(200);
    const fresh = (await reset.json()) as { url: string };
    expect(fresh.url).not.toBe(old.url);
    expect((await request(t.app, 'GET', pathOf(old.url))).status).toBe(404);
    expect((await request(t.app, 'GET', pathOf(fresh.url))).status).toBe(200);
    expect(
      (await request(t.app, 'GET', '/api/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')).status,
    ).toBe(404);
    const audits = await t.database.admin
      .select({ table: auditEvents.tableName })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenant.tenantId), eq(auditEvents.recordId, rep1Id)));
    expect(audits.map((a) => a.table)).toContain('calendar_tokens');
    expect((await request(t.app, 'GET', '/api/calendar/me')).status).toBe(401);
  });
});
