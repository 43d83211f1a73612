CREATE TABLE "followups" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"customer_id" text NOT NULL,
	"rep_id" text,
	"visit_id" text,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"owner" text NOT NULL,
	"assignee_id" text,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" text,
	"created_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "followups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "followups_title_ck" CHECK (char_length("followups"."title") between 1 and 200),
	CONSTRAINT "followups_done_ck" CHECK (("followups"."status" = 'done') = ("followups"."done_at" is not null and "followups"."done_by" is not null))
);
--> statement-breakpoint
CREATE TABLE "visit_forms" (
	"tenant_id" text NOT NULL,
	"visit_id" text NOT NULL,
	"position" smallint NOT NULL,
	"kind" text NOT NULL,
	"count" smallint NOT NULL,
	CONSTRAINT "visit_forms_tenant_id_visit_id_position_pk" PRIMARY KEY("tenant_id","visit_id","position"),
	CONSTRAINT "visit_forms_ck" CHECK (char_length("visit_forms"."kind") between 1 and 50 and "visit_forms"."count" between 1 and 99)
);
--> statement-breakpoint
CREATE TABLE "visit_skips" (
	"tenant_id" text NOT NULL,
	"planned_visit_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"rep_id" text NOT NULL,
	"date" date NOT NULL,
	"reason_code" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"skipped_at" timestamp with time zone DEFAULT now() NOT NULL,
	"skipped_by" text NOT NULL,
	CONSTRAINT "visit_skips_tenant_id_planned_visit_id_pk" PRIMARY KEY("tenant_id","planned_visit_id"),
	CONSTRAINT "visit_skips_note_ck" CHECK (char_length("visit_skips"."note") <= 500)
);
--> statement-breakpoint
CREATE TABLE "visit_templates" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"outcome" text NOT NULL,
	"satisfaction" smallint,
	"notes" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_templates_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "visit_templates_ck" CHECK (char_length("visit_templates"."name") between 1 and 50 and char_length("visit_templates"."notes") <= 4000 and ("visit_templates"."satisfaction" is null or "visit_templates"."satisfaction" between 1 and 5))
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"customer_id" text NOT NULL,
	"rep_id" text NOT NULL,
	"planned_visit_id" text,
	"date" date NOT NULL,
	"check_in_at" timestamp with time zone NOT NULL,
	"check_in_lat" double precision,
	"check_in_lng" double precision,
	"check_in_accuracy" double precision,
	"distance_m" integer,
	"far_from_customer" boolean DEFAULT false NOT NULL,
	"check_out_at" timestamp with time zone,
	"check_out_lat" double precision,
	"check_out_lng" double precision,
	"outcome" text,
	"notes" text DEFAULT '' NOT NULL,
	"needs" text DEFAULT '' NOT NULL,
	"complaint_heard" text DEFAULT '' NOT NULL,
	"satisfaction" smallint,
	"next_visit_date" date,
	"next_visit_note" text DEFAULT '' NOT NULL,
	"template_id" text,
	"logged_at" timestamp with time zone,
	"logged_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visits_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "visits_satisfaction_ck" CHECK ("visits"."satisfaction" is null or "visits"."satisfaction" between 1 and 5),
	CONSTRAINT "visits_text_ck" CHECK (char_length("visits"."notes") <= 4000 and char_length("visits"."needs") <= 2000 and char_length("visits"."complaint_heard") <= 2000 and char_length("visits"."next_visit_note") <= 500),
	CONSTRAINT "visits_check_out_ck" CHECK ("visits"."check_out_at" is null or "visits"."check_out_at" >= "visits"."check_in_at")
);
--> statement-breakpoint
ALTER TABLE "followups" ADD CONSTRAINT "followups_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_forms" ADD CONSTRAINT "visit_forms_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_forms" ADD CONSTRAINT "visit_forms_visit_fk" FOREIGN KEY ("tenant_id","visit_id") REFERENCES "public"."visits"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_skips" ADD CONSTRAINT "visit_skips_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_templates" ADD CONSTRAINT "visit_templates_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "followups_assignee_idx" ON "followups" USING btree ("tenant_id","assignee_id","status","due_date");--> statement-breakpoint
CREATE INDEX "followups_rep_idx" ON "followups" USING btree ("tenant_id","rep_id","status","due_date");--> statement-breakpoint
CREATE INDEX "followups_customer_idx" ON "followups" USING btree ("tenant_id","customer_id","status","due_date");--> statement-breakpoint
CREATE INDEX "followups_visit_idx" ON "followups" USING btree ("tenant_id","visit_id");--> statement-breakpoint
CREATE INDEX "visit_skips_rep_day_idx" ON "visit_skips" USING btree ("tenant_id","rep_id","date");--> statement-breakpoint
CREATE INDEX "visits_rep_day_idx" ON "visits" USING btree ("tenant_id","rep_id","date");--> statement-breakpoint
CREATE INDEX "visits_customer_idx" ON "visits" USING btree ("tenant_id","customer_id","check_in_at");--> statement-breakpoint
CREATE UNIQUE INDEX "visits_planned_visit_uq" ON "visits" USING btree ("tenant_id","planned_visit_id") WHERE "visits"."planned_visit_id" is not null;