import { and, eq, sql } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { codeTaken, customerNotFound, validationFailed, versionConflict } from './customer-errors.ts';
import { type CustomerFields, editableFieldNames, validateCustomerFields } from './customer-fields.ts';
import { customerScope } from './customer-scope.ts';
import { type Customer, loadCustomer } from './customer-view.ts';
import {
  type ContactInput,
  checkReferences,
  definedOnly,
  isUniqueViolation,
  replaceContacts,
  toContactFields,
} from './customer-writes.ts';
import { customers } from './tables.ts';

export type UpdateCustomerInput = Partial<CustomerFields> & {
  /** The version the caller read; a stale one gets 409 version_conflict and changes nothing. */
  version: number;
  code?: string | undefined;
  /** When given, replaces the whole contact list. */
  contacts?: ContactInput[] | undefined;
};

export interface UpdateCustomerOptions {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdateCustomerInput;
}

/**
 * Changes some fields of a customer the actor may edit, with optimistic concurrency:
 * `UPDATE … WHERE version = $read`, then version + 1. 404 when not visible, 409 when stale.
 */
export async function updateCustomer({ db, actor, id, input }: UpdateCustomerOptions): Promise<Customer> {
  const { version, code: rawCode, contacts: rawContacts, ...patch } = input;
  try {
    return await withTenant(db, actor, async (tx) => {
      const current = await loadCustomer(tx, actor, id);
      if (!current) throw customerNotFound();
      if (current.version !== version) throw versionConflict();

      const merged = Object.fromEntries(
        editableFieldNames.map((k) => [k, current[k]]),
      ) as unknown as CustomerFields;
      Object.assign(merged, definedOnly(patch));
      const checked = validateCustomerFields(merged, rawContacts?.map(toContactFields), rawCode);
      // Data saved before a rule existed (or imported) must not block an unrelated edit: drop
      // errors the stored record already had on fields this request leaves alone.
      const before = validateCustomerFields(
        Object.fromEntries(editableFieldNames.map((k) => [k, current[k]])) as unknown as CustomerFields,
      ).errors;
      for (const path of Object.keys(checked.errors)) {
        const field = path.split('.')[0] as string;
        if (!(field in patch) && before[path]?.en === checked.errors[path]?.en) delete checked.errors[path];
      }
      await checkReferences(tx, actor, checked.value, checked.errors, current.repId);
      if (Object.keys(checked.errors).length > 0) throw validationFailed(checked.errors);

      const updated = await tx
        .update(customers)
        .set({
          ...checked.value,
          ...(checked.code !== undefined ? { code: checked.code } : {}),
          version: sql`${customers.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(and(customerScope(actor), eq(customers.id, id), eq(customers.version, version)))
        .returning({ id: customers.id });
      if (updated.length === 0) throw versionConflict();
      if (checked.contacts) await replaceContacts(tx, actor.tenantId, id, checked.contacts);
      return (await loadCustomer(tx, actor, id)) as Customer;
    });
  } catch (error) {
    if (rawCode !== undefined && isUniqueViolation(error, 'customers_code_uq'))
      throw codeTaken(rawCode.trim());
    throw error;
  }
}
