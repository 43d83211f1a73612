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

const CHUNK = 500;

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
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(auditEvents).values(rows.slice(i, i + CHUNK));
  return rows.length;
}
