import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handover, HandoverPreview, HandoverSheet, NotificationList } from '../../../src/contracts.ts';
import { complaintActions, complaints } from '../../../src/domains/complaints/tables.ts';
import { OPTIMIZE_JOB, registerPlanningJobs } from '../../../src/domains/planning/optimize-plan.ts';
import { appointments, plannedVisits } from '../../../src/domains/planning/tables.ts';
import { auditEvents } from '../../../src/platform/db/schema/index.ts';
import { createJobQueue } from '../../../src/platform/jobs/create-job-queue.ts';
import { withJobNamePrefix } from '../../support/idle-job-queue.ts';
import { createTestApp, type SignedTenantFixture } from '../../support/test-app.ts';
import { callersOf } from '../visits/visit-app.ts';

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

let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof callersOf>>;
const read = async <T>(res: Response) => (await res.json()) as T;
const tokyoHm = (iso: string) => new Date(Date.parse(iso) + 9 * 3600_000).toISOString().slice(11, 16);

let sheets: Handover['sheets'];
const sheetOf = (customerId: string) => sheets.find((s) => s.customerId === customerId)!;

beforeAll(async () => {
  tenant = await t.createTenant({ customersPerRep: 3 });
  as = await callersOf(t, tenant);
  const [first] = tenant.customersOf('rep1');
  // An open complaint rep1 handles, and one already resolved: only the open one moves.
  for (const [title, resolve] of [
    ['月曜指定の納品が水曜になった', false],
    ['請求書の宛名違い', true],
  ] as const) {
    const res = await as('rep1').send('POST', '/api/complaints', {
      id: randomUUID(),
      customerId: first!.id,
      source: 'visit',
      kind: 'complaint',
      category: 'delivery',
      severity: 'high',
      title,
      detail: '',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const created = await read<{ id: string; version: number }>(res);
    if (resolve)
      expect(
        (
          await as('rep1').send('POST', `/api/complaints/${created.id}/actions`, {
            id: randomUUID(),
            type: 'resolve',
            note: '再発行して送付',
            version: created.version,
          })
        ).status,
      ).toBe(200);
  }
  const preview = await read<HandoverPreview>(
    await as('manager').send('POST', '/api/handovers/preview', {
      fromRepId: tenant.users.rep1.id,
      toRepId: tenant.users.rep2.id,
    }),
  );
  const res = await as('manager').send('POST', '/api/handovers', {
    id: randomUUID(),
    toRepId: tenant.users.rep2.id,
    customers: preview.customers.map((c) => ({ id: c.id, version: c.version })),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  sheets = (await read<Handover>(res)).sheets;
});

describe('handover: complaints and the introduction visit', () => {
  it('hands the outgoing rep’s open complaints to the new rep, in their history and audited', async () => {
    const first = tenant.customersOf('rep1')[0]!;
    const rows = await t.database.admin.select().from(complaints).where(eq(complaints.customerId, first.id));
    const open = rows.find((c) => c.status === 'open')!;
    const resolved = rows.find((c) => c.status === 'resolved')!;
    expect(open.ownerId).toBe(tenant.users.rep2.id);
    expect(resolved.ownerId).toBe(tenant.users.rep1.id);
    const history = await t.database.admin
      .select()
      .from(complaintActions)
      .where(eq(complaintActions.complaintId, open.id));
    expect(history.map((h) => h.type)).toEqual(expect.arrayContaining(['created', 'reassign']));
    const audit = await t.database.admin
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenant.tenantId), eq(auditEvents.recordId, open.id)));
    expect(audit.some((a) => a.changes.ownerId?.after === tenant.users.rep2.id)).toBe(true);
    expect(sheetOf(first.id).complaintsMoved).toBe(1);
    // The new rep's sheet lists it in the briefing's complaints.
    const sheet = await read<HandoverSheet>(
      await as('rep2').get(`/api/handovers/sheets/${sheetOf(first.id).id}`),
    );
    expect(sheet.complaintsMoved).toBe(1);
    expect(JSON.stringify(sheet.briefing)).toContain('月曜指定の納品が水曜になった');
  });

  it('books the accepted visit as an appointment the next plan pins, and tells the outgoing rep', async () => {
    const first = tenant.customersOf('rep1')[0]!;
    const { id, introDate } = sheetOf(first.id);
    expect(introDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const path = `/api/handovers/sheets/${id}/intro-visit`;
    const bad = await as('rep2').send(
      'POST',
      path,
      { date: introDate, startTime: '11:00', endTime: '10:00' },
      { locale: 'en' },
    );
    expect(bad.status).toBe(422);
    expect((await read<{ error: { fields: Record<string, string> } }>(bad)).error.fields.endTime).toMatch(
      /after the start/,
    );
    // The outgoing rep no longer has the customer: the sheet is not theirs to accept.
    expect(
      (await as('rep1').send('POST', path, { date: introDate, startTime: '10:00', endTime: '11:00' })).status,
    ).toBe(404);
    const res = await as('rep2').send('POST', path, {
      date: introDate,
      startTime: '10:00',
      endTime: '11:00',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const sheet = await read<HandoverSheet>(res);
    expect(sheet.introAppointment).toMatchObject({
      date: introDate,
      startTime: '10:00',
      endTime: '11:00',
      note: `前任 ${tenant.users.rep1.name}さんと同行`,
      planId: null,
      companionName: tenant.users.rep1.name,
    });
    expect(
      (await as('rep2').send('POST', path, { date: introDate, startTime: '10:00', endTime: '11:00' })).status,
    ).toBe(409);
    const inbox = await read<NotificationList>(await as('rep1').get('/api/notifications'));
    expect(inbox.items.find((n) => n.kind === 'companion_visit')).toMatchObject({
      params: {
        customerName: first.name,
        date: introDate,
        startTime: '10:00',
        repName: tenant.users.rep2.name,
      },
    });

    // A plan built over that day pins it at 10:00 as the new rep's fixed visit.
    const created = await as('manager').send('POST', '/api/plans', {
      startDate: introDate,
      days: 7,
      timeLimitSeconds: 1,
    });
    expect(created.status, await created.clone().text()).toBe(202);
    const planId = (await read<{ plan: { id: string } }>(created)).plan.id;
    const until = Date.now() + 90_000;
    for (;;) {
      const plan = await read<{ status: string }>(await as('manager').get(`/api/plans/${planId}`));
      if (!['queued', 'running'].includes(plan.status) || Date.now() > until) {
        expect(plan.status).toBe('ready');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const visits = await t.database.admin
      .select()
      .from(plannedVisits)
      .where(and(eq(plannedVisits.planId, planId), eq(plannedVisits.customerId, first.id)));
    const visit = visits.find((v) => v.date === introDate)!;
    expect(visit).toMatchObject({ repId: tenant.users.rep2.id, fixed: true, pinned: true });
    expect(tokyoHm(visit.plannedStart.toISOString())).toBe('10:00');
    const after = await read<HandoverSheet>(await as('rep2').get(`/api/handovers/sheets/${id}`));
    expect(after.introAppointment?.planId).toBe(planId);

    // With the plan ready, the next accepted visit is in it at once.
    const second = tenant.customersOf('rep1')[1]!;
    const next = await as('manager').send(
      'POST',
      `/api/handovers/sheets/${sheetOf(second.id).id}/intro-visit`,
      {
        date: introDate,
        startTime: '14:00',
        endTime: '14:30',
        note: '田中さんと同行、名刺を忘れずに',
      },
    );
    expect(next.status, await next.clone().text()).toBe(200);
    const booked = await read<HandoverSheet>(next);
    expect(booked.introAppointment).toMatchObject({ planId, note: '田中さんと同行、名刺を忘れずに' });
    const [row] = await t.database.admin
      .select()
      .from(appointments)
      .where(eq(appointments.id, booked.introAppointment!.id));
    const [placed] = await t.database.admin
      .select()
      .from(plannedVisits)
      .where(eq(plannedVisits.id, row!.plannedVisitId!));
    expect(placed).toMatchObject({ customerId: second.id, date: introDate, fixed: true });
    expect(tokyoHm(placed!.plannedStart.toISOString())).toBe('14:00');
    // The new rep themself books into their own day of the team's plan (reps never edit plans otherwise).
    const third = tenant.customersOf('rep1')[2]!;
    const own = await as('rep2').send('POST', `/api/handovers/sheets/${sheetOf(third.id).id}/intro-visit`, {
      date: introDate,
      startTime: '16:00',
      endTime: '16:30',
    });
    expect(own.status, await own.clone().text()).toBe(200);
    expect((await read<HandoverSheet>(own)).introAppointment?.planId).toBe(planId);
  }, 120_000);
});
