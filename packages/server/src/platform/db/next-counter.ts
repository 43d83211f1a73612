import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from './database.ts';
import { queryRows } from './query-rows.ts';

export interface NextCounterOptions {
  tenantId: string;
  /** The counter's name, e.g. 'customer_code'. */
  name: string;
  /** How many numbers to take at once (default 1). */
  count?: number;
  /**
   * The lowest number a block may start at (e.g. one more than the highest code in use, so a
   * number typed by hand is never handed out again). Evaluated when the counter is created, and
   * on every call when `alwaysFloor` is set (it may be costly: a scan).
   */
  floor?: SQL;
  alwaysFloor?: boolean;
}

/**
 * Takes the next `count` numbers of a per-tenant counter and returns the first. Concurrent
 * callers queue on the counter's row lock until the holder's transaction ends, so no two
 * transactions ever get the same number (a rolled-back one leaves a gap, as sequences do).
 *
 * @example
 * const n = await nextCounter(tx, { tenantId, name: 'customer_code' });  // 1, 2, 3 …
 */
export async function nextCounter(tx: Tx, options: NextCounterOptions): Promise<number> {
  const count = options.count ?? 1;
  const floor = options.floor ?? sql`1`;
  const next = options.alwaysFloor ? sql`greatest(value + 1, ${floor})` : sql`value + 1`;
  const [advanced] = await queryRows<{ last: string | number }>(
    tx,
    sql`update tenant_counters set value = ${next} + ${count - 1}
        where tenant_id = ${options.tenantId} and name = ${options.name}
        returning value as last`,
  );
  if (advanced) return Number(advanced.last) - count + 1;
  const [created] = await queryRows<{ last: string | number }>(
    tx,
    sql`insert into tenant_counters as c (tenant_id, name, value)
        values (${options.tenantId}, ${options.name}, greatest(${floor}, 1) + ${count - 1})
        on conflict (tenant_id, name) do update
          set value = greatest(c.value + 1, excluded.value - ${count - 1}) + ${count - 1}
        returning value as last`,
  );
  return Number(created?.last) - count + 1;
}
