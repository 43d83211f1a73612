import type { Db } from './database.ts';

type Row = Record<string, unknown>;

interface PgPoolLike {
  query(text: string): Promise<{ rows: Row[] } | { rows: Row[] }[]>;
}
interface PgliteLike {
  exec(text: string): Promise<{ rows: Row[] }[]>;
}

/**
 * Quotes a text value as an SQL literal (standard_conforming_strings on, the default since
 * PostgreSQL 9.1; a value holding a backslash is written as an E'' string with it doubled).
 */
export function sqlLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('an SQL literal cannot hold a NUL byte');
  const quoted = `'${value.replaceAll("'", "''")}'`;
  return value.includes('\\') ? `E${quoted.replaceAll('\\', '\\\\')}` : quoted;
}

/** Whether `db` is a node-postgres handle on a pool (not PGlite, not a transaction). */
export function isPgPool(db: Db): boolean {
  const client = (db as { $client?: unknown }).$client;
  return (
    !!client &&
    typeof client === 'object' &&
    'connect' in client &&
    'query' in client &&
    !('exec' in client) &&
    typeof client.query === 'function'
  );
}

/**
 * Sends several statements in one round trip (the simple query protocol) and returns each
 * one's rows, on either driver; null when `db` is not a handle on the pool or PGlite itself
 * (e.g. a transaction). PostgreSQL runs such a script as one implicit transaction: a
 * `set_config(…, true)` in it lasts until its end, and a failing statement rolls all of it
 * back. There are no parameters: every value must go in through `sqlLiteral`.
 *
 * @example
 * const results = await runScript(db, `select 1 as a; select ${sqlLiteral(name)} as b`);
 */
export async function runScript(db: Db, script: string): Promise<Row[][] | null> {
  const client = (db as { $client?: unknown }).$client;
  if (!client || typeof client !== 'object') return null;
  if ('exec' in client && typeof client.exec === 'function') {
    const results = await (client as PgliteLike).exec(script);
    return results.map((r) => r.rows);
  }
  if (isPgPool(db)) {
    const result = await (client as PgPoolLike).query(script);
    return (Array.isArray(result) ? result : [result]).map((r) => r.rows);
  }
  return null;
}
