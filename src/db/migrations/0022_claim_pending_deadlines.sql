CREATE TABLE "claim_pending_deadlines" (
	"claim_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"due" date NOT NULL,
	CONSTRAINT "claim_pending_deadlines_claim_id_position_pk" PRIMARY KEY("claim_id","position")
);
--> statement-breakpoint
ALTER TABLE "claim_pending_deadlines" ADD CONSTRAINT "claim_pending_deadlines_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claim_pending_deadlines_due_idx" ON "claim_pending_deadlines" USING btree ("due");