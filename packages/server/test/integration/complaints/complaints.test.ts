import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueDateFor } from '../../../src/domains/complaints/due-date.ts';
import { complaints } from '../../../src/domains/complaints/tables.ts';
import { addDays, todayIn } from '../../../src/domains/planning/working-days.ts';
import { auditEvents } from '../../../src/platform/db/schema/index.ts';
import { createTestApp, type SignedTenantFixture } from '../../support/test-app.ts';
import { signInAll } from '../customers/customer-app.ts';

const t = await createTestApp();
afterAll(() => t.close());
let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof signInAll>>;

beforeAll(async () => {
  tenant = await t.createTenant();
  as = await signInAll(t, tenant);
});

const newComplaint = (customerId: string, extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  customerId,
  source: 'visit',
  kind: 'complaint',
  category: 'delivery',
  severity: 'high',
  title: '月曜指定の納品が水曜になった',
  detail: '店頭で欠品が出た。次回は前日に連絡がほしい。',
  ...extra,
});

type Detail = {
  id: string;
  status: string;
  version: number;
  dueDate: string;
  ownerId: string | null;
  resolvedAt: string | null;
  confirmedAt: string | null;
  actions: { type: string; fromStatus: string | null; toStatus: string; note: string; actorId: string }[];
};

async function act(
  key: 'rep1' | 'rep2' | 'manager' | 'admin',
  id: string,
  body: Record<string, unknown>,
  locale?: 'ja' | 'en',
) {
  const res = await as(key).send(
    'POST',
    `/api/complaints/${id}/actions`,
    { id: randomUUID(), ...body },
    locale,
  );
  return {
    status: res.status,
    body: (await res.json()) as Detail & { error?: { code: string; fields?: Record<string, string> } },
  };
}

