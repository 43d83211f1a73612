-- The customers the dashboard reads by scope (issue 10, npm run bench:kpi): a manager's visible
-- customers (the orders and forms policies hash their ids once per statement) and the overdue
-- count, both answered from the index alone.
CREATE INDEX IF NOT EXISTS customers_kpi_scope_idx ON customers (tenant_id, rep_id)
  INCLUDE (id, status, archived_at, created_at, last_visit_at, cadence_days, cadence_tolerance_days);
