import type { Db, Tx } from '../../platform/db/database.ts';
import { addDays } from '../planning/working-days.ts';
import { loadPurchaseHistories } from './load-purchase-histories.ts';
import { predictReorders, typicalIntervals } from './predict-reorder.ts';
import { SIGNAL_WINDOWS } from './read-customer-signals.ts';

export interface CountDueReordersOptions {
  db: Db | Tx;
  tenantId: string;
  /** Every customer of the tenant (that the transaction may see) when omitted. */
  customerIds?: readonly string[];
  /** Civil date, Asia/Tokyo. */
  today: string;
}

/**
 * How many products each customer is due to reorder (expected within 7 days or overdue), for many
 * customers in one query: the planner's priority input. Typical intervals are learnt from the same
 * customers. Customers with none due are absent from the map.
 */
export async function countDueReorders({
  db,
  tenantId,
  customerIds,
  today,
}: CountDueReordersOptions): Promise<Map<string, number>> {
  const histories = await loadPurchaseHistories({
    db,
    tenantId,
    ...(customerIds ? { customerIds } : {}),
    since: new Date(`${addDays(today, -SIGNAL_WINDOWS.reorderDays)}T00:00:00+09:00`),
    until: new Date(`${addDays(today, 1)}T00:00:00+09:00`),
  });
  const typical = typicalIntervals(histories);
  const byCustomer = new Map<string, typeof histories>();
  for (const h of histories) {
    const list = byCustomer.get(h.customerId);
    if (list) list.push(h);
    else byCustomer.set(h.customerId, [h]);
  }
  const counts = new Map<string, number>();
  for (const [customerId, list] of byCustomer) {
    const due = predictReorders({ histories: list, today, typical }).filter((p) => p.due).length;
    if (due > 0) counts.set(customerId, due);
  }
  return counts;
}
