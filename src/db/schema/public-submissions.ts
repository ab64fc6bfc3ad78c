// Online submissions of the public portal (issue 15): a claim file or a support request sent without a login, its
// attachments, the steps it went through (the status page reads them), and the attempts counted for rate limits.
// Personal data is stored as given and masked on every read unless revealed (audited), like claimants' data; the
// second factor is stored only as a salted hash.
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
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
import { bytea, claims } from "./claims.ts";
import { users } from "./identity.ts";

export const publicSubmissions = pgTable(
  "public_submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Receipt code (src/domain/portal/receipt-code.ts RECEIPT_ALPHABET), unique. */
    code: text("code").notNull(),
    kind: text("kind").notNull(),
    /** received | forwarded | accepted | answered | refused */
    status: text("status").notNull().default("received"),
    /** The agency that holds the file now (its inbox shows it). */
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    determinedBySoTuPhap: boolean("determined_by_so_tu_phap").notNull().default(false),
    submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** Vietnam date of submission (the `received` event of the claim when accepted). */
    submittedOn: date("submitted_on", { mode: "string" }).notNull(),
    answers: jsonb("answers").notNull(),
    personName: text("person_name").notNull(),
    personDateOfBirth: date("person_date_of_birth", { mode: "string" }),
    personIdNumber: text("person_id_number"),
    personAddress: text("person_address").notNull(),
    personPhone: text("person_phone"),
    personEmail: text("person_email"),
    facts: text("facts").notNull(),
    /** Damage heads, advance / honour / basis-document collection requests (the form's content). */
    request: jsonb("request").notNull(),
    factorKind: text("factor_kind").notNull(),
    /** scrypt of the normalised factor with `factor_salt` (hex). */
    factorHash: text("factor_hash").notNull(),
    factorSalt: text("factor_salt").notNull(),
    /** Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15: when and to which text version the person consented. */
    consentAt: timestamp("consent_at", { withTimezone: true, mode: "date" }).notNull(),
    consentTextVersion: text("consent_text_version").notNull(),
    consentWithdrawnAt: timestamp("consent_withdrawn_at", { withTimezone: true, mode: "date" }),
    /** sha256 of the Idempotency-Key and of the body: a repeat returns the first receipt. */
    idempotencyKey: text("idempotency_key"),
    bodyHash: text("body_hash").notNull(),
    claimId: uuid("claim_id").references(() => claims.id),
    /** The answer to a support request, or the reason a file was refused or returned: shown on the status page. */
    answerText: text("answer_text"),
    /** The linked claim's phase last mailed to the person (a change of it sends the next mail). */
    mailedClaimPhase: text("mailed_claim_phase"),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("public_submissions_code_uq").on(t.code),
    uniqueIndex("public_submissions_idem_uq").on(t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
    index("public_submissions_agency_status_idx").on(t.agencyId, t.status),
  ],
);

export const publicSubmissionFiles = pgTable(
  "public_submission_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => publicSubmissions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
  },
  (t) => [uniqueIndex("public_submission_files_pos_uq").on(t.submissionId, t.position)],
);

/** The steps of a submission, in order: what the status page shows (no internal notes, no officer names). */
export const publicSubmissionSteps = pgTable(
  "public_submission_steps",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => publicSubmissions.id, { onDelete: "cascade" }),
    step: text("step").notNull(),
    on: date("on", { mode: "string" }).notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** The agency holding the file after the step. */
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    byUserId: uuid("by_user_id").references(() => users.id),
    /** When the person was told of this step by e-mail (null: not yet, or no address / consent withdrawn). */
    mailedAt: timestamp("mailed_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("public_submission_steps_sub_idx").on(t.submissionId, t.id)],
);

/** Public calls counted for rate limits: `scope` "status:<code>" or "submit", by hashed address. */
export const publicAttempts = pgTable(
  "public_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    action: text("action").notNull(),
    code: text("code"),
    /** sha256 of the client address (not the address itself). */
    addressHash: text("address_hash").notNull(),
    success: boolean("success").notNull().default(false),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("public_attempts_address_idx").on(t.action, t.addressHash, t.at),
    index("public_attempts_code_idx").on(t.action, t.code, t.at),
  ],
);

/**
 * Requests of the data subject about a submission (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, Điều 4): a correction
 * asked through the status page. Never applied by itself: the holding agency sees it in its inbox and decides.
 */
export const publicDataRequests = pgTable(
  "public_data_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => publicSubmissions.id, { onDelete: "cascade" }),
    /** correction */
    kind: text("kind").notNull(),
    /** Which data (src/domain/portal/data-rights.ts CORRECTABLE_FIELDS). */
    field: text("field").notNull(),
    requestedValue: text("requested_value").notNull(),
    reason: text("reason"),
    /** open | done | refused | erased (the consent was withdrawn before it was handled) */
    status: text("status").notNull().default("open"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    createdOn: date("created_on", { mode: "string" }).notNull(),
    handledAt: timestamp("handled_at", { withTimezone: true, mode: "date" }),
    handledBy: uuid("handled_by").references(() => users.id),
    answer: text("answer"),
  },
  (t) => [index("public_data_requests_sub_idx").on(t.submissionId, t.status)],
);
