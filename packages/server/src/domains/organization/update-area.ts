import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { areas } from '../../platform/db/schema/index.ts';
import { updateVersioned } from '../../platform/db/update-versioned.ts';
import { normalizeAreaDefinition } from './area-match.ts';
import { auditedArea, loadArea } from './area-view.ts';
import { isUniqueViolation, organizationError } from './organization-errors.ts';
import type { AreaView, UpdateAreaInput } from './organization-schemas.ts';

export interface UpdateAreaOptions {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdateAreaInput;
}

/**
 * Renames an area, changes its definition (customers move only when it is applied), retires
 * it (`retired: true`: its customers keep it, the KPIs keep its history, nothing new joins) or
 * reinstates it. Versioned (409 `version_conflict` with the current area) and audited.
 */
export async function updateArea({ db, actor, id, input }: UpdateAreaOptions): Promise<AreaView> {
  try {
    return await withTenant(db, actor, async (tx) => {
      const before = await loadArea(tx, actor, id);
      if (!before) throw organizationError('area_not_found');
      const retiredAt =
        input.retired === undefined
          ? undefined
          : input.retired
            ? before.retiredAt
              ? new Date(before.retiredAt)
              : new Date()
            : null;
      await updateVersioned(tx, {
        table: areas,
        where: and(eq(areas.tenantId, actor.tenantId), eq(areas.id, id)) as never,
        version: input.version,
        set: {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.definition !== undefined
            ? { definition: normalizeAreaDefinition(input.definition) }
            : {}),
          ...(retiredAt !== undefined ? { retiredAt } : {}),
        },
        current: () => loadArea(tx, actor, id),
        notFound: () => organizationError('area_not_found'),
      });
      const after = (await loadArea(tx, actor, id)) as AreaView;
      const statusChanged = (before.retiredAt === null) !== (after.retiredAt === null);
      await recordAudit(tx, actor, [
        {
          table: 'areas',
          recordId: id,
          action: statusChanged ? 'status_change' : 'update',
          before: auditedArea(before),
          after: auditedArea(after),
        },
      ]);
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'areas_name_uq')) throw organizationError('area_name_taken');
    throw error;
  }
}
