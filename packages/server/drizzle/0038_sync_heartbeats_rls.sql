-- When each person's phone last synced: everyone reads their own row, a manager their team's reps',
-- an admin all; each person writes only their own row (a heartbeat is sent by the phone it describes).
SELECT kayoi_enable_tenant_rls('sync_heartbeats');
--> statement-breakpoint
CREATE POLICY role_scope ON sync_heartbeats AS RESTRICTIVE FOR ALL
USING (user_id = current_setting('app.user_id', true) OR kayoi_rep_in_role_scope(tenant_id, user_id))
WITH CHECK (user_id = current_setting('app.user_id', true));
