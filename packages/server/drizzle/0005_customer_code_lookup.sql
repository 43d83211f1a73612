-- Customer codes are unique per tenant, but a rep's or manager's RLS scope hides other
-- customers. These two SECURITY DEFINER functions answer, for the caller's own tenant only
-- (app.tenant_id), the next free C-000123 number and which of some codes are taken, with the
-- role scope lifted for their duration (SET app.role = 'admin'). They return numbers and codes,
-- never rows.
CREATE OR REPLACE FUNCTION kayoi_next_customer_code_number() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
SET app.role = 'admin'
AS $fn$
  SELECT coalesce(max(substring(code FROM '^C-([0-9]{1,12})$')::bigint), 0) + 1
  FROM customers
  WHERE tenant_id = current_setting('app.tenant_id', true) AND code ~ '^C-[0-9]{1,12}$'
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kayoi_customer_codes_in_use(codes text[]) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
SET app.role = 'admin'
AS $fn$
  SELECT code FROM customers
  WHERE tenant_id = current_setting('app.tenant_id', true) AND code = ANY(codes)
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION kayoi_next_customer_code_number() FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION kayoi_customer_codes_in_use(text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION kayoi_next_customer_code_number() TO kayoi_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION kayoi_customer_codes_in_use(text[]) TO kayoi_app;
