import { and, asc, eq, inArray, lt, lte, ne } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import { attemptDelivery } from './attempt-delivery.ts';
import type { WebhookTransport } from './send-webhook.ts';
import { webhookDeliveries, webhookEndpoints } from './tables.ts';
import { WEBHOOK_RETENTION_DAYS } from './webhook-values.ts';

/** Who the delivery job acts as: the tenant's system, with an admin's scope over its web hooks. */
export const webhookSystemActor = (tenantId: string): Actor => ({
  tenantId,
  userId: 'system:webhooks',
  role: 'admin',
  teamId: null,
});

/** A claimed delivery is not taken again for this long (an instance that dies mid-send). */
const LEASE_MS = 2 * 60_000;

export interface RunDueWebhookDeliveriesOptions {
  db: Db;
  tenantId: string;
  transport: WebhookTransport;
  /** Opens the endpoints' stored secrets (webhookSecretBox). */
  secretBox: SecretBox;
  /** The clock: deliveries due by then are sent (tests move it forward instead of waiting). */
  now?: Date;
  /** At most this many per run (default 20). */
  limit?: number;
  signal?: AbortSignal;
}

/**
 * Sends a tenant's due deliveries (oldest due first) of active endpoints, one attempt each, and
 * forgets finished ones older than 30 days. Each is claimed first (FOR UPDATE SKIP LOCKED, its next
 * attempt moved on by a lease), so two runs never send the same one at once.
 */
export async function runDueWebhookDeliveries({
  db,
  tenantId,
  transport,
  secretBox,
  now = new Date(),
  limit = 20,
  signal,
}: RunDueWebhookDeliveriesOptions): Promise<{ attempted: number; succeeded: number }> {
  const actor = webhookSystemActor(tenantId);
  const claimed = await withTenant(db, actor, async (tx) => {
    await tx
      .delete(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.tenantId, tenantId),
          ne(webhookDeliveries.status, 'pending'),
          lt(webhookDeliveries.createdAt, new Date(now.getTime() - WEBHOOK_RETENTION_DAYS * 86_400_000)),
        ),
      );
    const due = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .innerJoin(
        webhookEndpoints,
        and(
          eq(webhookEndpoints.tenantId, webhookDeliveries.tenantId),
          eq(webhookEndpoints.id, webhookDeliveries.endpointId),
        ),
      )
      .where(
        and(
          eq(webhookDeliveries.tenantId, tenantId),
          eq(webhookDeliveries.status, 'pending'),
          lte(webhookDeliveries.nextAttemptAt, now),
          eq(webhookEndpoints.active, true),
        ),
      )
      .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
      .limit(limit)
      .for('update', { of: webhookDeliveries, skipLocked: true });
    if (due.length > 0)
      await tx
        .update(webhookDeliveries)
        .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
        .where(
          and(
            eq(webhookDeliveries.tenantId, tenantId),
            inArray(
              webhookDeliveries.id,
              due.map((d) => d.id),
            ),
          ),
        );
    return due.map((d) => d.id);
  });
  let succeeded = 0;
  let attempted = 0;
  for (const deliveryId of claimed) {
    if (signal?.aborted) break;
    const outcome = await attemptDelivery({ db, actor, deliveryId, transport, secretBox, now });
    attempted += 1;
    if (outcome?.result.ok) succeeded += 1;
  }
  return { attempted, succeeded };
}
