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
   * The lowest number the block may start at, evaluated under the counter's lock (e.g. one more
   * than the highest code already in use, so numbers typed by hand are never handed out again).
   */
  floor?: SQL;
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
  const [row] = await queryRows<{ last: string | number }>(
    tx,
    sql`insert into tenant_counters (tenant_id, name, value)
        values (${options.tenantId}, ${options.name}, greatest(${floor}, 1) + ${count - 1})
        on conflict (tenant_id, name) do update
          set value = greatest(tenant_counters.value + 1, ${floor}) + ${count - 1}
        returning value as last`,
  );
  return Number(row?.last) - count + 1;
}
