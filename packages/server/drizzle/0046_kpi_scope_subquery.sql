-- The dashboard at scale, continued (issue 10, npm run bench:kpi): the same rows as before.
--
-- Orders and forms follow their customer: `customer_id IN (SELECT c.id FROM customers c)`. The
-- customers policy's `admin OR rep_id = ANY (…)` cannot be an index condition, so for a rep or a
-- manager that sub-select read every customer of the tenant (20,000) once per statement to keep
-- their few hundred. The sub-select now also says `c.rep_id = ANY (kayoi_role_scope_reps())`,
-- which for a rep or a manager is exactly what the customers policy keeps (the admin never
-- reaches it): an index range on customers (tenant_id, rep_id). The customers policy still
-- applies inside.
DROP POLICY role_scope ON orders;
--> statement-breakpoint
CREATE POLICY role_scope ON orders AS RESTRICTIVE FOR ALL
USING ((SELECT current_setting('app.role', true)) = 'admin' OR customer_id IN (
  SELECT c.id FROM customers c WHERE c.rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[])))
WITH CHECK ((SELECT current_setting('app.role', true)) = 'admin' OR customer_id IN (
  SELECT c.id FROM customers c WHERE c.rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[])));
--> statement-breakpoint
DROP POLICY role_scope ON forms;
--> statement-breakpoint
CREATE POLICY role_scope ON forms AS RESTRICTIVE FOR ALL
USING ((SELECT current_setting('app.role', true)) = 'admin' OR customer_id IN (
  SELECT c.id FROM customers c WHERE c.rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[])))
WITH CHECK ((SELECT current_setting('app.role', true)) = 'admin' OR customer_id IN (
  SELECT c.id FROM customers c WHERE c.rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[])));
--> statement-breakpoint
-- A period of 申込書 from the index alone (the KPI counts them by collector and day).
CREATE INDEX IF NOT EXISTS forms_kpi_day_idx ON forms (tenant_id, collected_on)
  INCLUDE (rep_id, customer_id, voided_at);
