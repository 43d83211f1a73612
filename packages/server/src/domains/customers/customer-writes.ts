import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { diffFields } from '../../platform/audit/diff-fields.ts';
import { type AuditEntry, recordAudit } from '../../platform/audit/record-audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { nextCounter } from '../../platform/db/next-counter.ts';
import { areas } from '../../platform/db/schema/index.ts';
import { type FieldErrors, fieldIssueText } from './customer-errors.ts';
import type { ContactFields, CustomerFields } from './customer-fields.ts';
import { canAssignTo, loadAssignableStaff } from './staff-directory.ts';
import { customerContacts, customerSettings } from './tables.ts';

/** A contact as the API accepts it: only the name is required. */
export interface ContactInput {
  /** The contact's id as read, to keep it when its name changes. */
  id?: string | undefined;
  name: string;
  nameKana?: string | undefined;
  title?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  isPrimary?: boolean | undefined;
}

export const toContactFields = (c: ContactInput): ContactFields & { id?: string | undefined } => ({
  id: c.id,
  name: c.name,
  nameKana: c.nameKana ?? '',
  title: c.title ?? '',
  phone: c.phone ?? '',
  email: c.email ?? '',
  isPrimary: c.isPrimary ?? false,
});

/** Drops the keys whose value is undefined (what a PATCH left out). */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Checks what needs the database: the rep is one the actor may assign to (reps keep their own
 * customers, managers stay inside their team) and the area exists in the tenant. Adds to `errors`.
 */
export async function checkReferences(
  tx: Tx,
  actor: Actor,
  fields: CustomerFields,
  errors: FieldErrors,
  previousRepId?: string | null,
): Promise<void> {
  if (fields.repId === null) {
    if (actor.role !== 'admin') errors.repId ??= fieldIssueText('rep_required');
  } else if (fields.repId !== previousRepId) {
    const staff = await loadAssignableStaff(tx, actor);
    if (
      !canAssignTo(
        actor,
        staff.find((s) => s.userId === fields.repId),
      )
    ) {
      errors.repId ??= fieldIssueText('rep_not_assignable');
    }
  }
  if (fields.areaId !== null) {
    const [area] = await tx
      .select({ id: areas.id })
      .from(areas)
      .where(and(eq(areas.tenantId, actor.tenantId), eq(areas.id, fields.areaId)));
    if (!area) errors.areaId ??= fieldIssueText('area_unknown', { value: fields.areaId });
  }
}

export const CUSTOMERS_TABLE = 'customers';
export const CONTACTS_TABLE = 'customer_contacts';

/** What a customer's audit rows compare: its code and every editable field. */
export const auditedCustomer = (code: string, fields: CustomerFields): Record<string, unknown> => ({
  code,
  ...fields,
});

const contactFieldsOf = (c: ContactFields): ContactFields => ({
  name: c.name,
  nameKana: c.nameKana,
  title: c.title,
  phone: c.phone,
  email: c.email,
  isPrimary: c.isPrimary,
});

/**
 * Saves a customer's contact list (in this order) and audits each contact that was added,
 * changed or removed. A contact keeps its id when the input names it (`id` as read) or, failing
 * that, when a stored contact has the same name; the rest are added, and stored contacts left
 * unmatched are removed.
 */
