import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';

/**
 * How a KPI use case opens its transaction for an actor. The default is withTenant: the
 * caller's row-level security. `npm run bench:kpi` passes the table owner's transaction to time
 * the very same statements without it.
 *
 * @example
 * const asOwner: KpiTransaction = (_actor, fn) => admin.transaction(fn);
 * await getKpis({ db, actor, query, transaction: asOwner });
 */
export type KpiTransaction = <T>(actor: Actor, fn: (tx: Tx) => Promise<T>) => Promise<T>;

/** withTenant on `db`: every KPI query runs as the actor, under row-level security. */
export const tenantTransaction =
  (db: Db): KpiTransaction =>
  (actor, fn) =>
    withTenant(db, actor, fn);
