import type { AuditFieldChange } from '../db/schema/audit.ts';

/** Bookkeeping columns that change on every write and say nothing about the record. */
const IGNORED = new Set(['tenantId', 'version', 'createdAt', 'updatedAt']);

const normalize = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
};

/** JSON with object keys sorted: jsonb hands objects back in its own key order ({end, start}). */
function canonical(value: unknown): string {
  const v = normalize(value);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, item]) => `${JSON.stringify(k)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

export interface DiffFieldsOptions {
  /** The record before the change; null when it is created. */
  before: object | null;
  /** The record after the change; null when it is deleted. */
  after: object | null;
}

/**
 * The fields that differ between two states of a record, each with its before and after
 * (dates as ISO strings). A create lists every field it set, a delete every field it had;
 * `version`, `tenantId` and the timestamps are left out.
 *
 * @example
 * diffFields({ before: { name: 'A', phone: '1' }, after: { name: 'B', phone: '1' } })
 * // → { name: { before: 'A', after: 'B' } }
 */
export function diffFields({ before, after }: DiffFieldsOptions): Record<string, AuditFieldChange> {
  const changes: Record<string, AuditFieldChange> = {};
  const beforeFields = before as Record<string, unknown> | null;
  const afterFields = after as Record<string, unknown> | null;
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    const was = beforeFields?.[key];
    const is = afterFields?.[key];
    if (before && after && same(was, is)) continue;
    if (!before && (is === null || is === undefined || is === '' || (Array.isArray(is) && is.length === 0)))
      continue;
    const change: AuditFieldChange = {};
    if (before) change.before = normalize(was);
    if (after) change.after = normalize(is);
    changes[key] = change;
  }
  return changes;
}
