-- Row-level security at scale (issue 10, npm run bench:kpi): the same rows as before, checked
-- once per statement instead of once per row.
--
-- kayoi_rep_in_role_scope(tenant, rep) ran once for every row read (a function with a SET clause
-- or a sub-select is never inlined), and the policies of the orders and forms ran a customers
-- lookup, itself policy-checked, for every order and form. On a 20,000-customer tenant these
-- checks were most of the dashboard's time.
--
-- kayoi_role_scope_reps() is the set of reps whose rows the caller may see: a rep themselves, a
-- manager the members of their team, anyone else none (the admin is let through before it).
-- Written inside a scalar sub-select, `(SELECT kayoi_role_scope_reps())`, PostgreSQL evaluates it
-- once per statement (an InitPlan) and `rep_id = ANY (…)` can be an index condition. Rows that
-- follow their customer use `customer_id IN (SELECT c.id FROM customers c)`: the customers the
-- caller may see (the customers policies apply inside), hashed once per statement. The tenant
-- is still checked by each table's tenant_isolation policy.
CREATE OR REPLACE FUNCTION kayoi_role_scope_reps() RETURNS text[]
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $fn$
  SELECT CASE current_setting('app.role', true)
    WHEN 'rep' THEN ARRAY[current_setting('app.user_id', true)]
    WHEN 'manager' THEN coalesce((
      SELECT array_agg(sp.user_id) FROM staff_profiles sp
      WHERE sp.tenant_id = current_setting('app.tenant_id', true)
        AND sp.team_id = current_setting('app.team_id', true)), '{}'::text[])
    ELSE '{}'::text[]
  END
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION kayoi_role_scope_reps() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION kayoi_role_scope_reps() TO kayoi_app;
--> statement-breakpoint
DROP POLICY role_scope ON customers;
--> statement-breakpoint
CREATE POLICY role_scope ON customers AS RESTRICTIVE FOR ALL
USING ((SELECT current_setting('app.role', true)) = 'admin' OR rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[]))
WITH CHECK ((SELECT current_setting('app.role', true)) = 'admin' OR rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[]));
--> statement-breakpoint
DROP POLICY role_scope ON planned_visits;
--> statement-breakpoint
CREATE POLICY role_scope ON planned_visits AS RESTRICTIVE FOR ALL
USING ((SELECT current_setting('app.role', true)) = 'admin' OR rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[]))
WITH CHECK ((SELECT current_setting('app.role', true)) = 'admin' OR rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[]));
--> statement-breakpoint
DROP POLICY role_scope ON plan_days;
--> statement-breakpoint
CREATE POLICY role_scope ON plan_days AS RESTRICTIVE FOR ALL
USING ((SELECT current_setting('app.role', true)) = 'admin' OR rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[]))
WITH CHECK ((SELECT current_setting('app.role', true)) = 'admin' OR rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[]));
--> statement-breakpoint
DROP POLICY role_scope ON visits;
--> statement-breakpoint
CREATE POLICY role_scope ON visits AS RESTRICTIVE FOR ALL
USING ((SELECT current_setting('app.role', true)) = 'admin' OR rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[]))
WITH CHECK ((SELECT current_setting('app.role', true)) = 'admin' OR rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[]));
--> statement-breakpoint
DROP POLICY role_scope ON visit_skips;
--> statement-breakpoint
CREATE POLICY role_scope ON visit_skips AS RESTRICTIVE FOR ALL
USING ((SELECT current_setting('app.role', true)) = 'admin' OR rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[]))
WITH CHECK ((SELECT current_setting('app.role', true)) = 'admin' OR rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[]));
--> statement-breakpoint
DROP POLICY role_scope ON orders;
--> statement-breakpoint
CREATE POLICY role_scope ON orders AS RESTRICTIVE FOR ALL
USING ((SELECT current_setting('app.role', true)) = 'admin' OR customer_id IN (SELECT c.id FROM customers c))
WITH CHECK ((SELECT current_setting('app.role', true)) = 'admin' OR customer_id IN (SELECT c.id FROM customers c));
--> statement-breakpoint
DROP POLICY role_scope ON forms;
--> statement-breakpoint
CREATE POLICY role_scope ON forms AS RESTRICTIVE FOR ALL
USING ((SELECT current_setting('app.role', true)) = 'admin' OR customer_id IN (SELECT c.id FROM customers c))
WITH CHECK ((SELECT current_setting('app.role', true)) = 'admin' OR customer_id IN (SELECT c.id FROM customers c));
--> statement-breakpoint
-- The dashboard's reads: a period of orders (all of the tenant, or by rep) and a period of visits
-- and planned stops, each answered from the index alone (the columns the KPIs sum are included).
CREATE INDEX IF NOT EXISTS orders_kpi_period_idx ON orders (tenant_id, ordered_at)
  INCLUDE (customer_id, rep_id, status, subtotal_standard, subtotal_reduced, total);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS orders_kpi_rep_idx ON orders (tenant_id, rep_id, ordered_at)
  INCLUDE (customer_id, status, subtotal_standard, subtotal_reduced, total);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS visits_kpi_day_idx ON visits (tenant_id, date)
  INCLUDE (rep_id, customer_id, check_out_at, satisfaction);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS planned_visits_kpi_day_idx ON planned_visits (tenant_id, date)
  INCLUDE (rep_id, plan_id, travel_seconds_before);
