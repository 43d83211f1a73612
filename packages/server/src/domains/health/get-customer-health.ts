import type { z } from '@hono/zod-openapi';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { customerNotFound } from '../customers/customer-errors.ts';
import { todayIn } from '../planning/working-days.ts';
import type { CustomerHealth } from './health-schemas.ts';
import { loadCustomerHealth } from './load-customer-health.ts';

export interface GetCustomerHealthOptions {
  db: Db;
  actor: Actor;
  customerId: string;
  /** The day health is counted to (default: today in Asia/Tokyo). */
  asOfDate?: string;
}

/**
 * One customer's health with its reasons (the カルテ and the briefing). 404 when the caller may
 * not see the customer, or it is archived or churned (no health is kept for those).
 */
export async function getCustomerHealth({
  db,
  actor,
  customerId,
  asOfDate = todayIn(),
}: GetCustomerHealthOptions): Promise<z.infer<typeof CustomerHealth>> {
  const [row] = await withTenant(db, actor, (tx) =>
    loadCustomerHealth(tx, { tenantId: actor.tenantId, asOfDate, filter: { customerIds: [customerId] } }),
  );
  if (!row) throw customerNotFound();
  return {
    customerId: row.customerId,
    asOfDate,
    score: row.health.score,
    risk: row.health.risk,
    band: row.health.band,
    reasons: row.health.reasons,
    lastVisitDate: row.lastVisitDate,
    lastOrderDate: row.lastOrderDate,
  };
}
