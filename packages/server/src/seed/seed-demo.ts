import { hashPassword } from 'better-auth/crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/query-rows.ts';
import { seedCatalogExtras } from './catalog-extras.ts';
import { seedCompanyProfiles } from './company-profiles.ts';
import { seedComplaintHistory } from './complaint-history.ts';
import { seedHandoverDemo } from './handover-demo.ts';
import { kyotoAreas, kyotoWards, osakaAreas, osakaWards } from './japanese-data.ts';
import { seedPeopleDemo } from './people-demo.ts';
import { seedQuoteHistory } from './quote-history.ts';
import { type SeedCounts, type StaffPlan, seedTenant, type TenantPlan } from './seed-tenant.ts';
import { seedSyncDemo } from './sync-demo.ts';
import { seedVisitHistory } from './visit-history.ts';
import { seedWebhooksDemo } from './webhooks-demo.ts';
import { seedWorkingProfilesDemo } from './working-profiles-demo.ts';

export const DEMO_PASSWORD = 'kayoi-demo-2026';

/** The fixed demo sign-ins (all with DEMO_PASSWORD), as printed by `npm start`. */
export const demoAccounts = [
  { email: 'admin@demo.kayoi.jp', name: '中村 美咲', role: 'admin', note: '営業事務（全顧客）' },
  { email: 'manager@demo.kayoi.jp', name: '山本 健一', role: 'manager', note: '第1営業課 課長' },
  { email: 'rep1@demo.kayoi.jp', name: '田中 翔太', role: 'rep', note: '第1営業課 キタ・淀川筋' },
  { email: 'rep2@demo.kayoi.jp', name: '西田 彩', role: 'rep', note: '第1営業課 都心・ベイエリア' },
  { email: 'rep3@demo.kayoi.jp', name: '岡田 大輔', role: 'rep', note: '第2営業課 上町・東部・城東' },
  { email: 'rep4@demo.kayoi.jp', name: '松本 由美', role: 'rep', note: '第2営業課 南部' },
  { email: 'kyoto-admin@demo.kayoi.jp', name: '木下 陽子', role: 'admin', note: '洛中事務機（別会社）' },
  { email: 'kyoto-manager@demo.kayoi.jp', name: '竹内 修', role: 'manager', note: '洛中事務機（別会社）' },
  { email: 'kyoto-rep@demo.kayoi.jp', name: '浅野 拓也', role: 'rep', note: '洛中事務機（別会社）' },
] as const;

const OSAKA_OFFICE = { address: '大阪府大阪市西区靱本町1丁目8-2 靱本町ビル3F', lat: 34.6846, lng: 135.4925 };
const KYOTO_OFFICE = { address: '京都府京都市中京区烏丸通御池下る虎屋町566', lat: 35.0095, lng: 135.7595 };

const staff = (
  email: string,
  team: number | null,
  areas?: number[],
  start?: StaffPlan['start'],
): StaffPlan => {
  const account = demoAccounts.find((a) => a.email === email)!;
  return {
    email,
    name: account.name,
    role: account.role,
    team,
    ...(areas ? { areas } : {}),
    ...(start ? { start } : {}),
  };
};

