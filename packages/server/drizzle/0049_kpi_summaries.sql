CREATE TABLE "kpi_customer_won_days" (
	"tenant_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"rep_id" text NOT NULL,
	"cur_rep_id" text NOT NULL,
	"won_days" datemultirange NOT NULL,
	CONSTRAINT "kpi_customer_won_days_tenant_id_customer_id_rep_id_pk" PRIMARY KEY("tenant_id","customer_id","rep_id")
);
--> statement-breakpoint
CREATE TABLE "kpi_order_days" (
	"tenant_id" text NOT NULL,
	"day" date NOT NULL,
	"rep_id" text NOT NULL,
	"cur_rep_id" text NOT NULL,
	"orders" integer NOT NULL,
	"won" integer NOT NULL,
	"excl" bigint NOT NULL,
	"incl" bigint NOT NULL,
	CONSTRAINT "kpi_order_days_tenant_id_rep_id_day_cur_rep_id_pk" PRIMARY KEY("tenant_id","rep_id","day","cur_rep_id")
);
--> statement-breakpoint
CREATE TABLE "kpi_plan_days" (
	"tenant_id" text NOT NULL,
	"day" date NOT NULL,
	"rep_id" text NOT NULL,
	"plan_id" text NOT NULL,
	"stops" integer NOT NULL,
	"travel_seconds" bigint NOT NULL,
	CONSTRAINT "kpi_plan_days_tenant_id_rep_id_day_plan_id_pk" PRIMARY KEY("tenant_id","rep_id","day","plan_id")
);
--> statement-breakpoint
CREATE TABLE "kpi_visit_days" (
	"tenant_id" text NOT NULL,
	"day" date NOT NULL,
	"rep_id" text NOT NULL,
	"visits" integer NOT NULL,
	"done" integer NOT NULL,
	"answers" integer NOT NULL,
	"satisfaction_sum" integer NOT NULL,
	CONSTRAINT "kpi_visit_days_tenant_id_rep_id_day_pk" PRIMARY KEY("tenant_id","rep_id","day")
);
--> statement-breakpoint
ALTER TABLE "kpi_customer_won_days" ADD CONSTRAINT "kpi_customer_won_days_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_order_days" ADD CONSTRAINT "kpi_order_days_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_plan_days" ADD CONSTRAINT "kpi_plan_days_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_visit_days" ADD CONSTRAINT "kpi_visit_days_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_customer_won_days_cur_rep_idx" ON "kpi_customer_won_days" USING btree ("tenant_id","cur_rep_id");--> statement-breakpoint
CREATE INDEX "kpi_customer_won_days_rep_idx" ON "kpi_customer_won_days" USING btree ("tenant_id","rep_id");--> statement-breakpoint
-- The dashboard's summary tables (issue 10 item 6, docs/kpi.md 性能), kept exact by triggers:
-- per statement, from its transition tables, in the writer's transaction.
--
-- kpi_order_days and kpi_visit_days / kpi_plan_days are sums: each changed row subtracts its old
-- contribution and adds its new one (upserts commute, so concurrent writers need no lock).
-- kpi_order_days is keyed by the customer's current rep as well (cur_rep_id), because row-level
-- security lets a rep or a manager read the orders of the customers now in their book: a change
-- of a customer's rep moves its orders' sums from the old cur_rep_id to the new one.
-- kpi_customer_won_days holds per customer and order rep the days with a won order; an insert
-- adds its days (a union), an update or a delete rebuilds the customer's rows from its orders.
-- rep_id '*' rows hold the company's figures: per day in kpi_order_days (cur_rep_id '*' too)
-- and kpi_visit_days, per customer over all its reps in kpi_customer_won_days (row-level
-- security shows the first two to the admin only; '*' is no user id).
--
-- Races: every order trigger first locks its customers' rows (FOR SHARE for an insert, FOR NO
-- KEY UPDATE for an update or a delete), in key order; a change of a customer's rep holds that
-- row's lock from its UPDATE. So a rebuild, a rep change and an order write of one customer run
-- one after the other, and each statement after the lock reads the committed state (READ
-- COMMITTED: a new snapshot per statement).
--
-- The functions run as their owner with the admin scope (they must see every order of the
-- customer, whoever writes), inside the writer's tenant (tenant_isolation still applies). A
-- tenant being deleted (its organization row gone) writes nothing.
CREATE OR REPLACE FUNCTION kayoi_kpi_orders_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
SET app.role = 'admin'
AS $fn$
DECLARE
  cols constant text := 'tenant_id, customer_id, rep_id, ordered_at, status, subtotal_standard + subtotal_reduced AS excl, total AS incl';
  ch text;
