// Work inside an agency (issue 11): who in the agency carries an inbox item (giao việc, with the history of
// reassignments and their reasons), each user's mail choice for notifications, and which notification went by mail.
import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { agencies } from "./agencies.ts";
import { users } from "./identity.ts";
import { notifications } from "./system.ts";

/** One row per (re)assignment; the current one has `ended_at` null. Rows are never rewritten, only ended. */
export const workAssignments = pgTable(
  "work_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Inbox kind (request, plan_task, claim_deadline …) and the id of the item within it. */
    kind: text("kind").notNull(),
    itemId: text("item_id").notNull(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    assigneeId: uuid("assignee_id")
      .notNull()
      .references(() => users.id),
    assignedBy: uuid("assigned_by").references(() => users.id),
    reason: text("reason"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("work_assignments_current_uq").on(t.kind, t.itemId, t.agencyId).where(sql`${t.endedAt} is null`),
    index("work_assignments_assignee_idx").on(t.assigneeId),
  ],
);

/** A user's mail choice: each event, a daily digest at 07:00 Vietnam time, or none (the default). */
export const notificationSettings = pgTable(
  "notification_settings",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id),
    mode: text("mode").notNull().default("none"),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [check("notification_settings_mode_ck", sql`${t.mode} in ('each','digest','none')`)],
);

/** A notification mailed to a user (per event or in a digest) — never mailed twice. */
export const notificationMails = pgTable(
  "notification_mails",
  {
    notificationId: uuid("notification_id")
      .notNull()
      .references(() => notifications.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    channel: text("channel").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.userId] })],
);

/**
 * Who has read a notification. Read state is per user: a notification addressed to an agency (user_id null) is read by
 * each officer on their own — one officer reading it does not mark it read for colleagues.
 */
export const notificationReads = pgTable(
  "notification_reads",
  {
    notificationId: uuid("notification_id")
      .notNull()
      .references(() => notifications.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    readAt: timestamp("read_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.userId] })],
);

/** A user's named filter of a list (requests, tasks, claims), applied from a dropdown; the name is unique per list. */
export const savedFilters = pgTable(
  "saved_filters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    list: text("list").notNull(),
    name: text("name").notNull(),
    /** The list's query parameters (string values), as the list screen sends them. */
    query: jsonb("query").$type<Record<string, string>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("saved_filters_user_list_name_uq").on(t.userId, t.list, t.name),
    check("saved_filters_list_ck", sql`${t.list} in ('requests','tasks','claims')`),
  ],
);
