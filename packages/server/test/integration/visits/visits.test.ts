import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stop, Today, Visit, VisitTemplateList } from '../../../src/contracts.ts';
import { complaints } from '../../../src/domains/complaints/tables.ts';
import { customers } from '../../../src/domains/customers/tables.ts';
import { followups } from '../../../src/domains/followups/tables.ts';
import { buildPlanProblem, type PlanningCustomer } from '../../../src/domains/planning/build-plan-problem.ts';
import { plannedVisits } from '../../../src/domains/planning/tables.ts';
import { addDays, todayIn } from '../../../src/domains/planning/working-days.ts';
import { visits } from '../../../src/domains/visits/tables.ts';
import { auditEvents } from '../../../src/platform/db/schema/index.ts';
import { createTestApp, type SignedTenantFixture } from '../../support/test-app.ts';
import { callersOf, customerRow, planStops } from './visit-app.ts';

const t = await createTestApp();
afterAll(() => t.close());

let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof callersOf>>;
const today = todayIn();

beforeAll(async () => {
  tenant = await t.createTenant({ customersPerRep: 8 });
  as = await callersOf(t, tenant);
});

/** The JSON of an answer, as the contract types it. */
const read = async <T>(res: Response) => (await res.json()) as T;
/** An error answer. */
interface Refusal {
  error: { code: string; message: string; fields: Record<string, string>; current?: Visit };
}

const checkIn = (key: 'rep1' | 'rep2' | 'rep3' | 'manager', body: Record<string, unknown>, opts = {}) =>
  as(key).send('POST', '/api/visits', body, opts);

describe('check-in', () => {
  it('the same client id twice makes one visit and answers the stored one', async () => {
    const customer = tenant.customersOf('rep1')[0]!;
    const id = randomUUID();
    const first = await checkIn('rep1', { id, customerId: customer.id });
    expect(first.status).toBe(201);
    const again = await checkIn('rep1', { id, customerId: customer.id, at: new Date().toISOString() });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    const rows = await t.database.admin.select().from(visits).where(eq(visits.id, id));
    expect(rows).toHaveLength(1);
    const audit = await t.database.admin
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, id), eq(auditEvents.tableName, 'visits')));
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('far from the customer is flagged with the distance, not refused; near is not flagged', async () => {
    const customer = await customerRow(t, tenant.customersOf('rep1')[1]!.id);
    // 0.01° of latitude ≈ 1,112 m north of the customer.
    const far = await checkIn('rep1', {
      id: randomUUID(),
      customerId: customer.id,
      position: { lat: (customer.lat as number) + 0.01, lng: customer.lng, accuracy: 30 },
    });
    expect(far.status).toBe(201);
    const farVisit = await read<Visit>(far);
    expect(farVisit.farFromCustomer).toBeGreaterThan(1050);
    expect(farVisit.farFromCustomer).toBeLessThan(1150);
    // The same distance with a fix only good to 800 m is within its accuracy: not flagged.
    const vague = await checkIn('rep1', {
      id: randomUUID(),
      customerId: tenant.customersOf('rep1')[2]!.id,
      position: {
        lat: ((await customerRow(t, tenant.customersOf('rep1')[2]!.id)).lat as number) + 0.01,
        lng: (await customerRow(t, tenant.customersOf('rep1')[2]!.id)).lng,
        accuracy: 800,
      },
    });
    const vagueVisit = await read<Visit>(vague);
    expect(vagueVisit.distanceMetres).toBeGreaterThan(1050);
    expect(vagueVisit.farFromCustomer).toBeNull();
  });

  it('refuses another rep’s customer and an unknown planned stop naming the field, in ja and en', async () => {
    const others = tenant.customersOf('rep3')[0]!;
    const ja = await checkIn('rep1', { id: randomUUID(), customerId: others.id }, { locale: 'ja' });
    expect(ja.status).toBe(422);
    expect((await read<Refusal>(ja)).error.fields).toEqual({ customerId: 'その顧客はありません。' });
    const en = await checkIn(
      'rep1',
      { id: randomUUID(), customerId: tenant.customersOf('rep1')[0]!.id, plannedVisitId: randomUUID() },
      { locale: 'en' },
    );
    expect(en.status).toBe(422);
    expect((await read<Refusal>(en)).error.fields.plannedVisitId).toMatch(/No such planned stop/);
    const future = await checkIn(
      'rep1',
      { id: 'not-a-uuid', customerId: 'x', at: new Date(Date.now() + 3_600_000).toISOString() },
      { locale: 'en' },
    );
    expect(future.status).toBe(422);
    expect(Object.keys((await read<Refusal>(future)).error.fields)).toContain('id');
  });
});

