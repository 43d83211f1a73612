import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Customer,
  Followup,
  Handover,
  HandoverPreview,
  HandoverSheet,
  HandoverSheetList,
  NotificationList,
} from '../../../src/contracts.ts';
import { customers } from '../../../src/domains/customers/tables.ts';
import { followups } from '../../../src/domains/followups/tables.ts';
import { customerAssignments } from '../../../src/domains/handover/tables.ts';
import { addDays, todayIn } from '../../../src/domains/planning/working-days.ts';
import { auditEvents, staffProfiles } from '../../../src/platform/db/schema/index.ts';
import { createTestApp, type SignedTenantFixture } from '../../support/test-app.ts';
import { callersOf } from '../visits/visit-app.ts';

const t = await createTestApp();
afterAll(() => t.close());

let tenant: SignedTenantFixture;
let other: SignedTenantFixture;
let as: Awaited<ReturnType<typeof callersOf>>;
const read = async <T>(res: Response) => (await res.json()) as T;

beforeAll(async () => {
  tenant = await t.createTenant({ customersPerRep: 3 });
  other = await t.createTenant({ customersPerRep: 1 });
  as = await callersOf(t, tenant);
});

const promise = (customerId: string, title: string) => ({
  id: randomUUID(),
  customerId,
  title,
  dueDate: addDays(todayIn(), 5),
  owner: 'us',
});

