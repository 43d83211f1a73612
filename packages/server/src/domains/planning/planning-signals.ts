import type { Db, Tx } from '../../platform/db/database.ts';
import { loadCustomerHealth } from '../health/load-customer-health.ts';
import { countDueReorders } from '../signals/count-due-reorders.ts';

/** What the planner reads of a customer beyond the book: early warnings that raise its priority. */
export interface PlanningSignals {
  /** 0–100: the customer health score's risk (100 − health), docs/kpi.md 顧客ヘルス. */
  risk: number;
  /** 0–1: how strongly a reorder is due (1 = an item due or overdue by the plan's start). */
  reorderDue: number;
}

export const NO_SIGNALS: PlanningSignals = { risk: 0, reorderDue: 0 };

/**
 * The planning signals of the customers (all of the tenant the transaction may see when
 * `customerIds` is omitted) as of `asOfDate` (Asia/Tokyo, YYYY-MM-DD; the plan's first day): one
 * set-based read per signal. A customer missing from the map has no signal.
 *
 * @example
 * const signals = await loadPlanningSignals(tx, tenantId, '2026-12-07', ids);
 * signals.get(ids[0])?.risk; // 0–100
 */
export async function loadPlanningSignals(
  tx: Db | Tx,
  tenantId: string,
  asOfDate: string,
  customerIds?: readonly string[],
): Promise<Map<string, PlanningSignals>> {
  const health = await loadCustomerHealth(tx, {
    tenantId,
    asOfDate,
    ...(customerIds ? { filter: { customerIds } } : {}),
  });
  // 1 when at least one product is due by the plan's start (expected within 7 days or overdue).
  const dueCounts = await countDueReorders({
    db: tx,
    tenantId,
    today: asOfDate,
    ...(customerIds ? { customerIds } : {}),
  });
  const reorderDue = new Map([...dueCounts].map(([id, count]) => [id, count > 0 ? 1 : 0]));
  const signals = new Map<string, PlanningSignals>();
  for (const row of health)
    signals.set(row.customerId, { risk: row.health.risk, reorderDue: reorderDue.get(row.customerId) ?? 0 });
  return signals;
}
