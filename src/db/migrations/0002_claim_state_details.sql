ALTER TABLE "claim_deadlines" ADD COLUMN "kind" text DEFAULT 'deadline' NOT NULL;--> statement-breakpoint
ALTER TABLE "claim_deadlines" ADD COLUMN "label" text;--> statement-breakpoint
ALTER TABLE "claim_deadlines" ADD COLUMN "details" jsonb;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "suspended" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "extensions" jsonb;