describe('handover (引き継ぎ)', () => {
  it('previews the move with each rep’s load against capacity, writing nothing', async () => {
    await t.database.admin
      .update(staffProfiles)
      .set({ maxVisitsPerDay: 1 })
      .where(
        and(eq(staffProfiles.tenantId, tenant.tenantId), eq(staffProfiles.userId, tenant.users.rep2.id)),
      );
    const res = await as('manager').send('POST', '/api/handovers/preview', {
      fromRepId: tenant.users.rep1.id,
      toRepId: tenant.users.rep2.id,
    });
    expect(res.status).toBe(200);
    const preview = await read<HandoverPreview>(res);
    expect(preview.customers.map((c) => c.id).sort()).toEqual(
      tenant
        .customersOf('rep1')
        .map((c) => c.id)
        .sort(),
    );
    const [receiving, outgoing] = preview.loads;
    expect(receiving).toMatchObject({
      repId: tenant.users.rep2.id,
      role: 'receiving',
      movingCustomers: 3,
      customersBefore: 3,
      customersAfter: 6,
      visitsPerDay: 1,
    });
    expect(receiving!.capacityPerMonth).toBe(receiving!.workingDays);
    expect(receiving!.visitsPerMonthAfter).toBeGreaterThan(receiving!.visitsPerMonthBefore);
    expect(outgoing).toMatchObject({ repId: tenant.users.rep1.id, role: 'outgoing', customersAfter: 0 });
    expect(outgoing!.visitsPerDay).toBe(8);
    expect(preview.introDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [still] = await t.database.admin
      .select({ repId: customers.repId })
      .from(customers)
      .where(eq(customers.id, tenant.customersOf('rep1')[0]!.id));
    expect(still!.repId).toBe(tenant.users.rep1.id);
  });

  it('refuses a rep, a receiver outside the manager’s team, and another company’s customer, naming the field', async () => {
    const rep = await as('rep1').send('POST', '/api/handovers/preview', {
      fromRepId: tenant.users.rep1.id,
      toRepId: tenant.users.rep2.id,
    });
    expect(rep.status).toBe(403);
    const outside = await as('manager').send(
      'POST',
      '/api/handovers/preview',
      { fromRepId: tenant.users.rep1.id, toRepId: tenant.users.rep3.id },
      { locale: 'en' },
    );
    expect(outside.status).toBe(422);
    expect((await read<{ error: { fields: Record<string, string> } }>(outside)).error.fields.toRepId).toMatch(
      /cannot be handed/,
    );
    const foreign = await as('admin').send('POST', '/api/handovers', {
      id: randomUUID(),
      toRepId: tenant.users.rep2.id,
      customers: [{ id: other.customers[0]!.id, version: 1 }],
    });
    expect(foreign.status).toBe(422);
    expect(Object.keys((await read<{ error: { fields: object } }>(foreign)).error.fields)).toEqual([
      'customers.0.id',
    ]);
  });

  it('moves customers, their open promises and history in one commit, with one notification and a sheet each', async () => {
    const [first, second] = tenant.customersOf('rep1');
    const kept = await read<Followup>(
      await as('rep1').send('POST', '/api/followups', promise(first!.id, 'カタログを届ける')),
    );
    const preview = await read<HandoverPreview>(
      await as('manager').send('POST', '/api/handovers/preview', {
        customerIds: [first!.id, second!.id],
        toRepId: tenant.users.rep2.id,
      }),
    );
    expect(preview.customers.find((c) => c.id === first!.id)?.openFollowups).toBe(1);
    const id = randomUUID();
    const res = await as('manager').send('POST', '/api/handovers', {
      id,
      toRepId: tenant.users.rep2.id,
      customers: preview.customers.map((c) => ({
        id: c.id,
        version: c.version,
        ...(c.id === first!.id && { note: '月末は経理の方が不在。請求書は月初に。' }),
      })),
    });
    expect(res.status).toBe(201);
    const handover = await read<Handover>(res);
    expect(handover.customerCount).toBe(2);
    expect(handover.sheets).toHaveLength(2);

    // The customer is rep2's now, through the customers domain (version up, audited).
    const karte = await read<Customer>(await as('rep2').get(`/api/customers/${first!.id}`));
    expect(karte.repId).toBe(tenant.users.rep2.id);
    expect((await as('rep1').get(`/api/customers/${first!.id}`)).status).toBe(404);
    const audit = await t.database.admin
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenant.tenantId), eq(auditEvents.recordId, first!.id)));
    expect(
      audit.some((a) => a.changes.repId?.after === tenant.users.rep2.id && a.context.handoverId === id),
    ).toBe(true);
    // The promise went with it, to the new rep.
    const [moved] = await t.database.admin.select().from(followups).where(eq(followups.id, kept.id));
    expect(moved).toMatchObject({
      repId: tenant.users.rep2.id,
      assigneeId: tenant.users.rep2.id,
      status: 'open',
    });
    // Who had it when.
    const history = await t.database.admin
      .select()
      .from(customerAssignments)
      .where(eq(customerAssignments.customerId, first!.id));
    expect(history).toMatchObject([
      { fromRepId: tenant.users.rep1.id, toRepId: tenant.users.rep2.id, assignedBy: tenant.users.manager.id },
    ]);

    // One notification for the batch, on the new rep's side only.
    const inbox = await read<NotificationList>(await as('rep2').get('/api/notifications'));
    const received = inbox.items.filter((n) => n.kind === 'handover_received');
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ params: { count: 2, fromName: tenant.users.rep1.name } });
    expect(received[0]!.link).toContain(id);

    // The new rep's sheets, and one sheet with the note, the briefing and the history.
    const mine = await read<HandoverSheetList>(
      await as('rep2').get(`/api/handovers/sheets?handoverId=${id}`),
    );
    expect(mine.items).toHaveLength(2);
    const sheetId = mine.items.find((s) => s.customerId === first!.id)!.id;
    const sheet = await read<HandoverSheet>(await as('rep2').get(`/api/handovers/sheets/${sheetId}`));
    expect(sheet).toMatchObject({
      note: '月末は経理の方が不在。請求書は月初に。',
      fromRepName: tenant.users.rep1.name,
      toRepName: tenant.users.rep2.name,
      followupsMoved: 1,
      briefing: { customer: { id: first!.id } },
    });
    expect(sheet.introDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(sheet.assignments).toMatchObject([
      { fromRepName: tenant.users.rep1.name, toRepName: tenant.users.rep2.name },
    ]);
    // Another team's rep sees neither.
    expect((await as('rep3').get(`/api/handovers/sheets/${sheetId}`)).status).toBe(404);
  });

  it('moves nothing when one customer changed since the preview', async () => {
    const [third] = tenant.customersOf('rep1').slice(2);
    const [fresh] = tenant.customersOf('rep2');
    const preview = await read<HandoverPreview>(
      await as('admin').send('POST', '/api/handovers/preview', {
        customerIds: [third!.id, fresh!.id],
        toRepId: tenant.users.rep3.id,
      }),
    );
    await t.database.admin.update(customers).set({ version: 99 }).where(eq(customers.id, fresh!.id));
    const res = await as('admin').send('POST', '/api/handovers', {
      id: randomUUID(),
      toRepId: tenant.users.rep3.id,
      customers: preview.customers.map((c) => ({ id: c.id, version: c.version })),
    });
    expect(res.status).toBe(409);
    const rows = await t.database.admin
      .select({ id: customers.id, repId: customers.repId })
      .from(customers)
      .where(eq(customers.id, third!.id));
    expect(rows[0]!.repId).toBe(tenant.users.rep1.id);
    const inbox = await read<NotificationList>(await as('rep3').get('/api/notifications'));
    expect(inbox.items.filter((n) => n.kind === 'handover_received')).toEqual([]);
  });
});
