import type { SQL } from 'drizzle-orm';
import type { Db, Tx } from './database.ts';

/**
 * Runs raw SQL and returns its rows on either driver (both results carry `rows`).
 *
 * @example
 * const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from customers`);
 */
export async function queryRows<T extends Record<string, unknown>>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as { rows: T[] };
  return result.rows;
}
