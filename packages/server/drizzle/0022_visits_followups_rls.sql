-- Visits, their forms and skips: the tenant's rows, and a rep's rows only for whom may see that
-- rep's visits (a rep their own, a manager their team's reps', an admin all).
SELECT kayoi_enable_tenant_rls('visits');
--> statement-breakpoint
CREATE POLICY role_scope ON visits AS RESTRICTIVE FOR ALL
USING (kayoi_rep_in_role_scope(tenant_id, rep_id))
WITH CHECK (kayoi_rep_in_role_scope(tenant_id, rep_id));
--> statement-breakpoint
-- A visit's forms follow their visit (visible when the visit is).
SELECT kayoi_enable_tenant_rls('visit_forms');
--> statement-breakpoint
CREATE POLICY role_scope ON visit_forms AS RESTRICTIVE FOR ALL
USING (EXISTS (SELECT 1 FROM visits v WHERE v.tenant_id = visit_forms.tenant_id AND v.id = visit_forms.visit_id))
WITH CHECK (EXISTS (SELECT 1 FROM visits v WHERE v.tenant_id = visit_forms.tenant_id AND v.id = visit_forms.visit_id));
--> statement-breakpoint
SELECT kayoi_enable_tenant_rls('visit_skips');
--> statement-breakpoint
CREATE POLICY role_scope ON visit_skips AS RESTRICTIVE FOR ALL
USING (kayoi_rep_in_role_scope(tenant_id, rep_id))
WITH CHECK (kayoi_rep_in_role_scope(tenant_id, rep_id));
--> statement-breakpoint
-- Templates: the tenant's, for everyone of it.
SELECT kayoi_enable_tenant_rls('visit_templates');
--> statement-breakpoint
-- Followups: the customer's rep's scope (as visits), and whoever a followup is assigned to.
SELECT kayoi_enable_tenant_rls('followups');
--> statement-breakpoint
CREATE POLICY role_scope ON followups AS RESTRICTIVE FOR ALL
USING (
  kayoi_rep_in_role_scope(tenant_id, rep_id)
  OR assignee_id = current_setting('app.user_id', true)
)
WITH CHECK (
  kayoi_rep_in_role_scope(tenant_id, rep_id)
  OR assignee_id = current_setting('app.user_id', true)
);
