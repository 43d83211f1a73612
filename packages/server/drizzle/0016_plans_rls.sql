-- Plans and their unplanned customers: the current tenant's rows only (the app checks the team).
SELECT kayoi_enable_tenant_rls('plans');
--> statement-breakpoint
SELECT kayoi_enable_tenant_rls('plan_unplanned');
--> statement-breakpoint
SELECT kayoi_enable_tenant_rls('planned_visits');
--> statement-breakpoint
-- Planned visits follow the customer book's rule on their rep: a rep their own, a manager their
-- team's reps', an admin all (primary-key lookup on staff_profiles, as for customers).
CREATE POLICY role_scope ON planned_visits AS RESTRICTIVE FOR ALL
USING (
  current_setting('app.role', true) = 'admin'
  OR (current_setting('app.role', true) = 'rep' AND rep_id = current_setting('app.user_id', true))
  OR (current_setting('app.role', true) = 'manager' AND EXISTS (
    SELECT 1 FROM staff_profiles sp
    WHERE sp.tenant_id = planned_visits.tenant_id AND sp.user_id = planned_visits.rep_id
      AND sp.team_id = current_setting('app.team_id', true)))
)
WITH CHECK (
  current_setting('app.role', true) = 'admin'
  OR (current_setting('app.role', true) = 'rep' AND rep_id = current_setting('app.user_id', true))
  OR (current_setting('app.role', true) = 'manager' AND EXISTS (
    SELECT 1 FROM staff_profiles sp
    WHERE sp.tenant_id = planned_visits.tenant_id AND sp.user_id = planned_visits.rep_id
      AND sp.team_id = current_setting('app.team_id', true)))
);
