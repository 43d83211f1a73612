import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { staffProfiles } from '../../platform/db/schema/index.ts';
import type { LocalizedText } from '../../platform/errors.ts';
import { validationFailed } from '../../platform/http/create-router.ts';
import { customerScope } from '../customers/customer-scope.ts';
import { isUniqueViolation } from '../customers/customer-writes.ts';
import { customers } from '../customers/tables.ts';
import { addDays, todayIn } from '../planning/working-days.ts';
import { followupFieldText, followupIdTaken } from './followup-errors.ts';
import { type FollowupView, loadFollowup } from './followup-view.ts';
import { followups } from './tables.ts';

/** One promise to keep, as a visit log or POST /api/followups gives it. */
export interface FollowupInput {
  /** Client-made UUID: saving the same promise again updates it instead of adding one. */
  id: string;
  title: string;
  dueDate: string;
  owner: 'us' | 'customer';
  assigneeId?: string | null | undefined;
}

/** How far back and ahead a due date may lie (a draft made offline may be a few days old). */
const DUE_FROM_DAYS = -7;
const DUE_TO_DAYS = 366;

/**
 * The field errors of a list of promises (title blank, due date out of range, an assignee who is
 * not staff of the tenant), keyed by `fieldOf(index, name)`: e.g. `promises.2.dueDate`.
 */
export async function checkFollowupInputs(
  tx: Tx,
  actor: Actor,
  inputs: readonly FollowupInput[],
  fieldOf: (index: number, name: string) => string,
  today = todayIn(),
): Promise<Record<string, LocalizedText>> {
  const errors: Record<string, LocalizedText> = {};
  const from = addDays(today, DUE_FROM_DAYS);
  const to = addDays(today, DUE_TO_DAYS);
  const assignees = [...new Set(inputs.flatMap((p) => (p.assigneeId ? [p.assigneeId] : [])))];
  const staff = new Set(
    assignees.length === 0
      ? []
      : (
          await tx
            .select({ id: staffProfiles.userId })
            .from(staffProfiles)
            .where(and(eq(staffProfiles.tenantId, actor.tenantId), inArray(staffProfiles.userId, assignees)))
        ).map((r) => r.id),
  );
  inputs.forEach((p, i) => {
    if (p.title.trim() === '') errors[fieldOf(i, 'title')] = followupFieldText.titleBlank;
    if (p.dueDate < from || p.dueDate > to)
      errors[fieldOf(i, 'dueDate')] = followupFieldText.dueDateRange(from, to);
    if (p.assigneeId && !staff.has(p.assigneeId))
      errors[fieldOf(i, 'assigneeId')] = followupFieldText.assigneeUnknown;
  });
  const seen = new Set<string>();
  inputs.forEach((p, i) => {
    if (seen.has(p.id)) errors[fieldOf(i, 'id')] = followupFieldText.idTaken;
    seen.add(p.id);
  });
  return errors;
}

export interface SaveFollowupsOptions {
  customerId: string;
  /** The customer's rep (whose scope the followups belong to). */
  repId: string | null;
  /** The visit whose log made them; null for a promise made outside a visit. */
  visitId: string | null;
  inputs: readonly FollowupInput[];
  /** Field name of input `index`'s `name`, for a 409 on a taken id. */
  fieldOf: (index: number, name: string) => string;
}

/**
 * Creates (or, saved again with the same ids, updates while open) the followups of promises, in
 * the caller's transaction; audited under the customer. Inputs must have passed
 * checkFollowupInputs. A done followup is left as it was; a taken id is 409 `id_taken`.
 */
export async function saveFollowups(tx: Tx, actor: Actor, options: SaveFollowupsOptions): Promise<void> {
  const { customerId, repId, visitId, inputs, fieldOf } = options;
  const ids = inputs.map((p) => p.id);
  const existing =
    ids.length === 0
      ? []
      : await tx
          .select()
          .from(followups)
          .where(and(eq(followups.tenantId, actor.tenantId), inArray(followups.id, ids)));
  const byId = new Map(existing.map((row) => [row.id, row]));
  const subject = { table: 'customers', id: customerId };
  for (const [i, p] of inputs.entries()) {
    const fields = {
      title: p.title.trim(),
      dueDate: p.dueDate,
      owner: p.owner,
      assigneeId: p.assigneeId === undefined ? actor.userId : p.assigneeId,
    };
    const row = byId.get(p.id);
    if (row) {
      if (row.customerId !== customerId || row.visitId !== visitId) throw followupIdTaken(fieldOf(i, 'id'));
      if (row.status === 'done') continue;
      const before = { title: row.title, dueDate: row.dueDate, owner: row.owner, assigneeId: row.assigneeId };
      if (JSON.stringify(before) === JSON.stringify(fields)) continue;
      await tx
        .update(followups)
        .set({ ...fields, version: row.version + 1, updatedAt: new Date() })
        .where(and(eq(followups.tenantId, actor.tenantId), eq(followups.id, p.id)));
      await recordAudit(tx, actor, [
        { table: 'followups', recordId: p.id, action: 'update', before, after: fields, subject },
      ]);
      continue;
    }
    try {
      await tx.transaction((sp) =>
        sp.insert(followups).values({
          tenantId: actor.tenantId,
          id: p.id,
          customerId,
          repId,
          visitId,
          ...fields,
          createdBy: actor.userId,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'followups_tenant_id_id_pk')) throw followupIdTaken(fieldOf(i, 'id'));
      throw error;
    }
    await recordAudit(tx, actor, [
      {
        table: 'followups',
        recordId: p.id,
        action: 'create',
        before: null,
        after: { ...fields, customerId, visitId },
        subject,
      },
    ]);
  }
}

/**
 * POST /api/followups: a promise made outside a visit, on a customer of the caller's book (404
 * otherwise). The same id again answers the stored followup.
 */
export async function createFollowup(
  db: Db,
  actor: Actor,
  input: FollowupInput & { customerId: string },
): Promise<{ followup: FollowupView; created: boolean }> {
  return withTenant(db, actor, async (tx) => {
    const [customer] = await tx
      .select({ id: customers.id, repId: customers.repId })
      .from(customers)
      .where(and(customerScope(actor), eq(customers.id, input.customerId)));
    if (!customer) throw validationFailed({ customerId: followupFieldText.customerUnknown });
    const errors = await checkFollowupInputs(tx, actor, [input], (_i, name) => name);
    if (Object.keys(errors).length > 0) throw validationFailed(errors);
    const stored = await loadFollowup(tx, actor, input.id);
    if (stored) {
      if (stored.customerId !== input.customerId || stored.visitId !== null) throw followupIdTaken('id');
      return { followup: stored, created: false };
    }
    await saveFollowups(tx, actor, {
      customerId: customer.id,
      repId: customer.repId,
      visitId: null,
      inputs: [input],
      fieldOf: (_i, name) => name,
    });
    return { followup: (await loadFollowup(tx, actor, input.id)) as FollowupView, created: true };
  });
}
