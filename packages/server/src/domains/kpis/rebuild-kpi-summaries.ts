import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.ts';

/**
 * Recomputes a tenant's KPI summary tables (migrations 0049, 0050) from its orders, visits, forms
 * and planned stops. The triggers keep them exact on every write; a bulk load that skipped the triggers
 * (the seed's `session_replication_role = replica`) calls this once at its end, as the owner.
 *
 * @example
 * await rebuildKpiSummaries(tx, tenantId);
 */
export async function rebuildKpiSummaries(db: Db | Tx, tenantId: string): Promise<void> {
  await db.execute(sql`select kayoi_kpi_rebuild(${tenantId})`);
}
