import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigratableDatabase } from '../../../src/platform/db/open-database.ts';
import { queryRows } from '../../../src/platform/db/query-rows.ts';
import { MIGRATIONS_DIR } from '../../../src/platform/paths.ts';
import { createTestDatabase, testDriver } from '../../support/test-database.ts';

let database: MigratableDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as {
  entries: { tag: string }[];
};

const tenantTables = [
  'tenant_settings',
  'teams',
  'areas',
  'staff_profiles',
  'products',
  'customers',
  'customer_contacts',
  'orders',
  'order_lines',
  'customer_imports',
  'audit_events',
  'idempotency_keys',
  'tenant_counters',
  'tenant_closed_days',
  'platform_jobs',
  'planning_settings',
  'plans',
  'planned_visits',
  'plan_unplanned',
  'customer_settings',
  'plan_days',
  'calendar_tokens',
  'visits',
  'visit_skips',
  'visit_templates',
  'followups',
  'complaints',
  'complaint_actions',
  'company_profiles',
  'product_components',
  'price_list_entries',
  'product_imports',
  'quotes',
  'quote_lines',
  'order_status_history',
  'forms',
  'form_attachments',
  'rep_absences',
  'sync_heartbeats',
  'notifications',
  'handovers',
  'handover_sheets',
  'customer_assignments',
  'webhook_endpoints',
  'webhook_deliveries',
  'appointments',
  'kpi_order_days',
  'kpi_customer_won_days',
  'kpi_visit_days',
  'kpi_plan_days',
  'kpi_form_days',
];

describe(`migrations on ${testDriver()}`, () => {
  it('applies every migration in the journal', async () => {
    const rows = await queryRows<{ n: number }>(
      database.admin,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(rows[0]?.n).toBe(journal.entries.length);
  });

  it('is idempotent: migrating again changes nothing', async () => {
    await database.migrate();
    const rows = await queryRows<{ n: number }>(
      database.admin,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(rows[0]?.n).toBe(journal.entries.length);
  });

  it('forces row-level security on every tenant table', async () => {
    const rows = await queryRows<{ relname: string; forced: boolean; enabled: boolean }>(
      database.admin,
      sql`select relname, relrowsecurity as enabled, relforcerowsecurity as forced
          from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'
          and exists (select 1 from pg_attribute a where a.attrelid = pg_class.oid and a.attname = 'tenant_id')`,
    );
    expect(rows.map((r) => r.relname).sort()).toEqual([...tenantTables].sort());
    for (const row of rows)
      expect({ table: row.relname, enabled: row.enabled, forced: row.forced }).toEqual({
        table: row.relname,
        enabled: true,
        forced: true,
      });
  });

  it('creates the kayoi_app role without superuser or RLS bypass', async () => {
    const rows = await queryRows<{ rolsuper: boolean; rolbypassrls: boolean; rolcanlogin: boolean }>(
      database.admin,
      sql`select rolsuper, rolbypassrls, rolcanlogin from pg_roles where rolname = 'kayoi_app'`,
    );
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false, rolcanlogin: false }]);
  });
});
