import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/query-rows.ts';

const DAY = 86_400_000;
const tokyo = (at: Date) => new Date(at.getTime() + 9 * 3_600_000);
const isoOf = (at: Date) => tokyo(at).toISOString().slice(0, 10);
/** The civil date (Asia/Tokyo) of weekday `weekday` (0 = Sunday) in the week after `now`'s. */
const nextWeeks = (now: Date, weekday: number) => {
  const today = tokyo(now).getUTCDay();
  const monday = new Date(now.getTime() + ((8 - today) % 7 || 7) * DAY);
  return isoOf(new Date(monday.getTime() + (weekday === 0 ? 6 : weekday - 1) * DAY));
};

/**
 * The demo company's working profiles (勤務設定), written before the first plan is built so it
 * follows them: 松本 works Tue–Sat (南部's shops open on Saturday), 西田 takes at most 8 visits a
 * day, and a few absences — 岡田's 新製品研修 at head office next Wednesday, 松本's paid holiday
 * next Friday, and 田中's summer holiday already behind him.
 */
export async function seedWorkingProfilesDemo(db: Db, { tenantId, now }: { tenantId: string; now: Date }) {
  const people = await queryRows<{ email: string; id: string }>(
    db,
    sql`select u.email, u.id from member m join "user" u on u.id = m.user_id where m.organization_id = ${tenantId}`,
  );
  const idOf = (email: string) => people.find((p) => p.email === email)?.id;
  const [admin, rep1, rep2, rep3, rep4] = [
    'admin@demo.kayoi.jp',
    'rep1@demo.kayoi.jp',
    'rep2@demo.kayoi.jp',
    'rep3@demo.kayoi.jp',
    'rep4@demo.kayoi.jp',
  ].map(idOf);
  if (!admin || !rep1 || !rep2 || !rep3 || !rep4) return;
  await db.execute(sql`update staff_profiles set working_weekdays = '{2,3,4,5,6}'::smallint[], version = version + 1
    where tenant_id = ${tenantId} and user_id = ${rep4}`);
  await db.execute(sql`update staff_profiles set max_visits_per_day = 8, version = version + 1
    where tenant_id = ${tenantId} and user_id = ${rep2}`);
  const year = tokyo(now).getUTCFullYear();
  const summer = `${isoOf(now) >= `${year}-08-17` ? year : year - 1}`;
  const absences = [
    {
      user: rep3,
      start: nextWeeks(now, 3),
      end: nextWeeks(now, 3),
      kind: 'training',
      note: '新製品研修（本社 3F 会議室）',
    },
    { user: rep4, start: nextWeeks(now, 5), end: nextWeeks(now, 5), kind: 'vacation', note: '有給休暇' },
    { user: rep1, start: `${summer}-08-13`, end: `${summer}-08-17`, kind: 'vacation', note: '夏季休暇' },
  ];
  for (const a of absences)
    await db.execute(sql`insert into rep_absences (tenant_id, id, user_id, start_date, end_date, kind, note, created_by, created_at)
      values (${tenantId}, ${randomUUID()}, ${a.user}, ${a.start}, ${a.end}, ${a.kind}, ${a.note}, ${admin},
        ${new Date(now.getTime() - 10 * DAY)})`);
}
