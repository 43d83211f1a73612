-- A rep's absences: the current tenant's rows, and the customer book's rule on the rep: a rep
-- their own, a manager their team's reps', an admin all (the planner reads them as the plan's
-- creator). Who may write is the app's access declaration (admins and managers of the team).
SELECT kayoi_enable_tenant_rls('rep_absences');
--> statement-breakpoint
CREATE POLICY role_scope ON rep_absences AS RESTRICTIVE FOR ALL
USING (
  current_setting('app.role', true) = 'admin'
  OR (current_setting('app.role', true) = 'rep' AND user_id = current_setting('app.user_id', true))
  OR (current_setting('app.role', true) = 'manager' AND EXISTS (
    SELECT 1 FROM staff_profiles sp
    WHERE sp.tenant_id = rep_absences.tenant_id AND sp.user_id = rep_absences.user_id
      AND sp.team_id = current_setting('app.team_id', true)))
)
WITH CHECK (
  current_setting('app.role', true) = 'admin'
  OR (current_setting('app.role', true) = 'rep' AND user_id = current_setting('app.user_id', true))
  OR (current_setting('app.role', true) = 'manager' AND EXISTS (
    SELECT 1 FROM staff_profiles sp
    WHERE sp.tenant_id = rep_absences.tenant_id AND sp.user_id = rep_absences.user_id
      AND sp.team_id = current_setting('app.team_id', true)))
);
