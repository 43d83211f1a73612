import { sql } from 'drizzle-orm';
import { rebuildKpiSummaries } from '../domains/kpis/rebuild-kpi-summaries.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/query-rows.ts';
import type { KayoiRole } from '../platform/db/schema/auth.ts';
import { drawCompanions } from './companions.ts';
import { auditColumns, customerHistoryRows } from './customer-history.ts';
import {
  businessKinds,
  cautionNotes,
  clinicTitles,
  companyStems,
  contactTitles,
  familyNames,
  givenNames,
  memoNotes,
  preferenceNotes,
  proprietorKinds,
  type Ward,
} from './japanese-data.ts';
import { type CatalogProduct, type ProductGroup, productCatalog } from './product-catalog.ts';
import { createRandom, type Random } from './random.ts';
import { BatchInsert, pgliteClientOf, type SqlValue } from './sql-batch.ts';

export interface StaffPlan {
  email: string;
  name: string;
  role: KayoiRole;
  /** Index into `teams`, or null. */
  team: number | null;
  /** Reps: indexes into `areas` they cover. */
  areas?: readonly number[];
  /** Where the working day starts (default: the office). */
  start?: { address: string; lat: number; lng: number };
}

export interface TenantPlan {
  id: string;
  slug: string;
  name: string;
  settings: { postalCode: string; address: string; phone: string; invoiceRegistrationNo: string };
  office: { address: string; lat: number; lng: number };
  wards: readonly Ward[];
  areas: readonly { name: string; wards: readonly string[] }[];
  teams: readonly string[];
  staff: readonly StaffPlan[];
  customers: number;
  /** Years of order history up to `now`. */
  years: number;
  seed: number;
  /** better-auth password hash per staff e-mail (or one hash for everyone). */
  passwordHash: (email: string) => string;
  /** Written before the ward in addresses, e.g. '大阪府大阪市'. */
  cityPrefix: string;
  /** Area phone prefix, e.g. '06' or '075'. */
  phonePrefix: string;
  now: Date;
}

export interface SeedCounts {
  users: number;
  customers: number;
  contacts: number;
  orders: number;
  orderLines: number;
  products: number;
  /** Time spent rebuilding keys and indexes after a bulk PGlite load (0 otherwise). */
  rebuildMs: number;
}

const DAY = 86_400_000;
const JST = 9 * 3_600_000;

/** Month (1-12) → demand factor: fiscal-year-end March and half-year September peak, August and New Year dip. */
const seasonality = [0, 0.75, 1.0, 1.4, 1.1, 0.95, 1.0, 0.95, 0.7, 1.25, 1.0, 1.0, 0.9];

type Trajectory = 'stable' | 'growing' | 'declining' | 'churned' | 'dormant';

/**
 * The closed days a typical Osaka distributor keeps from this year on: お盆 (8/13–8/16) and
 * 年末年始 (12/29–1/3), this year's and next year's (dates in Asia/Tokyo).
 */
export function demoClosedDays(now: Date): { date: string; label: string }[] {
  const year = new Date(now.getTime() + JST).getUTCFullYear();
  const days: { date: string; label: string }[] = [];
  const span = (label: string, first: Date, count: number) => {
    for (let i = 0; i < count; i++) {
      days.push({ date: new Date(first.getTime() + i * DAY).toISOString().slice(0, 10), label });
    }
  };
  for (const y of [year, year + 1]) {
    span('お盆', new Date(Date.UTC(y, 7, 13)), 4);
    span('年末年始', new Date(Date.UTC(y, 11, 29)), 6);
  }
  return days;
}

const bulkTables = ['customers', 'customer_contacts', 'orders', 'order_lines'];

/**
 * Drops the bulk tables' plain indexes and the primary/unique keys no foreign key depends on,
 * and returns the statements that rebuild them. Building an index once from the loaded rows is
 * far cheaper than maintaining it for each random-UUID row. Foreign keys stay (their triggers
 * are off for the load), so nothing has to be re-validated.
 */
