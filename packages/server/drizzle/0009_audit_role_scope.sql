-- The audit trail follows the customer book (the second wall under the history endpoint): an
-- admin reads the tenant's whole trail; a manager or rep only the entries of customers their
-- book holds (the customers policies decide) and the entries they wrote themselves.
CREATE POLICY audit_scope ON audit_events AS RESTRICTIVE FOR SELECT
USING (
  current_setting('app.role', true) = 'admin'
  OR actor_user_id = current_setting('app.user_id', true)
  OR (subject_table = 'customers' AND EXISTS (
    SELECT 1 FROM customers c WHERE c.tenant_id = audit_events.tenant_id AND c.id = audit_events.subject_id))
);
