// Agencies (cơ quan) with their dated validity, hierarchy (parent) and successor links (sáp nhập, đổi tên).
// Ids are stable text keys from the agency registry (src/domain/agencies); rules speak of `role` codes, never of names.
import { type AnyPgColumn, date, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

export const agencies = pgTable(
  "agencies",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    shortName: text("short_name"),
    /** Role code from GLOSSARY (BO_TU_PHAP, CUC_BTNN, SO_TU_PHAP, THADS_TINH, …). */
    role: text("role").notNull(),
    /** Province code for provincial/local agencies; null for central ones. */
    provinceCode: text("province_code"),
    parentId: text("parent_id").references((): AnyPgColumn => agencies.id),
    validFrom: date("valid_from", { mode: "string" }),
    validTo: date("valid_to", { mode: "string" }),
    /** Normalised name (NFD, no marks, đ→d, lower case) computed in TS for diacritics-insensitive search. */
    searchText: text("search_text").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("agencies_parent_idx").on(t.parentId),
    index("agencies_role_idx").on(t.role),
    index("agencies_province_idx").on(t.provinceCode),
  ],
);

/** Successor links: `agencyId` was succeeded (merged, renamed, split) by `successorId` from `since`. */
export const agencySuccessors = pgTable(
  "agency_successors",
  {
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    successorId: text("successor_id")
      .notNull()
      .references(() => agencies.id),
    since: date("since", { mode: "string" }),
    note: text("note"),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.successorId] }),
    index("agency_successors_successor_idx").on(t.successorId),
  ],
);