async function dropBulkIndexes(tx: Tx): Promise<string[]> {
  const keys = await queryRows<{ tbl: string; name: string; definition: string }>(
    tx,
    sql`select k.conrelid::regclass::text as tbl, k.conname as name, pg_get_constraintdef(k.oid) as definition
        from pg_constraint k
        where k.contype in ('p', 'u') and k.conrelid::regclass::text in ${bulkTables}
        and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = k.conindid)`,
  );
  const indexes = await queryRows<{ name: string; definition: string }>(
    tx,
    sql`select i.indexname as name, i.indexdef as definition from pg_indexes i
        where i.schemaname = 'public' and i.tablename in ${bulkTables}
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  );
  for (const key of keys) await tx.execute(sql.raw(`alter table ${key.tbl} drop constraint "${key.name}"`));
  for (const index of indexes) await tx.execute(sql.raw(`drop index "${index.name}"`));
  return [
    ...keys.map((k) => `alter table ${k.tbl} add constraint "${k.name}" ${k.definition}`),
    ...indexes.map((i) => i.definition),
  ];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}`;

/** The JST calendar date of an instant, as a Date at JST midnight (expressed in UTC). */
const jstMidnight = (t: number) => Math.floor((t + JST) / DAY) * DAY - JST;

/**
 * Writes one whole tenant — organization, settings, teams, areas, staff (users, password
 * accounts, memberships, working profiles), products, customers with contacts, and order
 * history — with multi-row INSERTs inside one transaction scoped to the tenant (so it also
 * works when the database user is subject to the forced row-level security).
 */
export async function seedTenant(db: Db, plan: TenantPlan): Promise<SeedCounts> {
  const random = createRandom(plan.seed);
  const counts = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${plan.id}, true),
      set_config('app.role', 'admin', true)`);
    // Per-row foreign-key triggers cost more than the inserts themselves. The generator writes
    // consistent rows (the seed tests check them), so a superuser skips the triggers here.
    const [role] = await queryRows<{ superuser: boolean }>(
      tx,
      sql`select rolsuper as superuser from pg_roles where rolname = current_user`,
    );
    if (role?.superuser) await tx.execute(sql`set local session_replication_role = replica`);
    // On embedded PGlite (one process, folder locked) a large load drops the bulk tables' indexes
    // and rebuilds them once afterwards, with enough memory to sort in one pass.
    const bulk = Boolean(pgliteClientOf(tx)) && plan.customers >= 1000;
    if (bulk) {
      await tx.execute(sql`select set_config('maintenance_work_mem', '256MB', true),
        set_config('work_mem', '128MB', true)`);
    }
    const rebuild = bulk ? await dropBulkIndexes(tx) : [];
    const counts = await writeTenant(tx, plan, random);
    const started = performance.now();
    for (const definition of rebuild) await tx.execute(sql.raw(definition));
    // Without triggers the dashboard's summaries saw none of it: computed once from the rows.
    if (role?.superuser) await rebuildKpiSummaries(tx, plan.id);
    return { ...counts, rebuildMs: rebuild.length ? Math.round(performance.now() - started) : 0 };
  });
  // PGlite runs no autovacuum: without fresh statistics the planner sorts whole tables for a
  // first page (an admin's customer list took 0.3-1.1 s instead of 40-90 ms on 20,000 customers).
  await db.execute(sql`analyze`);
  return counts;
}

async function writeTenant(tx: Tx, plan: TenantPlan, random: Random): Promise<Omit<SeedCounts, 'rebuildMs'>> {
  const { id: tenantId, now } = plan;
  const nowMs = now.getTime();
  const ins = (table: string, columns: string[], before: BatchInsert[] = []) =>
    new BatchInsert(tx, table, columns, before);

  await tx.execute(sql`insert into organization (id, name, slug, created_at)
    values (${tenantId}, ${plan.name}, ${plan.slug}, ${new Date(nowMs - plan.years * 365 * DAY)})`);
  await tx.execute(sql`insert into tenant_settings
    (tenant_id, timezone, company_name, invoice_registration_no, postal_code, address, phone)
    values (${tenantId}, 'Asia/Tokyo', ${plan.name}, ${plan.settings.invoiceRegistrationNo},
      ${plan.settings.postalCode}, ${plan.settings.address}, ${plan.settings.phone})`);
  const closedDays = ins('tenant_closed_days', ['tenant_id', 'date', 'label']);
  for (const day of demoClosedDays(now)) await closedDays.add([tenantId, day.date, day.label]);
  await closedDays.flush();

  const teamIds = plan.teams.map(() => random.uuid());
  const teams = ins('teams', ['tenant_id', 'id', 'name']);
  for (const [i, name] of plan.teams.entries()) await teams.add([tenantId, teamIds[i]!, name]);
  await teams.flush();

  const areaIds = plan.areas.map(() => random.uuid());
  const areas = ins('areas', ['tenant_id', 'id', 'name', 'sort_order']);
  for (const [i, area] of plan.areas.entries()) await areas.add([tenantId, areaIds[i]!, area.name, i + 1]);
  await areas.flush();

  // Staff.
  const users = ins('user', ['id', 'name', 'email', 'email_verified']);
  const accounts = ins('account', ['id', 'account_id', 'provider_id', 'user_id', 'password'], [users]);
  const members = ins('member', ['id', 'organization_id', 'user_id', 'role'], [users]);
  const profiles = ins(
    'staff_profiles',
    [
      'tenant_id',
      'user_id',
      'team_id',
      'display_name',
      'phone',
      'start_address',
      'start_lat',
      'start_lng',
      'end_address',
      'end_lat',
      'end_lng',
      'working_weekdays',
      'work_start_minute',
      'work_end_minute',
      'lunch_start_minute',
      'lunch_end_minute',
      'lunch_duration_minutes',
    ],
    [users],
  );
  const repsByArea = new Map<number, string[]>();
  const staffIds: string[] = [];
  for (const staff of plan.staff) {
    const userId = random.uuid();
    staffIds.push(userId);
    await users.add([userId, staff.name, staff.email, true]);
    await accounts.add([random.uuid(), userId, 'credential', userId, plan.passwordHash(staff.email)]);
    await members.add([random.uuid(), tenantId, userId, staff.role]);
    const start = staff.start ?? plan.office;
    await profiles.add([
      tenantId,
      userId,
      staff.team === null ? null : teamIds[staff.team]!,
      staff.name,
      `090-${pad(random.int(1000, 9999), 4)}-${pad(random.int(0, 9999), 4)}`,
      start.address,
      start.lat,
      start.lng,
      plan.office.address,
      plan.office.lat,
      plan.office.lng,
      [1, 2, 3, 4, 5],
      540,
      1080,
      690,
      810,
      45,
    ]);
    for (const area of staff.areas ?? []) repsByArea.set(area, [...(repsByArea.get(area) ?? []), userId]);
  }
  await profiles.flush();
  await accounts.flush();
  await members.flush();

  // Who appears in the カルテ histories: the admin entered the book; reps and managers edit it.
  const adminId = staffIds[plan.staff.findIndex((s) => s.role === 'admin')] ?? staffIds[0]!;
  const teamOf = new Map(plan.staff.map((s, i) => [staffIds[i]!, s.team]));
  const managerOfTeam = new Map(
    plan.staff.flatMap((s, i) =>
      s.role === 'manager' && s.team !== null ? [[s.team, staffIds[i]!] as const] : [],
    ),
  );
  // Each team's manager, and each area's definition (its wards as 大阪府大阪市〇〇区, so 淀川区 does not
  // also take 東淀川区): what チーム・エリア shows and what 適用 would assign.
  for (const [team, managerId] of managerOfTeam)
    await tx.execute(sql`update teams set manager_user_id = ${managerId}
      where tenant_id = ${tenantId} and id = ${teamIds[team]!}`);
  for (const [i, area] of plan.areas.entries()) {
    const definition = {
      municipalities: area.wards.map((w) => `${plan.cityPrefix}${w}`),
      postcodePrefixes: [],
    };
    await tx.execute(sql`update areas set definition = ${JSON.stringify(definition)}::jsonb
      where tenant_id = ${tenantId} and id = ${areaIds[i]!}`);
  }
  const historyStaff = {
    adminId,
    managerOf: (repId: string | null) => managerOfTeam.get(teamOf.get(repId ?? '') ?? -1) ?? null,
  };
  const historyRandom = createRandom(plan.seed + 7919);
  const history = ins('audit_events', auditColumns);

  // Products.
  const products = ins('products', [
    'tenant_id',
    'id',
    'code',
    'name',
    'category',
    'unit',
    'unit_price',
    'tax_category',
  ]);
  const productIds = new Map<string, string>();
  for (const product of productCatalog) {
    const id = random.uuid();
    productIds.set(product.code, id);
    await products.add([
      tenantId,
      id,
      product.code,
      product.name,
      product.category,
      product.unit,
      product.unitPrice,
      product.taxCategory,
    ]);
  }
  await products.flush();
  const byGroup = new Map<ProductGroup, CatalogProduct[]>();
  for (const product of productCatalog)
    byGroup.set(product.group, [...(byGroup.get(product.group) ?? []), product]);
  const byCode = new Map(productCatalog.map((product) => [product.code, product]));

  // Customers, contacts, orders.
  const customers = ins('customers', [
    'tenant_id',
    'id',
    'code',
    'name',
    'name_kana',
    'honorific',
    'postal_code',
    'address',
    'lat',
    'lng',
    'phone',
    'rep_id',
    'area_id',
    'rank',
    'status',
    'cadence_days',
    'cadence_tolerance_days',
    'preferred_weekdays',
    'time_windows',
    'visit_duration_minutes',
    'preferences',
    'cautions',
    'notes',
    'last_order_at',
    'last_visit_at',
    'created_at',
    'updated_at',
  ]);
  const contacts = ins(
    'customer_contacts',
    [
      'tenant_id',
      'id',
      'customer_id',
      'name',
      'name_kana',
      'title',
      'phone',
      'email',
      'is_primary',
      'sort_order',
    ],
    [customers],
  );
  const orders = ins(
    'orders',
    [
      'tenant_id',
      'id',
      'order_no',
      'customer_id',
      'rep_id',
      'ordered_at',
      'status',
      'subtotal_standard',
      'subtotal_reduced',
      'tax_standard',
      'tax_reduced',
      'total',
      'created_at',
    ],
    [customers],
  );
  const lines = ins(
    'order_lines',
    [
      'tenant_id',
      'order_id',
      'line_no',
      'product_id',
      'product_code',
      'product_name',
      'unit',
      'quantity',
      'unit_price',
      'tax_rate',
      'amount',
    ],
    [orders],
  );

  const historyStart = nowMs - plan.years * 365 * DAY;
  const wardByName = new Map(plan.wards.map((w) => [w.name, w]));
  const wardAreas = plan.areas.flatMap((area, index) =>
    area.wards.map((name) => [wardByName.get(name)!, index] as const),
  );
  const usedNames = new Set<string>();
  let orderSeq = 0;

  for (let n = 1; n <= plan.customers; n++) {
    // Uniform over wards, so an area of six wards gets twice the customers of one of three.
    const [ward, areaIndex] = random.pick(wardAreas);
    const reps = repsByArea.get(areaIndex) ?? [];
    const repId = reps.length ? random.pick(reps) : null;

    // Name: companies mostly (御中), some proprietors and clinics (様).
    let name = '';
    let kana = '';
    let honorific: 'onchu' | 'sama' = 'onchu';
    let kind = '';
    for (let attempt = 0; attempt < 20; attempt++) {
      if (random.chance(0.14)) {
        const [family, familyKana] = random.pick(familyNames);
        const [pattern, kanaPattern] = random.pick(proprietorKinds);
        name = pattern.replace('{f}', family);
        kana = kanaPattern.replace('{k}', familyKana);
        honorific = 'sama';
        kind =
          pattern.includes('歯科') || pattern.includes('クリニック') || pattern.includes('整骨')
            ? 'clinic'
            : 'office';
      } else {
        const [stem, stemKana] = random.pick(companyStems);
        const [suffix, suffixKana] = random.weighted(
          businessKinds.map((k) => [[k[0], k[1]] as const, k[2]] as const),
        );
        const legal = random.weighted([
          ['株式会社', 75],
          ['有限会社', 15],
          ['合同会社', 4],
          ['', 6],
        ] as const);
        const before = random.chance(0.7);
        const core = `${stem}${suffix}`;
        name = legal === '' ? core : before ? `${legal}${core}` : `${core}${legal}`;
        kana = `${stemKana}${suffixKana}`;
        honorific = 'onchu';
        kind = suffix === '工業' || suffix === '製作所' || suffix === '精工' ? 'factory' : 'office';
      }
      if (!usedNames.has(name)) break;
      const branch = random.pick(['本社', '大阪支店', '梅田営業所', '南大阪営業所', '第二工場']);
      name = `${name} ${branch}`;
      if (!usedNames.has(name)) break;
    }
    usedNames.add(name);

    const rank = random.weighted([
      ['A', 15],
      ['B', 45],
      ['C', 40],
    ] as const);
    const cadence =
      rank === 'A'
        ? random.pick([7, 10, 14, 14])
        : rank === 'B'
          ? random.pick([14, 21, 28, 28])
          : random.pick([28, 35, 42, 56]);
    const tolerance = Math.max(1, Math.round(cadence * random.pick([0.15, 0.2, 0.25])));
    const preferredWeekdays = random.chance(0.3)
      ? random.sample([1, 2, 3, 4, 5], random.int(1, 2)).sort()
      : kind === 'clinic'
        ? [1, 2, 3, 5]
        : [];
    const timeWindows =
      kind === 'clinic'
        ? [
            { start: '09:00', end: '12:30' },
            { start: '14:00', end: '16:00' },
          ]
        : kind === 'factory'
          ? [
              { start: '08:30', end: '12:00' },
              { start: '13:00', end: '17:00' },
            ]
          : random.weighted([
              [
                [
                  { start: '09:00', end: '12:00' },
                  { start: '13:00', end: '17:30' },
                ],
                55,
              ],
              [[{ start: '09:30', end: '17:00' }], 20],
              [
                [
                  { start: '10:00', end: '12:00' },
                  { start: '13:00', end: '16:00' },
                ],
                15,
              ],
              [[{ start: hhmm(9 * 60 + 30), end: '11:30' }], 10],
            ] as const);
    const duration =
      rank === 'A'
        ? random.pick([30, 40, 45, 60])
        : rank === 'B'
          ? random.pick([20, 25, 30, 45])
          : random.pick([15, 20, 25, 30]);

    const trajectory = random.weighted<Trajectory>([
      ['stable', 50],
      ['growing', 18],
      ['declining', 16],
      ['churned', 8],
      ['dormant', 8],
    ]);
    const isNew = trajectory === 'growing' ? random.chance(0.5) : random.chance(0.08);
    const startMs = isNew
      ? historyStart + random.next() * (nowMs - historyStart) * 0.7
      : historyStart - random.int(0, 60) * DAY;
    const stopMs =
      trajectory === 'churned'
        ? nowMs - random.int(190, 500) * DAY
        : trajectory === 'dormant'
          ? nowMs - random.int(95, 175) * DAY
          : nowMs;
    const status = trajectory === 'churned' ? 'churned' : trajectory === 'dormant' ? 'dormant' : 'active';
    const size = rank === 'A' ? 2.5 : rank === 'B' ? 1.2 : 0.6;
    const orderChance = rank === 'A' ? 0.85 : rank === 'B' ? 0.7 : 0.55;

    // What this customer usually buys.
    const groups: ProductGroup[] = [];
    if (random.chance(0.9)) groups.push('paper');
    if (random.chance(0.7)) groups.push('toner');
    if (random.chance(0.8)) groups.push('stationery');
    if (random.chance(kind === 'clinic' ? 0.9 : 0.5)) groups.push('supplies');
    if (random.chance(0.45)) groups.push('coffee');
    if (random.chance(0.35)) groups.push('water');
    if (groups.length === 0) groups.push('paper');
    const usual = groups.flatMap((g) =>
      random.sample(byGroup.get(g)!, g === 'paper' || g === 'water' ? 1 : random.int(1, 3)),
    );
    // Each usual product has its own rhythm (reordered about every `rhythm` visits), drawn from a
    // generator of its own so the rest of the demo stays what it was.
    const rhythmRandom = createRandom(plan.seed * 31 + n);
    const rhythm = new Map(usual.map((p) => [p.code, rhythmRandom.pick([1, 1, 2, 2, 3, 4, 6])]));
    const visitsSince = new Map(usual.map((p) => [p.code, rhythmRandom.int(0, 3)]));
    const companionRandom = createRandom(plan.seed * 37 + n);
    const companions = drawCompanions({
      random: companionRandom,
      usual,
      kind,
      startMs: Math.max(startMs, historyStart),
      nowMs,
      byCode,
    });
    const companionOrdered = new Set<string>();

    const customerId = random.uuid();
    const code = `C${pad(n, 5)}`;
    let lastOrderAt: number | null = null;
    let lastVisitAt: number | null = null;
    // Orders reference the customer: buffer them until the customer row is queued.
    const pendingOrders: SqlValue[][] = [];
    const pendingLines: SqlValue[][] = [];

    // Visits every cadence ± tolerance on a weekday; most visits produce an order.
    for (
      let t = Math.max(startMs, historyStart) + random.int(0, cadence) * DAY;
      t < Math.min(stopMs, nowMs);
    ) {
      const day = jstMidnight(t);
      const weekday = new Date(day + JST).getUTCDay();
      const visitDay = weekday === 6 ? day + 2 * DAY : weekday === 0 ? day + DAY : day;
      const visitAt = visitDay + random.int(9 * 60, 17 * 60) * 60_000;
      if (visitAt >= nowMs) break;
      lastVisitAt = visitAt;
      const month = new Date(visitDay + JST).getUTCMonth() + 1;
      const progress = (visitAt - historyStart) / (nowMs - historyStart);
      const trend =
        trajectory === 'growing'
          ? 0.6 + 0.9 * progress
          : trajectory === 'declining'
            ? 1.4 - 0.9 * progress
            : 1;
      const season = seasonality[month]!;
      const newYearDip = month === 1 && new Date(visitDay + JST).getUTCDate() <= 7 ? 0.3 : 1;
      if (random.chance(Math.min(0.97, orderChance * season * newYearDip * Math.min(1.2, trend)))) {
        orderSeq++;
        const orderId = random.uuid();
        // As many lines as drawn, the products most due by their rhythm first.
        const drawn = random.sample(usual, Math.min(usual.length, random.int(1, 4)));
        const due = (p: CatalogProduct) => (visitsSince.get(p.code)! + 1) / rhythm.get(p.code)!;
        const picked = [...drawn, ...usual.filter((p) => !drawn.includes(p))]
          .sort((a, b) => due(b) - due(a))
          .slice(0, drawn.length);
        for (const p of picked) visitsSince.set(p.code, -1);
        const orderLines: (readonly [CatalogProduct, number])[] = [];
        for (const product of picked) {
          const qty = Math.max(
            1,
            Math.round(product.typicalQuantity * size * trend * season * (0.6 + random.next() * 0.8)),
          );
          orderLines.push([product, qty]);
        }
        // Companions adopted by now: in the first order after, then about one in `every`.
        for (const { product, adoptedAt, every } of companions) {
          if (adoptedAt > visitAt) continue;
          const take = !companionOrdered.has(product.code) || companionRandom.chance(1 / every);
          const qty = Math.max(
            1,
            Math.round(product.typicalQuantity * size * season * (0.6 + companionRandom.next() * 0.8)),
          );
          if (!take) continue;
          companionOrdered.add(product.code);
          orderLines.push([product, qty]);
        }
        let subtotalStandard = 0;
        let subtotalReduced = 0;
        for (const [product, qty] of orderLines) {
          if (product.taxCategory === 'reduced') subtotalReduced += qty * product.unitPrice;
          else subtotalStandard += qty * product.unitPrice;
        }
        const taxStandard = Math.floor(subtotalStandard / 10);
        const taxReduced = Math.floor((subtotalReduced * 8) / 100);
        const cancelled = random.chance(0.01);
        const orderStatus = cancelled ? 'cancelled' : nowMs - visitAt > 3 * DAY ? 'delivered' : 'ordered';
        const monthTag = new Date(visitAt + JST).toISOString().slice(2, 7).replace('-', '');
        pendingOrders.push([
          tenantId,
          orderId,
          `${monthTag}-${pad(orderSeq, 7)}`,
          customerId,
          repId,
          new Date(visitAt),
          orderStatus,
          subtotalStandard,
          subtotalReduced,
          taxStandard,
          taxReduced,
          subtotalStandard + subtotalReduced + taxStandard + taxReduced,
          new Date(visitAt),
        ]);
        for (const [i, [product, qty]] of orderLines.entries()) {
          pendingLines.push([
            tenantId,
            orderId,
            i + 1,
            productIds.get(product.code)!,
            product.code,
            product.name,
            product.unit,
            qty,
            product.unitPrice,
            product.taxCategory === 'reduced' ? 8 : 10,
            qty * product.unitPrice,
          ]);
        }
        if (!cancelled) lastOrderAt = visitAt;
      }
      for (const [code, since] of visitsSince) visitsSince.set(code, since + 1);
      t = visitDay + (cadence + random.int(-tolerance, tolerance)) * DAY;
    }

    const town = random.pick(ward.towns);
    const building = random.chance(0.6)
      ? ` ${random.pick(['第一', '第二', '新', '', ''])}${random.pick(companyStems)[0]}ビル${random.int(1, 9)}F`
      : '';
    const address = `${plan.cityPrefix}${ward.name}${town}${
      town.includes('通') ? '' : `${random.int(1, 4)}丁目`
    }${random.int(1, 25)}-${random.int(1, 30)}${building}`;
    const phone = `${plan.phonePrefix}-${plan.phonePrefix.length === 2 ? pad(random.int(6100, 6999), 4) : pad(random.int(200, 999), 3)}-${pad(random.int(0, 9999), 4)}`;
    const createdAt = new Date(Math.min(startMs, nowMs - DAY));
    // Drawn in the order the row lists them, so the demo data stays what it was.
    const postalCode = `${ward.postalPrefix}-${pad(random.int(1, 99), 4)}`;
    const lat = Math.round((ward.lat + (random.next() - 0.5) * 0.016) * 1e6) / 1e6;
    const lng = Math.round((ward.lng + (random.next() - 0.5) * 0.018) * 1e6) / 1e6;
    const preferences = random.pick(preferenceNotes);
    const cautions = random.pick(cautionNotes);
    const notes = random.pick(memoNotes);
    await customers.add([
      tenantId,
      customerId,
      code,
      name,
      kana,
      honorific,
      postalCode,
      address,
      lat,
      lng,
      phone,
      repId,
      areaIds[areaIndex]!,
      rank,
      status,
      cadence,
      tolerance,
      preferredWeekdays,
      timeWindows,
      duration,
      preferences,
      cautions,
      notes,
      lastOrderAt === null ? null : new Date(lastOrderAt),
      lastVisitAt === null ? null : new Date(lastVisitAt),
      createdAt,
      new Date(Math.max(createdAt.getTime(), lastVisitAt ?? 0)),
    ]);
    const seeded = {
      id: customerId,
      code,
      fields: {
        name,
        nameKana: kana,
        honorific,
        postalCode,
        address,
        phone,
        lat,
        lng,
        repId,
        areaId: areaIds[areaIndex]!,
        rank,
        status,
        cadenceDays: cadence,
        cadenceToleranceDays: tolerance,
        preferredWeekdays,
        timeWindows,
        visitDurationMinutes: duration,
        preferences,
        cautions,
        notes,
      },
      createdAt: createdAt.getTime(),
      stoppedAt: status === 'active' ? null : stopMs,
    };
    for (const row of customerHistoryRows({
      tenantId,
      customer: seeded,
      staff: historyStaff,
      random: historyRandom,
      now: nowMs,
    }))
      await history.add(row);

    for (const row of pendingOrders) await orders.add(row);
    for (const row of pendingLines) await lines.add(row);

    const contactCount = random.weighted([
      [1, 50],
      [2, 35],
      [3, 15],
    ] as const);
    const titles = random.sample(kind === 'clinic' ? clinicTitles : contactTitles, contactCount);
    const mailbox = ['soumu', 'keiri', 'info', 'office', 'jimu'];
    for (let i = 0; i < contactCount; i++) {
      const [family, familyKana] = random.pick(familyNames);
      const [given, givenKana] = random.pick(givenNames);
      await contacts.add([
        tenantId,
        random.uuid(),
        customerId,
        `${family} ${given}`,
        `${familyKana} ${givenKana}`,
        titles[i] ?? '',
        i === 0 ? phone : `090-${pad(random.int(1000, 9999), 4)}-${pad(random.int(0, 9999), 4)}`,
        random.chance(0.7) ? `${mailbox[i % mailbox.length]}@${code.toLowerCase()}.example.jp` : '',
        i === 0,
        i,
      ]);
    }
  }
  await lines.flush();
  await contacts.flush();
  await history.flush();

  return {
    users: users.count,
    customers: customers.count,
    contacts: contacts.count,
    orders: orders.count,
    orderLines: lines.count,
    products: products.count,
  };
}
