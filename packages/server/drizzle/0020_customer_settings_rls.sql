-- The customer book's settings (code scheme, fiscal year): the current tenant's row only.
SELECT kayoi_enable_tenant_rls('customer_settings');
--> statement-breakpoint
-- The next number of the tenant's code scheme (prefix + digits, e.g. C00213): one more than the
-- highest code of that form in the tenant, whoever's customer it is (the role scope is lifted, as
-- for kayoi_next_customer_code_number in 0005). Returns a number, never rows.
CREATE OR REPLACE FUNCTION kayoi_next_customer_code_number_for(prefix text) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
SET app.role = 'admin'
AS $fn$
  SELECT coalesce(max(substr(code, length(prefix) + 1)::bigint), 0) + 1
  FROM customers
  WHERE tenant_id = current_setting('app.tenant_id', true)
    AND left(code, length(prefix)) = prefix
    AND substr(code, length(prefix) + 1) ~ '^[0-9]{1,12}$'
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION kayoi_next_customer_code_number_for(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION kayoi_next_customer_code_number_for(text) TO kayoi_app;
