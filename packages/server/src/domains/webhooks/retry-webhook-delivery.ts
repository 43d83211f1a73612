import { and, eq } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import { attemptDelivery } from './attempt-delivery.ts';
import { loadDelivery } from './delivery-view.ts';
import type { WebhookTransport } from './send-webhook.ts';
import { webhookDeliveries } from './tables.ts';
import { webhookError } from './webhook-errors.ts';

/**
 * Tries a delivery again now, whatever its status (an admin's 再送): it is attempted at once and
 * answered; when that fails it goes on with the backoff schedule, or stays failed after its
 * last attempt.
 */
export async function retryWebhookDelivery({
  db,
  actor,
  id,
  transport,
  secretBox,
}: {
  db: Db;
  actor: Actor;
  id: string;
  transport: WebhookTransport;
  secretBox: SecretBox;
}) {
  await withTenant(db, actor, async (tx) => {
    const delivery = await loadDelivery(tx, actor, id);
    if (!delivery) throw webhookError('delivery_not_found');
    await tx
      .update(webhookDeliveries)
      .set({ status: 'pending', nextAttemptAt: null, updatedAt: new Date() })
      .where(and(eq(webhookDeliveries.tenantId, actor.tenantId), eq(webhookDeliveries.id, id)));
  });
  const outcome = await attemptDelivery({ db, actor, deliveryId: id, transport, secretBox });
  if (!outcome) throw webhookError('delivery_not_found');
  return { ...outcome.result, delivery: outcome.delivery };
}
