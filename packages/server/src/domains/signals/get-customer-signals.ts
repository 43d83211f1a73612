import type { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { customerNotFound } from '../customers/customer-errors.ts';
import { customerScope } from '../customers/customer-scope.ts';
import { customers } from '../customers/tables.ts';
import { todayIn } from '../planning/working-days.ts';
import { readCustomerSignals } from './read-customer-signals.ts';
import type { CustomerSignals } from './signals-schemas.ts';

export interface GetCustomerSignalsOptions {
  db: Db;
  actor: Actor;
  customerId: string;
  now?: Date;
}

/** A customer's due and upcoming reorders and its cross-sell suggestions; 404 outside the caller's book. */
export async function getCustomerSignals({
  db,
  actor,
  customerId,
  now = new Date(),
}: GetCustomerSignalsOptions): Promise<z.output<typeof CustomerSignals>> {
  const today = todayIn('Asia/Tokyo', now);
  return withTenant(db, actor, async (tx) => {
    const [customer] = await tx
      .select({ id: customers.id, areaId: customers.areaId })
      .from(customers)
      .where(and(customerScope(actor), eq(customers.id, customerId)));
    if (!customer) throw customerNotFound();
    return readCustomerSignals({ tx, actor, customer, today });
  });
}