/** The demo plans: an Osaka distributor with ~300 customers, and a small Kyoto company for isolation. */
export function demoTenantPlans(now: Date, passwordHash: (email: string) => string): TenantPlan[] {
  return [
    {
      id: 'tenant-naniwa',
      slug: 'naniwa-office-supply',
      name: '浪速オフィスサプライ株式会社',
      settings: {
        postalCode: '550-0004',
        address: OSAKA_OFFICE.address,
        phone: '06-6441-2026',
        invoiceRegistrationNo: 'T1120001234567',
      },
      office: OSAKA_OFFICE,
      cityPrefix: '大阪府大阪市',
      wards: osakaWards,
      areas: osakaAreas,
      teams: ['第1営業課（北・西）', '第2営業課（東・南）'],
      staff: [
        staff('admin@demo.kayoi.jp', null),
        staff('manager@demo.kayoi.jp', 0),
        staff('rep1@demo.kayoi.jp', 0, [0, 1]),
        staff('rep2@demo.kayoi.jp', 0, [2, 3]),
        staff('rep3@demo.kayoi.jp', 1, [4, 5], {
          address: '大阪府大阪市城東区蒲生2丁目4-11',
          lat: 34.7015,
          lng: 135.5385,
        }),
        staff('rep4@demo.kayoi.jp', 1, [6]),
      ],
      customers: 300,
      years: 2,
      seed: 2026,
      passwordHash,
      phonePrefix: '06',
      now,
    },
    {
      id: 'tenant-rakuchu',
      slug: 'rakuchu-jimuki',
      name: '洛中事務機株式会社',
      settings: {
        postalCode: '604-8166',
        address: KYOTO_OFFICE.address,
        phone: '075-211-2026',
        invoiceRegistrationNo: 'T8130001234568',
      },
      office: KYOTO_OFFICE,
      cityPrefix: '京都府京都市',
      wards: kyotoWards,
      areas: kyotoAreas,
      teams: ['営業課'],
      staff: [
        staff('kyoto-admin@demo.kayoi.jp', null),
        staff('kyoto-manager@demo.kayoi.jp', 0),
        staff('kyoto-rep@demo.kayoi.jp', 0, [0, 1]),
      ],
      customers: 12,
      years: 2,
      seed: 7510,
      passwordHash,
      phonePrefix: '075',
      now,
    },
  ];
}

/** True when no tenant exists yet (a fresh database). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ empty: boolean }>(
    db,
    sql`select not exists (select 1 from organization) as empty`,
  );
  return row?.empty ?? true;
}

/**
 * Seeds the demo company (and the small second company) with two years of orders up to `now`.
 * Deterministic for a given `now` (but for the sealed web hook secret). Passwords are hashed by
 * better-auth's own hasher; the web hook secret is sealed under `appSecret` (BETTER_AUTH_SECRET,
 * the one the app will run with).
 *
 * @example
 * await seedDemo(database.admin, { appSecret: config.authSecret });
 */
export async function seedDemo(
  db: Db,
  { now = new Date(), appSecret }: { now?: Date; appSecret: string },
): Promise<Record<string, SeedCounts>> {
  const hashes = new Map<string, string>();
  for (const account of demoAccounts) hashes.set(account.email, await hashPassword(DEMO_PASSWORD));
  const result: Record<string, SeedCounts> = {};
  for (const plan of demoTenantPlans(now, (email) => hashes.get(email)!)) {
    result[plan.name] = await seedTenant(db, plan);
  }
  await seedVisitHistory(db, { tenantId: 'tenant-naniwa', now });
  await seedComplaintHistory(db, { tenantId: 'tenant-naniwa', now });
  await seedCatalogExtras(db, { tenantId: 'tenant-naniwa', now });
  await seedCompanyProfiles(db);
  await seedPeopleDemo(db, { tenantId: 'tenant-naniwa', now });
  await seedQuoteHistory(db, { tenantId: 'tenant-naniwa', now });
  await seedSyncDemo(db, { tenantId: 'tenant-naniwa', now });
  await seedWorkingProfilesDemo(db, { tenantId: 'tenant-naniwa', now });
  await seedHandoverDemo(db, { tenantId: 'tenant-naniwa', now });
  await seedWebhooksDemo(db, { tenantId: 'tenant-naniwa', now, appSecret });
  return result;
}

/** The demo sign-ins as lines for the console. */
export function formatDemoAccounts(): string {
  const width = Math.max(...demoAccounts.map((a) => a.email.length));
  return [
    `Demo sign-ins (password: ${DEMO_PASSWORD})`,
    ...demoAccounts.map((a) => `  ${a.email.padEnd(width)}  ${a.role.padEnd(7)}  ${a.name}  ${a.note}`),
  ].join('\n');
}
