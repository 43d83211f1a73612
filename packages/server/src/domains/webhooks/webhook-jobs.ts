import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/query-rows.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import { runDueWebhookDeliveries } from './run-due-webhook-deliveries.ts';
import type { WebhookTransport } from './send-webhook.ts';

export const DELIVER_JOB = 'webhooks.deliver';

/** Registers the `webhooks.deliver` job: sends one tenant's due deliveries. */
export function registerWebhookJobs({
  jobs,
  db,
  transport,
  secretBox,
}: {
  jobs: JobQueue;
  db: Db;
  transport: WebhookTransport;
  secretBox: SecretBox;
}): Promise<void> {
  return jobs.work<{ tenantId: string }, { attempted: number; succeeded: number }>(
    DELIVER_JOB,
    (job, { signal }) =>
      runDueWebhookDeliveries({ db, tenantId: job.tenantId, transport, secretBox, signal }),
  );
}

/** Which tenants have a delivery due (the app's login reads only those columns). */
export async function tenantsWithDueDeliveries(db: Db, now = new Date()): Promise<string[]> {
  const rows = await queryRows<{ tenant_id: string }>(
    db,
    sql`select distinct tenant_id from webhook_deliveries
        where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz limit 200`,
  );
  return rows.map((r) => r.tenant_id);
}

/** Queues the `webhooks.deliver` job of a tenant (one at a time per tenant); answers its id. */
export const enqueueDelivery = (jobs: JobQueue, tenantId: string) =>
  jobs.enqueue(DELIVER_JOB, { tenantId }, { tenantId, singletonKey: 'due' });

/**
 * Every `intervalMs` (default 10 s), queues one `webhooks.deliver` job per tenant with a delivery
 * due (a singleton per tenant: a run still going is not doubled). Answers its stop function.
 */
export function startWebhookDispatcher({
  jobs,
  db,
  intervalMs = 10_000,
  onError,
}: {
  jobs: JobQueue;
  db: Db;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const tenantId of await tenantsWithDueDeliveries(db)) await enqueueDelivery(jobs, tenantId);
    } catch (error) {
      onError?.(error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
