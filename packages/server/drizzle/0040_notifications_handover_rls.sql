-- Notifications: anyone of the tenant may write one for anyone (the event's domain calls notify in
-- its own transaction); only the recipient reads it and marks it read; none is deleted.
SELECT kayoi_enable_tenant_rls('notifications');
--> statement-breakpoint
CREATE POLICY recipient_reads ON notifications AS RESTRICTIVE FOR SELECT
USING (recipient_id = current_setting('app.user_id', true));
--> statement-breakpoint
CREATE POLICY recipient_marks ON notifications AS RESTRICTIVE FOR UPDATE
USING (recipient_id = current_setting('app.user_id', true))
WITH CHECK (recipient_id = current_setting('app.user_id', true));
--> statement-breakpoint
REVOKE DELETE ON notifications FROM kayoi_app;
--> statement-breakpoint
-- Handovers and their sheets: the receiving rep's scope (a rep their own, a manager their team's,
-- an admin all), the outgoing rep's scope for a sheet, and whoever made the handover.
SELECT kayoi_enable_tenant_rls('handovers');
--> statement-breakpoint
CREATE POLICY role_scope ON handovers AS RESTRICTIVE FOR ALL
USING (kayoi_rep_in_role_scope(tenant_id, to_rep_id) OR created_by = current_setting('app.user_id', true))
WITH CHECK (kayoi_rep_in_role_scope(tenant_id, to_rep_id));
--> statement-breakpoint
REVOKE UPDATE, DELETE ON handovers FROM kayoi_app;
--> statement-breakpoint
SELECT kayoi_enable_tenant_rls('handover_sheets');
--> statement-breakpoint
CREATE POLICY role_scope ON handover_sheets AS RESTRICTIVE FOR ALL
USING (kayoi_rep_in_role_scope(tenant_id, to_rep_id) OR kayoi_rep_in_role_scope(tenant_id, from_rep_id))
WITH CHECK (kayoi_rep_in_role_scope(tenant_id, to_rep_id));
--> statement-breakpoint
REVOKE DELETE ON handover_sheets FROM kayoi_app;
--> statement-breakpoint
-- Who had the customer when: append-only, visible as its customer is.
SELECT kayoi_enable_tenant_rls('customer_assignments');
--> statement-breakpoint
CREATE POLICY role_scope ON customer_assignments AS RESTRICTIVE FOR ALL
USING (current_setting('app.role', true) = 'admin' OR EXISTS (
  SELECT 1 FROM customers c WHERE c.tenant_id = customer_assignments.tenant_id AND c.id = customer_assignments.customer_id))
WITH CHECK (current_setting('app.role', true) = 'admin' OR EXISTS (
  SELECT 1 FROM customers c WHERE c.tenant_id = customer_assignments.tenant_id AND c.id = customer_assignments.customer_id));
--> statement-breakpoint
REVOKE UPDATE, DELETE ON customer_assignments FROM kayoi_app;
--> statement-breakpoint
CREATE POLICY append_as_self ON customer_assignments AS RESTRICTIVE FOR INSERT
WITH CHECK (assigned_by = current_setting('app.user_id', true));
