-- Web hooks: endpoints (with their signing secrets) and deliveries are the admins' only.
SELECT kayoi_enable_tenant_rls('webhook_endpoints');
--> statement-breakpoint
CREATE POLICY admins_only ON webhook_endpoints AS RESTRICTIVE FOR ALL TO kayoi_app
USING (current_setting('app.role', true) = 'admin')
WITH CHECK (current_setting('app.role', true) = 'admin');
--> statement-breakpoint
SELECT kayoi_enable_tenant_rls('webhook_deliveries');
--> statement-breakpoint
CREATE POLICY admins_only ON webhook_deliveries AS RESTRICTIVE FOR ALL TO kayoi_app
USING (current_setting('app.role', true) = 'admin')
WITH CHECK (current_setting('app.role', true) = 'admin');
--> statement-breakpoint
-- The dispatcher runs on the app's login outside any tenant and asks only which tenants have a
-- delivery due: it may read those three columns of every row, nothing else (no payload, no secret).
GRANT SELECT (tenant_id, status, next_attempt_at) ON webhook_deliveries TO kayoi_runtime;
--> statement-breakpoint
CREATE POLICY dispatcher_reads ON webhook_deliveries FOR SELECT TO kayoi_runtime USING (true);
--> statement-breakpoint
-- The outbox: notify() runs in whoever's transaction raised the event (a rep's, a manager's, a
-- job's), which may not read the endpoints. This function writes, for the caller's own tenant
-- only (app.tenant_id), one pending delivery per active endpoint subscribed to the event's kind,
-- once per event (the unique event id), with the admin scope lifted for its duration. It
-- answers how many it wrote, never a row.
CREATE OR REPLACE FUNCTION kayoi_enqueue_webhook_event(p_event_id text, p_kind text, p_payload jsonb)
RETURNS integer
LANGUAGE sql SECURITY DEFINER
SET search_path = public, pg_temp
SET app.role = 'admin'
AS $fn$
  WITH written AS (
    INSERT INTO webhook_deliveries (tenant_id, id, endpoint_id, event_id, event_kind, payload, status, next_attempt_at)
    SELECT e.tenant_id, gen_random_uuid()::text, e.id, p_event_id, p_kind, p_payload, 'pending', now()
    FROM webhook_endpoints e
    WHERE e.tenant_id = current_setting('app.tenant_id', true) AND e.active AND p_kind = ANY (e.events)
    ON CONFLICT (tenant_id, endpoint_id, event_id) DO NOTHING
    RETURNING 1
  )
  SELECT count(*)::integer FROM written
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION kayoi_enqueue_webhook_event(text, text, jsonb) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION kayoi_enqueue_webhook_event(text, text, jsonb) TO kayoi_app;
