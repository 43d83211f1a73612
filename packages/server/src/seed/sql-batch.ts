import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db/database.ts';

export type SqlValue = string | number | boolean | null | Date | readonly number[] | object;

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
const isNumberArray = (value: unknown): value is readonly number[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'number');

/** A value as a SQL literal (the seed writes generated data, never user input). */
export function literal(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return quote(value);
  if (value instanceof Date) return `${quote(value.toISOString())}::timestamptz`;
  if (isNumberArray(value)) return quote(`{${value.join(',')}}`);
  return `${quote(JSON.stringify(value))}::jsonb`;
}

const csvQuote = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** A value as a CSV field for COPY … WITH (FORMAT csv): unquoted empty = NULL. */
export function csvField(value: SqlValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'string') return csvQuote(value);
  if (value instanceof Date) return value.toISOString();
  if (isNumberArray(value)) return `"{${value.join(',')}}"`;
  return csvQuote(JSON.stringify(value));
}

/** PGlite's transaction handle: COPY reads the rows from a Blob mounted at /dev/blob. */
interface PgliteCopyClient {
  query(text: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
  exec(text: string): Promise<unknown>;
}

/** The embedded PGlite transaction behind a Drizzle transaction, if that is the driver. */
export function pgliteClientOf(tx: Db | Tx): PgliteCopyClient | null {
  const client = (tx as unknown as { session?: { client?: Partial<PgliteCopyClient> } }).session?.client;
  return client && typeof client.exec === 'function' && typeof client.query === 'function'
    ? (client as PgliteCopyClient)
    : null;
}

/**
 * Buffers rows for one table and writes them in batches: COPY on PGlite (parsing a multi-row
 * INSERT costs more than the insert there), multi-row INSERT on PostgreSQL. An ORM insert costs
 * ~50 µs a row; this is many times faster. `before` tables are flushed first so foreign keys
 * hold (order lines after their orders).
 */
export class BatchInsert {
  private buffer: string[] = [];
  private readonly copyClient: PgliteCopyClient | null;
  private readonly batchSize: number;
  count = 0;

  constructor(
    private readonly db: Db | Tx,
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly before: readonly BatchInsert[] = [],
  ) {
    this.copyClient = pgliteClientOf(db);
    this.batchSize = this.copyClient ? 20_000 : 2_000;
  }

  async add(values: readonly SqlValue[]): Promise<void> {
    this.buffer.push(this.copyClient ? values.map(csvField).join(',') : `(${values.map(literal).join(',')})`);
    this.count++;
    if (this.buffer.length >= this.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    for (const dependency of this.before) await dependency.flush();
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    const cols = this.columns.map((c) => `"${c}"`).join(',');
    if (this.copyClient) {
      await this.copyClient.query(`copy "${this.table}" (${cols}) from '/dev/blob' with (format csv)`, [], {
        blob: new Blob([rows.join('\n')]),
      });
    } else {
      await this.db.execute(sql.raw(`insert into "${this.table}" (${cols}) values ${rows.join(',')}`));
    }
  }
}
