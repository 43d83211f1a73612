CREATE TABLE "customer_assignments" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"customer_id" text NOT NULL,
	"from_rep_id" text,
	"to_rep_id" text NOT NULL,
	"handover_id" text,
	"assigned_by" text NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_assignments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "handover_sheets" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"handover_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"from_rep_id" text,
	"to_rep_id" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"intro_date" date,
	"followups_moved" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "handover_sheets_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "handover_sheets_note_ck" CHECK (char_length("handover_sheets"."note") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "handovers" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"to_rep_id" text NOT NULL,
	"customer_count" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "handovers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"recipient_id" text NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" text DEFAULT '' NOT NULL,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "notifications_link_ck" CHECK (char_length("notifications"."link") <= 500)
);
--> statement-breakpoint
ALTER TABLE "customer_assignments" ADD CONSTRAINT "customer_assignments_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_assignments" ADD CONSTRAINT "customer_assignments_customer_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_sheets" ADD CONSTRAINT "handover_sheets_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_sheets" ADD CONSTRAINT "handover_sheets_handover_fk" FOREIGN KEY ("tenant_id","handover_id") REFERENCES "public"."handovers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_sheets" ADD CONSTRAINT "handover_sheets_customer_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_to_rep_fk" FOREIGN KEY ("tenant_id","to_rep_id") REFERENCES "public"."staff_profiles"("tenant_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_assignments_customer_idx" ON "customer_assignments" USING btree ("tenant_id","customer_id","assigned_at");--> statement-breakpoint
CREATE INDEX "handover_sheets_handover_idx" ON "handover_sheets" USING btree ("tenant_id","handover_id");--> statement-breakpoint
CREATE INDEX "handover_sheets_to_rep_idx" ON "handover_sheets" USING btree ("tenant_id","to_rep_id","created_at");--> statement-breakpoint
CREATE INDEX "handover_sheets_customer_idx" ON "handover_sheets" USING btree ("tenant_id","customer_id","created_at");--> statement-breakpoint
CREATE INDEX "handovers_to_rep_idx" ON "handovers" USING btree ("tenant_id","to_rep_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("tenant_id","recipient_id","read_at","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_uq" ON "notifications" USING btree ("tenant_id","recipient_id","dedupe_key") WHERE "notifications"."dedupe_key" is not null;