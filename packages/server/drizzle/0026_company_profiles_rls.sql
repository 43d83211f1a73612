-- The company profile (documents' issuer block, rounding, date style): the current tenant's row only.
SELECT kayoi_enable_tenant_rls('company_profiles');
--> statement-breakpoint
-- Tenants that exist already start from their tenant settings (name, address, phone, registration number).
INSERT INTO company_profiles (tenant_id, legal_name, postal_code, address, phone, registration_number)
SELECT s.tenant_id, s.company_name, s.postal_code, s.address, s.phone,
  CASE WHEN s.invoice_registration_no ~ '^T[0-9]{13}$' THEN s.invoice_registration_no END
FROM tenant_settings s
ON CONFLICT (tenant_id) DO NOTHING;
