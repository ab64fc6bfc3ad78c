// Notifications and scheduled job runs (deterministic ids: a re-run collides on the primary key instead of duplicating).
import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { agencies } from "./agencies.ts";
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
