CREATE TABLE "sync_heartbeats" (
	"tenant_id" text NOT NULL,
	"user_id" text NOT NULL,
	"last_synced_at" timestamp with time zone NOT NULL,
	"pending" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_heartbeats_tenant_id_user_id_pk" PRIMARY KEY("tenant_id","user_id"),
	CONSTRAINT "sync_heartbeats_pending_ck" CHECK ("sync_heartbeats"."pending" between 0 and 10000)
);
--> statement-breakpoint
ALTER TABLE "sync_heartbeats" ADD CONSTRAINT "sync_heartbeats_tenant_id_organization_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;