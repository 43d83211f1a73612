import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type AuditEntry, recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/query-rows.ts';
import { isUniqueViolation } from '../customers/customer-writes.ts';
import { productImportRefused } from './catalog-errors.ts';
import type { ProductImportRow } from './product-import-rows.ts';
import { auditedProduct } from './product-view.ts';
import { assertCatalogWriter, PRODUCTS_TABLE, productValues } from './product-writes.ts';
import { productImports, products } from './tables.ts';

export interface CommitProductImportOptions {
  db: Db;
  actor: Actor;
  importId: string;
  now?: Date;
}

const CHUNK = 500;

/**
 * `UPDATE products … FROM jsonb_to_recordset($rows)` matching id AND the version seen at
 * preview: how many rows it changed (fewer than asked: a product moved since the preview).
 */
async function updateChunk(tx: Tx, actor: Actor, rows: readonly ProductImportRow[]): Promise<number> {
  const payload = JSON.stringify(
    rows.map((r) => ({ id: r.productId, version: r.version, ...productValues(r.fields) })),
  );
  const updated = await queryRows<{ id: string }>(
    tx,
    sql`update products set
          name = v.name, name_kana = v."nameKana", category = v.category, unit = v.unit,
          unit_price = v."unitPrice"::numeric(14,2), tax_category = v."taxCategory", active = v.active,
          version = products.version + 1, updated_at = now()
        from jsonb_to_recordset(${payload}::jsonb) as v(
          id text, version int, name text, "nameKana" text, category text, unit text,
          "unitPrice" text, "taxCategory" text, active boolean)
        where products.tenant_id = ${actor.tenantId} and products.id = v.id and products.version = v.version
        returning products.id`,
  );
  return updated.length;
}

/**
 * Writes a previewed catalog import in one transaction: creates the new products, updates the
 * changed ones, each audited with the import's id. All or nothing: refused when the preview had
 * errors, expired, was committed already or is someone else's, and (409 import_stale) when a
 * product it updates changed since the preview or one of its new codes was taken meanwhile.
 */
export async function commitProductImport(
  options: CommitProductImportOptions,
): Promise<{ created: number; updated: number }> {
  const { db, actor, importId } = options;
  assertCatalogWriter(actor);
  const now = options.now ?? new Date();
  try {
    return await withTenant(db, actor, async (tx) => {
      const [stored] = await tx
        .select()
        .from(productImports)
        .where(
          and(
            eq(productImports.tenantId, actor.tenantId),
            eq(productImports.id, importId),
            eq(productImports.createdBy, actor.userId),
          ),
        )
        .for('update');
      if (!stored) throw productImportRefused('not_found');
      if (stored.status === 'committed') throw productImportRefused('already_committed');
      if (stored.errors.length > 0) throw productImportRefused('has_errors');
      if (stored.expiresAt.getTime() < now.getTime()) throw productImportRefused('expired');

      const rows = stored.rows as unknown as ProductImportRow[];
      const updates = rows.filter((r) => r.action === 'update');
      const creates = rows.filter((r) => r.action === 'create');
      const context = { importId };
      const audit: AuditEntry[] = [];

      for (let i = 0; i < updates.length; i += CHUNK) {
        const chunk = updates.slice(i, i + CHUNK);
        if ((await updateChunk(tx, actor, chunk)) !== chunk.length) throw productImportRefused('stale');
      }
      for (const r of updates)
        audit.push({
          table: PRODUCTS_TABLE,
          recordId: r.productId as string,
          action: r.before && r.before.active !== r.fields.active ? 'status_change' : 'update',
          before: r.before ? auditedProduct(r.before) : null,
          after: auditedProduct(r.fields),
          context,
        });

      const values = creates.map((r) => ({
        tenantId: actor.tenantId,
        id: randomUUID(),
        ...productValues(r.fields),
      }));
      for (let i = 0; i < values.length; i += CHUNK) {
        const chunk = values.slice(i, i + CHUNK);
        const taken = await tx
          .select({ code: products.code })
          .from(products)
          .where(
            and(
              eq(products.tenantId, actor.tenantId),
              inArray(
                products.code,
                chunk.map((v) => v.code),
              ),
            ),
          )
          .limit(1);
        if (taken.length > 0) throw productImportRefused('stale');
        await tx.insert(products).values(chunk);
      }
      creates.forEach((r, i) => {
        audit.push({
          table: PRODUCTS_TABLE,
          recordId: values[i]?.id as string,
          action: 'create',
          before: null,
          after: auditedProduct(r.fields),
          context,
        });
      });

      await tx
        .update(productImports)
        .set({ status: 'committed', committedAt: now })
        .where(and(eq(productImports.tenantId, actor.tenantId), eq(productImports.id, importId)));
      audit.push({
        table: 'product_imports',
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
    if (isUniqueViolation(error, 'products_code_uq')) throw productImportRefused('stale');
    throw error;
  }
}
