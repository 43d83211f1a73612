-- Complaints follow their customer: the subquery on customers is itself filtered by the customers
-- policies (kayoi_rep_in_role_scope: a rep their own, a manager their team's reps', an admin all),
-- and is a primary-key lookup. Admins skip it.
SELECT kayoi_enable_tenant_rls('complaints');
--> statement-breakpoint
CREATE POLICY role_scope ON complaints AS RESTRICTIVE FOR ALL
USING (current_setting('app.role', true) = 'admin' OR EXISTS (
  SELECT 1 FROM customers c WHERE c.tenant_id = complaints.tenant_id AND c.id = complaints.customer_id))
WITH CHECK (current_setting('app.role', true) = 'admin' OR EXISTS (
  SELECT 1 FROM customers c WHERE c.tenant_id = complaints.tenant_id AND c.id = complaints.customer_id));
--> statement-breakpoint
-- The history of a complaint: append-only for the application (read and insert, never change),
-- visible as its complaint is.
SELECT kayoi_enable_tenant_rls('complaint_actions');
--> statement-breakpoint
REVOKE UPDATE, DELETE ON complaint_actions FROM kayoi_app;
--> statement-breakpoint
CREATE POLICY role_scope ON complaint_actions AS RESTRICTIVE FOR ALL
USING (current_setting('app.role', true) = 'admin' OR EXISTS (
  SELECT 1 FROM complaints k WHERE k.tenant_id = complaint_actions.tenant_id AND k.id = complaint_actions.complaint_id))
WITH CHECK (current_setting('app.role', true) = 'admin' OR EXISTS (
  SELECT 1 FROM complaints k WHERE k.tenant_id = complaint_actions.tenant_id AND k.id = complaint_actions.complaint_id));
--> statement-breakpoint
CREATE POLICY append_as_self ON complaint_actions AS RESTRICTIVE FOR INSERT
WITH CHECK (actor_id = current_setting('app.user_id', true));
