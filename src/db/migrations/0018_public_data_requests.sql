CREATE TABLE "public_data_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"field" text NOT NULL,
	"requested_value" text NOT NULL,
	"reason" text,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_on" date NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by" uuid,
	"answer" text
);
--> statement-breakpoint
ALTER TABLE "public_data_requests" ADD CONSTRAINT "public_data_requests_submission_id_public_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."public_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_data_requests" ADD CONSTRAINT "public_data_requests_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_data_requests_sub_idx" ON "public_data_requests" USING btree ("submission_id","status");