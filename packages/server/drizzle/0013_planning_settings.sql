CREATE TABLE "planning_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"detour_factor" double precision DEFAULT 1.3 NOT NULL,
	"average_speed_kmh" double precision DEFAULT 25 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "planning_settings_detour_ck" CHECK ("planning_settings"."detour_factor" between 1 and 3),
	CONSTRAINT "planning_settings_speed_ck" CHECK ("planning_settings"."average_speed_kmh" > 0 and "planning_settings"."average_speed_kmh" <= 120)
);
--> statement-breakpoint
ALTER TABLE "planning_settings" ADD CONSTRAINT "planning_settings_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;