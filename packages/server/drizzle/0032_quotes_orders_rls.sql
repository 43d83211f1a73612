-- Quotes follow their customer, as complaints and orders do: the subquery on customers is itself
-- filtered by the customers policies (a rep their own customers, a manager their team's reps', an
-- admin all). Quote lines follow their quote.
SELECT kayoi_enable_tenant_rls('quotes');
--> statement-breakpoint
CREATE POLICY role_scope ON quotes AS RESTRICTIVE FOR ALL
USING (current_setting('app.role', true) = 'admin' OR EXISTS (
  SELECT 1 FROM customers c WHERE c.tenant_id = quotes.tenant_id AND c.id = quotes.customer_id))
WITH CHECK (current_setting('app.role', true) = 'admin' OR EXISTS (
  SELECT 1 FROM customers c WHERE c.tenant_id = quotes.tenant_id AND c.id = quotes.customer_id));
--> statement-breakpoint
SELECT kayoi_enable_tenant_rls('quote_lines');
--> statement-breakpoint
CREATE POLICY role_scope ON quote_lines AS RESTRICTIVE FOR ALL
USING (current_setting('app.role', true) = 'admin' OR EXISTS (
  SELECT 1 FROM quotes q WHERE q.tenant_id = quote_lines.tenant_id AND q.id = quote_lines.quote_id))
WITH CHECK (current_setting('app.role', true) = 'admin' OR EXISTS (
  SELECT 1 FROM quotes q WHERE q.tenant_id = quote_lines.tenant_id AND q.id = quote_lines.quote_id));
--> statement-breakpoint
-- An issued revision's lines never change (電子帳簿保存法): only a draft's lines are replaced.
CREATE POLICY draft_lines_only ON quote_lines AS RESTRICTIVE FOR DELETE
USING (EXISTS (
  SELECT 1 FROM quotes q WHERE q.tenant_id = quote_lines.tenant_id AND q.id = quote_lines.quote_id
    AND q.status = 'draft'));
--> statement-breakpoint
REVOKE UPDATE ON quote_lines FROM kayoi_app;
--> statement-breakpoint
-- Who moved an order to which status: append-only for the application, visible as its order is.
SELECT kayoi_enable_tenant_rls('order_status_history');
--> statement-breakpoint
REVOKE UPDATE, DELETE ON order_status_history FROM kayoi_app;
--> statement-breakpoint
CREATE POLICY role_scope ON order_status_history AS RESTRICTIVE FOR ALL
USING (current_setting('app.role', true) = 'admin' OR EXISTS (
  SELECT 1 FROM orders o WHERE o.tenant_id = order_status_history.tenant_id AND o.id = order_status_history.order_id))
WITH CHECK (current_setting('app.role', true) = 'admin' OR EXISTS (
  SELECT 1 FROM orders o WHERE o.tenant_id = order_status_history.tenant_id AND o.id = order_status_history.order_id));
--> statement-breakpoint
CREATE POLICY append_as_self ON order_status_history AS RESTRICTIVE FOR INSERT
WITH CHECK (actor_id = current_setting('app.user_id', true));
