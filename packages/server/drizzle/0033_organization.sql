CREATE TABLE "rep_absences" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"user_id" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rep_absences_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "rep_absences_range_ck" CHECK ("rep_absences"."start_date" <= "rep_absences"."end_date"),
	CONSTRAINT "rep_absences_note_ck" CHECK (char_length("rep_absences"."note") <= 500)
);
--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "definition" jsonb DEFAULT '{"municipalities":[],"postcodePrefixes":[]}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_profiles" ADD COLUMN "max_visits_per_day" integer;--> statement-breakpoint
ALTER TABLE "staff_profiles" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "manager_user_id" text;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "area_id" text;--> statement-breakpoint
ALTER TABLE "rep_absences" ADD CONSTRAINT "rep_absences_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rep_absences" ADD CONSTRAINT "rep_absences_profile_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."staff_profiles"("tenant_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rep_absences_user_idx" ON "rep_absences" USING btree ("tenant_id","user_id","start_date");--> statement-breakpoint
ALTER TABLE "staff_profiles" ADD CONSTRAINT "staff_max_visits_ck" CHECK ("staff_profiles"."max_visits_per_day" is null or "staff_profiles"."max_visits_per_day" between 1 and 50);