import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/query-rows.ts';
import type { WebhookEventKind, WebhookPayload } from './tables.ts';

export interface EnqueueWebhookEventOptions {
  tenantId: string;
  kind: WebhookEventKind;
  params: Record<string, string | number>;
  /** An app path; sent as an absolute URL (BASE_URL) in `data.link`. */
  link: string;
  /** The event's identity (the notification's dedupe key): the same key is one event. */
  dedupeKey?: string | undefined;
  at?: Date;
}

/** The event's id (`webhook-id`): derived from its dedupe key when it has one, so it is sent once. */
export const webhookEventId = (tenantId: string, dedupeKey: string | undefined) =>
  dedupeKey
    ? `evt_${createHash('sha256').update(`${tenantId}\n${dedupeKey}`).digest('hex').slice(0, 32)}`
    : `evt_${randomUUID().replaceAll('-', '')}`;

/**
 * The outbox: in the event's own transaction, one pending delivery per active web hook of the
 * tenant subscribed to the kind (through the SECURITY DEFINER `kayoi_enqueue_webhook_event`, as
 * whoever raised the event may not read the endpoints). The `webhooks.deliver` job sends them.
 * Answers how many deliveries were written.
 */
export async function enqueueWebhookEvent(tx: Tx, options: EnqueueWebhookEventOptions): Promise<number> {
  const id = webhookEventId(options.tenantId, options.dedupeKey);
  const payload: WebhookPayload = {
    type: options.kind,
    id,
    timestamp: (options.at ?? new Date()).toISOString(),
    tenant: options.tenantId,
    data: { ...options.params, ...(options.link ? { link: options.link } : {}) },
  };
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select kayoi_enqueue_webhook_event(${id}, ${options.kind}, ${JSON.stringify(payload)}::jsonb) as n`,
  );
  return Number(row?.n ?? 0);
}
