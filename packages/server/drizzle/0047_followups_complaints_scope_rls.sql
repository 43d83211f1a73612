-- Follow-ups and complaints checked once per statement, like orders and forms (0041, 0046):
-- the same rows as before.
--
-- Follow-ups called kayoi_rep_in_role_scope(tenant_id, rep_id) for every row (a function with a
-- SET clause is never inlined); `rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[])` is the
-- same set (a rep themselves, a manager their team's members; the admin is let through first)
-- evaluated once. Whoever a follow-up is assigned to still sees it.
DROP POLICY role_scope ON followups;
--> statement-breakpoint
CREATE POLICY role_scope ON followups AS RESTRICTIVE FOR ALL
USING ((SELECT current_setting('app.role', true)) = 'admin'
  OR rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[])
  OR assignee_id = (SELECT current_setting('app.user_id', true)))
WITH CHECK ((SELECT current_setting('app.role', true)) = 'admin'
  OR rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[])
  OR assignee_id = (SELECT current_setting('app.user_id', true)));
--> statement-breakpoint
-- Complaints follow their customer: the caller's visible customers, found by index on customers
-- (tenant_id, rep_id) and hashed once per statement, instead of a policy-checked customers
-- look-up per complaint.
DROP POLICY role_scope ON complaints;
--> statement-breakpoint
CREATE POLICY role_scope ON complaints AS RESTRICTIVE FOR ALL
USING ((SELECT current_setting('app.role', true)) = 'admin' OR customer_id IN (
  SELECT c.id FROM customers c WHERE c.rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[])))
WITH CHECK ((SELECT current_setting('app.role', true)) = 'admin' OR customer_id IN (
  SELECT c.id FROM customers c WHERE c.rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[])));
