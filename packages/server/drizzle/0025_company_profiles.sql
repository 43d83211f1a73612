CREATE TABLE "company_profiles" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"legal_name" text NOT NULL,
	"postal_code" text,
	"address" text,
	"phone" text,
	"contact_name" text,
	"registration_number" text,
	"entity_type" text DEFAULT 'corporation' NOT NULL,
	"seal_data" "bytea",
	"seal_mime_type" text,
	"seal_size" integer,
	"seal_updated_at" timestamp with time zone,
	"rounding" text DEFAULT 'floor' NOT NULL,
	"date_style" text DEFAULT 'western' NOT NULL,
	"quote_validity_days" integer DEFAULT 30 NOT NULL,
	"payment_terms" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_profiles_registration_ck" CHECK ("company_profiles"."registration_number" ~ '^T[0-9]{13}$'),
	CONSTRAINT "company_profiles_entity_ck" CHECK ("company_profiles"."entity_type" in ('corporation', 'sole_proprietor')),
	CONSTRAINT "company_profiles_rounding_ck" CHECK ("company_profiles"."rounding" in ('floor', 'ceil', 'half_up')),
	CONSTRAINT "company_profiles_date_style_ck" CHECK ("company_profiles"."date_style" in ('western', 'japanese')),
	CONSTRAINT "company_profiles_validity_ck" CHECK ("company_profiles"."quote_validity_days" between 1 and 365),
	CONSTRAINT "company_profiles_seal_ck" CHECK (("company_profiles"."seal_data" is null and "company_profiles"."seal_mime_type" is null and "company_profiles"."seal_size" is null) or
          ("company_profiles"."seal_data" is not null and "company_profiles"."seal_mime_type" in ('image/png', 'image/jpeg')
           and "company_profiles"."seal_size" = octet_length("company_profiles"."seal_data") and "company_profiles"."seal_size" <= 1048576))
);
--> statement-breakpoint
ALTER TABLE "company_profiles" ADD CONSTRAINT "company_profiles_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;