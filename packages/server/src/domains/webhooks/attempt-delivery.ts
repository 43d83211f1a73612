import { and, eq, sql } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import { toDeliveryView } from './delivery-view.ts';
import { type SendResult, sendWebhook, type WebhookTransport } from './send-webhook.ts';
import { webhookDeliveries, webhookEndpoints } from './tables.ts';
import type { WebhookDeliveryView } from './webhook-schemas.ts';
import { WEBHOOK_BACKOFF_SECONDS, WEBHOOK_MAX_ATTEMPTS } from './webhook-values.ts';

export interface AttemptDeliveryOptions {
  db: Db;
  actor: Actor;
  deliveryId: string;
  transport: WebhookTransport;
  /** Opens the endpoint's stored secrets (webhookSecretBox). */
  secretBox: SecretBox;
  /** The clock the next attempt is scheduled by (tests move it forward). */
  now?: Date;
}

/** Why nothing was sent: the stored secret was sealed under another app secret. */
const UNREADABLE_SECRET =
  'the signing secret cannot be read (BETTER_AUTH_SECRET changed?): rotate it / 署名シークレットを再発行してください';

/** When a delivery that has failed `attempts` times is tried next; null: it has failed for good. */
export function nextAttemptAfter(attempts: number, now: Date): Date | null {
  if (attempts >= WEBHOOK_MAX_ATTEMPTS) return null;
  const wait = WEBHOOK_BACKOFF_SECONDS[attempts - 1] ?? WEBHOOK_BACKOFF_SECONDS.at(-1) ?? 60;
  return new Date(now.getTime() + wait * 1000);
}

/**
 * One attempt at one delivery: reads it and its endpoint, sends outside any transaction (a slow
 * receiver holds no database connection), then records the attempt: 2xx → succeeded; otherwise
 * pending with the next attempt after 1 min, 5 min, 30 min, 2 h, 6 h, and failed after the
 * sixth (a `ping` is tried once). A secret that cannot be opened (the app secret changed) sends
 * nothing and counts as a failed attempt. Answers null when the delivery or its endpoint is gone.
 */
export async function attemptDelivery({
  db,
  actor,
  deliveryId,
  transport,
  secretBox,
  now = new Date(),
}: AttemptDeliveryOptions): Promise<{ result: SendResult; delivery: WebhookDeliveryView } | null> {
  const found = await withTenant(db, actor, async (tx) => {
    const [row] = await tx
      .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
      .from(webhookDeliveries)
      .innerJoin(
        webhookEndpoints,
        and(
          eq(webhookEndpoints.tenantId, webhookDeliveries.tenantId),
          eq(webhookEndpoints.id, webhookDeliveries.endpointId),
        ),
      )
      .where(and(eq(webhookDeliveries.tenantId, actor.tenantId), eq(webhookDeliveries.id, deliveryId)));
    return row ?? null;
  });
  if (!found) return null;
  const { delivery, endpoint } = found;
  const secret = secretBox.open(endpoint.secret);
  const previous =
    endpoint.previousSecret &&
    endpoint.previousSecretExpiresAt &&
    endpoint.previousSecretExpiresAt > new Date()
      ? secretBox.open(endpoint.previousSecret)
      : null;
  const result: SendResult =
    secret === null
      ? { ok: false, statusCode: null, error: UNREADABLE_SECRET, durationMs: 0 }
      : await sendWebhook({
          url: endpoint.url,
          payload: delivery.payload,
          secrets: previous === null ? [secret] : [secret, previous],
          transport,
        });
  const attempts = delivery.attempts + 1;
  const retryAt = delivery.eventKind === 'ping' || result.ok ? null : nextAttemptAfter(attempts, now);
  const updated = await withTenant(db, actor, async (tx) => {
    const [row] = await tx
      .update(webhookDeliveries)
      .set({
        status: result.ok ? 'succeeded' : retryAt ? 'pending' : 'failed',
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        nextAttemptAt: retryAt,
        lastAttemptAt: now,
        lastStatusCode: result.statusCode,
        lastError: result.error,
        updatedAt: new Date(),
      })
      .where(and(eq(webhookDeliveries.tenantId, actor.tenantId), eq(webhookDeliveries.id, deliveryId)))
      .returning();
    return row ?? null;
  });
  return updated ? { result, delivery: toDeliveryView(updated) } : null;
}
