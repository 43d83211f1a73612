import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/database.ts';

/**
 * When the demo reps' phones last synced, as チームの状況 shows it: most a few minutes before the
 * seed ran, one this morning with a change still waiting, one yesterday evening (a rep whose
 * phone has been without signal since, holding 3 unsent changes); the rest never (no phone yet).
 * One insert for all of them, by the reps' sign-in order.
 */
export async function seedSyncDemo(db: Db, { tenantId, now }: { tenantId: string; now: Date }) {
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  await db.execute(sql`insert into sync_heartbeats (tenant_id, user_id, last_synced_at, pending)
    select r.organization_id, r.user_id, s.at, s.pending
    from (
      select m.organization_id, m.user_id, row_number() over (order by u.email) as n
      from member m join "user" u on u.id = m.user_id
      where m.organization_id = ${tenantId} and m.role = 'rep' and m.deactivated_at is null
    ) r
    join (values
      (1, ${minutesAgo(6)}::timestamptz, 0),
      (2, ${minutesAgo(23)}::timestamptz, 0),
      (3, ${minutesAgo(14 * 60 + 40)}::timestamptz, 3),
      (4, ${minutesAgo(95)}::timestamptz, 1),
      (5, ${minutesAgo(41)}::timestamptz, 0)
    ) as s(n, at, pending) on s.n = r.n
    on conflict (tenant_id, user_id) do nothing`);
}
