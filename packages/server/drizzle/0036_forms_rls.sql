-- 申込書 collected at visits so far (visit_forms: a free-text kind and a count per visit) become one
-- forms row per paper, so history and 申込書回収枚数 keep their figures. The kind is read from the
-- old text (解約 → cancellation, 更新 → renewal, 変更/振替 → contract_change, 申込 → new_service,
-- else other); the old text stays as the note. Ids are stable (a hash of visit, position and copy).
INSERT INTO forms (tenant_id, id, customer_id, kind, rep_id, collected_on, visit_id, note,
                   version, created_by, updated_by, created_at, updated_at)
SELECT vf.tenant_id,
       md5(vf.tenant_id || '/' || vf.visit_id || '/' || vf.position || '/' || n)::uuid::text,
       v.customer_id,
       CASE
         WHEN vf.kind LIKE '%解約%' THEN 'cancellation'
         WHEN vf.kind LIKE '%更新%' THEN 'renewal'
         WHEN vf.kind LIKE '%変更%' OR vf.kind LIKE '%振替%' THEN 'contract_change'
         WHEN vf.kind LIKE '%申込%' THEN 'new_service'
         ELSE 'other'
       END,
       v.rep_id, v.date, v.id, left(vf.kind, 1000), 1,
       coalesce(v.logged_by, v.rep_id), coalesce(v.logged_by, v.rep_id),
       coalesce(v.logged_at, v.check_in_at), coalesce(v.logged_at, v.check_in_at)
FROM visit_forms vf
JOIN visits v ON v.tenant_id = vf.tenant_id AND v.id = vf.visit_id
CROSS JOIN LATERAL generate_series(1, vf.count) AS n;
--> statement-breakpoint
-- Forms follow their customer, as complaints and quotes do: the subquery on customers is itself
-- filtered by the customers policies (a rep their own customers, a manager their team's reps', an
-- admin all). A form's attachment follows its form.
SELECT kayoi_enable_tenant_rls('forms');
--> statement-breakpoint
CREATE POLICY role_scope ON forms AS RESTRICTIVE FOR ALL
USING (current_setting('app.role', true) = 'admin' OR EXISTS (
  SELECT 1 FROM customers c WHERE c.tenant_id = forms.tenant_id AND c.id = forms.customer_id))
WITH CHECK (current_setting('app.role', true) = 'admin' OR EXISTS (
  SELECT 1 FROM customers c WHERE c.tenant_id = forms.tenant_id AND c.id = forms.customer_id));
--> statement-breakpoint
-- A form is voided, never deleted.
REVOKE DELETE ON forms FROM kayoi_app;
--> statement-breakpoint
SELECT kayoi_enable_tenant_rls('form_attachments');
--> statement-breakpoint
CREATE POLICY role_scope ON form_attachments AS RESTRICTIVE FOR ALL
USING (current_setting('app.role', true) = 'admin' OR EXISTS (
  SELECT 1 FROM forms f WHERE f.tenant_id = form_attachments.tenant_id AND f.id = form_attachments.form_id))
WITH CHECK (current_setting('app.role', true) = 'admin' OR EXISTS (
  SELECT 1 FROM forms f WHERE f.tenant_id = form_attachments.tenant_id AND f.id = form_attachments.form_id));
