import { sql } from 'drizzle-orm';
import type { Actor } from '../context.ts';
import type { Tx } from '../db/database.ts';
import { type AuditAction, auditEvents } from '../db/schema/audit.ts';
import { diffFields } from './diff-fields.ts';

/** One changed record, as a use case reports it. */
export interface AuditEntry {
  /** The table's SQL name, e.g. 'customers'. */
  table: string;
  recordId: string;
  action: AuditAction;
  /** The record before the change (null on create). */
  before: object | null;
  /** The record after the change (null on delete). */
  after: object | null;
  /** The record whose history this belongs to; defaults to the record itself. */
  subject?: { table: string; id: string };
  /** Why, when the action does not say it all: e.g. { importId }. */
  context?: Record<string, string>;
}

const SMALL = 50;
const CHUNK = 5000;

/**
 * Writes the audit rows of a change, in the caller's transaction (so a rolled-back write leaves
 * none, and an acknowledged one always has its rows). Each row holds who (the actor's user and
 * role), when (the transaction's time), what (table, record, action) and the before/after of
 * every field that changed. An update that changed nothing writes no row.
 *
 * @example
 * await recordAudit(tx, actor, [{ table: 'customers', recordId: id, action: 'update', before, after }]);
 */
export async function recordAudit(tx: Tx, actor: Actor, entries: readonly AuditEntry[]): Promise<number> {
  const rows = [];
  for (const entry of entries) {
    const changes = diffFields({ before: entry.before, after: entry.after });
    const isStateChange = entry.action !== 'update';
    if (!isStateChange && Object.keys(changes).length === 0) continue;
    rows.push({
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorRole: actor.role,
      tableName: entry.table,
      recordId: entry.recordId,
      subjectTable: entry.subject?.table ?? entry.table,
      subjectId: entry.subject?.id ?? entry.recordId,
      action: entry.action,
      changes,
      context: entry.context ?? {},
    });
  }
  if (rows.length <= SMALL) {
    if (rows.length > 0) await tx.insert(auditEvents).values(rows);
    return rows.length;
  }
  // Bulk (an import's thousands of rows): one JSON parameter per chunk binds far faster than
  // eleven parameters a row.
  for (let i = 0; i < rows.length; i += CHUNK) {
    const payload = JSON.stringify(rows.slice(i, i + CHUNK));
    await tx.execute(sql`insert into audit_events (tenant_id, actor_user_id, actor_role, table_name,
        record_id, subject_table, subject_id, action, changes, context)
      select r."tenantId", r."actorUserId", r."actorRole", r."tableName", r."recordId",
        r."subjectTable", r."subjectId", r.action, r.changes, r.context
      from jsonb_to_recordset(${payload}::jsonb) as r("tenantId" text, "actorUserId" text,
        "actorRole" text, "tableName" text, "recordId" text, "subjectTable" text, "subjectId" text,
        action text, changes jsonb, context jsonb)`);
  }
  return rows.length;
}
