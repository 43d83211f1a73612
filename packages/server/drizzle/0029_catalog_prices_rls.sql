-- The catalog: everyone of the tenant reads it; only managers and admins change it (the use
-- cases check the role first; these policies are the second wall).
CREATE POLICY staff_insert ON products AS RESTRICTIVE FOR INSERT
WITH CHECK (current_setting('app.role', true) IN ('manager', 'admin'));
--> statement-breakpoint
CREATE POLICY staff_update ON products AS RESTRICTIVE FOR UPDATE
USING (current_setting('app.role', true) IN ('manager', 'admin'))
WITH CHECK (current_setting('app.role', true) IN ('manager', 'admin'));
--> statement-breakpoint
CREATE POLICY staff_delete ON products AS RESTRICTIVE FOR DELETE
USING (current_setting('app.role', true) IN ('manager', 'admin'));
--> statement-breakpoint
SELECT kayoi_enable_tenant_rls('product_components');
--> statement-breakpoint
CREATE POLICY staff_insert ON product_components AS RESTRICTIVE FOR INSERT
WITH CHECK (current_setting('app.role', true) IN ('manager', 'admin'));
--> statement-breakpoint
CREATE POLICY staff_update ON product_components AS RESTRICTIVE FOR UPDATE
USING (current_setting('app.role', true) IN ('manager', 'admin'))
WITH CHECK (current_setting('app.role', true) IN ('manager', 'admin'));
--> statement-breakpoint
CREATE POLICY staff_delete ON product_components AS RESTRICTIVE FOR DELETE
USING (current_setting('app.role', true) IN ('manager', 'admin'));
--> statement-breakpoint
-- Price list entries follow their customer (the subquery on customers is itself filtered by the
-- customers policies: a rep their own, a manager their team's, an admin all); rank entries
-- (customer_id null) are the whole tenant's. Only managers and admins write, and only an admin
-- writes a rank entry (it prices every team's customers).
SELECT kayoi_enable_tenant_rls('price_list_entries');
--> statement-breakpoint
CREATE POLICY role_scope ON price_list_entries AS RESTRICTIVE FOR ALL
USING (current_setting('app.role', true) = 'admin' OR customer_id IS NULL OR EXISTS (
  SELECT 1 FROM customers c WHERE c.tenant_id = price_list_entries.tenant_id AND c.id = price_list_entries.customer_id))
WITH CHECK (current_setting('app.role', true) = 'admin' OR EXISTS (
  SELECT 1 FROM customers c WHERE c.tenant_id = price_list_entries.tenant_id AND c.id = price_list_entries.customer_id));
--> statement-breakpoint
CREATE POLICY staff_insert ON price_list_entries AS RESTRICTIVE FOR INSERT
WITH CHECK (current_setting('app.role', true) IN ('manager', 'admin'));
--> statement-breakpoint
CREATE POLICY staff_update ON price_list_entries AS RESTRICTIVE FOR UPDATE
USING (current_setting('app.role', true) IN ('manager', 'admin'))
WITH CHECK (current_setting('app.role', true) IN ('manager', 'admin'));
--> statement-breakpoint
CREATE POLICY staff_delete ON price_list_entries AS RESTRICTIVE FOR DELETE
USING (current_setting('app.role', true) IN ('manager', 'admin'));
--> statement-breakpoint
-- Catalog CSV imports: only the user who previewed an import sees it.
SELECT kayoi_enable_tenant_rls('product_imports');
--> statement-breakpoint
CREATE POLICY creator_only ON product_imports AS RESTRICTIVE FOR ALL
USING (created_by = current_setting('app.user_id', true))
WITH CHECK (created_by = current_setting('app.user_id', true));
