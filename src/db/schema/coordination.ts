// Coordination records of the plans feature (issue 4): files attached to tasks/requests/meetings (uploads under
// DATA_DIR/uploads or generated documents kept in the row), task comments, forwarded copies of requests with their
// read receipt (KH 2021 mục II.5.2), immutable periodic case-list snapshots (KH 2021 mục II.1.1, II.1.2) and
// meetings / field trips on complex cases (KH 2021 mục II.2).
import { date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { agencies } from "./agencies.ts";
import { bytea } from "./claims.ts";
import { users } from "./identity.ts";
import { taskInstances } from "./plans.ts";
import { outgoingRegister } from "./registers.ts";
import { requests } from "./requests.ts";

/**
 * A file: an upload (`storage` "file": DATA_DIR/uploads, "blob": upload_blobs — src/db/uploads.ts — under a safe generated
 * `stored_name`) or a generated document kept in the row ("db").
 */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** What the file belongs to: task_instance / request / meeting / case_list_snapshot. */
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    /** Agency whose scope the file follows. */
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    /** upload / letter / report / case_list … */
    kind: text("kind").notNull(),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    storage: text("storage").notNull(),
    storedName: text("stored_name"),
    content: bytea("content"),
    /** Document builder id for generated documents (guidance_letter, meeting_report …). */
    docType: text("doc_type"),
    outgoingId: uuid("outgoing_id").references(() => outgoingRegister.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("attachments_entity_idx").on(t.entity, t.entityId), index("attachments_agency_idx").on(t.agencyId)],
);

export const taskComments = pgTable(
  "task_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskInstanceId: uuid("task_instance_id")
      .notNull()
      .references(() => taskInstances.id),
    userId: uuid("user_id").references(() => users.id),
    agencyId: text("agency_id").references(() => agencies.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("task_comments_instance_idx").on(t.taskInstanceId)],
);

/** A copy of a request forwarded to another agency (sao chuyển để phối hợp theo dõi) and its read receipt. */
export const requestCopies = pgTable(
  "request_copies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    fromAgencyId: text("from_agency_id")
      .notNull()
      .references(() => agencies.id),
    toAgencyId: text("to_agency_id")
      .notNull()
      .references(() => agencies.id),
    /** "forward" (chuyển để giải quyết) or "copy" (sao gửi để phối hợp theo dõi). */
    purpose: text("purpose").notNull(),
    rule: text("rule"),
    basis: text("basis"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true, mode: "date" }),
    readBy: uuid("read_by").references(() => users.id),
  },
  (t) => [
    unique("request_copies_request_to_uq").on(t.requestId, t.toAgencyId),
    index("request_copies_to_idx").on(t.toAgencyId),
  ],
);

/** An as-of snapshot of a periodic case list. Written once, never updated (the repository has no update path). */
export const caseListSnapshots = pgTable(
  "case_list_snapshots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** half_year_2017 (KH 2021 mục II.1.1) / quarter_2009 (KH 2021 mục II.1.2). */
    kind: text("kind").notNull(),
    /** "2026-H1" / "2026-Q2". */
    period: text("period").notNull(),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    asOf: date("as_of", { mode: "string" }).notNull(),
    /** Agency drawing up the list (cơ quan chủ trì). */
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    rows: jsonb("rows").notNull(),
    total: integer("total").notNull(),
    newCount: integer("new_count").notNull(),
    carriedOverCount: integer("carried_over_count").notNull(),
    previousId: uuid("previous_id"),
    basis: text("basis").notNull(),
    /** sha256 of the canonical JSON of `rows` — shows the stored list was not altered. */
    sha256: text("sha256").notNull(),
    taskInstanceId: uuid("task_instance_id").references(() => taskInstances.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [unique("case_list_snapshots_kind_period_agency_uq").on(t.kind, t.period, t.agencyId)],
);

/** Meetings and field trips on complex, backlogged, prolonged cases (KH 2021 mục II.2). */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Lead agency (cơ quan chủ trì). */
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    /** meeting / field_trip. */
    variant: text("variant").notNull(),
    topic: text("topic").notNull(),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    heldUntil: date("held_until", { mode: "string" }),
    venue: text("venue").notNull(),
    participants: jsonb("participants").$type<string[]>().notNull(),
    agenda: jsonb("agenda").$type<string[]>().notNull(),
    claimIds: jsonb("claim_ids").$type<string[]>().notNull(),
    snapshotId: uuid("snapshot_id").references(() => caseListSnapshots.id),
    taskInstanceId: uuid("task_instance_id").references(() => taskInstances.id),
    reportAttachmentId: uuid("report_attachment_id").references(() => attachments.id),
    /** Recorded outcome (chair, results, conclusions, proposals, per-case status/direction); null while planned. */
    outcome: jsonb("outcome"),
    status: text("status").notNull().default("planned"),
    basis: text("basis").notNull(),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("meetings_agency_idx").on(t.agencyId)],
);
