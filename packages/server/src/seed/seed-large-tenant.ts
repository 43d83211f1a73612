import { createHash } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/query-rows.ts';
import { osakaAreas, osakaWards } from './japanese-data.ts';
import { DEMO_PASSWORD } from './seed-demo.ts';
import { type SeedCounts, type StaffPlan, seedTenant } from './seed-tenant.ts';

export interface SeedLargeTenantOptions {
  customers: number;
  years: number;
  /** Company name; default 大阪ベンチ商事株式会社. */
  name?: string | undefined;
  /** URL-safe tenant key (e-mail domain <slug>.kayoi.jp); default from the name, 'bench' for the default name. */
  slug?: string | undefined;
  /** Customers per rep (default 75). */
  customersPerRep?: number;
  /** Reps per team, each team with one manager (default 8). */
  repsPerTeam?: number;
  seed?: number;
  now?: Date;
}

export interface LargeTenant {
  tenantId: string;
  slug: string;
  name: string;
  adminEmail: string;
  counts: SeedCounts;
}

/** An ASCII slug for a company name ("大阪ベンチ商事" becomes t-<hash>). */
const slugOf = (name: string) => {
  const ascii = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return ascii.length >= 3 ? ascii : `t-${createHash('sha1').update(name).digest('hex').slice(0, 8)}`;
};

/**
 * A large tenant for benchmarks: `customers` customers over Osaka, one rep per 75 of them,
 * teams of 8 reps with a manager each, one admin, `years` of orders. Every user shares one
 * password hash (DEMO_PASSWORD): admin@<slug>.kayoi.jp, manager1@…, rep1@….
 */
export async function seedLargeTenant(db: Db, options: SeedLargeTenantOptions): Promise<LargeTenant> {
  const name = options.name ?? '大阪ベンチ商事株式会社';
  const base = options.slug ?? (options.name ? slugOf(name) : 'bench');
  // A second run into the same database gets bench-2, bench-3, …
  const taken = new Set(
    (
      await queryRows<{ slug: string }>(
        db,
        sql`select slug from organization where slug = ${base} or slug like ${`${base}-%`}`,
      )
    ).map((r) => r.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  const repCount = Math.max(1, Math.ceil(options.customers / (options.customersPerRep ?? 75)));
  const perTeam = options.repsPerTeam ?? 8;
  const teamCount = Math.ceil(repCount / perTeam);
  const domain = `${slug}.kayoi.jp`;
  const staff: StaffPlan[] = [{ email: `admin@${domain}`, name: '管理 太郎', role: 'admin', team: null }];
  for (let t = 0; t < teamCount; t++) {
    staff.push({ email: `manager${t + 1}@${domain}`, name: `課長 ${t + 1}号`, role: 'manager', team: t });
  }
  for (let r = 0; r < repCount; r++) {
    staff.push({
      email: `rep${r + 1}@${domain}`,
      name: `営業 ${r + 1}号`,
      role: 'rep',
      team: Math.floor(r / perTeam),
      areas: [r % osakaAreas.length],
    });
  }
  const hash = await hashPassword(DEMO_PASSWORD);
  const tenantId = `tenant-${slug}`;
  const office = { address: '大阪府大阪市西区靱本町1丁目8-2', lat: 34.6846, lng: 135.4925 };
  const counts = await seedTenant(db, {
    id: tenantId,
    slug,
    name,
    settings: {
      postalCode: '550-0004',
      address: office.address,
      phone: '06-6441-0000',
      invoiceRegistrationNo: 'T1120009999999',
    },
    office,
    cityPrefix: '大阪府大阪市',
    wards: osakaWards,
    areas: osakaAreas,
    teams: Array.from({ length: teamCount }, (_, t) => `第${t + 1}営業課`),
    staff,
    customers: options.customers,
    years: options.years,
    // Ids come from the generator: each tenant needs its own seed.
    seed: options.seed ?? createHash('sha1').update(slug).digest().readUInt32LE(0),
    passwordHash: () => hash,
    phonePrefix: '06',
    now: options.now ?? new Date(),
  });
  return { tenantId, slug, name, adminEmail: `admin@${domain}`, counts };
}
