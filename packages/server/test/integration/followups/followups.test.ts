import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Followup, FollowupList, Today } from '../../../src/contracts.ts';
import { followups } from '../../../src/domains/followups/tables.ts';
import { addDays, todayIn } from '../../../src/domains/planning/working-days.ts';
import { auditEvents } from '../../../src/platform/db/schema/index.ts';
import { createTestApp, type SignedTenantFixture } from '../../support/test-app.ts';
import { callersOf } from '../visits/visit-app.ts';

const t = await createTestApp();
afterAll(() => t.close());

let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof callersOf>>;
const today = todayIn();
const read = async <T>(res: Response) => (await res.json()) as T;

beforeAll(async () => {
  tenant = await t.createTenant({ customersPerRep: 3 });
  as = await callersOf(t, tenant);
});

const promise = (customerId: string, dueDate: string, title = '見積書を送る') => ({
  id: randomUUID(),
  customerId,
  title,
  dueDate,
  owner: 'us',
});

describe('followups', () => {
  it('done with one tap keeps who and when, audited; a second tap changes nothing', async () => {
    const created = await as('rep1').send(
      'POST',
      '/api/followups',
      promise(tenant.customersOf('rep1')[0]!.id, today),
    );
    expect(created.status).toBe(201);
    const open = await read<Followup>(created);
    expect(open).toMatchObject({
      status: 'open',
      assigneeId: tenant.users.rep1.id,
      doneAt: null,
      doneBy: null,
    });
    const before = Date.now();
    const done = await as('rep1').send('POST', `/api/followups/${open.id}/done`, { version: open.version });
    expect(done.status).toBe(200);
    const kept = await read<Followup>(done);
    expect(kept.status).toBe('done');
    expect(kept.doneBy).toBe(tenant.users.rep1.id);
    expect(Date.parse(kept.doneAt as string)).toBeGreaterThanOrEqual(before - 1000);
    const again = await read<Followup>(
      await as('rep1').send('POST', `/api/followups/${open.id}/done`, { version: kept.version }),
    );
    expect(again).toEqual(kept);
    const audit = await t.database.admin
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, open.id), eq(auditEvents.tableName, 'followups')))
      .orderBy(auditEvents.seq);
    expect(audit.map((a) => [a.action, a.actorUserId])).toEqual([
      ['create', tenant.users.rep1.id],
      ['status_change', tenant.users.rep1.id],
    ]);
  });

  it('a stale version is 409 with the server’s copy', async () => {
    const open = await read<Followup>(
      await as('rep2').send('POST', '/api/followups', promise(tenant.customersOf('rep2')[0]!.id, today)),
    );
    const res = await as('rep2').send('POST', `/api/followups/${open.id}/done`, {
      version: open.version + 1,
    });
    expect(res.status).toBe(409);
    const [row] = await t.database.admin.select().from(followups).where(eq(followups.id, open.id));
    expect(row?.status).toBe('open');
  });

  it('overdue ones show on Today, in the list and to the manager; another team’s rep does not see them', async () => {
    const customer = tenant.customersOf('rep1')[1]!;
    const late = await read<Followup>(
      await as('rep1').send(
        'POST',
        '/api/followups',
        promise(customer.id, addDays(today, -3), 'カタログ持参'),
      ),
    );
    expect(late.overdue).toBe(true);
    await as('rep1').send('POST', '/api/followups', promise(customer.id, addDays(today, 3), '来週の件'));
    const overdue = await read<FollowupList>(await as('rep1').get('/api/followups?status=overdue'));
    expect(overdue.items.map((f) => f.id)).toContain(late.id);
    expect(overdue.items.every((f) => f.overdue)).toBe(true);
    const day = await read<Today>(await as('rep1').get('/api/today'));
    expect(day.alerts.overdueFollowups.map((f) => f.id)).toContain(late.id);
    const team = await read<FollowupList>(
      await as('manager').get('/api/followups?scope=team&status=overdue'),
    );
    expect(team.items.map((f) => f.id)).toContain(late.id);
    const managerOwn = await read<FollowupList>(await as('manager').get('/api/followups?scope=mine'));
    expect(managerOwn.items.map((f) => f.id)).not.toContain(late.id);
    const rep3 = await read<FollowupList>(await as('rep3').get('/api/followups?scope=team&status=overdue'));
    expect(rep3.items.map((f) => f.id)).not.toContain(late.id);
    expect((await as('rep3').send('POST', `/api/followups/${late.id}/done`, { version: 1 })).status).toBe(
      404,
    );
  });

  it('bad input names the fields in ja and en; another rep’s customer is refused', async () => {
    const body = {
      id: 'x',
      customerId: tenant.customersOf('rep1')[0]!.id,
      title: '',
      dueDate: '2026/12/01',
      owner: 'them',
    };
    const en = await read<{ error: { fields: Record<string, string> } }>(
      await as('rep1').send('POST', '/api/followups', body, { locale: 'en' }),
    );
    expect(Object.keys(en.error.fields).sort()).toEqual(['dueDate', 'id', 'owner', 'title']);
    const ja = await read<{ error: { fields: Record<string, string> } }>(
      await as('rep1').send('POST', '/api/followups', body, { locale: 'ja' }),
    );
    expect(ja.error.fields.dueDate).toBe('日付は YYYY-MM-DD の形式で入力してください。');
    const foreign = await as('rep1').send(
      'POST',
      '/api/followups',
      promise(tenant.customersOf('rep3')[0]!.id, today),
      {
        locale: 'en',
      },
    );
    expect(foreign.status).toBe(422);
    expect((await read<{ error: { fields: Record<string, string> } }>(foreign)).error.fields).toEqual({
      customerId: 'No such customer.',
    });
  });
});
