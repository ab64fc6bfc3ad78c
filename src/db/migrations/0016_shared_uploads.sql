CREATE TABLE "upload_blobs" (
	"name" text PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "claim_documents" ADD COLUMN "storage" text DEFAULT 'db' NOT NULL;--> statement-breakpoint
ALTER TABLE "claim_documents" ADD COLUMN "stored_name" text;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "owner_server" text;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "owner_request" text;