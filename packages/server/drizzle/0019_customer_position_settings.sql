CREATE TABLE "customer_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"code_prefix" text DEFAULT 'C' NOT NULL,
	"code_digits" smallint DEFAULT 5 NOT NULL,
	"fiscal_year_start_month" smallint DEFAULT 4 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_settings_code_ck" CHECK ("customer_settings"."code_prefix" ~ '^[A-Za-z0-9-]{0,8}$' and "customer_settings"."code_digits" between 3 and 10),
	CONSTRAINT "customer_settings_fiscal_ck" CHECK ("customer_settings"."fiscal_year_start_month" between 1 and 12)
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "geo_precision" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "geocoded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customer_settings" ADD CONSTRAINT "customer_settings_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customers_no_position_idx" ON "customers" USING btree ("tenant_id") WHERE "customers"."lat" is null or "customers"."lng" is null or "customers"."geo_precision" = 'city';--> statement-breakpoint
-- Coordinates stored before geocoding existed came from the seed or an import's 緯度/経度: placed, not geocoded.
UPDATE "customers" SET "geo_precision" = 'manual' WHERE "lat" IS NOT NULL AND "lng" IS NOT NULL;
