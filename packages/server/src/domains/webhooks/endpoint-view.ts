import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { user } from '../../platform/db/schema/index.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import { type WebhookDeliveryStatus, webhookEndpoints } from './tables.ts';
import type { WebhookEndpointView } from './webhook-schemas.ts';
import { storedSecretHint } from './webhook-signing.ts';

type LastDelivery = { status: WebhookDeliveryStatus; at: string; statusCode: number | null } | null;

async function selectEndpoints(
  tx: Tx,
  where: SQL | undefined,
  secretBox: SecretBox,
): Promise<WebhookEndpointView[]> {
  const rows = await tx
    .select({
      endpoint: webhookEndpoints,
      createdByName: user.name,
      lastDelivery: sql<LastDelivery>`(
        select json_build_object('status', d.status, 'at', coalesce(d.last_attempt_at, d.created_at),
          'statusCode', d.last_status_code)
        from webhook_deliveries d
        where d.tenant_id = ${webhookEndpoints.tenantId} and d.endpoint_id = ${webhookEndpoints.id}
        order by d.created_at desc, d.id desc limit 1)`,
    })
    .from(webhookEndpoints)
    .leftJoin(user, eq(user.id, webhookEndpoints.createdBy))
    .where(where)
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
  return rows.map(({ endpoint: e, createdByName, lastDelivery }) => ({
    id: e.id,
    url: e.url,
    description: e.description,
    events: e.events,
    active: e.active,
    secretHint: storedSecretHint(secretBox, e.secret),
    lastDelivery: lastDelivery ? { ...lastDelivery, at: new Date(lastDelivery.at).toISOString() } : null,
    createdByName: createdByName ?? null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    version: e.version,
  }));
}

/** The tenant's web hooks, oldest first, each with its last delivery. */
export const listEndpointViews = (tx: Tx, actor: Actor, secretBox: SecretBox) =>
  selectEndpoints(tx, eq(webhookEndpoints.tenantId, actor.tenantId), secretBox);

/** One web hook as the API shows it, or null. */
export async function loadEndpointView(
  tx: Tx,
  actor: Actor,
  id: string,
  secretBox: SecretBox,
): Promise<WebhookEndpointView | null> {
  const [view] = await selectEndpoints(
    tx,
    and(eq(webhookEndpoints.tenantId, actor.tenantId), eq(webhookEndpoints.id, id)),
    secretBox,
  );
  return view ?? null;
}

/** The stored row (with its secrets, sealed), or null. */
export async function loadEndpointRow(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, actor.tenantId), eq(webhookEndpoints.id, id)));
  return row ?? null;
}

/** What the audit trail keeps of an endpoint: never its secret. */
export const auditedEndpoint = (e: {
  url: string;
  description: string;
  events: readonly string[];
  active: boolean;
}) => ({ url: e.url, description: e.description, events: [...e.events], active: e.active });
