CREATE TABLE "task_instance_coordinators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_instance_id" uuid NOT NULL,
	"agency_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"note" text,
	"completed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "reporting_period" text DEFAULT 'half_year' NOT NULL;--> statement-breakpoint
ALTER TABLE "task_instance_coordinators" ADD CONSTRAINT "task_instance_coordinators_task_instance_id_task_instances_id_fk" FOREIGN KEY ("task_instance_id") REFERENCES "public"."task_instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_instance_coordinators" ADD CONSTRAINT "task_instance_coordinators_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_instance_coordinators" ADD CONSTRAINT "task_instance_coordinators_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "task_instance_coordinators_uq" ON "task_instance_coordinators" USING btree ("task_instance_id","agency_id");--> statement-breakpoint
CREATE INDEX "task_instance_coordinators_agency_idx" ON "task_instance_coordinators" USING btree ("agency_id");