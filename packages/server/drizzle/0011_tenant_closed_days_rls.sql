-- The tenant's closed days (お盆, 年末年始 …): rows of the current tenant only; every role reads
-- them (the planner and the calendar need them), writes are the domain's to restrict to admins.
SELECT kayoi_enable_tenant_rls('tenant_closed_days');
