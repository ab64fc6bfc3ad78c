// Sổ văn bản đi (outgoing register): per agency and year, numbers 1, 2, 3 … without gaps or duplicates.
// A number is allocated by incrementing the (agency, year) counter row in the same transaction as the register row,
// so a rolled-back transaction gives its number back.

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

export const outgoingCounters = pgTable(
  "outgoing_counters",
  {
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    year: integer("year").notNull(),
    lastNumber: integer("last_number").notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.year] })],
);

/**
 * Sổ thụ lý (claims register): per handling agency and year, claim numbers 1, 2, 3 … — the same counter discipline
 * as the outgoing register (repositories/register.ts `nextNumber`). A claim's code is `BT-<year>-<number, 4 digits>`.
 */
export const claimCounters = pgTable(
  "claim_counters",
  {
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    year: integer("year").notNull(),
    lastNumber: integer("last_number").notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.year] })],
);

export const outgoingRegister = pgTable(
  "outgoing_register",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    year: integer("year").notNull(),
    number: integer("number").notNull(),
    /** Ký hiệu, e.g. "BTNN-KH" in "12/BTNN-KH". */
    symbol: text("symbol"),
    /** letter / report / minutes / decision / notice (GLOSSARY outputs). */
    docKind: text("doc_kind").notNull(),
    subject: text("subject").notNull(),
    issuedOn: date("issued_on", { mode: "string" }),
    entity: text("entity"),
    entityId: text("entity_id"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    unique("outgoing_register_agency_year_number_uq").on(t.agencyId, t.year, t.number),
    index("outgoing_register_entity_idx").on(t.entity, t.entityId),
    check("outgoing_register_number_ck", sql`${t.number} >= 1`),
  ],
);

/** Sổ văn bản đến: the same counter discipline, a separate sequence (số đến) per receiving agency and year. */
export const incomingCounters = pgTable(
  "incoming_counters",
  {
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    year: integer("year").notNull(),
    lastNumber: integer("last_number").notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.year] })],
);

/**
 * Sổ đăng ký văn bản đến (Nghị định 30/2020/NĐ-CP, Điều 22 and Phụ lục IV): số đến, ngày đến, the document's số, ký
 * hiệu, date, issuer (tác giả), tên loại and trích yếu; optionally the coordination request it carries and its file.
 */
export const incomingRegister = pgTable(
  "incoming_register",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The receiving agency whose register this is. */
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    year: integer("year").notNull(),
    /** Số đến. */
    number: integer("number").notNull(),
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
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    unique("incoming_register_agency_year_number_uq").on(t.agencyId, t.year, t.number),
    // A request is registered once by each agency it reaches (NULLs — unlinked letters — do not collide).
    unique("incoming_register_agency_request_uq").on(t.agencyId, t.requestId),
    check("incoming_register_number_ck", sql`${t.number} >= 1`),
  ],
);
