-- The planner's settings (detour factor, average speed): the current tenant's row only.
SELECT kayoi_enable_tenant_rls('planning_settings');
