import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/update-versioned.ts';
import { versionConflict } from '../../platform/errors.ts';
import { type Geocoder, offGeocoder } from '../../platform/geo/geocoder.ts';
import { codeTaken, customerNotFound, validationFailed } from './customer-errors.ts';
import { type CustomerFields, editableFieldNames, validateCustomerFields } from './customer-fields.ts';
import { type CustomerPosition, locateAddress, positionGiven, positionPlan } from './customer-geocoding.ts';
import { customerScope } from './customer-scope.ts';
import { type Customer, loadCustomer } from './customer-view.ts';
import {
  auditedCustomer,
  type ContactInput,
  CUSTOMERS_TABLE,
  checkReferences,
  definedOnly,
  isUniqueViolation,
  saveContacts,
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
  /** Locates a changed address (default: none, a changed address loses its position). */
  geocoder?: Geocoder;
}

const fieldsOf = (c: Customer) =>
  Object.fromEntries(editableFieldNames.map((k) => [k, c[k]])) as unknown as CustomerFields;

/**
 * Changes some fields of a customer the actor may edit, with optimistic concurrency
 * (`UPDATE … WHERE version = $read`, then version + 1) and an audit row holding each changed
 * field's before and after. 404 when not visible; 409 `version_conflict` with the server's copy
 * (`current`) when stale, nothing overwritten.
 */
export async function updateCustomer({
  db,
  actor,
  id,
  input,
  geocoder = offGeocoder,
}: UpdateCustomerOptions): Promise<Customer> {
  const { version, code: rawCode, contacts: rawContacts, ...patch } = input;
  // A new address is geocoded before the write transaction, from a short read of its own (the
  // write checks the version again, so an address changed in between is a conflict, not lost).
  let position: CustomerPosition | null = null;
  if (patch.address !== undefined || patch.lat !== undefined || patch.lng !== undefined) {
    const read = await withTenant(db, actor, (tx) => loadCustomer(tx, actor, id));
    if (read && read.version === version) {
      const next = { ...fieldsOf(read), ...definedOnly(patch) };
      const plan = positionPlan(read, next, positionGiven(read, patch));
      if (plan?.geocode) position = await locateAddress(geocoder, next.address);
      else if (plan)
        position = {
          lat: next.lat,
          lng: next.lng,
          geoPrecision: plan.geoPrecision,
          geocodedAt: read.geocodedAt ? new Date(read.geocodedAt) : null,
        };
    }
  }
  try {
    return await withTenant(db, actor, async (tx) => {
      const current = await loadCustomer(tx, actor, id);
      if (!current) throw customerNotFound();
      if (current.version !== version) throw versionConflict(current);

      const stored = fieldsOf(current);
      const merged: CustomerFields = {
        ...stored,
        ...definedOnly(patch),
        ...(position ? { lat: position.lat, lng: position.lng } : {}),
      };
      const checked = validateCustomerFields(merged, rawContacts?.map(toContactFields), rawCode);
      // Data saved before a rule existed (or imported) must not block an unrelated edit: drop
      // errors the stored record already had on fields this request leaves alone.
      const before = validateCustomerFields(stored).errors;
      for (const path of Object.keys(checked.errors)) {
        const field = path.split('.')[0] as string;
        if (!(field in patch) && before[path]?.en === checked.errors[path]?.en) delete checked.errors[path];
      }
      await checkReferences(tx, actor, checked.value, checked.errors, current.repId);
      if (Object.keys(checked.errors).length > 0) throw validationFailed(checked.errors);

      const code = checked.code ?? current.code;
      await updateVersioned(tx, {
        table: customers,
        where: and(customerScope(actor), eq(customers.id, id)) as ReturnType<typeof customerScope>,
        version,
        set: {
          ...checked.value,
          code,
          ...(position ? { geoPrecision: position.geoPrecision, geocodedAt: position.geocodedAt } : {}),
        },
        current: () => loadCustomer(tx, actor, id),
        notFound: customerNotFound,
      });
      await recordAudit(tx, actor, [
        {
          table: CUSTOMERS_TABLE,
          recordId: id,
          action: checked.value.status !== current.status ? 'status_change' : 'update',
          before: auditedCustomer(current.code, stored),
          after: auditedCustomer(code, checked.value),
        },
      ]);
      if (checked.contacts) await saveContacts(tx, actor, id, checked.contacts);
      return (await loadCustomer(tx, actor, id)) as Customer;
    });
  } catch (error) {
    if (rawCode !== undefined && isUniqueViolation(error, 'customers_code_uq'))
      throw codeTaken(rawCode.trim());
    throw error;
  }
}
