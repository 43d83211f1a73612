CREATE TABLE "form_attachments" (
	"tenant_id" text NOT NULL,
	"form_id" text NOT NULL,
	"data" "bytea" NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_attachments_tenant_id_form_id_pk" PRIMARY KEY("tenant_id","form_id"),
	CONSTRAINT "form_attachments_ck" CHECK ("form_attachments"."size" between 1 and 10485760 and "form_attachments"."size" = octet_length("form_attachments"."data") and char_length("form_attachments"."sha256") = 64 and char_length("form_attachments"."file_name") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "forms" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"customer_id" text NOT NULL,
	"kind" text NOT NULL,
	"rep_id" text NOT NULL,
	"collected_on" date NOT NULL,
	"visit_id" text,
	"note" text DEFAULT '' NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by" text,
	"void_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"updated_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forms_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "forms_text_ck" CHECK (char_length("forms"."note") <= 1000 and ("forms"."void_reason" is null or char_length("forms"."void_reason") between 1 and 500)),
	CONSTRAINT "forms_void_ck" CHECK (("forms"."voided_at" is null) = ("forms"."void_reason" is null))
);
--> statement-breakpoint
ALTER TABLE "form_attachments" ADD CONSTRAINT "form_attachments_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_attachments" ADD CONSTRAINT "form_attachments_form_fk" FOREIGN KEY ("tenant_id","form_id") REFERENCES "public"."forms"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forms" ADD CONSTRAINT "forms_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forms" ADD CONSTRAINT "forms_customer_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "forms_rep_day_idx" ON "forms" USING btree ("tenant_id","rep_id","collected_on");--> statement-breakpoint
CREATE INDEX "forms_collected_idx" ON "forms" USING btree ("tenant_id","collected_on","id");--> statement-breakpoint
CREATE INDEX "forms_customer_idx" ON "forms" USING btree ("tenant_id","customer_id","collected_on");--> statement-breakpoint
CREATE INDEX "forms_visit_idx" ON "forms" USING btree ("tenant_id","visit_id") WHERE "forms"."visit_id" is not null;