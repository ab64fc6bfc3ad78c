CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"agency_id" text NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage" text NOT NULL,
	"stored_name" text,
	"content" "bytea",
	"doc_type" text,
	"outgoing_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_list_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"as_of" date NOT NULL,
	"agency_id" text NOT NULL,
	"rows" jsonb NOT NULL,
	"total" integer NOT NULL,
	"new_count" integer NOT NULL,
	"carried_over_count" integer NOT NULL,
	"previous_id" uuid,
	"basis" text NOT NULL,
	"sha256" text NOT NULL,
	"task_instance_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_list_snapshots_kind_period_agency_uq" UNIQUE("kind","period","agency_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" text NOT NULL,
	"variant" text NOT NULL,
	"topic" text NOT NULL,
	"held_on" date NOT NULL,
	"held_until" date,
	"venue" text NOT NULL,
	"participants" jsonb NOT NULL,
	"agenda" jsonb NOT NULL,
	"claim_ids" jsonb NOT NULL,
	"snapshot_id" uuid,
	"task_instance_id" uuid,
	"report_attachment_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"basis" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_copies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"from_agency_id" text NOT NULL,
	"to_agency_id" text NOT NULL,
	"purpose" text NOT NULL,
	"rule" text,
	"basis" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"read_by" uuid,
	CONSTRAINT "request_copies_request_to_uq" UNIQUE("request_id","to_agency_id")
);
--> statement-breakpoint
CREATE TABLE "task_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_instance_id" uuid NOT NULL,
	"user_id" uuid,
	"agency_id" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "task_instances" ALTER COLUMN "task_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "task_instances" ADD COLUMN "request_id" uuid;--> statement-breakpoint
ALTER TABLE "task_instances" ADD COLUMN "title" text;--> statement-breakpoint
ALTER TABLE "task_instances" ADD COLUMN "basis" text;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_outgoing_id_outgoing_register_id_fk" FOREIGN KEY ("outgoing_id") REFERENCES "public"."outgoing_register"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_list_snapshots" ADD CONSTRAINT "case_list_snapshots_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_list_snapshots" ADD CONSTRAINT "case_list_snapshots_task_instance_id_task_instances_id_fk" FOREIGN KEY ("task_instance_id") REFERENCES "public"."task_instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_list_snapshots" ADD CONSTRAINT "case_list_snapshots_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_snapshot_id_case_list_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."case_list_snapshots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_task_instance_id_task_instances_id_fk" FOREIGN KEY ("task_instance_id") REFERENCES "public"."task_instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_report_attachment_id_attachments_id_fk" FOREIGN KEY ("report_attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_copies" ADD CONSTRAINT "request_copies_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_copies" ADD CONSTRAINT "request_copies_from_agency_id_agencies_id_fk" FOREIGN KEY ("from_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_copies" ADD CONSTRAINT "request_copies_to_agency_id_agencies_id_fk" FOREIGN KEY ("to_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_copies" ADD CONSTRAINT "request_copies_read_by_users_id_fk" FOREIGN KEY ("read_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_comments" ADD CONSTRAINT "task_comments_task_instance_id_task_instances_id_fk" FOREIGN KEY ("task_instance_id") REFERENCES "public"."task_instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_comments" ADD CONSTRAINT "task_comments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_comments" ADD CONSTRAINT "task_comments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_entity_idx" ON "attachments" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "attachments_agency_idx" ON "attachments" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "meetings_agency_idx" ON "meetings" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "request_copies_to_idx" ON "request_copies" USING btree ("to_agency_id");--> statement-breakpoint
CREATE INDEX "task_comments_instance_idx" ON "task_comments" USING btree ("task_instance_id");--> statement-breakpoint
CREATE INDEX "task_instances_request_idx" ON "task_instances" USING btree ("request_id");