CREATE TABLE "evaluation_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"set_id" text NOT NULL,
	"year" integer NOT NULL,
	"agency_id" text NOT NULL,
	"self_scores" jsonb,
	"review_scores" jsonb,
	"self_total" numeric,
	"review_total" numeric,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_assessments_status_ck" CHECK ("evaluation_assessments"."status" in ('draft','self_submitted','reviewed'))
);
--> statement-breakpoint
CREATE TABLE "evaluation_sets" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"confidence" text DEFAULT 'unverified' NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_followups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"target_agency_id" text NOT NULL,
	"recommendation" text NOT NULL,
	"due" date,
	"status" text DEFAULT 'open' NOT NULL,
	"done_on" date,
	"result" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_followups_status_ck" CHECK ("inspection_followups"."status" in ('open','done','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"lead_agency_id" text NOT NULL,
	"coordinator_agency_ids" jsonb,
	"year" integer NOT NULL,
	"basis" text,
	"team" jsonb,
	"targets" jsonb,
	"findings" jsonb,
	"status" text DEFAULT 'planned' NOT NULL,
	"report_date" date,
	"shared_with" jsonb,
	"plan_task_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspections_status_ck" CHECK ("inspections"."status" in ('planned','in_progress','reported','closed'))
);
--> statement-breakpoint
CREATE TABLE "report_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"template_id" text NOT NULL,
	"period_kind" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"deadline" date NOT NULL,
	"deadline_explanation" jsonb,
	"agency_id" text NOT NULL,
	"parent_round_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"consolidated" jsonb,
	"consolidated_on" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_rounds_status_ck" CHECK ("report_rounds"."status" in ('open','consolidated','closed')),
	CONSTRAINT "report_rounds_period_ck" CHECK ("report_rounds"."period_from" <= "report_rounds"."period_to")
);
--> statement-breakpoint
CREATE TABLE "report_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"agency_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"figures" jsonb,
	"narrative" jsonb,
	"submitted_on" date,
	"submitted_by" uuid,
	"late" boolean DEFAULT false NOT NULL,
	"reminders" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_submissions_status_ck" CHECK ("report_submissions"."status" in ('pending','draft','submitted','returned'))
);
--> statement-breakpoint
CREATE TABLE "report_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"organiser_agency_id" text NOT NULL,
	"co_organiser_agency_ids" jsonb,
	"date" date NOT NULL,
	"end_date" date,
	"location" text,
	"audience" text,
	"participants" integer DEFAULT 0 NOT NULL,
	"participant_groups" jsonb,
	"materials" jsonb,
	"plan_task_id" uuid,
	"basis" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trainings_kind_ck" CHECK ("trainings"."kind" in ('training','dissemination')),
	CONSTRAINT "trainings_participants_ck" CHECK ("trainings"."participants" >= 0)
);
--> statement-breakpoint
ALTER TABLE "evaluation_assessments" ADD CONSTRAINT "evaluation_assessments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_followups" ADD CONSTRAINT "inspection_followups_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_followups" ADD CONSTRAINT "inspection_followups_target_agency_id_agencies_id_fk" FOREIGN KEY ("target_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_lead_agency_id_agencies_id_fk" FOREIGN KEY ("lead_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_rounds" ADD CONSTRAINT "report_rounds_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_rounds" ADD CONSTRAINT "report_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_round_id_report_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."report_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_templates" ADD CONSTRAINT "report_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_organiser_agency_id_agencies_id_fk" FOREIGN KEY ("organiser_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_assessments_uq" ON "evaluation_assessments" USING btree ("set_id","year","agency_id");--> statement-breakpoint
CREATE INDEX "inspection_followups_inspection_idx" ON "inspection_followups" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "inspection_followups_target_idx" ON "inspection_followups" USING btree ("target_agency_id");--> statement-breakpoint
CREATE INDEX "inspections_lead_idx" ON "inspections" USING btree ("lead_agency_id");--> statement-breakpoint
CREATE INDEX "report_rounds_agency_idx" ON "report_rounds" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_submissions_round_agency_uq" ON "report_submissions" USING btree ("round_id","agency_id");--> statement-breakpoint
CREATE INDEX "report_submissions_agency_idx" ON "report_submissions" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "trainings_organiser_idx" ON "trainings" USING btree ("organiser_agency_id");--> statement-breakpoint
CREATE INDEX "trainings_date_idx" ON "trainings" USING btree ("date");