CREATE TABLE "price_list_entries" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"customer_id" text,
	"customer_rank" text,
	"product_id" text NOT NULL,
	"unit_price" numeric(14, 2),
	"discount_percent" numeric(5, 2),
	"effective_from" date NOT NULL,
	"effective_to" date,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "price_list_entries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "price_list_entries_target_ck" CHECK (("price_list_entries"."customer_id" is null) <> ("price_list_entries"."customer_rank" is null)),
	CONSTRAINT "price_list_entries_kind_ck" CHECK (("price_list_entries"."unit_price" is null) <> ("price_list_entries"."discount_percent" is null)),
	CONSTRAINT "price_list_entries_price_ck" CHECK ("price_list_entries"."unit_price" is null or ("price_list_entries"."unit_price" >= 0 and "price_list_entries"."unit_price" <= 10000000)),
	CONSTRAINT "price_list_entries_discount_ck" CHECK ("price_list_entries"."discount_percent" is null or ("price_list_entries"."discount_percent" > 0 and "price_list_entries"."discount_percent" <= 100)),
	CONSTRAINT "price_list_entries_dates_ck" CHECK ("price_list_entries"."effective_to" is null or "price_list_entries"."effective_to" >= "price_list_entries"."effective_from")
);
--> statement-breakpoint
CREATE TABLE "product_components" (
	"tenant_id" text NOT NULL,
	"bundle_id" text NOT NULL,
	"component_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "product_components_tenant_id_bundle_id_component_id_pk" PRIMARY KEY("tenant_id","bundle_id","component_id"),
	CONSTRAINT "product_components_self_ck" CHECK ("product_components"."bundle_id" <> "product_components"."component_id"),
	CONSTRAINT "product_components_quantity_ck" CHECK ("product_components"."quantity" between 1 and 1000000)
);
--> statement-breakpoint
CREATE TABLE "product_imports" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"created_by" text NOT NULL,
	"status" text DEFAULT 'previewed' NOT NULL,
	"encoding" text NOT NULL,
	"file_name" text DEFAULT '' NOT NULL,
	"total_rows" integer NOT NULL,
	"valid_rows" integer NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"committed_at" timestamp with time zone,
	CONSTRAINT "product_imports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "products" DROP CONSTRAINT "products_price_ck";--> statement-breakpoint
ALTER TABLE "products" ALTER COLUMN "unit_price" SET DATA TYPE numeric(14, 2);--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "name_kana" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "price_list_entries" ADD CONSTRAINT "price_list_entries_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_list_entries" ADD CONSTRAINT "price_list_entries_customer_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_list_entries" ADD CONSTRAINT "price_list_entries_product_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_components" ADD CONSTRAINT "product_components_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_components" ADD CONSTRAINT "product_components_bundle_fk" FOREIGN KEY ("tenant_id","bundle_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_components" ADD CONSTRAINT "product_components_component_fk" FOREIGN KEY ("tenant_id","component_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_imports" ADD CONSTRAINT "product_imports_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_imports" ADD CONSTRAINT "product_imports_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "price_list_entries_product_idx" ON "price_list_entries" USING btree ("tenant_id","product_id","effective_from");--> statement-breakpoint
CREATE INDEX "price_list_entries_customer_idx" ON "price_list_entries" USING btree ("tenant_id","customer_id","product_id");--> statement-breakpoint
CREATE INDEX "product_components_component_idx" ON "product_components" USING btree ("tenant_id","component_id");--> statement-breakpoint
CREATE INDEX "product_imports_expires_idx" ON "product_imports" USING btree ("tenant_id","expires_at");--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_price_ck" CHECK ("products"."unit_price" >= 0 and "products"."unit_price" <= 10000000);