describe('the visit log', () => {
  it('saving creates its promises as followups, checks out, and a retry with the same key duplicates nothing', async () => {
    const customer = tenant.customersOf('rep2')[0]!;
    const id = randomUUID();
    expect((await checkIn('rep2', { id, customerId: customer.id })).status).toBe(201);
    const promiseId = randomUUID();
    const body = {
      outcome: 'met',
      notes: '定期訪問。コーヒー豆の在庫少なめ。',
      needs: '新商品のサンプルが欲しい',
      complaintHeard: '前回の納品が遅れた',
      satisfaction: 3,
      forms: [{ kind: '定期便申込書', count: 2 }],
      promises: [
        { id: promiseId, title: 'サンプルを持参', dueDate: addDays(today, 7), owner: 'us' },
        { id: randomUUID(), title: '発注書をFAX', dueDate: addDays(today, 2), owner: 'customer' },
      ],
      nextVisitWish: { date: addDays(today, 14), note: '午前中' },
    };
    const key = randomUUID();
    const saved = await as('rep2').send('PUT', `/api/visits/${id}/log`, body, { key });
    expect(saved.status).toBe(200);
    const visit = await read<Visit>(saved);
    expect(visit.status).toBe('done');
    expect(visit.log).toMatchObject({
      outcome: 'met',
      satisfaction: 3,
      // An older client's free-text kind: two forms of the forms domain, read by its words.
      forms: [
        { kind: 'new_service', note: '定期便申込書', count: 1 },
        { kind: 'new_service', note: '定期便申込書', count: 1 },
      ],
      nextVisitWish: { date: addDays(today, 14), note: '午前中' },
    });
    expect(visit.log?.promises.map((p) => p.title).sort()).toEqual(['サンプルを持参', '発注書をFAX']);

    const retry = await as('rep2').send('PUT', `/api/visits/${id}/log`, body, { key });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const stored = await t.database.admin.select().from(followups).where(eq(followups.visitId, id));
    expect(stored).toHaveLength(2);
    expect(stored.every((f) => f.assigneeId === tenant.users.rep2.id && f.status === 'open')).toBe(true);

    // A re-save with the version read (a new key) updates the promise by id: still two tasks.
    const edited = await as('rep2').send('PUT', `/api/visits/${id}/log`, {
      ...body,
      promises: [{ ...body.promises[0], title: 'サンプル（2種）を持参' }, body.promises[1]],
      version: visit.version,
    });
    expect(edited.status).toBe(200);
    const again = await t.database.admin.select().from(followups).where(eq(followups.visitId, id));
    expect(again).toHaveLength(2);
    expect(again.find((f) => f.id === promiseId)?.title).toBe('サンプル（2種）を持参');

    // The customer's last visit is this visit's check-in: what the planner counts from.
    expect((await customerRow(t, customer.id)).lastVisitAt?.toISOString()).toBe(visit.checkInAt);
  });

  it('a stale or missing version on a saved log is 409 with the stored visit', async () => {
    const id = randomUUID();
    await checkIn('rep2', { id, customerId: tenant.customersOf('rep2')[1]!.id });
    const first = await as('rep2').send('PUT', `/api/visits/${id}/log`, { outcome: 'absent' });
    expect(first.status).toBe(200);
    const noVersion = await as('rep2').send('PUT', `/api/visits/${id}/log`, { outcome: 'met' });
    expect(noVersion.status).toBe(409);
    const conflict = await read<Refusal>(noVersion);
    expect(conflict.error.code).toBe('version_conflict');
    expect(conflict.error.current?.log?.outcome).toBe('absent');
  });

  it('bad input names each field, in ja and in en', async () => {
    const id = randomUUID();
    await checkIn('rep1', { id, customerId: tenant.customersOf('rep1')[0]!.id });
    const bad = {
      outcome: 'slept',
      notes: 'あ'.repeat(4001),
      satisfaction: 6,
      forms: [{ kind: '申込書', count: 100 }],
      promises: [{ id: randomUUID(), title: '', dueDate: '2027-02-30', owner: 'us' }],
    };
    const en = await as('rep1').send('PUT', `/api/visits/${id}/log`, bad, { locale: 'en' });
    expect(en.status).toBe(422);
    const enFields = (await read<Refusal>(en)).error.fields;
    expect(Object.keys(enFields).sort()).toEqual(
      ['forms.0.count', 'notes', 'outcome', 'promises.0.dueDate', 'promises.0.title', 'satisfaction'].sort(),
    );
    expect(enFields['promises.0.dueDate']).toBe('Enter a date as YYYY-MM-DD.');
    const ja = await as('rep1').send('PUT', `/api/visits/${id}/log`, bad, { locale: 'ja' });
    const jaFields = (await read<Refusal>(ja)).error.fields;
    expect(jaFields['promises.0.dueDate']).toBe('日付は YYYY-MM-DD の形式で入力してください。');
    expect(jaFields.notes).toMatch(/[ぁ-んァ-ン一-龥]/);

    // Past the schema: a due date far away and an assignee who is not staff, in the domain's words.
    const domain = await as('rep1').send(
      'PUT',
      `/api/visits/${id}/log`,
      {
        outcome: 'met',
        promises: [
          {
            id: randomUUID(),
            title: '見積',
            dueDate: addDays(today, 400),
            owner: 'us',
            assigneeId: 'nobody',
          },
        ],
      },
      { locale: 'ja' },
    );
    expect(domain.status).toBe(422);
    const domainFields = (await read<Refusal>(domain)).error.fields;
    expect(domainFields['promises.0.dueDate']).toMatch(/期日は .* の間で指定してください。/);
    expect(domainFields['promises.0.assigneeId']).toMatch(/担当者は選べません/);
    const stored = await t.database.admin.select().from(visits).where(eq(visits.id, id));
    expect(stored[0]?.loggedAt).toBeNull();
  });
});

