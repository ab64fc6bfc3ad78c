CREATE TABLE "incoming_counters" (
	"agency_id" text NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "incoming_counters_agency_id_year_pk" PRIMARY KEY("agency_id","year")
);
--> statement-breakpoint
CREATE TABLE "incoming_register" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" text NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"received_on" date NOT NULL,
	"doc_type" text,
	"symbol" text,
	"doc_date" date,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"request_id" uuid,
	"attachment_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incoming_register_agency_year_number_uq" UNIQUE("agency_id","year","number"),
	CONSTRAINT "incoming_register_agency_request_uq" UNIQUE("agency_id","request_id"),
	CONSTRAINT "incoming_register_number_ck" CHECK ("incoming_register"."number" >= 1)
);
--> statement-breakpoint
ALTER TABLE "incoming_counters" ADD CONSTRAINT "incoming_counters_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_register" ADD CONSTRAINT "incoming_register_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_register" ADD CONSTRAINT "incoming_register_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_register" ADD CONSTRAINT "incoming_register_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_register" ADD CONSTRAINT "incoming_register_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;