CREATE TABLE "complaint_actions" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"complaint_id" text NOT NULL,
	"type" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"owner_id" text,
	"actor_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_actions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "complaint_actions_note_ck" CHECK (char_length("complaint_actions"."note") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"customer_id" text NOT NULL,
	"source" text NOT NULL,
	"visit_id" text,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"severity" text NOT NULL,
	"title" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"owner_id" text,
	"received_at" timestamp with time zone NOT NULL,
	"due_date" date NOT NULL,
	"resolved_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaints_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "complaints_text_ck" CHECK (char_length("complaints"."title") between 1 and 200 and char_length("complaints"."detail") <= 4000)
);
--> statement-breakpoint
ALTER TABLE "complaint_actions" ADD CONSTRAINT "complaint_actions_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_actions" ADD CONSTRAINT "complaint_actions_complaint_fk" FOREIGN KEY ("tenant_id","complaint_id") REFERENCES "public"."complaints"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_customer_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_owner_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."staff_profiles"("tenant_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_actions_complaint_idx" ON "complaint_actions" USING btree ("tenant_id","complaint_id","created_at");--> statement-breakpoint
CREATE INDEX "complaints_customer_idx" ON "complaints" USING btree ("tenant_id","customer_id","received_at");--> statement-breakpoint
CREATE INDEX "complaints_received_idx" ON "complaints" USING btree ("tenant_id","received_at","id");--> statement-breakpoint
CREATE INDEX "complaints_open_due_idx" ON "complaints" USING btree ("tenant_id","due_date") WHERE "complaints"."status" in ('open', 'in_progress');--> statement-breakpoint
CREATE INDEX "complaints_owner_idx" ON "complaints" USING btree ("tenant_id","owner_id");