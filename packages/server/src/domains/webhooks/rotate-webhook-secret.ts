import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { loadEndpointRow, loadEndpointView } from './endpoint-view.ts';
import { webhookEndpoints } from './tables.ts';
import { webhookError } from './webhook-errors.ts';
import type { WebhookEndpointView } from './webhook-schemas.ts';
import { generateWebhookSecret, secretHint } from './webhook-signing.ts';

/** How long the previous secret still signs (beside the new one) after a rotation. */
const PREVIOUS_SECRET_HOURS = 24;

/**
 * Gives a web hook a new signing secret, answered this once. For 24 hours deliveries carry a
 * signature by the previous secret too, so the receiver can switch without losing any. Audited
 * (the hints only).
 */
export async function rotateWebhookSecret({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: string;
}): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const secret = generateWebhookSecret();
  return withTenant(db, actor, async (tx) => {
    const before = await loadEndpointRow(tx, actor, id);
    if (!before) throw webhookError('endpoint_not_found');
    await tx
      .update(webhookEndpoints)
      .set({
        secret,
        previousSecret: before.secret,
        previousSecretExpiresAt: new Date(Date.now() + PREVIOUS_SECRET_HOURS * 3_600_000),
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
        before: { secret: secretHint(before.secret) },
        after: { secret: secretHint(secret) },
      },
    ]);
    return { endpoint: (await loadEndpointView(tx, actor, id)) as WebhookEndpointView, secret };
  });
}
