CREATE TABLE "kpi_form_days" (
	"tenant_id" text NOT NULL,
	"day" date NOT NULL,
	"rep_id" text NOT NULL,
	"cur_rep_id" text NOT NULL,
	"forms" integer NOT NULL,
	CONSTRAINT "kpi_form_days_tenant_id_rep_id_day_cur_rep_id_pk" PRIMARY KEY("tenant_id","rep_id","day","cur_rep_id")
);
--> statement-breakpoint
ALTER TABLE "kpi_form_days" ADD CONSTRAINT "kpi_form_days_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- 申込書 per day for the dashboard (docs/kpi.md 性能), as kpi_order_days is for orders (0049):
-- by the form's rep and its customer's current rep (forms follow the customer's rep under
-- row-level security, so a change of a customer's rep moves its forms' counts), with '*' rows
-- for the company's day. Only forms not voided count: voiding one takes it out, un-voiding puts
-- it back.
--
-- Races: as for orders, each statement first locks its customers' rows FOR SHARE in key order,
-- so a change of a customer's rep (which holds that row's lock) and a form write of the same
-- customer run one after the other, each reading the other's committed result.
CREATE OR REPLACE FUNCTION kayoi_kpi_forms_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
SET app.role = 'admin'
AS $fn$
DECLARE
  cols constant text := 'tenant_id, customer_id, rep_id, collected_on';
  ch text;
