import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type AuditEntry, recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/query-rows.ts';
import { importForbidden } from './customer-errors.ts';
import { type CustomerFields, editableFieldNames } from './customer-fields.ts';
import type { ImportRow } from './customer-import-rows.ts';
import { customerScope } from './customer-scope.ts';
import {
  auditedCustomer,
  CONTACTS_TABLE,
  CUSTOMERS_TABLE,
  codeNumber,
  formatCustomerCode,
  isUniqueViolation,
  loadCodeScheme,
  takeCustomerCodes,
} from './customer-writes.ts';
import { importRefused } from './import-errors.ts';
import { customerContacts, customerImports, customers } from './tables.ts';

export interface CommitCustomerImportOptions {
  db: Db;
  actor: Actor;
  importId: string;
  now?: Date;
}

const CHUNK = 1000;

/**
 * One statement per chunk: `UPDATE customers … FROM jsonb_to_recordset($rows)` matching id AND
 * the version seen at preview. Returns how many rows it changed; fewer than asked means a
 * customer moved (edited, reassigned out of reach) since the preview.
 */
async function updateChunk(tx: Tx, actor: Actor, rows: readonly ImportRow[]): Promise<number> {
  const payload = JSON.stringify(
    rows.map((r) => ({
      id: r.customerId,
      version: r.version,
      ...r.fields,
      geoPrecision: r.position?.geoPrecision ?? null,
      geocodedAt: r.position?.geocodedAt ?? null,
    })),
  );
  const updated = await queryRows<{ id: string }>(
    tx,
    sql`update customers set
          name = v.name, name_kana = v."nameKana", honorific = v.honorific,
          postal_code = v."postalCode", address = v.address, phone = v.phone, lat = v.lat, lng = v.lng,
          rep_id = v."repId", area_id = v."areaId", rank = v.rank, status = v.status,
          cadence_days = v."cadenceDays", cadence_tolerance_days = v."cadenceToleranceDays",
          preferred_weekdays = array(select jsonb_array_elements_text(v."preferredWeekdays")::smallint),
          time_windows = v."timeWindows", visit_duration_minutes = v."visitDurationMinutes",
          preferences = v.preferences, cautions = v.cautions, notes = v.notes,
          geo_precision = coalesce(v."geoPrecision", customers.geo_precision),
          geocoded_at = case when v."geoPrecision" is null then customers.geocoded_at else v."geocodedAt" end,
          version = customers.version + 1, updated_at = now()
        from jsonb_to_recordset(${payload}::jsonb) as v(
          id text, version int, name text, "nameKana" text, honorific text, "postalCode" text,
          address text, phone text, lat double precision, lng double precision, "repId" text,
          "areaId" text, rank text, status text, "cadenceDays" int, "cadenceToleranceDays" int,
          "preferredWeekdays" jsonb, "timeWindows" jsonb, "visitDurationMinutes" int,
          preferences text, cautions text, notes text, "geoPrecision" text, "geocodedAt" timestamptz)
        where ${customerScope(actor)} and customers.id = v.id and customers.version = v.version
        returning customers.id`,
  );
  return updated.length;
}

/**
 * Writes a previewed import in one transaction: creates the new customers and updates the
 * changed ones (matched by code at preview), each audited with the import's id. All or nothing:
 * refused when the preview had errors, expired, was already committed, belongs to someone else,
 * or when any customer it updates moved since the preview (every UPDATE checks the version it
 * previewed and the affected rows are counted: one short aborts the whole commit with 409).
 */
