import { randomUUID } from 'node:crypto';
import type { Tx } from '../../platform/db/database.ts';
import { enqueueWebhookEvent } from '../webhooks/enqueue-webhook-event.ts';
import type { notificationKinds } from './notification-values.ts';
import { notifications } from './tables.ts';

export type NotificationKind = (typeof notificationKinds)[number];

export interface NotifyOptions {
  tenantId: string;
  /** User ids; duplicates and empty ids are dropped. */
  recipients: readonly (string | null | undefined)[];
  kind: NotificationKind;
  /** What the sentence needs (names, counts, dates): the web renders kind + params in ja/en. */
  params?: Record<string, string | number>;
  /** An app path, e.g. `/handovers/…`. */
  link?: string;
  /**
   * The event's identity: a recipient gets at most one notification per key (a second call
   * writes nothing), e.g. `promise_overdue:<followup id>`.
   */
  dedupeKey?: string;
}

/**
 * Writes one in-app notification per recipient in the caller's transaction, so the event and its
 * notification commit together, and queues the event for the tenant's web hooks (outbox, same
 * transaction). Any domain may call it for any person of the tenant; only the
 * recipient reads it (so nothing is read back here: RLS hides other people's rows).
 *
 * @example
 * await notify(tx, { tenantId: actor.tenantId, recipients: [newRepId], kind: 'handover_received',
 *   params: { count: 12, fromName: '田中 一郎' }, link: `/handovers/${batchId}` });
 */
export async function notify(tx: Tx, options: NotifyOptions): Promise<void> {
  const recipients = [...new Set(options.recipients.filter((r): r is string => !!r))];
  if (recipients.length === 0) return;
  const rows = recipients.map((recipientId) => ({
    tenantId: options.tenantId,
    id: randomUUID(),
    recipientId,
    kind: options.kind,
    params: options.params ?? {},
    link: (options.link ?? '').slice(0, 500),
    dedupeKey: options.dedupeKey ?? null,
  }));
  // No RETURNING: only the recipient may read a notification back (RLS), so ask the driver how
  // many rows were written (pg: rowCount, PGlite: affectedRows).
  const result = (await tx.insert(notifications).values(rows).onConflictDoNothing()) as unknown as {
    rowCount?: number | null;
    affectedRows?: number;
  };
  const written = result.rowCount ?? result.affectedRows ?? rows.length;
  if (written > 0)
    await enqueueWebhookEvent(tx, {
      tenantId: options.tenantId,
      kind: options.kind,
      params: options.params ?? {},
      link: (options.link ?? '').slice(0, 500),
      dedupeKey: options.dedupeKey,
    });
}