export async function saveContacts(
  tx: Tx,
  actor: Actor,
  customerId: string,
  contacts: readonly (ContactFields & { id?: string | undefined })[],
): Promise<void> {
  const { tenantId } = actor;
  const stored = await tx
    .select()
    .from(customerContacts)
    .where(and(eq(customerContacts.tenantId, tenantId), eq(customerContacts.customerId, customerId)))
    .orderBy(asc(customerContacts.sortOrder), asc(customerContacts.id));
  const unmatched = new Map(stored.map((c) => [c.id, c]));
  const planned = contacts.map((input) => {
    let match = input.id !== undefined ? unmatched.get(input.id) : undefined;
    match ??= [...unmatched.values()].find((s) => s.name === input.name);
    if (match) unmatched.delete(match.id);
    return { input, match };
  });
  const audit: AuditEntry[] = [];
  const subject = { table: CUSTOMERS_TABLE, id: customerId };

  if (unmatched.size > 0) {
    await tx
      .delete(customerContacts)
      .where(
        and(eq(customerContacts.tenantId, tenantId), inArray(customerContacts.id, [...unmatched.keys()])),
      );
    for (const gone of unmatched.values()) {
      const before = contactFieldsOf(gone);
      audit.push({
        table: CONTACTS_TABLE,
        recordId: gone.id,
        action: 'delete',
        before,
        after: null,
        subject,
      });
    }
  }
  const inserts = [];
  for (const [i, { input, match }] of planned.entries()) {
    const after = contactFieldsOf(input);
    if (!match) {
      const id = randomUUID();
      inserts.push({ tenantId, id, customerId, sortOrder: i, ...after });
      audit.push({ table: CONTACTS_TABLE, recordId: id, action: 'create', before: null, after, subject });
      continue;
    }
    const before = contactFieldsOf(match);
    const changed = Object.keys(diffFields({ before, after })).length > 0;
    if (!changed && match.sortOrder === i) continue;
    await tx
      .update(customerContacts)
      .set({ ...after, sortOrder: i })
      .where(and(eq(customerContacts.tenantId, tenantId), eq(customerContacts.id, match.id)));
    if (changed)
      audit.push({ table: CONTACTS_TABLE, recordId: match.id, action: 'update', before, after, subject });
  }
  if (inserts.length > 0) await tx.insert(customerContacts).values(inserts);
  await recordAudit(tx, actor, audit);
}

/** How new customer codes look: a prefix and a zero-padded number (C00213). */
export interface CodeScheme {
  prefix: string;
  digits: number;
}

/** The default scheme, the demo company's: C + 5 digits. */
export const DEFAULT_CODE_SCHEME: CodeScheme = { prefix: 'C', digits: 5 };

/** The tenant's code scheme (customer_settings; the default without a row). */
export async function loadCodeScheme(tx: Tx, actor: Actor): Promise<CodeScheme> {
  const [row] = await tx
    .select({ prefix: customerSettings.codePrefix, digits: customerSettings.codeDigits })
    .from(customerSettings)
    .where(eq(customerSettings.tenantId, actor.tenantId));
  return row ?? DEFAULT_CODE_SCHEME;
}

/** C + 213 → C00213 (a number wider than the digits keeps all of them: C123456). */
export const formatCustomerCode = (scheme: CodeScheme, n: number) =>
  `${scheme.prefix}${String(n).padStart(scheme.digits, '0')}`;

/**
 * Takes `count` consecutive code numbers of the tenant's scheme and returns the first. They come
 * from a per-tenant counter per prefix whose row lock queues concurrent creators, so codes are
 * allocated without races. The counter never falls below one more than the highest code of the
 * scheme in use (prefix + digits, read through a SECURITY DEFINER function, as other reps'
 * customers are hidden by RLS): on its first use, and when `skipTaken` says a code typed by hand
 * or imported got in the way.
 */
export function takeCustomerCodes(
  tx: Tx,
  actor: Actor,
  scheme: CodeScheme,
  count = 1,
  skipTaken = false,
  /** Numbers below this are not handed out (an import's own codes of the scheme, not stored yet). */
  atLeast = 1,
): Promise<number> {
  return nextCounter(tx, {
    tenantId: actor.tenantId,
    name: `customer_code:${scheme.prefix}`,
    count,
    floor: sql`greatest(kayoi_next_customer_code_number_for(${scheme.prefix}), ${atLeast}::bigint)`,
    alwaysFloor: skipTaken,
  });
}

/** The number of a code of this scheme (C00213 → 213), or null for a code of another form. */
export function codeNumber(scheme: CodeScheme, code: string): number | null {
  if (!code.startsWith(scheme.prefix)) return null;
  const digits = code.slice(scheme.prefix.length);
  return /^[0-9]{1,12}$/.test(digits) ? Number(digits) : null;
}

/** Customer codes of the tenant already in use, whoever's customers they are (same function family). */
export async function codesInUse(tx: Tx, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const list = sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  );
  const result = await tx.execute(
    sql`select code from kayoi_customer_codes_in_use(array[${list}]::text[]) as code`,
  );
  return new Set(rowsOf<{ code: string }>(result).map((r) => r.code));
}

/** Whether a database error is a unique violation of this constraint (either driver). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name } = e as { code?: string; constraint?: string };
    if (code === '23505' && (name === undefined || name === constraint)) return true;
  }
  return false;
}

/** The rows of a raw `tx.execute` result: both drivers answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
