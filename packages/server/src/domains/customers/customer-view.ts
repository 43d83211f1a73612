import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { areas, staffProfiles } from '../../platform/db/schema/index.ts';
import { orders } from '../orders/tables.ts';
import type { CustomerStatus, Honorific, Rank } from './customer-fields.ts';
import { areaJoin, repJoin, summaryColumns } from './customer-query.ts';
import type { CustomerContactView, CustomerSummaryView, CustomerView } from './customer-schemas.ts';
import { customerScope } from './customer-scope.ts';
import type { GeoPrecision } from './customer-values.ts';
import { customerContacts, customers } from './tables.ts';

export type Customer = CustomerView;
export type CustomerSummary = CustomerSummaryView;
export type CustomerContact = CustomerContactView;
export type CustomerStats = CustomerView['stats'];

export const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

type SummaryRow = {
  [K in keyof typeof summaryColumns]: (typeof summaryColumns)[K]['_']['data'] | null;
};

export function toSummary(row: SummaryRow): CustomerSummary {
  return {
    id: row.id as string,
    code: row.code as string,
    name: row.name as string,
    nameKana: row.nameKana as string,
    honorific: row.honorific as Honorific,
    address: row.address as string,
    phone: row.phone as string,
    rank: row.rank as Rank,
    status: row.status as CustomerStatus,
    repId: row.repId,
    repName: row.repName,
    areaId: row.areaId,
    areaName: row.areaName,
    cadenceDays: row.cadenceDays as number,
    lastOrderAt: iso(row.lastOrderAt),
    lastVisitAt: iso(row.lastVisitAt),
    archivedAt: iso(row.archivedAt),
    hasPosition: row.lat !== null && row.lng !== null,
    // Coordinates written straight to the table (a seed, a fixture) without a precision were placed.
    geoPrecision:
      row.geoPrecision === 'none' && row.lat !== null && row.lng !== null
        ? 'manual'
        : (row.geoPrecision as GeoPrecision),
  };
}

/**
 * Loads one customer as the actor sees it, or null when it does not exist or is outside the
 * actor's scope (callers answer 404 for both: never reveal that it exists).
 */
export async function loadCustomer(tx: Tx, actor: Actor, id: string): Promise<Customer | null> {
  const [row] = await tx
    .select({
      ...summaryColumns,
      postalCode: customers.postalCode,
      geocodedAt: customers.geocodedAt,
      cadenceToleranceDays: customers.cadenceToleranceDays,
      preferredWeekdays: customers.preferredWeekdays,
      timeWindows: customers.timeWindows,
      visitDurationMinutes: customers.visitDurationMinutes,
      preferences: customers.preferences,
      cautions: customers.cautions,
      notes: customers.notes,
      version: customers.version,
      createdAt: customers.createdAt,
      updatedAt: customers.updatedAt,
    })
    .from(customers)
    .leftJoin(staffProfiles, repJoin)
    .leftJoin(areas, areaJoin)
    .where(and(customerScope(actor), eq(customers.id, id)));
  if (!row) return null;

  const contacts = await tx
    .select({
      id: customerContacts.id,
      name: customerContacts.name,
      nameKana: customerContacts.nameKana,
      title: customerContacts.title,
      phone: customerContacts.phone,
      email: customerContacts.email,
      isPrimary: customerContacts.isPrimary,
    })
    .from(customerContacts)
    .where(and(eq(customerContacts.tenantId, actor.tenantId), eq(customerContacts.customerId, id)))
    .orderBy(asc(customerContacts.sortOrder), asc(customerContacts.id));

  const notCancelled: SQL = sql`${orders.status} <> 'cancelled'`;
  const subtotal = sql`${orders.subtotalStandard} + ${orders.subtotalReduced}`;
  const [stats] = await tx
    .select({
      orderCount: sql<number>`count(*) filter (where ${notCancelled})`.mapWith(Number),
      revenue12m: sql<number>`coalesce(sum(${subtotal}) filter (where ${notCancelled}
        and ${orders.orderedAt} >= now() - interval '12 months' and ${orders.orderedAt} <= now()), 0)`.mapWith(
        Number,
      ),
      revenueAll: sql<number>`coalesce(sum(${subtotal}) filter (where ${notCancelled}), 0)`.mapWith(Number),
      lastOrderAt: sql<string | null>`max(${orders.orderedAt}) filter (where ${notCancelled})`,
    })
    .from(orders)
    .where(and(eq(orders.tenantId, actor.tenantId), eq(orders.customerId, id)));
  const orderCount = stats?.orderCount ?? 0;

  return {
    ...toSummary(row),
    postalCode: row.postalCode,
    lat: row.lat,
    lng: row.lng,
    geocodedAt: iso(row.geocodedAt),
    contacts,
    cadenceToleranceDays: row.cadenceToleranceDays,
    preferredWeekdays: row.preferredWeekdays,
    timeWindows: row.timeWindows,
    visitDurationMinutes: row.visitDurationMinutes,
    preferences: row.preferences,
    cautions: row.cautions,
    notes: row.notes,
    version: row.version,
    createdAt: iso(row.createdAt) as string,
    updatedAt: iso(row.updatedAt) as string,
    stats: {
      orderCount,
      revenue12m: stats?.revenue12m ?? 0,
      averageOrderValue: orderCount === 0 ? 0 : Math.round((stats?.revenueAll ?? 0) / orderCount),
      lastOrderAt: iso(stats?.lastOrderAt ?? null),
    },
  };
}
