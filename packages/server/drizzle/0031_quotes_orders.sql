CREATE TABLE "order_status_history" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"order_id" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"actor_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_status_history_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "quote_lines" (
	"tenant_id" text NOT NULL,
	"quote_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"kind" text DEFAULT 'item' NOT NULL,
	"product_id" text,
	"product_code" text,
	"name" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"unit_price" numeric(14, 2) NOT NULL,
	"tax_rate" smallint NOT NULL,
	"amount" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "quote_lines_tenant_id_quote_id_line_no_pk" PRIMARY KEY("tenant_id","quote_id","line_no"),
	CONSTRAINT "quote_lines_rate_ck" CHECK ("quote_lines"."tax_rate" in (8, 10)),
	CONSTRAINT "quote_lines_kind_ck" CHECK ("quote_lines"."kind" in ('item', 'discount')),
	CONSTRAINT "quote_lines_quantity_ck" CHECK ("quote_lines"."quantity" between 1 and 1000000),
	CONSTRAINT "quote_lines_price_ck" CHECK ("quote_lines"."unit_price" between 0 and 10000000),
	CONSTRAINT "quote_lines_amount_ck" CHECK ("quote_lines"."amount" between floor("quote_lines"."quantity" * "quote_lines"."unit_price") and ceil("quote_lines"."quantity" * "quote_lines"."unit_price"))
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"quote_no" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"customer_id" text NOT NULL,
	"rep_id" text,
	"visit_id" text,
	"source_quote_id" text,
	"subject" text NOT NULL,
	"delivery_date" date,
	"delivery_place" text,
	"payment_terms" text,
	"valid_until" date,
	"remarks" text DEFAULT '' NOT NULL,
	"subtotal_standard" integer DEFAULT 0 NOT NULL,
	"subtotal_reduced" integer DEFAULT 0 NOT NULL,
	"tax_standard" integer DEFAULT 0 NOT NULL,
	"tax_reduced" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"rounding" text DEFAULT 'floor' NOT NULL,
	"issued_at" timestamp with time zone,
	"lost_reason" text,
	"closed_at" timestamp with time zone,
	"order_id" text,
	"created_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quotes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "quotes_no_revision_uq" UNIQUE("tenant_id","quote_no","revision"),
	CONSTRAINT "quotes_total_ck" CHECK ("quotes"."total" = "quotes"."subtotal_standard" + "quotes"."subtotal_reduced" + "quotes"."tax_standard" + "quotes"."tax_reduced"),
	CONSTRAINT "quotes_status_ck" CHECK ("quotes"."status" in ('draft', 'submitted', 'accepted', 'lost', 'superseded')),
	CONSTRAINT "quotes_rounding_ck" CHECK ("quotes"."rounding" in ('floor', 'ceil', 'half_up')),
	CONSTRAINT "quotes_revision_ck" CHECK ("quotes"."revision" >= 1),
	CONSTRAINT "quotes_issued_ck" CHECK ("quotes"."status" = 'draft' or "quotes"."issued_at" is not null),
	CONSTRAINT "quotes_lost_ck" CHECK ("quotes"."status" <> 'lost' or "quotes"."lost_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "order_lines" DROP CONSTRAINT "order_lines_amount_ck";--> statement-breakpoint
ALTER TABLE "order_lines" ALTER COLUMN "unit_price" SET DATA TYPE numeric(14, 2);--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'ordered';--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "kind" text DEFAULT 'item' NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "quote_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "subject" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "delivery_date" date;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "delivery_place" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "payment_terms" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "rounding" text DEFAULT 'floor' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "order_status_history" ADD CONSTRAINT "order_status_history_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_status_history" ADD CONSTRAINT "order_status_history_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."orders"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_quote_fk" FOREIGN KEY ("tenant_id","quote_id") REFERENCES "public"."quotes"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_customer_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_visit_fk" FOREIGN KEY ("tenant_id","visit_id") REFERENCES "public"."visits"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_status_history_order_idx" ON "order_status_history" USING btree ("tenant_id","order_id","created_at");--> statement-breakpoint
CREATE INDEX "quotes_created_idx" ON "quotes" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "quotes_customer_idx" ON "quotes" USING btree ("tenant_id","customer_id","created_at");--> statement-breakpoint
CREATE INDEX "quotes_status_idx" ON "quotes" USING btree ("tenant_id","status","valid_until");--> statement-breakpoint
CREATE INDEX "orders_status_idx" ON "orders" USING btree ("tenant_id","status","ordered_at");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_quote_uq" UNIQUE("tenant_id","quote_id");--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_kind_ck" CHECK ("order_lines"."kind" in ('item', 'discount'));--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_amount_ck" CHECK ("order_lines"."amount" between floor("order_lines"."quantity" * "order_lines"."unit_price") and ceil("order_lines"."quantity" * "order_lines"."unit_price"));--> statement-breakpoint
-- The order statuses became 受注 → 手配済 → 納品済 → 請求済 / キャンセル: a confirmed order is 受注 (ordered).
UPDATE "orders" SET "status" = 'ordered', "updated_at" = "created_at" WHERE "status" = 'confirmed';--> statement-breakpoint
UPDATE "orders" SET "updated_at" = "created_at" WHERE "status" <> 'ordered';--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_status_ck" CHECK ("orders"."status" in ('ordered', 'arranged', 'delivered', 'invoiced', 'cancelled'));--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_rounding_ck" CHECK ("orders"."rounding" in ('floor', 'ceil', 'half_up'));