import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { type Geocoder, offGeocoder } from '../../platform/geo/geocoder.ts';
import { codeTaken, validationFailed } from './customer-errors.ts';
import { type CustomerFields, customerDefaults, validateCustomerFields } from './customer-fields.ts';
import { type CustomerPosition, locateAddress, positionGiven } from './customer-geocoding.ts';
import { type Customer, loadCustomer } from './customer-view.ts';
import {
  auditedCustomer,
  type ContactInput,
  CUSTOMERS_TABLE,
  checkReferences,
  definedOnly,
  formatCustomerCode,
  isUniqueViolation,
  loadCodeScheme,
  saveContacts,
  takeCustomerCodes,
  toContactFields,
} from './customer-writes.ts';
import { customers } from './tables.ts';

export type CreateCustomerInput = Partial<CustomerFields> & {
  /** A client-made UUID (a phone without signal names the record before the server sees it). */
  id?: string | undefined;
  /** Omitted: the next code of the tenant's scheme (C00213 by default). */
  code?: string | undefined;
  contacts?: ContactInput[] | undefined;
};

export interface CreateCustomerOptions {
  db: Db;
  actor: Actor;
  input: CreateCustomerInput;
  /** Locates the address when the input gives no lat/lng (default: none, the customer has no position). */
  geocoder?: Geocoder;
}

const idTaken = () => {
  const text = {
    ja: 'このIDの顧客はすでに登録されています。',
    en: 'A customer with this id already exists.',
  };
  return new AppError(409, 'id_taken', text, { id: text });
};

/**
 * Adds a customer to the book. A rep's new customer is theirs unless they say otherwise (and
 * they may not say someone else); a manager assigns within their team; an admin to anyone.
 * Without a code it gets the next code of the tenant's scheme (C00213 by default; no two creates
 * ever draw the same).
 * Audited with its contacts. 422 naming each refused field; 409 `code_taken` when the code is
 * in use in the tenant, `id_taken` when the client-made id is.
 */
export async function createCustomer({
  db,
  actor,
  input,
  geocoder = offGeocoder,
}: CreateCustomerOptions): Promise<Customer> {
  const { id: clientId, code: rawCode, contacts: rawContacts, ...fields } = input;
  const draft: CustomerFields = {
    ...customerDefaults,
    repId: actor.role === 'rep' ? actor.userId : null,
    ...definedOnly(fields),
  };
  const checked = validateCustomerFields(draft, (rawContacts ?? []).map(toContactFields), rawCode);
  const id = clientId ?? randomUUID();
  // Geocoded before the transaction, never inside it: a slow service holds no connection or lock.
  let position: CustomerPosition;
  if (positionGiven(null, fields)) {
    const { lat, lng } = checked.value;
    position = { lat, lng, geoPrecision: lat !== null && lng !== null ? 'manual' : 'none', geocodedAt: null };
  } else if (Object.keys(checked.errors).length === 0) {
    position = await locateAddress(geocoder, checked.value.address);
  } else position = { lat: null, lng: null, geoPrecision: 'none', geocodedAt: null };
  checked.value.lat = position.lat;
  checked.value.lng = position.lng;

  try {
    return await withTenant(db, actor, async (tx) => {
      await checkReferences(tx, actor, checked.value, checked.errors);
      if (Object.keys(checked.errors).length > 0) throw validationFailed(checked.errors);

      const values = {
        tenantId: actor.tenantId,
        id,
        ...checked.value,
        geoPrecision: position.geoPrecision,
        geocodedAt: position.geocodedAt,
      };
      let code = checked.code;
      if (code !== undefined) {
        await tx.insert(customers).values({ ...values, code });
      } else {
        // The counter serialises creators; a code typed by hand may still sit on the next number.
        const scheme = await loadCodeScheme(tx, actor);
        for (let attempt = 0; ; attempt++) {
          const drawn = formatCustomerCode(
            scheme,
            await takeCustomerCodes(tx, actor, scheme, 1, attempt > 0),
          );
          try {
            await tx.transaction((sp) => sp.insert(customers).values({ ...values, code: drawn }));
            code = drawn;
            break;
          } catch (error) {
            if (attempt >= 2 || !isUniqueViolation(error, 'customers_code_uq')) throw error;
          }
        }
      }
      await recordAudit(tx, actor, [
        {
          table: CUSTOMERS_TABLE,
          recordId: id,
          action: 'create',
          before: null,
          after: auditedCustomer(code, checked.value),
        },
      ]);
      await saveContacts(tx, actor, id, checked.contacts ?? []);
      return (await loadCustomer(tx, actor, id)) as Customer;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'customers_tenant_id_id_pk')) throw idTaken();
    if (checked.code !== undefined && isUniqueViolation(error, 'customers_code_uq'))
      throw codeTaken(checked.code);
    throw error;
  }
}
