import { diffFields } from '../platform/audit/diff-fields.ts';
import type { Random } from './random.ts';
import type { SqlValue } from './sql-batch.ts';

const DAY = 86_400_000;

/** The seeded customer's fields as its audit rows name them (the API's field names). */
export interface SeededCustomer {
  id: string;
  code: string;
  fields: Record<string, unknown> & {
    phone: string;
    rank: string;
    status: string;
    cadenceDays: number;
    cautions: string;
    notes: string;
    repId: string | null;
  };
  createdAt: number;
  /** When a churned or dormant customer stopped ordering. */
  stoppedAt: number | null;
}

export interface HistoryStaff {
  adminId: string;
  /** The manager of a rep's team (or any manager). */
  managerOf(repId: string | null): string | null;
}

/** Columns of audit_events the seed fills (seq is generated). */
export const auditColumns = [
  'tenant_id',
  'at',
  'actor_user_id',
  'actor_role',
  'table_name',
  'record_id',
  'subject_table',
  'subject_id',
  'action',
  'changes',
  'context',
];

type Change = { field: keyof SeededCustomer['fields']; before: unknown; by: 'rep' | 'manager' };

/**
 * A lived-in カルテ history for one seeded customer, consistent with its current state: the
 * admin entered it when it was created, and on about a third of them the rep or the manager
 * later changed a field or two (a caution learnt at a visit, a new phone number, a rank review,
 * a cadence the manager tightened); churned and dormant customers carry the status change.
 * Uses its own random generator, so the rest of the demo data does not move.
 */
export function customerHistoryRows(options: {
  tenantId: string;
  customer: SeededCustomer;
  staff: HistoryStaff;
  random: Random;
  now: number;
}): SqlValue[][] {
  const { tenantId, customer, staff, random, now } = options;
  const current = customer.fields;
  const changes: Change[] = [];
  if (random.chance(0.35)) {
    const pool: Change[] = [];
    if (current.cautions !== '') pool.push({ field: 'cautions', before: '', by: 'rep' });
    if (current.notes !== '') pool.push({ field: 'notes', before: '', by: 'rep' });
    pool.push({
      field: 'phone',
      before: current.phone.replace(/\d{4}$/, (d) => String((Number(d) + 1111) % 10000).padStart(4, '0')),
      by: 'rep',
    });
    pool.push({
      field: 'rank',
      before: current.rank === 'A' ? 'B' : current.rank === 'B' ? 'C' : 'B',
      by: 'manager',
    });
    pool.push({ field: 'cadenceDays', before: current.cadenceDays + 7, by: 'manager' });
    changes.push(...random.sample(pool, random.int(1, 2)));
  }
  const initial = { ...current };
  for (const change of changes) (initial as Record<string, unknown>)[change.field] = change.before;
  if (current.status !== 'active') initial.status = 'active';

  const rows: SqlValue[][] = [];
  const add = (
    at: number,
    actorId: string,
    role: string,
    action: string,
    before: object | null,
    after: object,
  ) =>
    rows.push([
      tenantId,
      new Date(at),
      actorId,
      role,
      'customers',
      customer.id,
      'customers',
      customer.id,
      action,
      diffFields({ before, after }),
      {},
    ]);

  add(customer.createdAt, staff.adminId, 'admin', 'create', null, { code: customer.code, ...initial });
  const span = Math.max(now - customer.createdAt - DAY, DAY);
  const times = changes.map(() => customer.createdAt + DAY + random.next() * span).sort((a, b) => a - b);
  let state: Record<string, unknown> = { ...initial };
  for (const [i, change] of changes.entries()) {
    const manager = change.by === 'manager' ? staff.managerOf(current.repId) : null;
    const [actorId, role] = manager
      ? [manager, 'manager']
      : current.repId
        ? [current.repId, 'rep']
        : [staff.adminId, 'admin'];
    const next = { ...state, [change.field]: current[change.field] };
    add(times[i]!, actorId, role, 'update', state, next);
    state = next;
  }
  if (current.status !== 'active') {
    const at = Math.min(now - DAY, (customer.stoppedAt ?? now) + random.int(30, 80) * DAY);
    const manager = staff.managerOf(current.repId);
    add(
      Math.max(at, customer.createdAt + DAY),
      manager ?? staff.adminId,
      manager ? 'manager' : 'admin',
      'status_change',
      state,
      {
        ...state,
        status: current.status,
      },
    );
  }
  return rows.sort((a, b) => (a[1] as Date).getTime() - (b[1] as Date).getTime());
}
