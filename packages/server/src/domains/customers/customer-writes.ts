import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { areas } from '../../platform/db/schema/index.ts';
import { type FieldErrors, fieldIssueText } from './customer-errors.ts';
import type { ContactFields, CustomerFields } from './customer-fields.ts';
import { canAssignTo, loadAssignableStaff } from './staff-directory.ts';
import { customerContacts } from './tables.ts';

/** A contact as the API accepts it: only the name is required. */
export interface ContactInput {
  name: string;
  nameKana?: string | undefined;
  title?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  isPrimary?: boolean | undefined;
}

export const toContactFields = (c: ContactInput): ContactFields => ({
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

/** Replaces a customer's contacts with this list (in this order). */
export async function replaceContacts(
  tx: Tx,
  tenantId: string,
  customerId: string,
  contacts: readonly ContactFields[],
): Promise<void> {
  await tx
    .delete(customerContacts)
    .where(and(eq(customerContacts.tenantId, tenantId), eq(customerContacts.customerId, customerId)));
  if (contacts.length === 0) return;
  await tx
    .insert(customerContacts)
    .values(contacts.map((c, i) => ({ tenantId, id: randomUUID(), customerId, sortOrder: i, ...c })));
}

/**
 * The next free C-000123 style code of the tenant. Reads through a SECURITY DEFINER function
 * (migration 0002) because the caller's RLS scope hides other reps' customers and their codes;
 * it only ever returns a number, for the caller's own tenant.
 */
export async function nextCustomerCode(tx: Tx): Promise<string> {
  const result = await tx.execute(sql`select kayoi_next_customer_code_number() as n`);
  const n = Number(rowsOf<{ n: number | string }>(result)[0]?.n ?? 1);
  return `C-${String(n).padStart(6, '0')}`;
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
