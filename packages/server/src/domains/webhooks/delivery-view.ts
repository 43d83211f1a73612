import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { webhookDeliveries } from './tables.ts';
import { webhookError } from './webhook-errors.ts';
import type { WebhookDeliveryView } from './webhook-schemas.ts';
import { WEBHOOK_MAX_ATTEMPTS } from './webhook-values.ts';

export const toDeliveryView = (d: typeof webhookDeliveries.$inferSelect): WebhookDeliveryView => ({
  id: d.id,
  endpointId: d.endpointId,
  eventId: d.eventId,
  eventKind: d.eventKind,
  status: d.status,
  attempts: d.attempts,
  maxAttempts: d.eventKind === 'ping' ? 1 : WEBHOOK_MAX_ATTEMPTS,
  nextAttemptAt: d.status === 'pending' ? (d.nextAttemptAt?.toISOString() ?? null) : null,
  lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
  lastStatusCode: d.lastStatusCode,
  lastError: d.lastError,
  payload: d.payload as unknown as Record<string, unknown>,
  createdAt: d.createdAt.toISOString(),
});

export async function loadDelivery(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.tenantId, actor.tenantId), eq(webhookDeliveries.id, id)));
  return row ?? null;
}

/** A web hook's deliveries, newest first, `limit` (default 20) after the delivery `before`. */
export async function listWebhookDeliveries(
  tx: Tx,
  actor: Actor,
  endpointId: string,
  { limit = 20, before }: { limit?: number | undefined; before?: string | undefined },
): Promise<{ items: WebhookDeliveryView[]; nextBefore: string | null }> {
  let after: SQL | undefined;
  if (before) {
    const cursor = await loadDelivery(tx, actor, before);
    if (!cursor || cursor.endpointId !== endpointId) throw webhookError('delivery_not_found');
    after = or(
      lt(webhookDeliveries.createdAt, cursor.createdAt),
      and(eq(webhookDeliveries.createdAt, cursor.createdAt), lt(webhookDeliveries.id, cursor.id)),
    );
  }
  const rows = await tx
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.tenantId, actor.tenantId),
        eq(webhookDeliveries.endpointId, endpointId),
        after,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map(toDeliveryView);
  return { items, nextBefore: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
