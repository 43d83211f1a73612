import { and, asc, desc, eq, ilike, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { areas, staffProfiles } from '../../platform/db/schema/index.ts';
import type { CustomerStatus, Rank } from './customer-fields.ts';
import { customerScope } from './customer-scope.ts';
import { customerSorts, type positionFilters } from './customer-values.ts';
import { digitsOnly, escapeLike, hiraganaToKatakana, normalizeInput } from './japanese-text.ts';
import { customers } from './tables.ts';

export { customerSorts };
export type CustomerSort = (typeof customerSorts)[number];

/** The list filters, shared by the list and the CSV export. */
export interface CustomerListFilters {
  q?: string | undefined;
  repId?: string | undefined;
  areaId?: string | undefined;
  /** Customers whose rep is in this team. */
  teamId?: string | undefined;
  rank?: Rank | undefined;
  status?: CustomerStatus | undefined;
  includeArchived?: boolean | undefined;
  /** missing: no coordinates (the planner skips them); approximate: only the municipality was found. */
  position?: (typeof positionFilters)[number] | undefined;
}

/** The most words one search combines (the rest are ignored). */
const MAX_SEARCH_WORDS = 8;

/**
 * Search matches the name, the furigana (hiragana typed is read as katakana), the address, the
 * code, and, when the query looks like a phone number, the phone's digits (06-6123 finds
 * 0661234567 and the other way round). Full-width input is folded first (NFKC). Several words
 * ("オカモト セイコウ", "北区 歯科") must each match one of these.
 */
function searchCondition(raw: string): SQL | undefined {
  const q = normalizeInput(raw);
  if (q === '') return undefined;
  if (isPhoneLike(q)) return wordCondition(q, raw.trim());
  const typedWords = raw.trim().split(/[\s\u3000]+/);
  const words = q.split(/\s+/).slice(0, MAX_SEARCH_WORDS);
  if (words.length === 1) return wordCondition(q, raw.trim());
  return and(...words.map((word, i) => wordCondition(word, typedWords[i] ?? word)));
}

const isPhoneLike = (q: string) => digitsOnly(q).length >= 2 && /^[\d\s()+-]+$/.test(q);

/** One search word (normalised, and as typed) against every searched column. */
function wordCondition(q: string, typed: string): SQL | undefined {
  const pattern = `%${escapeLike(q)}%`;
  const kanaLike = `%${escapeLike(hiraganaToKatakana(q))}%`;
  const conditions: SQL[] = [
    ilike(customers.name, pattern),
    // Stored names keep full-width letters as typed: match the query as typed too.
    ...(typed !== q
      ? [ilike(customers.name, `%${escapeLike(typed)}%`), ilike(customers.address, `%${escapeLike(typed)}%`)]
      : []),
    // Katakana has no case: plain LIKE is cheaper than ILIKE.
    like(customers.nameKana, kanaLike),
    ilike(customers.address, pattern),
    ilike(customers.code, pattern),
  ];
  if (isPhoneLike(q)) {
    // translate() strips the usual separators at a fraction of regexp_replace's cost.
    conditions.push(sql`translate(${customers.phone}, '-()+ ', '') like ${`%${digitsOnly(q)}%`}`);
  }
  return or(...conditions);
}

/** Scope (tenant + role) and filters as one WHERE condition. */
export function customerListCondition(actor: Actor, filters: CustomerListFilters): SQL {
  const conditions: (SQL | undefined)[] = [customerScope(actor)];
  if (filters.q) conditions.push(searchCondition(filters.q));
  if (filters.repId) conditions.push(eq(customers.repId, filters.repId));
  if (filters.areaId) conditions.push(eq(customers.areaId, filters.areaId));
  if (filters.teamId)
    conditions.push(
      sql`${customers.repId} in (select ${staffProfiles.userId} from ${staffProfiles}
        where ${staffProfiles.tenantId} = ${customers.tenantId} and ${staffProfiles.teamId} = ${filters.teamId})`,
    );
  if (filters.rank) conditions.push(eq(customers.rank, filters.rank));
  if (filters.status) conditions.push(eq(customers.status, filters.status));
  if (!filters.includeArchived) conditions.push(isNull(customers.archivedAt));
  if (filters.position) conditions.push(positionCondition(filters.position));
  return and(...conditions) as SQL;
}

/** Customers without a usable position (same condition as the customers_no_position_idx index). */
export const noPositionCondition = sql`(${customers.lat} is null or ${customers.lng} is null or ${customers.geoPrecision} = 'city')`;

function positionCondition(position: (typeof positionFilters)[number]): SQL {
  return position === 'missing'
    ? sql`(${customers.lat} is null or ${customers.lng} is null)`
    : sql`(${customers.lat} is not null and ${customers.lng} is not null and ${customers.geoPrecision} = 'city')`;
}

interface SortKey {
  expr: SQL;
  /** How the cursor's text value is cast back for comparison. */
  type: 'text' | 'timestamptz';
}

const kana: SortKey = { expr: sql`${customers.nameKana}`, type: 'text' };
const name: SortKey = { expr: sql`${customers.name}`, type: 'text' };
const id: SortKey = { expr: sql`${customers.id}`, type: 'text' };
/** Nulls become -infinity so they sort first ascending (never ordered, overdue) and keys stay comparable. */
const lastOrder: SortKey = {
  expr: sql`coalesce(${customers.lastOrderAt}, '-infinity'::timestamptz)`,
  type: 'timestamptz',
};
const nextVisitDue: SortKey = {
  expr: sql`coalesce(${customers.lastVisitAt} + ${customers.cadenceDays} * interval '1 day', '-infinity'::timestamptz)`,
  type: 'timestamptz',
};

/**
 * Each sort is a key tuple in one direction, ending in the id so ties are stable. "name" sorts
 * in furigana order (あいうえお順), which is what Japanese users expect, then by name.
 */
export const sortPlans: Record<CustomerSort, { keys: SortKey[]; direction: 'asc' | 'desc' }> = {
  name: { keys: [kana, name, id], direction: 'asc' },
  '-name': { keys: [kana, name, id], direction: 'desc' },
  rank: { keys: [{ expr: sql`${customers.rank}`, type: 'text' }, kana, name, id], direction: 'asc' },
  lastOrderAt: { keys: [lastOrder, id], direction: 'asc' },
  '-lastOrderAt': { keys: [lastOrder, id], direction: 'desc' },
  nextVisitDue: { keys: [nextVisitDue, id], direction: 'asc' },
};

export function orderBy(sort: CustomerSort): SQL[] {
  const plan = sortPlans[sort];
  return plan.keys.map((k) => (plan.direction === 'asc' ? asc(k.expr) : desc(k.expr)));
}

/** The sort key values of a row, as text, for the cursor. */
export function sortKeyColumns(sort: CustomerSort): Record<string, SQL<string>> {
  return Object.fromEntries(sortPlans[sort].keys.map((k, i) => [`k${i}`, sql<string>`(${k.expr})::text`]));
}

/**
 * Rows strictly after the cursor in the sort order. Written as `k0 >= v0 AND (k0 > v0 OR (k0 = v0
 * AND k1 > v1) OR …)` rather than a row comparison: under RLS only leakproof operators may run
 * before the policy, and text/timestamptz comparisons are leakproof while record comparison is
 * not, so this form lets the leading key bound the index scan.
 */
export function afterCursor(sort: CustomerSort, values: readonly string[]): SQL {
  const plan = sortPlans[sort];
  const after = plan.direction === 'asc' ? sql.raw('>') : sql.raw('<');
  const atLeast = plan.direction === 'asc' ? sql.raw('>=') : sql.raw('<=');
  const value = (i: number) => {
    const key = plan.keys[i] as SortKey;
    return key.type === 'text' ? sql`${values[i]}::text` : sql`${values[i]}::timestamptz`;
  };
  const expr = (i: number) => sql`(${(plan.keys[i] as SortKey).expr})`;
  const branches = plan.keys.map((_, i) => {
    const equal = plan.keys.slice(0, i).map((__, j) => sql`${expr(j)} = ${value(j)}`);
    return sql.join([...equal, sql`${expr(i)} ${after} ${value(i)}`], sql` and `);
  });
  return sql`(${expr(0)} ${atLeast} ${value(0)} and ((${sql.join(branches, sql`) or (`)})))`;
}

/** The columns of a CustomerSummary, with the rep's display name and the area's name. */
export const summaryColumns = {
  id: customers.id,
  code: customers.code,
  name: customers.name,
  nameKana: customers.nameKana,
  honorific: customers.honorific,
  address: customers.address,
  phone: customers.phone,
  rank: customers.rank,
  status: customers.status,
  repId: customers.repId,
  repName: staffProfiles.displayName,
  areaId: customers.areaId,
  areaName: areas.name,
  cadenceDays: customers.cadenceDays,
  lastOrderAt: customers.lastOrderAt,
  lastVisitAt: customers.lastVisitAt,
  archivedAt: customers.archivedAt,
  lat: customers.lat,
  lng: customers.lng,
  geoPrecision: customers.geoPrecision,
};

/** Join conditions for the rep's staff profile and the area (both left joins). */
export const repJoin = and(
  eq(staffProfiles.tenantId, customers.tenantId),
  eq(staffProfiles.userId, customers.repId),
);
export const areaJoin = and(eq(areas.tenantId, customers.tenantId), eq(areas.id, customers.areaId));
