-- The role scope of rows that belong to a rep (customers, planned visits, plan days), in one
-- place: an admin all, a rep their own, a manager their team's reps' (a primary-key lookup on
-- staff_profiles, itself filtered to the tenant). Runs as the caller (not SECURITY DEFINER).
CREATE OR REPLACE FUNCTION kayoi_rep_in_role_scope(row_tenant text, row_rep text) RETURNS boolean
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $fn$
  SELECT current_setting('app.role', true) = 'admin'
    OR (current_setting('app.role', true) = 'rep' AND row_rep = current_setting('app.user_id', true))
    OR (current_setting('app.role', true) = 'manager' AND EXISTS (
      SELECT 1 FROM staff_profiles sp
      WHERE sp.tenant_id = row_tenant AND sp.user_id = row_rep
        AND sp.team_id = current_setting('app.team_id', true)))
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION kayoi_rep_in_role_scope(text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION kayoi_rep_in_role_scope(text, text) TO kayoi_app;
--> statement-breakpoint
DROP POLICY role_scope ON customers;
--> statement-breakpoint
CREATE POLICY role_scope ON customers AS RESTRICTIVE FOR ALL
USING (kayoi_rep_in_role_scope(tenant_id, rep_id))
WITH CHECK (kayoi_rep_in_role_scope(tenant_id, rep_id));
--> statement-breakpoint
DROP POLICY role_scope ON planned_visits;
--> statement-breakpoint
CREATE POLICY role_scope ON planned_visits AS RESTRICTIVE FOR ALL
USING (kayoi_rep_in_role_scope(tenant_id, rep_id))
WITH CHECK (kayoi_rep_in_role_scope(tenant_id, rep_id));
--> statement-breakpoint
-- A plan's days: the tenant's rows, and a rep's day only for whom may see that rep's visits.
SELECT kayoi_enable_tenant_rls('plan_days');
--> statement-breakpoint
CREATE POLICY role_scope ON plan_days AS RESTRICTIVE FOR ALL
USING (kayoi_rep_in_role_scope(tenant_id, rep_id))
WITH CHECK (kayoi_rep_in_role_scope(tenant_id, rep_id));
--> statement-breakpoint
-- Calendar tokens: a user reads and replaces their own. The public feed finds a token by its
-- hash before it knows the tenant: it sets app.calendar_token_hash and may read that one row.
SELECT kayoi_enable_tenant_rls('calendar_tokens');
--> statement-breakpoint
CREATE POLICY feed_lookup ON calendar_tokens AS PERMISSIVE FOR SELECT
USING (token_hash = current_setting('app.calendar_token_hash', true));
--> statement-breakpoint
CREATE POLICY own_token ON calendar_tokens AS RESTRICTIVE FOR ALL
USING (
  user_id = current_setting('app.user_id', true)
  OR token_hash = current_setting('app.calendar_token_hash', true)
)
WITH CHECK (user_id = current_setting('app.user_id', true));
