CREATE TABLE "appointments" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"customer_id" text NOT NULL,
	"rep_id" text NOT NULL,
	"date" date NOT NULL,
	"start_minute" integer NOT NULL,
	"end_minute" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"companion_id" text,
	"plan_id" text,
	"planned_visit_id" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "appointments_window_ck" CHECK ("appointments"."start_minute" >= 0 and "appointments"."start_minute" < "appointments"."end_minute" and "appointments"."end_minute" <= 1440),
	CONSTRAINT "appointments_note_ck" CHECK (char_length("appointments"."note") <= 200)
);
--> statement-breakpoint
ALTER TABLE "handover_sheets" ADD COLUMN "complaints_moved" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "handover_sheets" ADD COLUMN "intro_appointment_id" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_rep_date_idx" ON "appointments" USING btree ("tenant_id","rep_id","date");--> statement-breakpoint
-- Appointments: the rep's role scope (a rep their own, a manager their team's, an admin all), and
-- the companion may read the ones they come along to. None is deleted.
SELECT kayoi_enable_tenant_rls('appointments');
--> statement-breakpoint
CREATE POLICY role_scope ON appointments AS RESTRICTIVE FOR ALL
USING (kayoi_rep_in_role_scope(tenant_id, rep_id) OR companion_id = current_setting('app.user_id', true))
WITH CHECK (kayoi_rep_in_role_scope(tenant_id, rep_id));
--> statement-breakpoint
REVOKE DELETE ON appointments FROM kayoi_app;