export async function commitCustomerImport(
  options: CommitCustomerImportOptions,
): Promise<{ created: number; updated: number }> {
  const { db, actor, importId } = options;
  if (actor.role === 'rep') throw importForbidden();
  const now = options.now ?? new Date();
  try {
    return await withTenant(db, actor, async (tx) => {
      const [stored] = await tx
        .select()
        .from(customerImports)
        .where(
          and(
            eq(customerImports.tenantId, actor.tenantId),
            eq(customerImports.id, importId),
            eq(customerImports.createdBy, actor.userId),
          ),
        )
        .for('update');
      if (!stored) throw importRefused('not_found');
      if (stored.status === 'committed') throw importRefused('already_committed');
      if (stored.errors.length > 0) throw importRefused('has_errors');
      if (stored.expiresAt.getTime() < now.getTime()) throw importRefused('expired');

      const rows = stored.rows as unknown as ImportRow[];
      const updates = rows.filter((r) => r.action === 'update');
      const creates = rows.filter((r) => r.action === 'create');
      const context = { importId };
      const audit: AuditEntry[] = [];

      // Only rows that write must still match what was previewed; an unchanged row writes nothing.
      const before = new Map<string, { code: string; fields: CustomerFields; version: number }>();
      for (let i = 0; i < updates.length; i += CHUNK) {
        const ids = updates.slice(i, i + CHUNK).map((r) => r.customerId as string);
        const found = await tx
          .select()
          .from(customers)
          .where(and(customerScope(actor), inArray(customers.id, ids)));
        for (const c of found) {
          const fields = Object.fromEntries(
            editableFieldNames.map((k) => [k, c[k]]),
          ) as unknown as CustomerFields;
          before.set(c.id, { code: c.code, fields, version: c.version });
        }
      }
      if (updates.some((r) => before.get(r.customerId as string)?.version !== r.version))
        throw importRefused('stale');

      const needCodes = creates.filter((r) => r.code === null).length;
      const scheme = await loadCodeScheme(tx, actor);
      // Codes the file gives itself are not in the table yet: start after the highest of the scheme.
      const fileMax = creates.reduce(
        (max, r) => Math.max(max, r.code ? (codeNumber(scheme, r.code) ?? 0) : 0),
        0,
      );
      let nextNumber =
        needCodes > 0 ? await takeCustomerCodes(tx, actor, scheme, needCodes, true, fileMax + 1) : 0;
      const values = creates.map((r) => {
        const code = r.code ?? formatCustomerCode(scheme, nextNumber++);
        return { tenantId: actor.tenantId, id: randomUUID(), code, ...r.fields };
      });
      const positions = creates.map((r) => ({
        geoPrecision: r.position?.geoPrecision ?? (r.fields.lat !== null ? 'manual' : 'none'),
        geocodedAt: r.position?.geocodedAt ? new Date(r.position.geocodedAt) : null,
      }));
      for (let i = 0; i < values.length; i += 500)
        await tx
          .insert(customers)
          .values(values.slice(i, i + 500).map((v, j) => ({ ...v, ...positions[i + j] })));
      for (const v of values) {
        const { tenantId: _, id, code, ...fields } = v;
        audit.push({
          table: CUSTOMERS_TABLE,
          recordId: id,
          action: 'create',
          before: null,
          after: auditedCustomer(code, fields),
          context,
        });
      }

      for (let i = 0; i < updates.length; i += CHUNK) {
        const chunk = updates.slice(i, i + CHUNK);
        if ((await updateChunk(tx, actor, chunk)) !== chunk.length) throw importRefused('stale');
      }
      for (const r of updates) {
        const was = before.get(r.customerId as string) as { code: string; fields: CustomerFields };
        audit.push({
          table: CUSTOMERS_TABLE,
          recordId: r.customerId as string,
          action: r.fields.status !== was.fields.status ? 'status_change' : 'update',
          before: auditedCustomer(was.code, was.fields),
          after: auditedCustomer(was.code, r.fields),
          context,
        });
      }

      // The primary contacts the 先方担当者 columns set, on the customers just written.
      const customerIdOf = new Map<ImportRow, string>(creates.map((r, i) => [r, values[i]?.id as string]));
      for (const r of rows) {
        if (!r.contact || r.action === 'unchanged') continue;
        const customerId = r.customerId ?? (customerIdOf.get(r) as string);
        const subject = { table: CUSTOMERS_TABLE, id: customerId };
        const { id, before: was, after } = r.contact;
        const mine = (contactId: string) =>
          and(
            eq(customerContacts.tenantId, actor.tenantId),
            eq(customerContacts.customerId, customerId),
            eq(customerContacts.id, contactId),
          );
        if (id === null) {
          if (!after) continue;
          const contactId = randomUUID();
          await tx.insert(customerContacts).values({
            tenantId: actor.tenantId,
            id: contactId,
            customerId,
            sortOrder: 0,
            ...after,
          });
          audit.push({
            table: CONTACTS_TABLE,
            recordId: contactId,
            action: 'create',
            before: null,
            after,
            subject,
            context,
          });
        } else if (after === null) {
          const gone = await tx
            .delete(customerContacts)
            .where(mine(id))
            .returning({ id: customerContacts.id });
          if (gone.length !== 1) throw importRefused('stale');
          audit.push({
            table: CONTACTS_TABLE,
            recordId: id,
            action: 'delete',
            before: was,
            after: null,
            subject,
            context,
          });
        } else {
          const changed = await tx
            .update(customerContacts)
            .set(after)
            .where(mine(id))
            .returning({ id: customerContacts.id });
          if (changed.length !== 1) throw importRefused('stale');
          audit.push({
            table: CONTACTS_TABLE,
            recordId: id,
            action: 'update',
            before: was,
            after,
            subject,
            context,
          });
        }
      }

      await tx
        .update(customerImports)
        .set({ status: 'committed', committedAt: now })
        .where(and(eq(customerImports.tenantId, actor.tenantId), eq(customerImports.id, importId)));
      audit.push({
        table: 'customer_imports',
        recordId: importId,
        action: 'commit',
        before: { status: stored.status },
        after: {
          status: 'committed',
          created: creates.length,
          updated: updates.length,
          fileName: stored.fileName,
        },
      });
      await recordAudit(tx, actor, audit);
      return { created: creates.length, updated: updates.length };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'customers_code_uq')) throw importRefused('code_taken');
    throw error;
  }
}
