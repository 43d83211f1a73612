ALTER TABLE "member" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "member" ADD CONSTRAINT "member_language_ck" CHECK ("member"."language" in ('ja', 'en'));