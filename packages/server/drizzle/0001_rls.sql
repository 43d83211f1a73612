-- Row-level security: every tenant query runs (via withTenant) as the non-superuser role
-- kayoi_app with app.tenant_id / app.user_id / app.role / app.team_id set for the transaction.
-- Tenant tables: FORCE RLS, rows of the current tenant only. Customers and what hangs off them
-- (contacts, orders, order lines): additionally restricted by role (rep: own customers,
-- manager: customers of reps in their team, admin: all).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kayoi_app') THEN
    CREATE ROLE kayoi_app NOLOGIN;
  END IF;
END
$$;
--> statement-breakpoint
GRANT kayoi_app TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO kayoi_app;
--> statement-breakpoint
-- Makes a tenant-owned table (with a tenant_id column) visible to kayoi_app inside its tenant only.
-- Later migrations adding a tenant table call: SELECT kayoi_enable_tenant_rls('my_table');
CREATE OR REPLACE FUNCTION kayoi_enable_tenant_rls(tbl regclass) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO kayoi_app', tbl);
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', tbl);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s AS PERMISSIVE FOR ALL '
    'USING (tenant_id = current_setting(''app.tenant_id'', true)) '
    'WITH CHECK (tenant_id = current_setting(''app.tenant_id'', true))', tbl);
END
$fn$;
--> statement-breakpoint
SELECT kayoi_enable_tenant_rls('tenant_settings');
--> statement-breakpoint
SELECT kayoi_enable_tenant_rls('teams');
--> statement-breakpoint
SELECT kayoi_enable_tenant_rls('areas');
--> statement-breakpoint
SELECT kayoi_enable_tenant_rls('staff_profiles');
--> statement-breakpoint
SELECT kayoi_enable_tenant_rls('products');
--> statement-breakpoint
SELECT kayoi_enable_tenant_rls('customers');
--> statement-breakpoint
SELECT kayoi_enable_tenant_rls('customer_contacts');
--> statement-breakpoint
SELECT kayoi_enable_tenant_rls('orders');
--> statement-breakpoint
SELECT kayoi_enable_tenant_rls('order_lines');
--> statement-breakpoint
-- Role scope on customers. The manager branch is a primary-key lookup on staff_profiles.
CREATE POLICY role_scope ON customers AS RESTRICTIVE FOR ALL
USING (
  current_setting('app.role', true) = 'admin'
  OR (current_setting('app.role', true) = 'rep' AND rep_id = current_setting('app.user_id', true))
  OR (current_setting('app.role', true) = 'manager' AND EXISTS (
    SELECT 1 FROM staff_profiles sp
    WHERE sp.tenant_id = customers.tenant_id AND sp.user_id = customers.rep_id
      AND sp.team_id = current_setting('app.team_id', true)))
)
WITH CHECK (
  current_setting('app.role', true) = 'admin'
  OR (current_setting('app.role', true) = 'rep' AND rep_id = current_setting('app.user_id', true))
  OR (current_setting('app.role', true) = 'manager' AND EXISTS (
    SELECT 1 FROM staff_profiles sp
    WHERE sp.tenant_id = customers.tenant_id AND sp.user_id = customers.rep_id
      AND sp.team_id = current_setting('app.team_id', true)))
);
--> statement-breakpoint
-- Rows hanging off a customer follow the customer: the subquery on customers is itself filtered
-- by the customers policies, and is a primary-key lookup. Admins skip it.
CREATE POLICY role_scope ON customer_contacts AS RESTRICTIVE FOR ALL
USING (current_setting('app.role', true) = 'admin' OR EXISTS (
  SELECT 1 FROM customers c WHERE c.tenant_id = customer_contacts.tenant_id AND c.id = customer_contacts.customer_id))
WITH CHECK (current_setting('app.role', true) = 'admin' OR EXISTS (
  SELECT 1 FROM customers c WHERE c.tenant_id = customer_contacts.tenant_id AND c.id = customer_contacts.customer_id));
--> statement-breakpoint
CREATE POLICY role_scope ON orders AS RESTRICTIVE FOR ALL
USING (current_setting('app.role', true) = 'admin' OR EXISTS (
  SELECT 1 FROM customers c WHERE c.tenant_id = orders.tenant_id AND c.id = orders.customer_id))
WITH CHECK (current_setting('app.role', true) = 'admin' OR EXISTS (
  SELECT 1 FROM customers c WHERE c.tenant_id = orders.tenant_id AND c.id = orders.customer_id));
--> statement-breakpoint
CREATE POLICY role_scope ON order_lines AS RESTRICTIVE FOR ALL
USING (current_setting('app.role', true) = 'admin' OR EXISTS (
  SELECT 1 FROM orders o WHERE o.tenant_id = order_lines.tenant_id AND o.id = order_lines.order_id))
WITH CHECK (current_setting('app.role', true) = 'admin' OR EXISTS (
  SELECT 1 FROM orders o WHERE o.tenant_id = order_lines.tenant_id AND o.id = order_lines.order_id));
--> statement-breakpoint
-- Auth tables: better-auth (the table owner) is not affected (RLS enabled, not forced).
-- kayoi_app may read the current tenant, its memberships and its members' names only.
GRANT SELECT ON organization TO kayoi_app;
--> statement-breakpoint
ALTER TABLE organization ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_read ON organization FOR SELECT TO kayoi_app
USING (id = current_setting('app.tenant_id', true));
--> statement-breakpoint
GRANT SELECT ON member TO kayoi_app;
--> statement-breakpoint
ALTER TABLE member ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_read ON member FOR SELECT TO kayoi_app
USING (organization_id = current_setting('app.tenant_id', true));
--> statement-breakpoint
GRANT SELECT (id, name, email, image) ON "user" TO kayoi_app;
--> statement-breakpoint
ALTER TABLE "user" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_read ON "user" FOR SELECT TO kayoi_app
USING (EXISTS (
  SELECT 1 FROM member m WHERE m.user_id = "user".id AND m.organization_id = current_setting('app.tenant_id', true)));
