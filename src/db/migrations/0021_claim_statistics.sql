CREATE TABLE "claim_statistics" (
	"claim_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"field" text NOT NULL,
	"agency_id" text NOT NULL,
	"venue" text NOT NULL,
	"start_on" date NOT NULL,
	"court_basis" text,
	"finish_on" date,
	"finish_kind" text,
	"suspended" boolean NOT NULL,
	CONSTRAINT "claim_statistics_claim_id_valid_from_pk" PRIMARY KEY("claim_id","valid_from")
);
--> statement-breakpoint
CREATE TABLE "derived_versions" (
	"name" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "claim_statistics" ADD CONSTRAINT "claim_statistics_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;