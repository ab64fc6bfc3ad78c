CREATE TABLE "claim_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claim_id" uuid NOT NULL,
	"target" text NOT NULL,
	"action" text NOT NULL,
	"event_id" uuid,
	"before" jsonb NOT NULL,
	"after" jsonb,
	"reason" text NOT NULL,
	"closed_claim" boolean DEFAULT false NOT NULL,
	"corrected_by" uuid,
	"corrected_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claim_corrections_target_ck" CHECK ("claim_corrections"."target" in ('event','claim')),
	CONSTRAINT "claim_corrections_action_ck" CHECK ("claim_corrections"."action" in ('correct','void'))
);
--> statement-breakpoint
ALTER TABLE "claim_corrections" ADD CONSTRAINT "claim_corrections_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_corrections" ADD CONSTRAINT "claim_corrections_corrected_by_users_id_fk" FOREIGN KEY ("corrected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claim_corrections_claim_idx" ON "claim_corrections" USING btree ("claim_id");