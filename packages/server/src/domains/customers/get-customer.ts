import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { customerNotFound } from './customer-errors.ts';
import { type Customer, loadCustomer } from './customer-view.ts';

export interface GetCustomerOptions {
  db: Db;
  actor: Actor;
  id: string;
}

/** One customer with contacts and order stats; 404 when it is not the actor's to see. */
export async function getCustomer({ db, actor, id }: GetCustomerOptions): Promise<Customer> {
  const customer = await withTenant(db, actor, (tx) => loadCustomer(tx, actor, id));
  if (!customer) throw customerNotFound();
  return customer;
}
