import { randomUUID } from 'node:crypto';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import { attemptDelivery } from './attempt-delivery.ts';
import { loadEndpointRow } from './endpoint-view.ts';
import { webhookEventId } from './enqueue-webhook-event.ts';
import type { WebhookTransport } from './send-webhook.ts';
import { webhookDeliveries } from './tables.ts';
import { webhookError } from './webhook-errors.ts';

/**
 * Sends a `ping` event to a web hook now (active or not) and answers how it went; the ping is
 * listed with its deliveries and is not retried.
 */
export async function testWebhookEndpoint({
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
  const deliveryId = randomUUID();
  await withTenant(db, actor, async (tx) => {
    const endpoint = await loadEndpointRow(tx, actor, id);
    if (!endpoint) throw webhookError('endpoint_not_found');
    const eventId = webhookEventId(actor.tenantId, undefined);
    await tx.insert(webhookDeliveries).values({
      tenantId: actor.tenantId,
      id: deliveryId,
      endpointId: id,
      eventId,
      eventKind: 'ping',
      payload: {
        type: 'ping',
        id: eventId,
        timestamp: new Date().toISOString(),
        tenant: actor.tenantId,
        data: { message: 'Kayoi からのテスト送信です / a test from Kayoi' },
      },
      status: 'pending',
      nextAttemptAt: null,
    });
  });
  const outcome = await attemptDelivery({ db, actor, deliveryId, transport, secretBox });
  if (!outcome) throw webhookError('endpoint_not_found');
  return { ...outcome.result, delivery: outcome.delivery };
}