BEGIN
  ch := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT %s, 1 AS sign FROM new_rows WHERE voided_at IS NULL', cols)
    WHEN 'DELETE' THEN format('SELECT %s, -1 AS sign FROM old_rows WHERE voided_at IS NULL', cols)
    ELSE format(
      'WITH chg AS (SELECT n.tenant_id, n.id FROM new_rows n JOIN old_rows o USING (tenant_id, id)
         WHERE (o.customer_id, o.rep_id, o.collected_on, o.voided_at IS NULL)
           IS DISTINCT FROM (n.customer_id, n.rep_id, n.collected_on, n.voided_at IS NULL))
       SELECT %1$s, -1 AS sign FROM old_rows WHERE voided_at IS NULL AND (tenant_id, id) IN (SELECT tenant_id, id FROM chg)
       UNION ALL SELECT %1$s, 1 AS sign FROM new_rows WHERE voided_at IS NULL AND (tenant_id, id) IN (SELECT tenant_id, id FROM chg)', cols)
  END;
  ch := format('SELECT ch.* FROM (%s) ch WHERE EXISTS (SELECT 1 FROM organization g WHERE g.id = ch.tenant_id)', ch);

  EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM customers c
      WHERE (c.tenant_id, c.id) IN (SELECT tenant_id, customer_id FROM (%s) ch)
      ORDER BY c.tenant_id, c.id FOR SHARE) l', ch);

  EXECUTE format('INSERT INTO kpi_form_days AS d (tenant_id, day, rep_id, cur_rep_id, forms)
    SELECT x.tenant_id, x.day, coalesce(x.rep, ''*''), coalesce(x.cur, ''*''), sum(x.sign)
    FROM (SELECT ch.tenant_id, ch.collected_on AS day, ch.rep_id AS rep, coalesce(c.rep_id, '''') AS cur, ch.sign
      FROM (%s) ch LEFT JOIN customers c ON c.tenant_id = ch.tenant_id AND c.id = ch.customer_id) x
    GROUP BY GROUPING SETS ((x.tenant_id, x.day, x.rep, x.cur), (x.tenant_id, x.day))
    ON CONFLICT (tenant_id, day, rep_id, cur_rep_id) DO UPDATE SET forms = d.forms + excluded.forms', ch);
  EXECUTE format('DELETE FROM kpi_form_days d WHERE d.forms = 0 AND (d.tenant_id, d.rep_id, d.day) IN (
      SELECT tenant_id, rep_id, collected_on FROM (%1$s) ch UNION SELECT tenant_id, ''*'', collected_on FROM (%1$s) ch)', ch);
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER kpi_forms_inserted AFTER INSERT ON forms
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kayoi_kpi_forms_changed();
--> statement-breakpoint
CREATE TRIGGER kpi_forms_updated AFTER UPDATE ON forms
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kayoi_kpi_forms_changed();
--> statement-breakpoint
CREATE TRIGGER kpi_forms_deleted AFTER DELETE ON forms
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kayoi_kpi_forms_changed();
--> statement-breakpoint
-- A customer's new rep: its orders' sums and won days (0049) and now its forms' counts move.
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

  -- Its 申込書 (not voided) likewise.
  WITH moved AS (
    SELECT n.tenant_id, n.id, coalesce(o.rep_id, '') AS old_rep, coalesce(n.rep_id, '') AS new_rep
    FROM new_rows n JOIN old_rows o USING (tenant_id, id)
    WHERE n.rep_id IS DISTINCT FROM o.rep_id
      AND EXISTS (SELECT 1 FROM organization g WHERE g.id = n.tenant_id))
  INSERT INTO kpi_form_days AS d (tenant_id, day, rep_id, cur_rep_id, forms)
  SELECT f.tenant_id, f.collected_on, f.rep_id, s.cur, sum(s.sign)
  FROM forms f JOIN moved m ON f.tenant_id = m.tenant_id AND f.customer_id = m.id
  CROSS JOIN LATERAL (VALUES (m.old_rep, -1), (m.new_rep, 1)) s(cur, sign)
  WHERE f.voided_at IS NULL
  GROUP BY 1, 2, 3, 4
  ON CONFLICT (tenant_id, day, rep_id, cur_rep_id) DO UPDATE SET forms = d.forms + excluded.forms;

  DELETE FROM kpi_form_days d WHERE d.forms = 0 AND (d.tenant_id, d.rep_id, d.day) IN (
    SELECT f.tenant_id, f.rep_id, f.collected_on
    FROM forms f JOIN new_rows n ON f.tenant_id = n.tenant_id AND f.customer_id = n.id
    JOIN old_rows p ON p.tenant_id = n.tenant_id AND p.id = n.id
    WHERE n.rep_id IS DISTINCT FROM p.rep_id);

  UPDATE kpi_customer_won_days w SET cur_rep_id = coalesce(n.rep_id, '')
  FROM new_rows n JOIN old_rows o USING (tenant_id, id)
  WHERE n.rep_id IS DISTINCT FROM o.rep_id AND w.tenant_id = n.tenant_id AND w.customer_id = n.id;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
-- The tenant's summaries recomputed, forms' counts included.
CREATE OR REPLACE FUNCTION kayoi_kpi_rebuild(p_tenant text) RETURNS void
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $fn$
BEGIN
DELETE FROM kpi_order_days WHERE tenant_id = p_tenant;
DELETE FROM kpi_customer_won_days WHERE tenant_id = p_tenant;
DELETE FROM kpi_visit_days WHERE tenant_id = p_tenant;
DELETE FROM kpi_plan_days WHERE tenant_id = p_tenant;
DELETE FROM kpi_form_days WHERE tenant_id = p_tenant;
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
INSERT INTO kpi_form_days (tenant_id, day, rep_id, cur_rep_id, forms)
SELECT x.tenant_id, x.day, coalesce(x.rep, '*'), coalesce(x.cur, '*'), count(*)
FROM (SELECT f.tenant_id, f.collected_on AS day, f.rep_id AS rep, coalesce(c.rep_id, '') AS cur
  FROM forms f LEFT JOIN customers c ON c.tenant_id = f.tenant_id AND c.id = f.customer_id
  WHERE f.tenant_id = p_tenant AND f.voided_at IS NULL) x
GROUP BY GROUPING SETS ((x.tenant_id, x.day, x.rep, x.cur), (x.tenant_id, x.day));
END
$fn$;

--> statement-breakpoint
-- What is already stored.
INSERT INTO kpi_form_days (tenant_id, day, rep_id, cur_rep_id, forms)
SELECT x.tenant_id, x.day, coalesce(x.rep, '*'), coalesce(x.cur, '*'), count(*)
FROM (SELECT f.tenant_id, f.collected_on AS day, f.rep_id AS rep, coalesce(c.rep_id, '') AS cur
  FROM forms f LEFT JOIN customers c ON c.tenant_id = f.tenant_id AND c.id = f.customer_id
  WHERE f.voided_at IS NULL) x
GROUP BY GROUPING SETS ((x.tenant_id, x.day, x.rep, x.cur), (x.tenant_id, x.day));
--> statement-breakpoint
-- Read-only for the app, under the forms' own row-level security (their customer's rep).
SELECT kayoi_enable_tenant_rls('kpi_form_days');
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE ON kpi_form_days FROM kayoi_app;
--> statement-breakpoint
CREATE POLICY role_scope ON kpi_form_days AS RESTRICTIVE FOR ALL
USING ((SELECT current_setting('app.role', true)) = 'admin' OR cur_rep_id = ANY ((SELECT kayoi_role_scope_reps())::text[]));
--> statement-breakpoint
ANALYZE kpi_form_days;
