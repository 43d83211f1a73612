import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/update-versioned.ts';
import { versionConflict } from '../../platform/errors.ts';
import type { Geocoder } from '../../platform/geo/geocoder.ts';
import { customerNotFound } from './customer-errors.ts';
import { locateAddress } from './customer-geocoding.ts';
import { customerScope } from './customer-scope.ts';
import { type Customer, loadCustomer } from './customer-view.ts';
import { CUSTOMERS_TABLE } from './customer-writes.ts';
import { customers } from './tables.ts';

export interface RelocateCustomerOptions {
  db: Db;
  actor: Actor;
  id: string;
  version: number;
  geocoder: Geocoder;
}

/**
 * 位置を再取得: geocodes the customer's current address again (after the geocoder failed, or to
 * replace a pin). A position found replaces the stored one, even a manual pin (the user asked);
 * when nothing is found the stored position stays and only geocodedAt records the attempt.
 * With the version read (409 version_conflict otherwise); audited when the position moves.
 */
export async function relocateCustomer({
  db,
  actor,
  id,
  version,
  geocoder,
}: RelocateCustomerOptions): Promise<Customer> {
  const read = await withTenant(db, actor, (tx) => loadCustomer(tx, actor, id));
  if (!read) throw customerNotFound();
  if (read.version !== version) throw versionConflict(read);
  const found = await locateAddress(geocoder, read.address);
  return withTenant(db, actor, async (tx) => {
    const current = await loadCustomer(tx, actor, id);
    if (!current) throw customerNotFound();
    const moved = found.lat !== null && found.lng !== null;
    await updateVersioned(tx, {
      table: customers,
      where: and(customerScope(actor), eq(customers.id, id)) as ReturnType<typeof customerScope>,
      version,
      set: moved
        ? found
        : { geocodedAt: found.geocodedAt ?? (current.geocodedAt ? new Date(current.geocodedAt) : null) },
      current: () => loadCustomer(tx, actor, id),
      notFound: customerNotFound,
    });
    if (moved && (found.lat !== current.lat || found.lng !== current.lng)) {
      await recordAudit(tx, actor, [
        {
          table: CUSTOMERS_TABLE,
          recordId: id,
          action: 'update',
          before: { lat: current.lat, lng: current.lng },
          after: { lat: found.lat, lng: found.lng },
        },
      ]);
    }
    return (await loadCustomer(tx, actor, id)) as Customer;
  });
}

/**
 * How many customers of the caller's book (archived apart) have no usable position: `missing`
 * have no coordinates (the planner cannot plan them), `approximate` only the municipality's.
 */
export async function countPositionIssues({
  db,
  actor,
}: {
  db: Db;
  actor: Actor;
}): Promise<{ missing: number; approximate: number }> {
  return withTenant(db, actor, async (tx) => {
    const [row] = await tx
      .select({
        missing:
          sql<number>`count(*) filter (where ${customers.lat} is null or ${customers.lng} is null)`.mapWith(
            Number,
          ),
        approximate: count(),
      })
      .from(customers)
      .where(
        and(
          customerScope(actor),
          isNull(customers.archivedAt),
          sql`(${customers.lat} is null or ${customers.lng} is null or ${customers.geoPrecision} = 'city')`,
        ),
      );
    const missing = row?.missing ?? 0;
    return { missing, approximate: (row?.approximate ?? 0) - missing };
  });
}
