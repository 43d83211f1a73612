CREATE TABLE "tenant_closed_days" (
	"tenant_id" text NOT NULL,
	"date" date NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_closed_days_tenant_id_date_pk" PRIMARY KEY("tenant_id","date"),
	CONSTRAINT "tenant_closed_days_label_ck" CHECK (char_length("tenant_closed_days"."label") between 1 and 100)
);
--> statement-breakpoint
ALTER TABLE "tenant_closed_days" ADD CONSTRAINT "tenant_closed_days_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;