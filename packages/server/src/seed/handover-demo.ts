import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/query-rows.ts';

const DAY = 86_400_000;

/** The date `days` after `at` as a civil date (Asia/Tokyo). */
const tokyoDate = (at: Date, days = 0) =>
  new Date(at.getTime() + days * DAY + 9 * 3_600_000).toISOString().slice(0, 10);

const pastNotes = [
  '経理の佐藤様は月末不在。請求書は月初に届くように。コーヒーは毎月第2週にまとめて発注されます。',
  '総務の方が窓口。駐車場は裏手の来客用2番を使ってよいとのこと。',
  '',
];
const recentNotes = [
  'コピー機の入替を検討中（来春）。見積は田中さんとも相談済み。前回の納品遅れの件は解決済みですが、念のため一言お詫びを。',
  '受付は9時半から。水の配送は火曜午前希望。',
];

/**
 * The demo company's handovers (引き継ぎ): three customers 田中 → 西田 about three months ago (the
 * sheets read, the notification read) and two 西田 → 田中 two days ago (fresh sheets with notes and
 * an introduction visit, the notification unread); the customers' history says who had them when.
 * Plus a few notifications for the manager (a plan ready, a complaint handed to them).
 */
export async function seedHandoverDemo(db: Db, { tenantId, now }: { tenantId: string; now: Date }) {
  const people = await queryRows<{ email: string; id: string; role: string }>(
    db,
    sql`select u.email, u.id, m.role from member m join "user" u on u.id = m.user_id
      where m.organization_id = ${tenantId}`,
  );
  const idOf = (email: string) => people.find((p) => p.email === email)?.id;
  const manager = idOf('manager@demo.kayoi.jp');
  const rep1 = idOf('rep1@demo.kayoi.jp');
  const rep2 = idOf('rep2@demo.kayoi.jp');
  if (!manager || !rep1 || !rep2) return;
  const book = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id, name from customers where tenant_id = ${tenantId} and rep_id = ${rep2}
      and archived_at is null order by code limit 5`,
  );
  if (book.length < 5) return;
  const past = book.slice(0, 3);
  const recent = book.slice(3, 5);
  // The recent two are 田中's now (handed over two days ago), with their open promises.
  const recentIds = recent.map((c) => c.id);
  await db.execute(sql`update customers set rep_id = ${rep1}, version = version + 1
    where tenant_id = ${tenantId} and id in ${sql.raw(`(${recentIds.map((id) => `'${id}'`).join(',')})`)}`);
  await db.execute(sql`update followups set rep_id = ${rep1},
      assignee_id = case when assignee_id = ${rep2} then ${rep1} else assignee_id end
    where tenant_id = ${tenantId} and status = 'open'
      and customer_id in ${sql.raw(`(${recentIds.map((id) => `'${id}'`).join(',')})`)}`);

  const batches = [
    {
      customers: past,
      from: rep1,
      to: rep2,
      at: new Date(now.getTime() - 93 * DAY),
      notes: pastNotes,
      read: true,
    },
    {
      customers: recent,
      from: rep2,
      to: rep1,
      at: new Date(now.getTime() - 2 * DAY),
      notes: recentNotes,
      read: false,
    },
  ];
  const fromName = { [rep1]: '田中 翔太', [rep2]: '西田 彩' };
  for (const batch of batches) {
    const handoverId = randomUUID();
    await db.execute(sql`insert into handovers (tenant_id, id, to_rep_id, customer_count, created_by, created_at)
      values (${tenantId}, ${handoverId}, ${batch.to}, ${batch.customers.length}, ${manager}, ${batch.at})`);
    for (const [i, customer] of batch.customers.entries()) {
      const note = batch.notes[i] ?? '';
      // A weekday both work (Mon–Fri): Saturday and Sunday move to the Monday after.
      const suggested = tokyoDate(batch.at, i === 0 ? 3 : 6);
      const weekday = new Date(`${suggested}T00:00:00Z`).getUTCDay();
      const introDate =
        weekday === 6
          ? tokyoDate(batch.at, (i === 0 ? 3 : 6) + 2)
          : weekday === 0
            ? tokyoDate(batch.at, (i === 0 ? 3 : 6) + 1)
            : suggested;
      await db.execute(sql`insert into handover_sheets
          (tenant_id, id, handover_id, customer_id, from_rep_id, to_rep_id, note, intro_date, followups_moved, created_at)
        values (${tenantId}, ${randomUUID()}, ${handoverId}, ${customer.id}, ${batch.from}, ${batch.to}, ${note},
          ${introDate}, 0, ${batch.at})`);
      await db.execute(sql`insert into customer_assignments
          (tenant_id, id, customer_id, from_rep_id, to_rep_id, handover_id, assigned_by, assigned_at)
        values (${tenantId}, ${randomUUID()}, ${customer.id}, ${batch.from}, ${batch.to}, ${handoverId}, ${manager}, ${batch.at})`);
      await db.execute(sql`insert into audit_events
          (tenant_id, at, actor_user_id, actor_role, table_name, record_id, subject_table, subject_id, action, changes, context)
        values (${tenantId}, ${batch.at}, ${manager}, 'manager', 'customers', ${customer.id}, 'customers', ${customer.id},
          'update', ${JSON.stringify({ repId: { before: batch.from, after: batch.to } })}::jsonb,
          ${JSON.stringify({ handoverId })}::jsonb)`);
    }
    await db.execute(sql`insert into notifications (tenant_id, id, recipient_id, kind, params, link, created_at, read_at)
      values (${tenantId}, ${randomUUID()}, ${batch.to}, 'handover_received',
        ${JSON.stringify({ count: batch.customers.length, fromName: fromName[batch.from], byName: '山本 健一' })}::jsonb,
        ${`/handovers?handover=${handoverId}`}, ${batch.at}, ${batch.read ? new Date(batch.at.getTime() + 3_600_000) : null})`);
  }

  const complaint = await queryRows<{ title: string; name: string; customer_id: string }>(
    db,
    sql`select c.title, cu.name, c.customer_id from complaints c join customers cu
        on cu.tenant_id = c.tenant_id and cu.id = c.customer_id
      where c.tenant_id = ${tenantId} and c.status in ('open', 'in_progress') order by c.received_at desc limit 1`,
  );
  const managerNotes = [
    {
      kind: 'plan_ready',
      params: { startDate: tokyoDate(now, -4), days: 10, visits: 212, unplanned: 3 },
      link: '/plan',
      at: new Date(now.getTime() - 4 * DAY),
      read: true,
    },
    ...complaint.map((c) => ({
      kind: 'complaint_escalated',
      params: { title: c.title, customerName: c.name, severity: 'high' },
      link: `/customers/${c.customer_id}`,
      at: new Date(now.getTime() - 5 * 3_600_000),
      read: false,
    })),
  ];
  for (const n of managerNotes)
    await db.execute(sql`insert into notifications (tenant_id, id, recipient_id, kind, params, link, created_at, read_at)
      values (${tenantId}, ${randomUUID()}, ${manager}, ${n.kind}, ${JSON.stringify(n.params)}::jsonb, ${n.link},
        ${n.at}, ${n.read ? n.at : null})`);
}
