CREATE TABLE "public_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"action" text NOT NULL,
	"code" text,
	"address_hash" text NOT NULL,
	"success" boolean DEFAULT false NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_submission_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_submission_steps" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"submission_id" uuid NOT NULL,
	"step" text NOT NULL,
	"on" date NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"agency_id" text NOT NULL,
	"by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "public_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"agency_id" text NOT NULL,
	"determined_by_so_tu_phap" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_on" date NOT NULL,
	"answers" jsonb NOT NULL,
	"person_name" text NOT NULL,
	"person_date_of_birth" date,
	"person_id_number" text,
	"person_address" text NOT NULL,
	"person_phone" text,
	"person_email" text,
	"facts" text NOT NULL,
	"request" jsonb NOT NULL,
	"factor_kind" text NOT NULL,
	"factor_hash" text NOT NULL,
	"factor_salt" text NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"consent_text_version" text NOT NULL,
	"consent_withdrawn_at" timestamp with time zone,
	"idempotency_key" text,
	"body_hash" text NOT NULL,
	"claim_id" uuid,
	"answer_text" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "public_submission_files" ADD CONSTRAINT "public_submission_files_submission_id_public_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."public_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_submission_steps" ADD CONSTRAINT "public_submission_steps_submission_id_public_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."public_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_submission_steps" ADD CONSTRAINT "public_submission_steps_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_submission_steps" ADD CONSTRAINT "public_submission_steps_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_submissions" ADD CONSTRAINT "public_submissions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_submissions" ADD CONSTRAINT "public_submissions_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_attempts_address_idx" ON "public_attempts" USING btree ("action","address_hash","at");--> statement-breakpoint
CREATE INDEX "public_attempts_code_idx" ON "public_attempts" USING btree ("action","code","at");--> statement-breakpoint
CREATE UNIQUE INDEX "public_submission_files_pos_uq" ON "public_submission_files" USING btree ("submission_id","position");--> statement-breakpoint
CREATE INDEX "public_submission_steps_sub_idx" ON "public_submission_steps" USING btree ("submission_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "public_submissions_code_uq" ON "public_submissions" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "public_submissions_idem_uq" ON "public_submissions" USING btree ("idempotency_key") WHERE "public_submissions"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "public_submissions_agency_status_idx" ON "public_submissions" USING btree ("agency_id","status");