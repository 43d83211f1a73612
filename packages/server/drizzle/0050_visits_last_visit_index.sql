-- The dashboard's overdue customers (issue 10, docs/kpi.md): a customer visited since a past
-- period's end needs its last checked-out visit before that end, the newest visit by check-in.
-- The index now carries what that look-up reads (and row-level security checks), so it no
-- longer fetches each visit from the table: an index-only scan.
DROP INDEX IF EXISTS "visits_customer_idx";
--> statement-breakpoint
CREATE INDEX "visits_customer_idx" ON "visits" USING btree ("tenant_id", "customer_id", "check_in_at")
  INCLUDE ("check_out_at", "rep_id", "date");
