import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationList } from '../../../src/contracts.ts';
import { notify } from '../../../src/domains/notifications/notify.ts';
import { addDays, todayIn } from '../../../src/domains/planning/working-days.ts';
import { withTenant } from '../../../src/platform/context.ts';
import { createTestApp, type SignedTenantFixture } from '../../support/test-app.ts';
import { callersOf } from '../visits/visit-app.ts';

const t = await createTestApp();
afterAll(() => t.close());

let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof callersOf>>;
const read = async <T>(res: Response) => (await res.json()) as T;

beforeAll(async () => {
  tenant = await t.createTenant({ customersPerRep: 2 });
  as = await callersOf(t, tenant);
});

const planReady = (recipient: string, visits: number) =>
  withTenant(t.database.db, tenant.actor('manager'), (tx) =>
    notify(tx, {
      tenantId: tenant.tenantId,
      recipients: [recipient, recipient],
      kind: 'plan_ready',
      params: { startDate: '2026-12-07', days: 5, visits },
      link: '/plan',
    }),
  );

describe('notifications', () => {
  it('a notification written by another person reaches only its recipient, unread first', async () => {
    await planReady(tenant.users.rep2.id, 31);
    await planReady(tenant.users.rep2.id, 32);
    const list = await read<NotificationList>(await as('rep2').get('/api/notifications'));
    expect(list.unreadCount).toBe(2);
    expect(list.items.map((n) => n.params.visits)).toEqual([32, 31]);
    expect(list.items[0]).toMatchObject({ kind: 'plan_ready', link: '/plan', readAt: null });
    // Nobody else sees them, not even the manager who caused them or the admin.
    for (const key of ['manager', 'admin', 'rep1'] as const) {
      const other = await read<NotificationList>(await as(key).get('/api/notifications'));
      expect(other.items.some((n) => n.params.visits === 31 || n.params.visits === 32)).toBe(false);
    }
    const refused = await as('rep1').send('POST', `/api/notifications/${list.items[0]!.id}/read`);
    expect(refused.status).toBe(404);

    const marked = await as('rep2').send('POST', `/api/notifications/${list.items[1]!.id}/read`);
    expect(marked.status).toBe(200);
    const after = await read<NotificationList>(await as('rep2').get('/api/notifications'));
    expect(after.unreadCount).toBe(1);
    // The read one goes below the unread one though it is older … it was older already: check order.
    expect(after.items.map((n) => [n.params.visits, n.readAt === null])).toEqual([
      [32, true],
      [31, false],
    ]);
    await planReady(tenant.users.rep2.id, 33);
    const all = await read<{ marked: number }>(await as('rep2').send('POST', '/api/notifications/read-all'));
    expect(all.marked).toBe(2);
    expect(await read(await as('rep2').get('/api/notifications/unread-count'))).toEqual({ unreadCount: 0 });
  });

  it('unread ones come before read ones whatever their age', async () => {
    await planReady(tenant.users.rep3.id, 1);
    const first = await read<NotificationList>(await as('rep3').get('/api/notifications'));
    await as('rep3').send('POST', `/api/notifications/${first.items[0]!.id}/read`);
    await planReady(tenant.users.rep3.id, 2);
    await planReady(tenant.users.rep3.id, 3);
    await as('rep3').send(
      'POST',
      `/api/notifications/${(await read<NotificationList>(await as('rep3').get('/api/notifications'))).items[0]!.id}/read`,
    );
    const list = await read<NotificationList>(await as('rep3').get('/api/notifications?limit=2'));
    expect(list.items.map((n) => n.params.visits)).toEqual([2, 3]);
    expect(list.truncated).toBe(true);
  });

  it('an overdue promise notifies its assignee once, however often they look', async () => {
    const customer = tenant.customersOf('rep1')[0]!;
    const title = `期限切れの約束 ${randomUUID().slice(0, 6)}`;
    const created = await as('rep1').send('POST', '/api/followups', {
      id: randomUUID(),
      customerId: customer.id,
      title,
      dueDate: addDays(todayIn(), 1),
      owner: 'us',
    });
    expect(created.status).toBe(201);
    const none = await read<NotificationList>(await as('rep1').get('/api/notifications'));
    expect(none.items.filter((n) => n.params.title === title)).toEqual([]);
    // Tomorrow's promise becomes overdue the day after tomorrow: move its due date back instead.
    const { followups } = await import('../../../src/domains/followups/tables.ts');
    const { eq } = await import('drizzle-orm');
    await t.database.admin
      .update(followups)
      .set({ dueDate: addDays(todayIn(), -2) })
      .where(eq(followups.title, title));
    const count = await read<{ unreadCount: number }>(
      await as('rep1').get('/api/notifications/unread-count'),
    );
    const again = await read<NotificationList>(await as('rep1').get('/api/notifications'));
    const mine = again.items.filter((n) => n.params.title === title);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      kind: 'promise_overdue',
      params: { customerName: customer.name, dueDate: addDays(todayIn(), -2) },
      link: `/customers/${customer.id}`,
    });
    expect(again.unreadCount).toBe(count.unreadCount);
  });

  it('a complaint handed to the manager notifies them once, not its own rep', async () => {
    const customer = tenant.customersOf('rep1')[1]!;
    const title = `納品遅れ ${randomUUID().slice(0, 6)}`;
    const created = await as('rep1').send('POST', '/api/complaints', {
      id: randomUUID(),
      customerId: customer.id,
      source: 'visit',
      kind: 'complaint',
      category: 'delivery',
      severity: 'high',
      title,
    });
    expect(created.status).toBe(201);
    const complaint = await read<{ id: string; version: number }>(created);
    const escalated = await as('rep1').send('POST', `/api/complaints/${complaint.id}/actions`, {
      id: randomUUID(),
      type: 'reassign',
      ownerId: tenant.users.manager.id,
      note: '価格の相談が必要',
      version: complaint.version,
    });
    expect(escalated.status).toBe(200);
    const inbox = await read<NotificationList>(await as('manager').get('/api/notifications'));
    expect(inbox.items.filter((n) => n.params.title === title)).toMatchObject([
      {
        kind: 'complaint_escalated',
        params: { customerName: customer.name },
        link: `/customers/${customer.id}`,
      },
    ]);
    const rep = await read<NotificationList>(await as('rep1').get('/api/notifications'));
    expect(rep.items.filter((n) => n.params.title === title)).toEqual([]);
  });
});
