import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { auditedEndpoint, loadEndpointRow } from './endpoint-view.ts';
import { webhookEndpoints } from './tables.ts';
import { webhookError } from './webhook-errors.ts';

/** Deletes a web hook and its deliveries (nothing more is sent to it). Audited. */
export async function deleteWebhookEndpoint({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  await withTenant(db, actor, async (tx) => {
    const before = await loadEndpointRow(tx, actor, id);
    if (!before) throw webhookError('endpoint_not_found');
    await tx
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.tenantId, actor.tenantId), eq(webhookEndpoints.id, id)));
    await recordAudit(tx, actor, [
      {
        table: 'webhook_endpoints',
        recordId: id,
        action: 'delete',
        before: auditedEndpoint(before),
        after: null,
      },
    ]);
  });
}
