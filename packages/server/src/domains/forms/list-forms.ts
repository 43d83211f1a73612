import type { z } from '@hono/zod-openapi';
import { and, asc, count, eq, gte, isNotNull, isNull, lt, or, type SQL } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { staffProfiles } from '../../platform/db/schema/index.ts';
import { formBadCursor, formNotFound } from './form-errors.ts';
import type { FormListQuery, FormPage } from './form-schemas.ts';
import { type FormView, loadForm, selectForms } from './form-view.ts';
import { forms } from './tables.ts';

export interface ListFormsOptions {
  db: Db;
  actor: Actor;
  query: z.output<typeof FormListQuery>;
}

const encodeCursor = (f: { collectedOn: string; id: string }) =>
  Buffer.from(`${f.collectedOn}|${f.id}`, 'utf8').toString('base64url');

function decodeCursor(cursor: string): { collectedOn: string; id: string } {
  const [collectedOn, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!collectedOn || !id || !/^\d{4}-\d{2}-\d{2}$/.test(collectedOn)) throw formBadCursor();
  return { collectedOn, id };
}

/**
 * The forms of the customers the caller may see (a rep their own customers', a manager their
 * team's, an admin all: RLS), filtered by collecting rep, customer, kind, collected period
 * [from, to) and voided state, newest collected first in keyset pages; with the live forms
 * matching the same filters counted per collecting rep and kind.
 *
 * @example
 * const page = await listForms({ db, actor, query: { from: '2026-11-01', to: '2026-12-01' } });
 */
export async function listForms({ db, actor, query }: ListFormsOptions): Promise<z.output<typeof FormPage>> {
  const limit = query.limit ?? 50;
  const filters: (SQL | undefined)[] = [
    query.repId !== undefined ? eq(forms.repId, query.repId) : undefined,
    query.customerId !== undefined ? eq(forms.customerId, query.customerId) : undefined,
    query.kind !== undefined ? eq(forms.kind, query.kind) : undefined,
    query.from !== undefined ? gte(forms.collectedOn, query.from) : undefined,
    query.to !== undefined ? lt(forms.collectedOn, query.to) : undefined,
  ];
  const voided = query.voided ?? 'exclude';
  const voidFilter =
    voided === 'exclude' ? isNull(forms.voidedAt) : voided === 'only' ? isNotNull(forms.voidedAt) : undefined;
  const after = query.cursor !== undefined ? decodeCursor(query.cursor) : null;
  const page = after
    ? or(
        lt(forms.collectedOn, after.collectedOn),
        and(eq(forms.collectedOn, after.collectedOn), lt(forms.id, after.id)),
      )
    : undefined;
  return withTenant(db, actor, async (tx) => {
    const rows = await selectForms(tx, actor, and(...filters, voidFilter, page), limit + 1);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const counted = await tx
      .select({ repId: forms.repId, repName: staffProfiles.displayName, kind: forms.kind, n: count() })
      .from(forms)
      .leftJoin(
        staffProfiles,
        and(eq(staffProfiles.tenantId, forms.tenantId), eq(staffProfiles.userId, forms.repId)),
      )
      .where(and(eq(forms.tenantId, actor.tenantId), isNull(forms.voidedAt), ...filters))
      .groupBy(forms.repId, staffProfiles.displayName, forms.kind)
      .orderBy(asc(staffProfiles.displayName), asc(forms.repId));
    const byRep = new Map<
      string,
      { repId: string; repName: string | null; count: number; byKind: Record<string, number> }
    >();
    for (const r of counted) {
      const entry = byRep.get(r.repId) ?? { repId: r.repId, repName: r.repName, count: 0, byKind: {} };
      entry.count += r.n;
      entry.byKind[r.kind] = (entry.byKind[r.kind] ?? 0) + r.n;
      byRep.set(r.repId, entry);
    }
    const reps = [...byRep.values()].sort(
      (a, b) => b.count - a.count || (a.repName ?? '').localeCompare(b.repName ?? ''),
    );
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
      counts: { total: reps.reduce((sum, r) => sum + r.count, 0), byRep: reps },
    };
  });
}

/** One form the caller may see (404 otherwise, another tenant's included). */
export async function getForm({ db, actor, id }: { db: Db; actor: Actor; id: string }): Promise<FormView> {
  const form = await withTenant(db, actor, (tx) => loadForm(tx, actor, id));
  if (!form) throw formNotFound();
  return form;
}
