-- Audit trail: append-only for the application. kayoi_app may read its tenant's rows and insert
-- rows for its tenant as itself; it has no UPDATE or DELETE grant, and (RLS forced) no policy
-- that would allow either even if one were granted by mistake.
GRANT SELECT, INSERT ON audit_events TO kayoi_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE audit_events_seq_seq TO kayoi_app;
--> statement-breakpoint
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_read ON audit_events FOR SELECT
USING (tenant_id = current_setting('app.tenant_id', true));
--> statement-breakpoint
CREATE POLICY audit_append ON audit_events FOR INSERT
WITH CHECK (tenant_id = current_setting('app.tenant_id', true)
  AND actor_user_id = current_setting('app.user_id', true));
--> statement-breakpoint
-- Idempotency keys: a user's own keys inside their tenant.
SELECT kayoi_enable_tenant_rls('idempotency_keys');
--> statement-breakpoint
CREATE POLICY own_keys ON idempotency_keys AS RESTRICTIVE FOR ALL
USING (user_id = current_setting('app.user_id', true))
WITH CHECK (user_id = current_setting('app.user_id', true));
--> statement-breakpoint
-- Per-tenant counters (customer codes …).
SELECT kayoi_enable_tenant_rls('tenant_counters');
--> statement-breakpoint
-- The role the application logs in as (DATABASE_URL) is a member of kayoi_runtime: not a
-- superuser and owner of nothing. It reads and writes better-auth's tables (sessions, users,
-- the rate limiter) before any tenant is known, and reaches tenant tables only by switching to
-- kayoi_app inside a tenant transaction: NOINHERIT, so kayoi_app's grants are not its own.
-- Create the login once, as the database owner:
--   CREATE ROLE kayoi LOGIN PASSWORD '…' IN ROLE kayoi_runtime;
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kayoi_runtime') THEN
    CREATE ROLE kayoi_runtime NOLOGIN NOINHERIT;
  END IF;
END
$$;
--> statement-breakpoint
GRANT kayoi_app TO kayoi_runtime;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO kayoi_runtime;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "user", session, account, verification, rate_limit, organization, member, invitation TO kayoi_runtime;
--> statement-breakpoint
CREATE POLICY auth_library ON organization FOR ALL TO kayoi_runtime USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY auth_library ON member FOR ALL TO kayoi_runtime USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY auth_library ON "user" FOR ALL TO kayoi_runtime USING (true) WITH CHECK (true);