describe('complaints through their states', () => {
  it('walks 受付 → 対応中 → 解決 → 完了確認 with every action in the history, and audits it', async () => {
    const customer = tenant.customersOf('rep1')[0]!;
    const created = await as('rep1').send('POST', '/api/complaints', newComplaint(customer.id));
    expect(created.status).toBe(201);
    const complaint = (await created.json()) as Detail & {
      receivedDate: string;
      severity: string;
      overdue: boolean;
    };
    expect(complaint).toMatchObject({
      status: 'open',
      ownerId: tenant.users.rep1.id,
      overdue: false,
      version: 1,
    });
    // high = 3 working days after the day it was received (Asia/Tokyo).
    expect(complaint.dueDate).toBe(dueDateFor(todayIn(), 'high'));

    const started = await act('rep1', complaint.id, { type: 'start', note: '倉庫に確認する', version: 1 });
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('in_progress');
    const noted = await act('rep1', complaint.id, { type: 'note', note: '配送業者の遅延と判明', version: 2 });
    expect(noted.body.status).toBe('in_progress');
    const resolved = await act('manager', complaint.id, {
      type: 'resolve',
      note: '次回から前日連絡',
      version: 3,
    });
    expect(resolved.body).toMatchObject({ status: 'resolved', confirmedAt: null });
    expect(resolved.body.resolvedAt).not.toBeNull();
    const confirmed = await act('rep1', complaint.id, { type: 'confirm', note: '訪問時に了承', version: 4 });
    expect(confirmed.body.status).toBe('confirmed');
    expect(confirmed.body.confirmedAt).not.toBeNull();

    const read = await as('rep1').get(`/api/complaints/${complaint.id}`);
    const detail = (await read.json()) as Detail;
    expect(detail.version).toBe(5);
    expect(detail.actions.map((a) => [a.type, a.fromStatus, a.toStatus])).toEqual([
      ['created', null, 'open'],
      ['start', 'open', 'in_progress'],
      ['note', 'in_progress', 'in_progress'],
      ['resolve', 'in_progress', 'resolved'],
      ['confirm', 'resolved', 'confirmed'],
    ]);
    expect(detail.actions[3]).toMatchObject({ note: '次回から前日連絡', actorId: tenant.users.manager.id });

    const audit = await t.database.admin
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.recordId, complaint.id));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'create',
      'status_change',
      'status_change',
      'status_change',
    ]);

    // Reopened: back to 対応中 with a new due date counted from today.
    const reopened = await act('rep1', complaint.id, { type: 'reopen', note: 'また遅れた', version: 5 });
    expect(reopened.body).toMatchObject({ status: 'in_progress', resolvedAt: null, confirmedAt: null });
  });

  it('refuses an action the status does not allow, naming the field in ja and en, and changes nothing', async () => {
    const customer = tenant.customersOf('rep1')[0]!;
    const created = (await (
      await as('rep1').send('POST', '/api/complaints', newComplaint(customer.id))
    ).json()) as Detail;
    for (const locale of ['ja', 'en'] as const) {
      const refused = await act('rep1', created.id, { type: 'confirm', version: 1 }, locale);
      expect(refused.status).toBe(409);
      expect(refused.body.error?.code).toBe('invalid_transition');
      expect(refused.body.error?.fields?.type).toBe(
        locale === 'ja'
          ? '「受付」の状態では「完了確認」はできません。'
          : 'Cannot confirm a complaint that is received.',
      );
    }
    const noNote = await act('rep1', created.id, { type: 'resolve', version: 1 }, 'en');
    expect(noNote.status).toBe(422);
    expect(noNote.body.error?.fields?.note).toBe('Say how it was resolved.');
    const badType = await act('rep1', created.id, { type: 'close', version: 1 }, 'ja');
    expect(badType.status).toBe(422);
    expect(Object.keys(badType.body.error?.fields ?? {})).toEqual(['type']);
    const stale = await act('rep1', created.id, { type: 'start', version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.code).toBe('version_conflict');

    const detail = (await (await as('rep1').get(`/api/complaints/${created.id}`)).json()) as Detail;
    expect(detail).toMatchObject({ status: 'open', version: 1 });
    expect(detail.actions.map((a) => a.type)).toEqual(['created']);
  });

  it('names the refused fields of a bad complaint in ja and en', async () => {
    const customer = tenant.customersOf('rep1')[0]!;
    const res = await as('rep1').send(
      'POST',
      '/api/complaints',
      newComplaint(customer.id, { severity: 'urgent', title: 'x'.repeat(201) }),
      'en',
    );
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(body.error.fields).sort()).toEqual(['severity', 'title']);
    const owner = await as('rep1').send(
      'POST',
      '/api/complaints',
      newComplaint(customer.id, { ownerId: tenant.users.rep3.id }),
      'ja',
    );
    expect(owner.status).toBe(422);
    expect(((await owner.json()) as { error: { fields: Record<string, string> } }).error.fields.ownerId).toBe(
      'この顧客の担当者、そのチームのマネージャー、または管理者を指定してください。',
    );
  });

  it("keeps a rep out of another rep's customers' complaints", async () => {
    const customer = tenant.customersOf('rep1')[1]!;
    const created = (await (
      await as('rep1').send('POST', '/api/complaints', newComplaint(customer.id))
    ).json()) as Detail;
    expect((await as('rep2').get(`/api/complaints/${created.id}`)).status).toBe(404);
    expect((await as('rep3').get(`/api/complaints/${created.id}`)).status).toBe(404);
    const list = (await (await as('rep2').get('/api/complaints?status=active')).json()) as {
      items: { id: string }[];
    };
    expect(list.items.map((c) => c.id)).not.toContain(created.id);
    const acted = await as('rep2').send('POST', `/api/complaints/${created.id}/actions`, {
      id: randomUUID(),
      type: 'start',
      version: 1,
    });
    expect(acted.status).toBe(404);
    // rep2 cannot file one on rep1's customer either.
    const filed = await as('rep2').send('POST', '/api/complaints', newComplaint(customer.id));
    expect(filed.status).toBe(422);
    expect((await as('manager').get(`/api/complaints/${created.id}`)).status).toBe(200);
  });

  it('lists newest first a page at a time, filters overdue, and escalates an overdue one to its manager only', async () => {
    const customer = tenant.customersOf('rep2')[0]!;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await as('rep2').send(
        'POST',
        '/api/complaints',
        newComplaint(customer.id, { title: `件${i}` }),
      );
      ids.push(((await res.json()) as Detail).id);
    }
    // The oldest one's due date passed (as if received two weeks ago).
    await t.database.admin
      .update(complaints)
      .set({ dueDate: addDays(todayIn(), -2), receivedAt: new Date(Date.now() - 14 * 86_400_000) })
      .where(eq(complaints.id, ids[0]!));

    const first = (await (
      await as('rep2').get(`/api/complaints?customerId=${customer.id}&limit=2`)
    ).json()) as {
      items: { id: string }[];
      nextCursor: string | null;
    };
    expect(first.items.map((c) => c.id)).toEqual([ids[2], ids[1]]);
    const second = (await (
      await as('rep2').get(`/api/complaints?customerId=${customer.id}&limit=2&cursor=${first.nextCursor}`)
    ).json()) as { items: { id: string }[]; nextCursor: string | null };
    expect(second.items.map((c) => c.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();

    const overdue = (await (await as('rep2').get('/api/complaints?overdue=true')).json()) as {
      items: { id: string; overdue: boolean; escalated: boolean }[];
    };
    expect(overdue.items.map((c) => c.id)).toEqual([ids[0]]);
    expect(overdue.items[0]).toMatchObject({ overdue: true, escalated: true });

    type Field = { reps: { repId: string; escalatedComplaints: { id: string; daysOverdue: number }[] }[] };
    const mine = (await (await as('manager').get('/api/field/today')).json()) as Field;
    const rep2 = mine.reps.find((r) => r.repId === tenant.users.rep2.id);
    expect(rep2?.escalatedComplaints.map((c) => c.id)).toEqual([ids[0]]);
    expect(rep2?.escalatedComplaints[0]?.daysOverdue).toBe(2);

    const teamB = (await (
      await as('admin').get(`/api/field/today?teamId=${tenant.teams.b.id}`)
    ).json()) as Field;
    expect(teamB.reps.map((r) => r.repId)).toEqual([tenant.users.rep3.id]);
    expect(teamB.reps.flatMap((r) => r.escalatedComplaints.map((c) => c.id))).not.toContain(ids[0]);
    // A manager asking for another team's view gets what a team that does not exist gets.
    const other = await as('manager').get(`/api/field/today?teamId=${tenant.teams.b.id}`);
    const nowhere = await as('manager').get(`/api/field/today?teamId=${randomUUID()}`);
    expect(other.status).toBe(404);
    expect(await other.text()).toBe(await nowhere.text());
    expect((await as('rep1').get('/api/field/today')).status).toBe(403);

    // Resolved: no longer overdue, no longer escalated.
    await act('rep2', ids[0]!, { type: 'resolve', note: '対応済み', version: 1 });
    const after = (await (await as('manager').get('/api/field/today')).json()) as Field;
    expect(after.reps.flatMap((r) => r.escalatedComplaints.map((c) => c.id))).not.toContain(ids[0]);
  });
});

describe('due dates by severity', () => {
  it('counts working days: weekends and national holidays do not count', () => {
    expect(dueDateFor('2026-12-04', 'critical')).toBe('2026-12-07'); // Fri → Mon
    expect(dueDateFor('2026-12-30', 'critical')).toBe('2026-12-31');
    expect(dueDateFor('2027-01-08', 'critical')).toBe('2027-01-12'); // Mon 11 Jan is 成人の日
    expect(dueDateFor('2026-12-01', 'low')).toBe('2026-12-21');
  });
});
