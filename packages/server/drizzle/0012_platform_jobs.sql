-- Jobs (src/platform/jobs): what every app instance knows about a job, whichever queue delivers
-- it (in-process on PGlite, pg-boss on PostgreSQL). Raw SQL: the platform's schema files are
-- the auth and tenancy tables; the queue reads this table through src/platform/jobs/job-store.ts.
CREATE TABLE platform_jobs (
  id uuid PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  name text NOT NULL,
  singleton_key text,
  payload jsonb NOT NULL,
  state text NOT NULL DEFAULT 'queued'
    CONSTRAINT platform_jobs_state_ck CHECK (state IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
  progress real NOT NULL DEFAULT 0 CONSTRAINT platform_jobs_progress_ck CHECK (progress BETWEEN 0 AND 1),
  progress_message text,
  result jsonb,
  error text,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  started_at timestamp with time zone,
  finished_at timestamp with time zone,
  updated_at timestamp with time zone NOT NULL DEFAULT now()
);
--> statement-breakpoint
-- One job per tenant, name and singleton key while it is queued or running.
CREATE UNIQUE INDEX platform_jobs_singleton_uq ON platform_jobs (tenant_id, name, singleton_key)
  WHERE singleton_key IS NOT NULL AND state IN ('queued', 'running');
--> statement-breakpoint
CREATE INDEX platform_jobs_queued_idx ON platform_jobs (created_at, id) WHERE state = 'queued';
--> statement-breakpoint
CREATE INDEX platform_jobs_tenant_idx ON platform_jobs (tenant_id, created_at);
--> statement-breakpoint
-- A tenant's transaction (kayoi_app) sees its tenant's jobs only; the queue itself runs on the
-- app's login outside any tenant (the worker takes every tenant's jobs): kayoi_runtime may read
-- and write every row, and nothing else of the tenant tables.
SELECT kayoi_enable_tenant_rls('platform_jobs');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON platform_jobs TO kayoi_runtime;
--> statement-breakpoint
CREATE POLICY job_queue ON platform_jobs FOR ALL TO kayoi_runtime USING (true) WITH CHECK (true);
--> statement-breakpoint
-- pg-boss (PostgreSQL) keeps its queue in the schema `pgboss`, which it creates and migrates at
-- start through the owner's connection (DATABASE_ADMIN_URL): its `create_queue` makes a table per
-- queue, which only an owner may. The app's login (kayoi_runtime) sends, fetches, completes and
-- cancels jobs: it may use the tables the owner creates there, and nothing else. The schema is
-- created here (empty, harmless on PGlite) so that the default privileges cover pg-boss's tables.
CREATE SCHEMA IF NOT EXISTS pgboss;
--> statement-breakpoint
GRANT USAGE ON SCHEMA pgboss TO kayoi_runtime;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO kayoi_runtime;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO kayoi_runtime;
