CREATE TABLE "claim_counters" (
	"agency_id" text NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "claim_counters_agency_id_year_pk" PRIMARY KEY("agency_id","year")
);
--> statement-breakpoint
DROP INDEX "claims_code_uq";--> statement-breakpoint
ALTER TABLE "claim_counters" ADD CONSTRAINT "claim_counters_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "claims_agency_code_uq" ON "claims" USING btree ("handling_agency_id","code");--> statement-breakpoint
-- Registers continue after the BT-<year>-<number> codes already stored.
INSERT INTO "claim_counters" ("agency_id", "year", "last_number")
SELECT "handling_agency_id", substring("code" from '^BT-([0-9]{4})-')::int, max(substring("code" from '^BT-[0-9]{4}-([0-9]{1,6})$')::int)
FROM "claims" WHERE "code" ~ '^BT-[0-9]{4}-[0-9]{1,6}$' GROUP BY 1, 2;
