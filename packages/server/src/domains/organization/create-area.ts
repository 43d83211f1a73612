import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/query-rows.ts';
import { areas } from '../../platform/db/schema/index.ts';
import { normalizeAreaDefinition } from './area-match.ts';
import { auditedArea, loadArea } from './area-view.ts';
import { idTaken, isUniqueViolation, organizationError } from './organization-errors.ts';
import type { AreaView, CreateAreaInput } from './organization-schemas.ts';

export interface CreateAreaOptions {
  db: Db;
  actor: Actor;
  input: CreateAreaInput;
}

/**
 * Creates an area (last in display order) with its definition. No customer moves until the
 * area is applied. Audited; 422 on name when the company has an area of that name.
 */
export async function createArea({ db, actor, input }: CreateAreaOptions): Promise<AreaView> {
  const id = input.id ?? randomUUID();
  try {
    return await withTenant(db, actor, async (tx) => {
      const [last] = await queryRows<{ next: number }>(
        tx,
        sql`select coalesce(max(sort_order), 0) + 1 as next from areas where tenant_id = ${actor.tenantId}`,
      );
      await tx.insert(areas).values({
        tenantId: actor.tenantId,
        id,
        name: input.name,
        definition: normalizeAreaDefinition(input.definition),
        sortOrder: Number(last?.next ?? 1),
      });
      const area = (await loadArea(tx, actor, id)) as AreaView;
      await recordAudit(tx, actor, [
        { table: 'areas', recordId: id, action: 'create', before: null, after: auditedArea(area) },
      ]);
      return area;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'areas_tenant_id_id_pk')) throw idTaken();
    if (isUniqueViolation(error, 'areas_name_uq')) throw organizationError('area_name_taken');
    throw error;
  }
}
