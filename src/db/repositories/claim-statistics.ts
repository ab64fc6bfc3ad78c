// Keeps claim_statistics (the statistics standing of each claim, src/domain/statistics/standing.ts) in step with the
// claims: every write that changes a claim's events or attributes calls refreshClaimStatistics in its own transaction,
// after its audit row (attribute changes are dated by the audit log, as /api/statistics reads them).
// ensureClaimStatistics rebuilds the whole table when the stored rows follow another version of the derivation (first
// start after the migration, a restored older backup): idempotent, run at every start-up.
import { inArray, sql } from "drizzle-orm";
import { type StandingInterval, standingIntervals } from "../../domain/statistics/standing.ts";
import { claimStatistics, claims } from "../schema/index.ts";
import type { AppDb } from "../types.ts";
import { ensureDerivedTable } from "./derived-tables.ts";
import { readStatClaims } from "./statistics.ts";

/** Raise when standingIntervals (or the functions it uses) counts differently: stored rows are then rebuilt. */
export const CLAIM_STATISTICS_VERSION = 1;
const NAME = "claim_statistics";
const CHUNK = 2000;

async function insertIntervals(tx: AppDb, rows: Array<StandingInterval & { claim_id: string }>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK));
    await tx.execute(sql`insert into claim_statistics
      (claim_id, valid_from, valid_to, field, agency_id, venue, start_on, court_basis, finish_on, finish_kind, suspended)
      select claim_id, valid_from, valid_to, field, agency_id, venue, start_on, court_basis, finish_on, finish_kind,
        suspended
      from json_to_recordset(${json}::json) as r(claim_id uuid, valid_from date, valid_to date, field text,
        agency_id text, venue text, start_on date, court_basis text, finish_on date, finish_kind text, suspended boolean)`);
  }
}

/** Recomputes the standing rows of these claims from their stored events and attribute changes (same transaction). */
export async function refreshClaimStatistics(tx: AppDb, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const list = await readStatClaims(tx, inArray(claims.id, chunk));
    await tx.delete(claimStatistics).where(inArray(claimStatistics.claimId, chunk));
    await insertIntervals(
      tx,
      list.flatMap((c) => standingIntervals(c).map((r) => ({ ...r, claim_id: c.id }))),
    );
  }
}

/** Rebuilds every claim's standing rows unless they already follow CLAIM_STATISTICS_VERSION. */
export function ensureClaimStatistics(db: AppDb): Promise<boolean> {
  return ensureDerivedTable(db, NAME, CLAIM_STATISTICS_VERSION, async (tx) => {
    await tx.delete(claimStatistics);
    const list = await readStatClaims(tx, undefined);
    await insertIntervals(
      tx,
      list.flatMap((c) => standingIntervals(c).map((r) => ({ ...r, claim_id: c.id }))),
    );
  });
}
