import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import { auditedEndpoint, loadEndpointView } from './endpoint-view.ts';
import { webhookEndpoints } from './tables.ts';
import { idTaken, isUniqueViolation, webhookError } from './webhook-errors.ts';
import type { CreateWebhookEndpointInput, WebhookEndpointView } from './webhook-schemas.ts';
import { generateWebhookSecret } from './webhook-signing.ts';
import { checkWebhookUrl } from './webhook-url.ts';
import { MAX_WEBHOOK_ENDPOINTS } from './webhook-values.ts';

export interface CreateWebhookEndpointOptions {
  db: Db;
  actor: Actor;
  input: CreateWebhookEndpointInput;
  allowPrivate: boolean;
  /** Seals the secret for storage (webhookSecretBox). */
  secretBox: SecretBox;
}

/**
 * Adds a web hook with a new signing secret, answered this once. 422 on url for a URL that is
 * not https (or reaches a private address without WEBHOOKS_ALLOW_PRIVATE=1); 409 beyond 20.
 * Stored sealed (webhookSecretBox). Audited (without the secret).
 */
export async function createWebhookEndpoint({
  db,
  actor,
  input,
  allowPrivate,
  secretBox,
}: CreateWebhookEndpointOptions): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const problem = checkWebhookUrl(input.url, { allowPrivate });
  if (problem) throw webhookError(problem);
  const id = input.id ?? randomUUID();
  const secret = generateWebhookSecret();
  try {
    return await withTenant(db, actor, async (tx) => {
      const [existing] = await tx
        .select({ n: count() })
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.tenantId, actor.tenantId));
      if (Number(existing?.n ?? 0) >= MAX_WEBHOOK_ENDPOINTS) throw webhookError('too_many_endpoints');
      const values = {
        url: input.url,
        description: input.description ?? '',
        events: [...new Set(input.events)],
        active: input.active ?? true,
      };
      await tx.insert(webhookEndpoints).values({
        tenantId: actor.tenantId,
        id,
        ...values,
        secret: secretBox.seal(secret),
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordAudit(tx, actor, [
        {
          table: 'webhook_endpoints',
          recordId: id,
          action: 'create',
          before: null,
          after: auditedEndpoint(values),
        },
      ]);
      return { endpoint: (await loadEndpointView(tx, actor, id, secretBox)) as WebhookEndpointView, secret };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'webhook_endpoints_tenant_id_id_pk')) throw idTaken();
    throw error;
  }
}
