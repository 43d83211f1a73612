-- kayoi_role_scope_reps() (0041) as PL/pgSQL, with the same answer: a rep themselves, a manager
-- the members of their team, anyone else none.
--
-- Every policy calls it once per statement and table (an InitPlan). As a SQL function with a SET
-- clause it was neither inlined nor cached: each call saved and restored search_path and planned
-- its body again, about 0.1 ms, which on the dashboard's small queries of a rep was as much as
-- reading their rows. PL/pgSQL keeps the body's plan for the session (a pooled connection), so
-- a call costs a few microseconds. Without the SET clause every name is schema-qualified; the
-- function is not SECURITY DEFINER, so it reads staff_profiles as the caller, as before.
CREATE OR REPLACE FUNCTION kayoi_role_scope_reps() RETURNS text[]
LANGUAGE plpgsql STABLE
AS $fn$
BEGIN
  RETURN CASE pg_catalog.current_setting('app.role', true)
    WHEN 'rep' THEN ARRAY[pg_catalog.current_setting('app.user_id', true)]
    WHEN 'manager' THEN coalesce((
      SELECT pg_catalog.array_agg(sp.user_id) FROM public.staff_profiles sp
      WHERE sp.tenant_id = pg_catalog.current_setting('app.tenant_id', true)
        AND sp.team_id = pg_catalog.current_setting('app.team_id', true)), '{}'::text[])
    ELSE '{}'::text[]
  END;
END
$fn$;
--> statement-breakpoint
-- Clears the SET clause of 0041 (CREATE OR REPLACE already does; explicit for the reader).
ALTER FUNCTION kayoi_role_scope_reps() RESET ALL;
