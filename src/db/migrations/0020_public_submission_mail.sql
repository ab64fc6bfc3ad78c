ALTER TABLE "public_submission_steps" ADD COLUMN "mailed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "public_submissions" ADD COLUMN "mailed_claim_phase" text;