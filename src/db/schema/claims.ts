// Claims (vụ việc yêu cầu bồi thường), their event history, computed deadlines and documents.
// Events go through the claims domain (`checkLiveStep` / `replay`) before they are stored: the table never holds a transition the law
// does not allow. Deadlines are recomputed by `computeDeadlines` in the same transaction.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { agencies } from "./agencies.ts";
import { users } from "./identity.ts";

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType() {
    return "bytea";
  },
});

export const LAW_VERSIONS = ["law_2017", "law_2009"] as const;

export const claims = pgTable(
  "claims",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    lawVersion: text("law_version").notNull().default("law_2017"),
    field: text("field").notNull(),
    complex: boolean("complex").notNull().default(false),
    backlogged: boolean("backlogged").notNull().default(false),
    prolonged: boolean("prolonged").notNull().default(false),
    managingAgencyId: text("managing_agency_id").references(() => agencies.id),
    handlingAgencyId: text("handling_agency_id")
      .notNull()
      .references(() => agencies.id),
    /** Amounts in đồng (bigint; values stay below 2^53 so TS uses number). */
    amountRequested: bigint("amount_requested", { mode: "number" }),
    amountDecided: bigint("amount_decided", { mode: "number" }),
    amountPaid: bigint("amount_paid", { mode: "number" }),
    amountAdvance: bigint("amount_advance", { mode: "number" }),
    claimantName: text("claimant_name").notNull(),
    claimantIdNumber: text("claimant_id_number"),
    claimantAddress: text("claimant_address"),
    claimantPhone: text("claimant_phone"),
    summary: text("summary"),
    /** Current procedure state from the claims domain (`replay`), stored for filtering. */
    state: text("state").notNull().default("received"),
    /** False once the claim left the handling stage (decision effective, paid, refused, terminated, in court …). */
    open: boolean("open").notNull().default(true),
    /** A suspension decision (Điều 50) is in force. */
    suspended: boolean("suspended").notNull().default(false),
    /** Agreed extensions (thỏa thuận kéo dài: verify ≤ 15, negotiation_end ≤ 10 days) — part of the claim history. */
    extensions: jsonb("extensions"),
    /** Date of the first event (hồ sơ nhận); the claim's year for filters. */
    receivedOn: date("received_on", { mode: "string" }),
    /** Normalised code + claimant + summary + agency names, computed in TS (NFD, no marks, đ→d, lower case). */
    searchText: text("search_text").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    // Codes come from each handling agency's register of the year (sổ thụ lý): unique within the agency.
    uniqueIndex("claims_agency_code_uq").on(t.handlingAgencyId, t.code),
    index("claims_handling_idx").on(t.handlingAgencyId),
    index("claims_managing_idx").on(t.managingAgencyId),
    index("claims_received_idx").on(t.receivedOn),
    index("claims_state_idx").on(t.state),
    check(
      "claims_field_ck",
      sql`${t.field} in ('administration','criminal_procedure','civil_procedure','administrative_procedure','criminal_enforcement','civil_enforcement')`,
    ),
    check("claims_law_ck", sql`${t.lawVersion} in ('law_2017','law_2009')`),
    check(
      "claims_amounts_ck",
      sql`coalesce(${t.amountRequested},0) >= 0 and coalesce(${t.amountDecided},0) >= 0 and coalesce(${t.amountPaid},0) >= 0 and coalesce(${t.amountAdvance},0) >= 0`,
    ),
    check("claims_version_ck", sql`${t.version} >= 1`),
  ],
);

export const claimEvents = pgTable(
  "claim_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    claimId: uuid("claim_id")
      .notNull()
      .references(() => claims.id),
    /** Position in the claim's history (1, 2, …); the history is ordered by seq. */
    seq: integer("seq").notNull(),
    type: text("type").notNull(),
    date: date("date", { mode: "string" }).notNull(),
    ground: text("ground"),
    note: text("note"),
    /** Extra event data the domain understands (e.g. amounts, document numbers). */
    data: jsonb("data"),
    recordedBy: uuid("recorded_by").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("claim_events_claim_seq_uq").on(t.claimId, t.seq), index("claim_events_type_idx").on(t.type)],
);

export const claimDeadlines = pgTable(
  "claim_deadlines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    claimId: uuid("claim_id")
      .notNull()
      .references(() => claims.id),
    position: integer("position").notNull(),
    /** "deadline" (a duty of the agency) or "milestone" (a date fixed by law, e.g. the decision taking effect). */
    kind: text("kind").notNull().default("deadline"),
    step: text("step").notNull(),
    label: text("label"),
    due: date("due", { mode: "string" }),
    unit: text("unit"),
    days: integer("days"),
    basis: text("basis"),
    confidence: text("confidence"),
    status: text("status"),
    explanation: jsonb("explanation"),
    /** Remaining fields of the computed deadline (variant, from_event, from_date, met_on, met_by, cancelled_by, paused). */
    details: jsonb("details"),
    computedAt: timestamp("computed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("claim_deadlines_claim_pos_uq").on(t.claimId, t.position),
    index("claim_deadlines_due_idx").on(t.due),
    // The dashboard's "due this week" / "overdue" lists read only pending duties: a partial index keeps them an index
    // range scan in due order however many met / late / cancelled rows pile up (bench/volume.bench.ts, 100×).
    index("claim_deadlines_pending_due_idx")
      .on(t.due)
      .where(sql`${t.kind} = 'deadline' and ${t.status} in ('open', 'overdue')`),
  ],
);

export const claimDocuments = pgTable(
  "claim_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    claimId: uuid("claim_id")
      .notNull()
      .references(() => claims.id),
    eventId: uuid("event_id").references(() => claimEvents.id),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    number: text("number"),
    issuedOn: date("issued_on", { mode: "string" }),
    fileName: text("file_name"),
    mimeType: text("mime_type"),
    size: integer("size"),
    sha256: text("sha256"),
    /** Where the bytes are (src/db/uploads.ts): "db" in `content`, "file" DATA_DIR/uploads, "blob" upload_blobs. */
    storage: text("storage").notNull().default("db"),
    storedName: text("stored_name"),
    content: bytea("content"),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("claim_documents_claim_idx").on(t.claimId)],
);

/**
 * Cải chính: an audited correction of a recorded step (corrected or voided) or of claim fields, with its reason. The
 * step or field is changed in place so every reader (deadlines, statistics, calendar) sees the corrected file; the
 * original stays here (`before`) and is shown struck through in the timeline.
 */
export const claimCorrections = pgTable(
  "claim_corrections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    claimId: uuid("claim_id")
      .notNull()
      .references(() => claims.id),
    /** "event" (a recorded step) or "claim" (fields of the claim). */
    target: text("target").notNull(),
    /** "correct" or "void" (events only). */
    action: text("action").notNull(),
    /** The step corrected (kept when voided: the row is gone, its content is in `before`). */
    eventId: uuid("event_id"),
    before: jsonb("before").notNull(),
    after: jsonb("after"),
    reason: text("reason").notNull(),
    /** The claim was closed (paid, refused, terminated): corrected by an agency leader. */
    closedClaim: boolean("closed_claim").notNull().default(false),
    correctedBy: uuid("corrected_by").references(() => users.id),
    correctedAt: timestamp("corrected_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("claim_corrections_claim_idx").on(t.claimId),
    check("claim_corrections_target_ck", sql`${t.target} in ('event','claim')`),
    check("claim_corrections_action_ck", sql`${t.action} in ('correct','void')`),
  ],
);
