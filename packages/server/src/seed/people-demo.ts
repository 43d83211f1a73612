import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/database.ts';

/**
 * The demo company's open invitations: a rep joining 第1営業課 next month and a manager for
 * 第2営業課, both invited by the admin (their links were "sent" and are not known: the tokens
 * are random and only their hashes are stored, as for real ones).
 */
export async function seedPeopleDemo(db: Db, { tenantId, now }: { tenantId: string; now: Date }) {
  const invitations = [
    {
      email: 'okada.sakura@demo.kayoi.jp',
      name: '岡田 さくら',
      role: 'rep',
      team: '第1営業課（北・西）',
      daysAgo: 1,
    },
    {
      email: 'ishii.ken@demo.kayoi.jp',
      name: '石井 健',
      role: 'manager',
      team: '第2営業課（東・南）',
      daysAgo: 3,
    },
  ];
  for (const inv of invitations) {
    const sent = new Date(now.getTime() - inv.daysAgo * 86_400_000);
    const expires = new Date(sent.getTime() + 7 * 86_400_000);
    const tokenHash = createHash('sha256').update(randomBytes(32)).digest('hex');
    await db.execute(sql`insert into invitation
        (id, organization_id, email, role, status, expires_at, inviter_id, created_at, token_hash, name, team_id)
      select ${crypto.randomUUID()}, ${tenantId}, ${inv.email}, ${inv.role}, 'pending', ${expires},
        m.user_id, ${sent}, ${tokenHash}, ${inv.name}, (select id from teams where tenant_id = ${tenantId} and name = ${inv.team})
      from member m where m.organization_id = ${tenantId} and m.role = 'admin'
      order by m.created_at limit 1`);
  }
}