BEGIN
  ch := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT %s, 1 AS sign FROM new_rows', cols)
    WHEN 'DELETE' THEN format('SELECT %s, -1 AS sign FROM old_rows', cols)
    ELSE format(
      'WITH chg AS (SELECT n.tenant_id, n.id FROM new_rows n JOIN old_rows o USING (tenant_id, id)
         WHERE (o.customer_id, o.rep_id, o.ordered_at, o.status, o.subtotal_standard, o.subtotal_reduced, o.total)
           IS DISTINCT FROM (n.customer_id, n.rep_id, n.ordered_at, n.status, n.subtotal_standard, n.subtotal_reduced, n.total))
       SELECT %1$s, -1 AS sign FROM old_rows WHERE (tenant_id, id) IN (SELECT tenant_id, id FROM chg)
       UNION ALL SELECT %1$s, 1 AS sign FROM new_rows WHERE (tenant_id, id) IN (SELECT tenant_id, id FROM chg)', cols)
  END;
  ch := format('SELECT ch.*, (ch.ordered_at AT TIME ZONE ''Asia/Tokyo'')::date AS day FROM (%s) ch
    WHERE EXISTS (SELECT 1 FROM organization g WHERE g.id = ch.tenant_id)', ch);

  EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM customers c
      WHERE (c.tenant_id, c.id) IN (SELECT tenant_id, customer_id FROM (%s) ch)
      ORDER BY c.tenant_id, c.id FOR %s) l',
    ch, CASE WHEN TG_OP = 'INSERT' THEN 'SHARE' ELSE 'NO KEY UPDATE' END);

  EXECUTE format('INSERT INTO kpi_order_days AS d (tenant_id, day, rep_id, cur_rep_id, orders, won, excl, incl)
    SELECT x.tenant_id, x.day, coalesce(x.rep, ''*''), coalesce(x.cur, ''*''),
      sum(x.sign), coalesce(sum(x.sign) FILTER (WHERE x.won), 0),
      coalesce(sum(x.sign * x.excl) FILTER (WHERE x.won), 0), coalesce(sum(x.sign * x.incl) FILTER (WHERE x.won), 0)
    FROM (SELECT ch.tenant_id, ch.day, coalesce(ch.rep_id, '''') AS rep, coalesce(c.rep_id, '''') AS cur, ch.sign,
        ch.status <> ''cancelled'' AS won, ch.excl, ch.incl
      FROM (%s) ch LEFT JOIN customers c ON c.tenant_id = ch.tenant_id AND c.id = ch.customer_id) x
    GROUP BY GROUPING SETS ((x.tenant_id, x.day, x.rep, x.cur), (x.tenant_id, x.day))
    ON CONFLICT (tenant_id, day, rep_id, cur_rep_id) DO UPDATE SET orders = d.orders + excluded.orders,
      won = d.won + excluded.won, excl = d.excl + excluded.excl, incl = d.incl + excluded.incl', ch);
  EXECUTE format('DELETE FROM kpi_order_days d WHERE d.orders = 0 AND (d.tenant_id, d.rep_id, d.day) IN (
      SELECT tenant_id, coalesce(rep_id, ''''), day FROM (%1$s) ch UNION SELECT tenant_id, ''*'', day FROM (%1$s) ch)', ch);

  IF TG_OP = 'INSERT' THEN
    EXECUTE format('INSERT INTO kpi_customer_won_days AS w (tenant_id, customer_id, rep_id, cur_rep_id, won_days)
      SELECT x.tenant_id, x.customer_id, coalesce(x.rep, ''*''), x.cur, range_agg(daterange(x.day, x.day + 1))
      FROM (SELECT ch.tenant_id, ch.customer_id, coalesce(ch.rep_id, '''') AS rep, coalesce(c.rep_id, '''') AS cur, ch.day
        FROM (%s) ch LEFT JOIN customers c ON c.tenant_id = ch.tenant_id AND c.id = ch.customer_id
        WHERE ch.status <> ''cancelled'') x
      GROUP BY GROUPING SETS ((x.tenant_id, x.customer_id, x.cur, x.rep), (x.tenant_id, x.customer_id, x.cur))
      ON CONFLICT (tenant_id, customer_id, rep_id) DO UPDATE SET won_days = w.won_days + excluded.won_days,
        cur_rep_id = excluded.cur_rep_id', ch);
  ELSE
    EXECUTE format('DELETE FROM kpi_customer_won_days w
      WHERE (w.tenant_id, w.customer_id) IN (SELECT tenant_id, customer_id FROM (%s) ch)', ch);
    EXECUTE format('INSERT INTO kpi_customer_won_days (tenant_id, customer_id, rep_id, cur_rep_id, won_days)
      SELECT x.tenant_id, x.customer_id, coalesce(x.rep, ''*''), x.cur, range_agg(daterange(x.day, x.day + 1))
      FROM (SELECT o.tenant_id, o.customer_id, coalesce(o.rep_id, '''') AS rep, coalesce(c.rep_id, '''') AS cur,
          (o.ordered_at AT TIME ZONE ''Asia/Tokyo'')::date AS day
        FROM orders o LEFT JOIN customers c ON c.tenant_id = o.tenant_id AND c.id = o.customer_id
        WHERE (o.tenant_id, o.customer_id) IN (SELECT tenant_id, customer_id FROM (%s) ch)
          AND o.status <> ''cancelled'') x
      GROUP BY GROUPING SETS ((x.tenant_id, x.customer_id, x.cur, x.rep), (x.tenant_id, x.customer_id, x.cur))', ch);
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER kpi_orders_inserted AFTER INSERT ON orders
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kayoi_kpi_orders_changed();
--> statement-breakpoint
CREATE TRIGGER kpi_orders_updated AFTER UPDATE ON orders
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kayoi_kpi_orders_changed();
--> statement-breakpoint
CREATE TRIGGER kpi_orders_deleted AFTER DELETE ON orders
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kayoi_kpi_orders_changed();
--> statement-breakpoint
-- A customer's new rep: its orders' sums and won days move to the new cur_rep_id.
CREATE OR REPLACE FUNCTION kayoi_kpi_customers_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
SET app.role = 'admin'
AS $fn$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o USING (tenant_id, id) WHERE n.rep_id IS DISTINCT FROM o.rep_id) THEN
    RETURN NULL;
  END IF;
  WITH moved AS (
    SELECT n.tenant_id, n.id, coalesce(o.rep_id, '') AS old_rep, coalesce(n.rep_id, '') AS new_rep
    FROM new_rows n JOIN old_rows o USING (tenant_id, id)
    WHERE n.rep_id IS DISTINCT FROM o.rep_id
      AND EXISTS (SELECT 1 FROM organization g WHERE g.id = n.tenant_id)),
  x AS (
    SELECT o.tenant_id, (o.ordered_at AT TIME ZONE 'Asia/Tokyo')::date AS day, coalesce(o.rep_id, '') AS rep_id,
      s.cur, s.sign, o.status <> 'cancelled' AS won, o.subtotal_standard + o.subtotal_reduced AS excl, o.total AS incl
    FROM orders o JOIN moved m ON o.tenant_id = m.tenant_id AND o.customer_id = m.id
    CROSS JOIN LATERAL (VALUES (m.old_rep, -1), (m.new_rep, 1)) s(cur, sign))
  INSERT INTO kpi_order_days AS d (tenant_id, day, rep_id, cur_rep_id, orders, won, excl, incl)
  SELECT tenant_id, day, rep_id, cur, sum(sign), coalesce(sum(sign) FILTER (WHERE won), 0),
    coalesce(sum(sign * excl) FILTER (WHERE won), 0), coalesce(sum(sign * incl) FILTER (WHERE won), 0)
  FROM x GROUP BY 1, 2, 3, 4
  ON CONFLICT (tenant_id, day, rep_id, cur_rep_id) DO UPDATE SET orders = d.orders + excluded.orders,
    won = d.won + excluded.won, excl = d.excl + excluded.excl, incl = d.incl + excluded.incl;

  DELETE FROM kpi_order_days d WHERE d.orders = 0 AND (d.tenant_id, d.rep_id, d.day) IN (
    SELECT o.tenant_id, coalesce(o.rep_id, ''), (o.ordered_at AT TIME ZONE 'Asia/Tokyo')::date
    FROM orders o JOIN new_rows n ON o.tenant_id = n.tenant_id AND o.customer_id = n.id
    JOIN old_rows p ON p.tenant_id = n.tenant_id AND p.id = n.id
    WHERE n.rep_id IS DISTINCT FROM p.rep_id);

  UPDATE kpi_customer_won_days w SET cur_rep_id = coalesce(n.rep_id, '')
  FROM new_rows n JOIN old_rows o USING (tenant_id, id)
  WHERE n.rep_id IS DISTINCT FROM o.rep_id AND w.tenant_id = n.tenant_id AND w.customer_id = n.id;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER kpi_customers_updated AFTER UPDATE ON customers
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kayoi_kpi_customers_changed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kayoi_kpi_visits_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
SET app.role = 'admin'
AS $fn$
DECLARE
  cols constant text := 'tenant_id, rep_id, date, check_out_at IS NOT NULL AS done, satisfaction';
  ch text;
BEGIN
  ch := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT %s, 1 AS sign FROM new_rows', cols)
    WHEN 'DELETE' THEN format('SELECT %s, -1 AS sign FROM old_rows', cols)
    ELSE format(
      'WITH chg AS (SELECT n.tenant_id, n.id FROM new_rows n JOIN old_rows o USING (tenant_id, id)
         WHERE (o.rep_id, o.date, o.check_out_at IS NULL, o.satisfaction)
           IS DISTINCT FROM (n.rep_id, n.date, n.check_out_at IS NULL, n.satisfaction))
       SELECT %1$s, -1 AS sign FROM old_rows WHERE (tenant_id, id) IN (SELECT tenant_id, id FROM chg)
       UNION ALL SELECT %1$s, 1 AS sign FROM new_rows WHERE (tenant_id, id) IN (SELECT tenant_id, id FROM chg)', cols)
  END;
  EXECUTE format('INSERT INTO kpi_visit_days AS d (tenant_id, day, rep_id, visits, done, answers, satisfaction_sum)
    SELECT ch.tenant_id, ch.date, coalesce(ch.rep_id, ''*''), sum(ch.sign), coalesce(sum(ch.sign) FILTER (WHERE ch.done), 0),
      coalesce(sum(ch.sign) FILTER (WHERE ch.satisfaction IS NOT NULL), 0), coalesce(sum(ch.sign * ch.satisfaction), 0)
    FROM (%s) ch WHERE EXISTS (SELECT 1 FROM organization g WHERE g.id = ch.tenant_id)
    GROUP BY GROUPING SETS ((ch.tenant_id, ch.date, ch.rep_id), (ch.tenant_id, ch.date))
    ON CONFLICT (tenant_id, day, rep_id) DO UPDATE SET visits = d.visits + excluded.visits, done = d.done + excluded.done,
      answers = d.answers + excluded.answers, satisfaction_sum = d.satisfaction_sum + excluded.satisfaction_sum', ch);
  EXECUTE format('DELETE FROM kpi_visit_days d WHERE d.visits = 0 AND (d.tenant_id, d.rep_id, d.day) IN (
      SELECT tenant_id, rep_id, date FROM (%1$s) ch UNION SELECT tenant_id, ''*'', date FROM (%1$s) ch)', ch);
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER kpi_visits_inserted AFTER INSERT ON visits
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kayoi_kpi_visits_changed();
--> statement-breakpoint
CREATE TRIGGER kpi_visits_updated AFTER UPDATE ON visits
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kayoi_kpi_visits_changed();
--> statement-breakpoint
CREATE TRIGGER kpi_visits_deleted AFTER DELETE ON visits
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kayoi_kpi_visits_changed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kayoi_kpi_planned_visits_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
SET app.role = 'admin'
AS $fn$
DECLARE
  cols constant text := 'tenant_id, rep_id, date, plan_id, travel_seconds_before';
  ch text;
BEGIN
  ch := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT %s, 1 AS sign FROM new_rows', cols)
    WHEN 'DELETE' THEN format('SELECT %s, -1 AS sign FROM old_rows', cols)
    ELSE format(
      'WITH chg AS (SELECT n.tenant_id, n.id FROM new_rows n JOIN old_rows o USING (tenant_id, id)
         WHERE (o.rep_id, o.date, o.plan_id, o.travel_seconds_before)
           IS DISTINCT FROM (n.rep_id, n.date, n.plan_id, n.travel_seconds_before))
       SELECT %1$s, -1 AS sign FROM old_rows WHERE (tenant_id, id) IN (SELECT tenant_id, id FROM chg)
       UNION ALL SELECT %1$s, 1 AS sign FROM new_rows WHERE (tenant_id, id) IN (SELECT tenant_id, id FROM chg)', cols)
  END;
  EXECUTE format('INSERT INTO kpi_plan_days AS d (tenant_id, day, rep_id, plan_id, stops, travel_seconds)
    SELECT ch.tenant_id, ch.date, ch.rep_id, ch.plan_id, sum(ch.sign), sum(ch.sign * ch.travel_seconds_before)
    FROM (%s) ch WHERE EXISTS (SELECT 1 FROM organization g WHERE g.id = ch.tenant_id)
      AND EXISTS (SELECT 1 FROM plans p WHERE p.tenant_id = ch.tenant_id AND p.id = ch.plan_id)
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (tenant_id, day, rep_id, plan_id) DO UPDATE SET stops = d.stops + excluded.stops,
      travel_seconds = d.travel_seconds + excluded.travel_seconds', ch);
  EXECUTE format('DELETE FROM kpi_plan_days d WHERE d.stops = 0
    AND (d.tenant_id, d.rep_id, d.day, d.plan_id) IN (SELECT tenant_id, rep_id, date, plan_id FROM (%s) ch)', ch);
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER kpi_planned_visits_inserted AFTER INSERT ON planned_visits
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kayoi_kpi_planned_visits_changed();
--> statement-breakpoint
CREATE TRIGGER kpi_planned_visits_updated AFTER UPDATE ON planned_visits
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kayoi_kpi_planned_visits_changed();
--> statement-breakpoint
CREATE TRIGGER kpi_planned_visits_deleted AFTER DELETE ON planned_visits
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kayoi_kpi_planned_visits_changed();
--> statement-breakpoint
-- A plan deleted (its stops cascade): its days go with it.
ALTER TABLE "kpi_plan_days" ADD CONSTRAINT "kpi_plan_days_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- A tenant's summaries recomputed from its records: the backfill below, and a bulk load that
-- skipped the triggers (the seed's session_replication_role = replica).
CREATE OR REPLACE FUNCTION kayoi_kpi_rebuild(p_tenant text) RETURNS void
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $fn$
BEGIN
DELETE FROM kpi_order_days WHERE tenant_id = p_tenant;
DELETE FROM kpi_customer_won_days WHERE tenant_id = p_tenant;
DELETE FROM kpi_visit_days WHERE tenant_id = p_tenant;
DELETE FROM kpi_plan_days WHERE tenant_id = p_tenant;
INSERT INTO kpi_order_days (tenant_id, day, rep_id, cur_rep_id, orders, won, excl, incl)
SELECT x.tenant_id, x.day, coalesce(x.rep, '*'), coalesce(x.cur, '*'), count(*), count(*) FILTER (WHERE x.won),
  coalesce(sum(x.excl) FILTER (WHERE x.won), 0), coalesce(sum(x.incl) FILTER (WHERE x.won), 0)
FROM (SELECT o.tenant_id, (o.ordered_at AT TIME ZONE 'Asia/Tokyo')::date AS day, coalesce(o.rep_id, '') AS rep,
    coalesce(c.rep_id, '') AS cur, o.status <> 'cancelled' AS won, o.subtotal_standard + o.subtotal_reduced AS excl,
    o.total AS incl
  FROM orders o LEFT JOIN customers c ON c.tenant_id = o.tenant_id AND c.id = o.customer_id
  WHERE o.tenant_id = p_tenant) x
GROUP BY GROUPING SETS ((x.tenant_id, x.day, x.rep, x.cur), (x.tenant_id, x.day));
INSERT INTO kpi_customer_won_days (tenant_id, customer_id, rep_id, cur_rep_id, won_days)
SELECT x.tenant_id, x.customer_id, coalesce(x.rep, '*'), x.cur, range_agg(daterange(x.day, x.day + 1))
FROM (SELECT o.tenant_id, o.customer_id, coalesce(o.rep_id, '') AS rep, coalesce(c.rep_id, '') AS cur,
    (o.ordered_at AT TIME ZONE 'Asia/Tokyo')::date AS day
  FROM orders o LEFT JOIN customers c ON c.tenant_id = o.tenant_id AND c.id = o.customer_id
  WHERE o.tenant_id = p_tenant AND o.status <> 'cancelled') x
GROUP BY GROUPING SETS ((x.tenant_id, x.customer_id, x.cur, x.rep), (x.tenant_id, x.customer_id, x.cur));
INSERT INTO kpi_visit_days (tenant_id, day, rep_id, visits, done, answers, satisfaction_sum)
SELECT tenant_id, date, coalesce(rep_id, '*'), count(*), count(*) FILTER (WHERE check_out_at IS NOT NULL),
  count(satisfaction), coalesce(sum(satisfaction), 0)
FROM visits WHERE tenant_id = p_tenant GROUP BY GROUPING SETS ((tenant_id, date, rep_id), (tenant_id, date));
INSERT INTO kpi_plan_days (tenant_id, day, rep_id, plan_id, stops, travel_seconds)
SELECT tenant_id, date, rep_id, plan_id, count(*), sum(travel_seconds_before)
FROM planned_visits WHERE tenant_id = p_tenant GROUP BY 1, 2, 3, 4;
END
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION kayoi_kpi_rebuild(text) FROM PUBLIC;
--> statement-breakpoint
-- What is already stored.
SELECT kayoi_kpi_rebuild(id) FROM organization;
--> statement-breakpoint
-- Read-only for the app, under the records' own row-level security.
SELECT kayoi_enable_tenant_rls('kpi_order_days');
--> statement-breakpoint
SELECT kayoi_enable_tenant_rls('kpi_customer_won_days');
--> statement-breakpoint
SELECT kayoi_enable_tenant_rls('kpi_visit_days');
--> statement-breakpoint
SELECT kayoi_enable_tenant_rls('kpi_plan_days');
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE ON kpi_order_days, kpi_customer_won_days, kpi_visit_days, kpi_plan_days FROM kayoi_app;
--> statement-breakpoint
CREATE POLICY role_scope ON kpi_order_days AS RESTRICTIVE FOR ALL
USING ((SELECT current_setting('app.role', true)) = 'admin' OR cur_rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[]));
--> statement-breakpoint
CREATE POLICY role_scope ON kpi_customer_won_days AS RESTRICTIVE FOR ALL
USING ((SELECT current_setting('app.role', true)) = 'admin' OR cur_rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[]));
--> statement-breakpoint
CREATE POLICY role_scope ON kpi_visit_days AS RESTRICTIVE FOR ALL
USING ((SELECT current_setting('app.role', true)) = 'admin' OR rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[]));
--> statement-breakpoint
CREATE POLICY role_scope ON kpi_plan_days AS RESTRICTIVE FOR ALL
USING ((SELECT current_setting('app.role', true)) = 'admin' OR rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[]));
--> statement-breakpoint
-- The dashboard's overdue customers: a customer visited since a past period's end needs its last
-- checked-out visit before that end, the newest visit by check-in. The visits index by customer
-- now carries what that look-up reads (and row-level security checks): an index-only scan.
DROP INDEX IF EXISTS "visits_customer_idx";
--> statement-breakpoint
CREATE INDEX "visits_customer_idx" ON "visits" USING btree ("tenant_id", "customer_id", "check_in_at")
  INCLUDE ("check_out_at", "rep_id", "date");
--> statement-breakpoint
ANALYZE kpi_order_days, kpi_customer_won_days, kpi_visit_days, kpi_plan_days;
