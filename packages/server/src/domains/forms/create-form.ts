import { randomUUID } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { staffProfiles } from '../../platform/db/schema/index.ts';
import { customerScope } from '../customers/customer-scope.ts';
import { isUniqueViolation } from '../customers/customer-writes.ts';
import { customers } from '../customers/tables.ts';
import { todayIn } from '../planning/working-days.ts';
import { visits } from '../visits/tables.ts';
import {
  formCustomerUnknown,
  formDateInFuture,
  formIdTaken,
  formRepNotAllowed,
  formVisitUnknown,
} from './form-errors.ts';
import type { CreateFormBody } from './form-schemas.ts';
import type { FormKind } from './form-values.ts';
import { auditedForm, FORMS_TABLE, type FormView, loadForm } from './form-view.ts';
import { forms } from './tables.ts';

export interface CreateFormOptions {
  db: Db;
  actor: Actor;
  input: z.output<typeof CreateFormBody>;
  /** Today in Asia/Tokyo (tests may pin it). */
  today?: string;
}

/**
 * Records one 申込書 of a customer the caller may see: collected by `repId` (a rep: themself; a
 * manager: a rep of their team; default the caller when a rep, else the customer's rep) on
 * `collectedOn` (Tokyo, default today, never in the future), optionally at one of the customer's
 * visits. Audited in the customer's history. 422 naming the field; 409 `id_taken`.
 *
 * @example
 * await createForm({ db, actor, input: { customerId, kind: 'renewal' } });
 */
export async function createForm({
  db,
  actor,
  input,
  today = todayIn(),
}: CreateFormOptions): Promise<FormView> {
  const id = input.id ?? randomUUID();
  try {
    return await withTenant(db, actor, async (tx) => {
      const [customer] = await tx
        .select({ id: customers.id, repId: customers.repId })
        .from(customers)
        .where(and(customerScope(actor), eq(customers.id, input.customerId)));
      if (!customer) throw formCustomerUnknown();
      const repId = input.repId ?? (actor.role === 'rep' ? actor.userId : (customer.repId ?? actor.userId));
      if (!(await mayCollect(tx, actor, repId))) throw formRepNotAllowed();
      const collectedOn = input.collectedOn ?? today;
      if (collectedOn > today) throw formDateInFuture();
      if (input.visitId !== undefined) {
        const [visit] = await tx
          .select({ id: visits.id })
          .from(visits)
          .where(
            and(
              eq(visits.tenantId, actor.tenantId),
              eq(visits.id, input.visitId),
              eq(visits.customerId, customer.id),
            ),
          );
        if (!visit) throw formVisitUnknown();
      }
      await insertForm(tx, actor, {
        id,
        customerId: customer.id,
        kind: input.kind,
        repId,
        collectedOn,
        visitId: input.visitId ?? null,
        note: input.note ?? '',
      });
      return (await loadForm(tx, actor, id)) as FormView;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'forms_tenant_id_id_pk')) throw formIdTaken();
    throw error;
  }
}

/** May the actor name `repId` as the one who collected a form? A rep only themself. */
async function mayCollect(tx: Tx, actor: Actor, repId: string): Promise<boolean> {
  if (actor.role === 'rep') return repId === actor.userId;
  const [staff] = await tx
    .select({ teamId: staffProfiles.teamId })
    .from(staffProfiles)
    .where(and(eq(staffProfiles.tenantId, actor.tenantId), eq(staffProfiles.userId, repId)));
  if (!staff) return false;
  return (
    actor.role === 'admin' ||
    repId === actor.userId ||
    (actor.teamId !== null && staff.teamId === actor.teamId)
  );
}

export interface NewForm {
  id: string;
  customerId: string;
  kind: FormKind;
  repId: string;
  collectedOn: string;
  visitId: string | null;
  note: string;
}

/**
 * The insert and its audit row, in the caller's transaction (checks are the caller's).
 * `createdAt` orders a visit's forms as its log lists them (one transaction has one now()).
 */
export async function insertForm(tx: Tx, actor: Actor, form: NewForm, createdAt?: Date): Promise<void> {
  await tx.insert(forms).values({
    tenantId: actor.tenantId,
    ...form,
    createdBy: actor.userId,
    updatedBy: actor.userId,
    ...(createdAt && { createdAt, updatedAt: createdAt }),
  });
  await recordAudit(tx, actor, [
    {
      table: FORMS_TABLE,
      recordId: form.id,
      action: 'create',
      before: null,
      after: auditedForm(form),
      subject: { table: 'customers', id: form.customerId },
    },
  ]);
}
