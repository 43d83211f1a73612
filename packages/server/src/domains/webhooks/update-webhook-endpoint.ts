import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/update-versioned.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import { auditedEndpoint, loadEndpointView } from './endpoint-view.ts';
import { webhookDeliveries, webhookEndpoints } from './tables.ts';
import { webhookError } from './webhook-errors.ts';
import type { UpdateWebhookEndpointInput, WebhookEndpointView } from './webhook-schemas.ts';
import { checkWebhookUrl } from './webhook-url.ts';

export interface UpdateWebhookEndpointOptions {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdateWebhookEndpointInput;
  allowPrivate: boolean;
  /** Opens the stored secret for the hint the answer shows (webhookSecretBox). */
  secretBox: SecretBox;
}

/**
 * Changes a web hook's URL, description, events or whether it is active, with the version the
 * caller read (409 version_conflict with `current` when stale). Turning it off ends its pending
 * deliveries as failed ("無効にしました"), so turning it on again floods nobody. Audited.
 */
export async function updateWebhookEndpoint({
  db,
  actor,
  id,
  input,
  allowPrivate,
  secretBox,
}: UpdateWebhookEndpointOptions): Promise<WebhookEndpointView> {
  if (input.url !== undefined) {
    const problem = checkWebhookUrl(input.url, { allowPrivate });
    if (problem) throw webhookError(problem);
  }
  return withTenant(db, actor, async (tx) => {
    const before = await loadEndpointView(tx, actor, id, secretBox);
    if (!before) throw webhookError('endpoint_not_found');
    await updateVersioned(tx, {
      table: webhookEndpoints,
      where: and(eq(webhookEndpoints.tenantId, actor.tenantId), eq(webhookEndpoints.id, id)) as never,
      version: input.version,
      set: {
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.events !== undefined ? { events: [...new Set(input.events)] } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        updatedBy: actor.userId,
      },
      current: () => loadEndpointView(tx, actor, id, secretBox),
      notFound: () => webhookError('endpoint_not_found'),
    });
    if (before.active && input.active === false)
      await tx
        .update(webhookDeliveries)
        .set({
          status: 'failed',
          nextAttemptAt: null,
          lastError: 'Webhook を無効にしました / the web hook was turned off',
          updatedAt: new Date(),
        })
        .where(
          and(
            eq(webhookDeliveries.tenantId, actor.tenantId),
            eq(webhookDeliveries.endpointId, id),
            eq(webhookDeliveries.status, 'pending'),
          ),
        );
    const after = (await loadEndpointView(tx, actor, id, secretBox)) as WebhookEndpointView;
    await recordAudit(tx, actor, [
      {
        table: 'webhook_endpoints',
        recordId: id,
        action: before.active !== after.active ? 'status_change' : 'update',
        before: auditedEndpoint(before),
        after: auditedEndpoint(after),
      },
    ]);
    return after;
  });
}
