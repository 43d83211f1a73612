-- Customer CSV imports: tenant isolation, and only the user who previewed an import sees it.
SELECT kayoi_enable_tenant_rls('customer_imports');
--> statement-breakpoint
CREATE POLICY creator_only ON customer_imports AS RESTRICTIVE FOR ALL
USING (created_by = current_setting('app.user_id', true))
WITH CHECK (created_by = current_setting('app.user_id', true));