describe('a complaint heard at the visit', () => {
  it('is registered with the log, once: the visit, its customer and the 不満 text carried over', async () => {
    const customer = tenant.customersOf('rep1')[1]!;
    const id = randomUUID();
    expect((await checkIn('rep1', { id, customerId: customer.id })).status).toBe(201);
    const complaintId = randomUUID();
    const body = {
      outcome: 'met',
      complaintHeard: '先週の納品が2日遅れた\n店頭で欠品が出たとのこと',
      complaint: { id: complaintId, category: 'delivery', severity: 'high' },
    };
    const saved = await as('rep1').send('PUT', `/api/visits/${id}/log`, body);
    expect(saved.status).toBe(200);
    const visit = await read<Visit>(saved);
    const listed = await as('rep1').send('GET', `/api/complaints?customerId=${customer.id}`);
    const items = (
      await read<{
        items: { id: string; title: string; source: string; visitId: string | null; status: string }[];
      }>(listed)
    ).items;
    expect(items.filter((c) => c.id === complaintId)).toEqual([
      expect.objectContaining({
        title: '先週の納品が2日遅れた',
        source: 'visit',
        visitId: id,
        status: 'open',
      }),
    ]);
    // Saving the log again (the draft replayed with the version) makes no second complaint.
    const again = await as('rep1').send('PUT', `/api/visits/${id}/log`, { ...body, version: visit.version });
    expect(again.status).toBe(200);
    const rows = await t.database.admin
      .select()
      .from(complaints)
      .where(and(eq(complaints.tenantId, tenant.tenantId), eq(complaints.visitId, id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.detail).toBe(body.complaintHeard);
  });

  it('without the 不満 text it is refused on complaintHeard and nothing is stored', async () => {
    const id = randomUUID();
    await checkIn('rep1', { id, customerId: tenant.customersOf('rep1')[2]!.id });
    const complaintId = randomUUID();
    const res = await as('rep1').send(
      'PUT',
      `/api/visits/${id}/log`,
      { outcome: 'met', complaint: { id: complaintId, category: 'quality', severity: 'low' } },
      { locale: 'en' },
    );
    expect(res.status).toBe(422);
    expect(Object.keys((await read<Refusal>(res)).error.fields)).toEqual(['complaintHeard']);
    const rows = await t.database.admin
      .select()
      .from(complaints)
      .where(and(eq(complaints.tenantId, tenant.tenantId), eq(complaints.id, complaintId)));
    expect(rows).toHaveLength(0);
    const stored = await t.database.admin.select().from(visits).where(eq(visits.id, id));
    expect(stored[0]?.loggedAt).toBeNull();
  });
});

describe('who reads a visit', () => {
  it('another rep gets 404 like a visit that does not exist; their manager and an admin read it', async () => {
    const id = randomUUID();
    await checkIn('rep1', { id, customerId: tenant.customersOf('rep1')[0]!.id });
    await as('rep1').send('PUT', `/api/visits/${id}/log`, {
      outcome: 'met',
      notes: '社長と面談。値上げの件で不満あり。',
    });
    const rep2 = await as('rep2').get(`/api/visits/${id}`);
    const nowhere = await as('rep2').get(`/api/visits/${randomUUID()}`);
    expect(rep2.status).toBe(404);
    expect(await rep2.json()).toEqual(await nowhere.json());
    expect((await as('rep3').get(`/api/visits/${id}`)).status).toBe(404);
    expect((await as('rep2').send('PUT', `/api/visits/${id}/log`, { outcome: 'absent' })).status).toBe(404);
    const manager = await as('manager').get(`/api/visits/${id}`);
    expect(manager.status).toBe(200);
    expect((await read<Visit>(manager)).log?.notes).toBe('社長と面談。値上げの件で不満あり。');
    expect((await as('admin').get(`/api/visits/${id}`)).status).toBe(200);
  });
});

describe('今日 and skip', () => {
  it('lists the planned stops in order merged with the day’s visits, unplanned after', async () => {
    const mine = tenant.customersOf('rep3');
    const { stopIds } = await planStops(t, tenant, 'rep3', today, [mine[1]!.id, mine[0]!.id]);
    // Checking in at the second stop's customer without naming the stop links it to that stop.
    const visitId = randomUUID();
    expect((await checkIn('rep3', { id: visitId, customerId: mine[0]!.id })).status).toBe(201);
    const unplanned = randomUUID();
    expect((await checkIn('rep3', { id: unplanned, customerId: mine[2]!.id })).status).toBe(201);
    const res = await as('rep3').get('/api/today');
    expect(res.status).toBe(200);
    const day = await read<Today>(res);
    expect(day.date).toBe(today);
    expect(day.stops.map((s) => [s.key, s.status])).toEqual([
      [stopIds[0], 'planned'],
      [stopIds[1], 'checked_in'],
      [unplanned, 'checked_in'],
    ]);
    const first = day.stops[0] as Stop;
    expect(first.customer.id).toBe(mine[1]!.id);
    expect(first.navigation.google).toContain('https://www.google.com/maps/dir/?api=1&destination=');
    expect(day.stops[1]?.visitId).toBe(visitId);
    expect(day.stops[2]?.plannedVisitId).toBeNull();
    // Tomorrow is one swipe away, and empty here.
    expect((await read<Today>(await as('rep3').get(`/api/today?date=${addDays(today, 1)}`))).stops).toEqual(
      [],
    );
    // Another rep's day does not show rep3's stops.
    expect((await read<Today>(await as('rep1').get('/api/today'))).stops.map((s) => s.key)).not.toContain(
      stopIds[0],
    );
  });

  it('puts the open complaints of the day’s customers on top, not resolved ones or other customers’', async () => {
    const stopCustomer = tenant.customersOf('rep2')[5]!;
    const elsewhere = tenant.customersOf('rep2')[6]!;
    await planStops(t, tenant, 'rep2', today, [stopCustomer.id]);
    const complaint = (customerId: string, status: 'open' | 'resolved', title: string) => ({
      tenantId: tenant.tenantId,
      id: randomUUID(),
      customerId,
      source: 'phone' as const,
      kind: 'complaint' as const,
      category: 'delivery' as const,
      severity: 'medium' as const,
      title,
      ownerId: tenant.users.rep2.id,
      status,
      receivedAt: new Date(Date.now() - 86_400_000),
      dueDate: addDays(today, 3),
      createdBy: tenant.users.rep2.id,
      ...(status === 'resolved' && { resolvedAt: new Date() }),
    });
    const open = complaint(stopCustomer.id, 'open', '納品が遅れた');
    await t.database.admin
      .insert(complaints)
      .values([
        open,
        complaint(stopCustomer.id, 'resolved', '解決済み'),
        complaint(elsewhere.id, 'open', '別の顧客'),
      ]);
    const day = await read<Today>(await as('rep2').get('/api/today'));
    expect(day.alerts.openComplaints.map((c) => [c.id, c.title, c.customerId])).toEqual([
      [open.id, '納品が遅れた', stopCustomer.id],
    ]);
  });

  it('a skipped stop goes back to the pool: the next plan offers the customer; a visit done does not', async () => {
    const [skipped, visited] = tenant
      .customersOf('rep1')
      .slice(3, 5)
      .map((c) => c.id) as [string, string];
    const lastVisit = new Date(Date.now() - 10 * 86_400_000);
    for (const id of [skipped, visited])
      await t.database.admin
        .update(customers)
        .set({ cadenceDays: 7, cadenceToleranceDays: 1, lastVisitAt: lastVisit })
        .where(eq(customers.id, id));
    const { planId, stopIds } = await planStops(t, tenant, 'rep1', today, [skipped, visited]);
    const skip = await as('rep1').send('POST', '/api/visits/skip', {
      plannedVisitId: stopIds[0],
      reason: { code: 'customer_closed', note: '臨時休業' },
    });
    expect(skip.status).toBe(200);
    expect(await read<Stop>(skip)).toMatchObject({
      status: 'skipped',
      skip: { code: 'customer_closed', note: '臨時休業' },
    });
    const visitId = randomUUID();
    await checkIn('rep1', { id: visitId, customerId: visited, plannedVisitId: stopIds[1] });
    expect((await as('rep1').send('POST', `/api/visits/${visitId}/check-out`, {})).status).toBe(200);

    const stops = await t.database.admin.select().from(plannedVisits).where(eq(plannedVisits.planId, planId));
    expect(Object.fromEntries(stops.map((s) => [s.customerId, s.status]))).toEqual({
      [skipped]: 'skipped',
      [visited]: 'done',
    });
    // A stop already visited cannot be skipped.
    expect(
      (
        await as('rep1').send('POST', '/api/visits/skip', {
          plannedVisitId: stopIds[1],
          reason: { code: 'other' },
        })
      ).status,
    ).toBe(409);

    // The planner's input for the next days: the skipped customer is due, the visited one is not.
    const book = await Promise.all([skipped, visited].map((id) => customerRow(t, id)));
    expect(book[0]!.lastVisitAt?.getTime()).toBe(lastVisit.getTime());
    const horizon = [addDays(today, 1), addDays(today, 2), addDays(today, 3)];
    const planning: PlanningCustomer[] = book.map((c) => ({
      id: c.id,
      lat: c.lat,
      lng: c.lng,
      repId: c.repId,
      teamId: tenant.users.rep1.teamId,
      rank: c.rank,
      status: c.status,
      cadenceDays: c.cadenceDays,
      cadenceToleranceDays: c.cadenceToleranceDays,
      lastVisitAt: c.lastVisitAt,
      preferredWeekdays: [],
      timeWindows: [],
      visitDurationMinutes: c.visitDurationMinutes,
      archived: false,
    }));
    const office = { lat: 34.69, lng: 135.5 };
    const { problem, notDue } = buildPlanProblem({
      dates: horizon,
      customers: planning,
      reps: [
        {
          id: tenant.users.rep1.id,
          teamId: tenant.users.rep1.teamId,
          start: office,
          end: office,
          workStartMinute: 540,
          workEndMinute: 1080,
          lunchStartMinute: 690,
          lunchEndMinute: 810,
          lunchDurationMinutes: 45,
          workingDates: horizon,
        },
      ],
    });
    expect(problem.customers.map((c) => c.id)).toEqual([skipped]);
    expect(notDue).toEqual([visited]);
  });

  it('a rep cannot skip another rep’s stop (422 on the field, like one that does not exist)', async () => {
    const { stopIds } = await planStops(t, tenant, 'rep2', today, [tenant.customersOf('rep2')[2]!.id]);
    const res = await as('rep1').send(
      'POST',
      '/api/visits/skip',
      {
        plannedVisitId: stopIds[0],
        reason: { code: 'no_time' },
      },
      { locale: 'en' },
    );
    expect(res.status).toBe(422);
    expect(Object.keys((await read<Refusal>(res)).error.fields)).toEqual(['plannedVisitId']);
    const [row] = await t.database.admin
      .select()
      .from(plannedVisits)
      .where(eq(plannedVisits.id, stopIds[0]!));
    expect(row?.status).toBe('planned');
  });
});

describe('templates', () => {
  it('a tenant without its own gets the routine defaults', async () => {
    const res = await as('rep1').get('/api/visit-templates');
    expect(res.status).toBe(200);
    const { templates } = await read<VisitTemplateList>(res);
    expect(templates.map((x) => x.name)).toEqual(
      expect.arrayContaining(['定期訪問・異常なし', '不在', '補充受付']),
    );
    expect(templates.find((x) => x.name === '不在')?.outcome).toBe('absent');
  });
});
