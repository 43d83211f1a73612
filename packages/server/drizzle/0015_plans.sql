CREATE TABLE "plan_unplanned" (
	"tenant_id" text NOT NULL,
	"plan_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "plan_unplanned_tenant_id_plan_id_customer_id_pk" PRIMARY KEY("tenant_id","plan_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "planned_visits" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"plan_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"rep_id" text NOT NULL,
	"date" date NOT NULL,
	"seq" integer NOT NULL,
	"planned_arrival" timestamp with time zone NOT NULL,
	"planned_start" timestamp with time zone NOT NULL,
	"planned_departure" timestamp with time zone NOT NULL,
	"travel_seconds_before" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"fixed" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "planned_visits_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"team_id" text,
	"start_date" date NOT NULL,
	"days" integer NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"job_id" text,
	"created_by" text NOT NULL,
	"finished_at" timestamp with time zone,
	"summary" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "plans_days_ck" CHECK ("plans"."days" between 1 and 28)
);
--> statement-breakpoint
ALTER TABLE "plan_unplanned" ADD CONSTRAINT "plan_unplanned_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_unplanned" ADD CONSTRAINT "plan_unplanned_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_visits" ADD CONSTRAINT "planned_visits_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_visits" ADD CONSTRAINT "planned_visits_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "planned_visits_plan_idx" ON "planned_visits" USING btree ("tenant_id","plan_id","rep_id","date","seq");--> statement-breakpoint
CREATE INDEX "planned_visits_customer_idx" ON "planned_visits" USING btree ("tenant_id","customer_id","date");--> statement-breakpoint
CREATE INDEX "plans_scope_idx" ON "plans" USING btree ("tenant_id","team_id","created_at");