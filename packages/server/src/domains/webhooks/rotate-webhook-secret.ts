import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import { loadEndpointRow, loadEndpointView } from './endpoint-view.ts';
import { webhookEndpoints } from './tables.ts';
import { webhookError } from './webhook-errors.ts';
import type { WebhookEndpointView } from './webhook-schemas.ts';
import { generateWebhookSecret, secretHint, storedSecretHint } from './webhook-signing.ts';

/** How long the previous secret still signs (beside the new one) after a rotation. */
const PREVIOUS_SECRET_HOURS = 24;

/**
 * Gives a web hook a new signing secret, answered this once. For 24 hours deliveries carry a
 * signature by the previous secret too, so the receiver can switch without losing any. Audited
 * (the hints only). Both secrets are stored sealed (webhookSecretBox).
 */
export async function rotateWebhookSecret({
  db,
  actor,
  id,
  secretBox,
}: {
  db: Db;
  actor: Actor;
  id: string;
  secretBox: SecretBox;
}): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const secret = generateWebhookSecret();
  return withTenant(db, actor, async (tx) => {
    const before = await loadEndpointRow(tx, actor, id);
    if (!before) throw webhookError('endpoint_not_found');
    // A plaintext secret written before encryption is sealed now; one that cannot be opened any
    // more (the app secret changed) signs nothing and is dropped.
    const previous = secretBox.open(before.secret);
    await tx
      .update(webhookEndpoints)
      .set({
        secret: secretBox.seal(secret),
        previousSecret: previous === null ? null : secretBox.seal(previous),
        previousSecretExpiresAt:
          previous === null ? null : new Date(Date.now() + PREVIOUS_SECRET_HOURS * 3_600_000),
        version: sql`${webhookEndpoints.version} + 1`,
        updatedAt: new Date(),
        updatedBy: actor.userId,
      })
      .where(and(eq(webhookEndpoints.tenantId, actor.tenantId), eq(webhookEndpoints.id, id)));
    await recordAudit(tx, actor, [
      {
        table: 'webhook_endpoints',
        recordId: id,
        action: 'update',
        before: { secret: storedSecretHint(secretBox, before.secret) },
        after: { secret: secretHint(secret) },
      },
    ]);
    return { endpoint: (await loadEndpointView(tx, actor, id, secretBox)) as WebhookEndpointView, secret };
  });
}
