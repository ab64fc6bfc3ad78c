// The statistics standing of each claim (src/domain/statistics/standing.ts): derived data, rewritten in the transaction
// of every write that changes a claim (src/db/repositories/claim-statistics.ts), read by the dashboard as one
// aggregate. `derived_versions` says which version of the derivation the stored rows follow: a database whose rows are
// older (or missing: first start after the migration, a restored older backup) is rebuilt once, at start-up.
import { boolean, date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { claims } from "./claims.ts";

export const claimStatistics = pgTable(
  "claim_statistics",
  {
    claimId: uuid("claim_id")
      .notNull()
      .references(() => claims.id),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    /** Last day of the interval (inclusive); null = still so today and after. */
    validTo: date("valid_to", { mode: "string" }),
    field: text("field").notNull(),
    /** Handling agency on those days as recorded (its successor is resolved when a period is read). */
    agencyId: text("agency_id").notNull(),
    venue: text("venue").notNull(),
    startOn: date("start_on", { mode: "string" }).notNull(),
    courtBasis: text("court_basis"),
    finishOn: date("finish_on", { mode: "string" }),
    finishKind: text("finish_kind"),
    suspended: boolean("suspended").notNull(),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.validFrom] })],
);

/** The pending duties of the open claims — the claim_deadlines rows of kind "deadline", status open / overdue, with a
 * due date, of claims that are open — as (claim, position, due): derived data kept narrow so the dashboard counts
 * "overdue" and "due this week" without reading the wide claim_deadlines rows or the claims (bench/volume.bench.ts).
 * Rewritten in the transaction of every write of a claim's deadlines or state (src/db/repositories/pending-deadlines.ts). */
export const claimPendingDeadlines = pgTable(
  "claim_pending_deadlines",
  {
    claimId: uuid("claim_id")
      .notNull()
      .references(() => claims.id),
    /** claim_deadlines.position of the duty. */
    position: integer("position").notNull(),
    due: date("due", { mode: "string" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.position] }), index("claim_pending_deadlines_due_idx").on(t.due)],
);

export const derivedVersions = pgTable("derived_versions", {
  name: text("name").primaryKey(),
  version: integer("version").notNull(),
});
