// Numbered registers — sổ văn bản đi, sổ văn bản đến, sổ thụ lý: per agency and year, numbers 1, 2, 3 … without gaps
// or duplicates. A number is allocated by incrementing the (agency, year) counter row in the same transaction as the
// register row, so a rolled-back transaction gives its number back. The registers share their counter table shape and
// their numbered-entry columns (one definition below); the SQL is unchanged by that sharing.

import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { agencies } from "./agencies.ts";
import { attachments } from "./coordination.ts";
import { users } from "./identity.ts";
import { requests } from "./requests.ts";

/** The (agency, year) counter of one register: the last number given. */
function counterTable<N extends string>(name: N) {
  return pgTable(
    name,
    {
      agencyId: text("agency_id")
        .notNull()
        .references(() => agencies.id),
      year: integer("year").notNull(),
      lastNumber: integer("last_number").notNull(),
    },
    (t) => [primaryKey({ columns: [t.agencyId, t.year] })],
  );
}

/** The columns every register entry starts with: the agency whose register it is, the year and the number in it. */
function numberedColumns() {
  return {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    year: integer("year").notNull(),
    number: integer("number").notNull(),
  };
}

/** The columns every register entry ends with: who recorded it and when. */
function recordedColumns() {
  return {
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  };
}

/** One number per (agency, year), from 1. */
function numberedConstraints(table: string, t: { agencyId: AnyPgColumn; year: AnyPgColumn; number: AnyPgColumn }) {
  return [
    unique(`${table}_agency_year_number_uq`).on(t.agencyId, t.year, t.number),
    check(`${table}_number_ck`, sql`${t.number} >= 1`),
  ];
}

export const outgoingCounters = counterTable("outgoing_counters");

/**
 * Sổ thụ lý (claims register): per handling agency and year, claim numbers 1, 2, 3 … — the same counter discipline
 * as the outgoing register (repositories/register.ts `nextNumber`). A claim's code is `BT-<year>-<number, 4 digits>`.
 */
export const claimCounters = counterTable("claim_counters");

export const outgoingRegister = pgTable(
  "outgoing_register",
  {
    ...numberedColumns(),
    /** Ký hiệu, e.g. "BTNN-KH" in "12/BTNN-KH". */
    symbol: text("symbol"),
    /** letter / report / minutes / decision / notice (GLOSSARY outputs). */
    docKind: text("doc_kind").notNull(),
    subject: text("subject").notNull(),
    issuedOn: date("issued_on", { mode: "string" }),
    entity: text("entity"),
    entityId: text("entity_id"),
    ...recordedColumns(),
  },
  (t) => [
    ...numberedConstraints("outgoing_register", t),
    index("outgoing_register_entity_idx").on(t.entity, t.entityId),
  ],
);

/** Sổ văn bản đến: the same counter discipline, a separate sequence (số đến) per receiving agency and year. */
export const incomingCounters = counterTable("incoming_counters");

/**
 * Sổ đăng ký văn bản đến (Nghị định 30/2020/NĐ-CP, Điều 22 and Phụ lục IV): số đến (number, in the receiving agency's
 * register), ngày đến, the document's số, ký hiệu, date, issuer (tác giả), tên loại and trích yếu; optionally the
 * coordination request it carries and its file.
 */
export const incomingRegister = pgTable(
  "incoming_register",
  {
    ...numberedColumns(),
    receivedOn: date("received_on", { mode: "string" }).notNull(),
    /** Tên loại as written on the document ("Công văn", "Báo cáo" …); null = "Văn bản". */
    docType: text("doc_type"),
    /** Số, ký hiệu of the incoming document, e.g. "12/STP-HCTP"; null when it has none (a citizen's letter). */
    symbol: text("symbol"),
    docDate: date("doc_date", { mode: "string" }),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    requestId: uuid("request_id").references((): AnyPgColumn => requests.id),
    /** The scanned / received file (attachments, entity "incoming_document"). */
    attachmentId: uuid("attachment_id").references((): AnyPgColumn => attachments.id),
    ...recordedColumns(),
  },
  (t) => [
    ...numberedConstraints("incoming_register", t),
    // A request is registered once by each agency it reaches (NULLs — unlinked letters — do not collide).
    unique("incoming_register_agency_request_uq").on(t.agencyId, t.requestId),
  ],
);
