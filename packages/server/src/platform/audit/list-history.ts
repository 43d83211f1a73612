import { and, desc, eq, lt } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { type AuditAction, type AuditFieldChange, auditEvents } from '../db/schema/audit.ts';
import { user } from '../db/schema/auth.ts';

export interface HistoryEntry {
  /** Position in the tenant's trail; pass as `before` for the next (older) page. */
  seq: number;
  at: string;
  actor: { id: string; name: string | null; role: string };
  table: string;
  recordId: string;
  action: AuditAction;
  changes: Record<string, AuditFieldChange>;
  context: Record<string, string>;
}

export interface ListHistoryOptions {
  tenantId: string;
  subjectTable: string;
  subjectId: string;
  /** Newest first; at most this many (1..200). */
  limit: number;
  /** Only entries older than this seq (the previous page's last). */
  before?: number | undefined;
}

/**
 * A record's history, newest first, with who made each change. The caller decides first whether
 * the actor may see the record at all (domains own that rule); this reads inside the tenant.
 */
export async function listHistory(tx: Tx, options: ListHistoryOptions): Promise<HistoryEntry[]> {
  const rows = await tx
    .select({
      seq: auditEvents.seq,
      at: auditEvents.at,
      actorUserId: auditEvents.actorUserId,
      actorRole: auditEvents.actorRole,
      actorName: user.name,
      table: auditEvents.tableName,
      recordId: auditEvents.recordId,
      action: auditEvents.action,
      changes: auditEvents.changes,
      context: auditEvents.context,
    })
    .from(auditEvents)
    .leftJoin(user, eq(user.id, auditEvents.actorUserId))
    .where(
      and(
        eq(auditEvents.tenantId, options.tenantId),
        eq(auditEvents.subjectTable, options.subjectTable),
        eq(auditEvents.subjectId, options.subjectId),
        options.before !== undefined ? lt(auditEvents.seq, options.before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(options.limit);
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at.toISOString(),
    actor: { id: r.actorUserId, name: r.actorName, role: r.actorRole },
    table: r.table,
    recordId: r.recordId,
    action: r.action,
    changes: r.changes,
    context: r.context,
  }));
}
