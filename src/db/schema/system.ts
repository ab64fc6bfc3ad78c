// Notifications and scheduled job runs (deterministic ids: a re-run collides on the primary key instead of duplicating).
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { agencies } from "./agencies.ts";
import { bytea } from "./claims.ts";
import { users } from "./identity.ts";

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Deterministic key (e.g. sha256("reminder:" + claimId + ":" + step + ":" + date)) — one notification per key. */
    dedupeKey: text("dedupe_key").notNull(),
    userId: uuid("user_id").references(() => users.id),
    agencyId: text("agency_id").references(() => agencies.id),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body"),
    entity: text("entity"),
    entityId: text("entity_id"),
    due: date("due", { mode: "string" }),
    /** The screen where the work is acted on (web path), when the producer knows it. */
    url: text("url"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("notifications_dedupe_uq").on(t.dedupeKey),
    index("notifications_user_idx").on(t.userId),
    index("notifications_agency_idx").on(t.agencyId),
  ],
);

/**
 * Bytes of uploaded files on PostgreSQL (storage = "blob" in their attachment / claim document row): every app server
 * of a cluster reads the same files. Written in the transaction of the row that references it; never updated.
 */
export const uploadBlobs = pgTable("upload_blobs", {
  /** A random UUID plus the allow-listed extension (the same names as DATA_DIR/uploads). */
  name: text("name").primaryKey(),
  bytes: bytea("bytes").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export const jobRun = pgTable(
  "job_run",
  {
    /** sha256(job + ":" + scheduledFor ISO) — deterministic. */
    id: text("id").primaryKey(),
    job: text("job").notNull(),
    scheduledFor: timestamp("scheduled_for", { withTimezone: true, mode: "date" }).notNull(),
    status: text("status").notNull().default("running"),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
    result: jsonb("result"),
    error: text("error"),
  },
  (t) => [index("job_run_job_idx").on(t.job, t.scheduledFor)],
);

/**
 * Idempotency-Key of creating requests (src/http/plugins/idempotency.ts): the first request with a key claims the row
 * (status null while it runs) and stores its response; a repeat with the same key gets that response back instead of
 * writing again. Kept 24 h.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** "POST /api/…?…" as requested. */
    route: text("route").notNull(),
    /** sha256 of the validated body. */
    bodyHash: text("body_hash").notNull(),
    status: integer("status"),
    headers: jsonb("headers").$type<Record<string, string>>(),
    body: bytea("body"),
    /**
     * Several app servers (src/http/cluster-bus.ts): the claiming server's bus id and the request id its audit entries
     * carry — a repeat reaching another server after the owner died takes over at once when nothing was written.
     */
    ownerServer: text("owner_server"),
    ownerRequest: text("owner_request"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);
