import { bigint, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { organization } from './auth.ts';

/**
 * Per-tenant sequences (customer codes, later order and quote numbers): one row per counter,
 * advanced with `insert … on conflict do update … returning`, whose row lock makes concurrent
 * allocations wait for each other instead of colliding (src/platform/db/next-counter.ts).
 */
export const tenantCounters = pgTable(
  'tenant_counters',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.name] })],
);
