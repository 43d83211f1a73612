import { randomUUID } from 'node:crypto';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { codeTaken, validationFailed } from './customer-errors.ts';
import { type CustomerFields, customerDefaults, validateCustomerFields } from './customer-fields.ts';
import { type Customer, loadCustomer } from './customer-view.ts';
import {
  type ContactInput,
  checkReferences,
  definedOnly,
  isUniqueViolation,
  nextCustomerCode,
  replaceContacts,
  toContactFields,
} from './customer-writes.ts';
import { customers } from './tables.ts';

export type CreateCustomerInput = Partial<CustomerFields> & {
  /** Omitted: the next C-000123 style code. */
  code?: string | undefined;
  contacts?: ContactInput[] | undefined;
};

export interface CreateCustomerOptions {
  db: Db;
  actor: Actor;
  input: CreateCustomerInput;
}

/**
 * Adds a customer to the book. A rep's new customer is theirs unless they say otherwise (and
 * they may not say someone else); a manager assigns within their team; an admin to anyone.
 * 422 naming each refused field; 409 `code_taken` when the code is in use in the tenant.
 */
export async function createCustomer({ db, actor, input }: CreateCustomerOptions): Promise<Customer> {
  const { code: rawCode, contacts: rawContacts, ...fields } = input;
  const draft: CustomerFields = {
    ...customerDefaults,
    repId: actor.role === 'rep' ? actor.userId : null,
    ...definedOnly(fields),
  };
  const checked = validateCustomerFields(draft, (rawContacts ?? []).map(toContactFields), rawCode);
  const id = randomUUID();

  try {
    return await withTenant(db, actor, async (tx) => {
      await checkReferences(tx, actor, checked.value, checked.errors);
      if (Object.keys(checked.errors).length > 0) throw validationFailed(checked.errors);

      const values = { tenantId: actor.tenantId, id, ...checked.value };
      if (checked.code !== undefined) {
        await tx.insert(customers).values({ ...values, code: checked.code });
      } else {
        // Two creations at once can draw the same number: retry on a savepoint.
        for (let attempt = 0; ; attempt++) {
          const code = await nextCustomerCode(tx);
          try {
            await tx.transaction((sp) => sp.insert(customers).values({ ...values, code }));
            break;
          } catch (error) {
            if (attempt >= 4 || !isUniqueViolation(error, 'customers_code_uq')) throw error;
          }
        }
      }
      await replaceContacts(tx, actor.tenantId, id, checked.contacts ?? []);
      return (await loadCustomer(tx, actor, id)) as Customer;
    });
  } catch (error) {
    if (checked.code !== undefined && isUniqueViolation(error, 'customers_code_uq'))
      throw codeTaken(checked.code);
    throw error;
  }
}
