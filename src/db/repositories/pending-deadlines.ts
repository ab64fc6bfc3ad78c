// Keeps claim_pending_deadlines (the pending duties of the open claims, src/db/schema/claim-statistics.ts) in step with
// claim_deadlines and claims.open: every write of a claim's deadlines or state calls refreshPendingDeadlines in its own
// transaction, AFTER both the deadline rows and the claim row are written (the rows are selected from them).
// ensurePendingDeadlines rebuilds the table when its derivation version in derived_versions differs (first start after
// the migration, a restored older backup): idempotent, run at every start-up and after every restore.
import { inArray, type SQL, sql } from "drizzle-orm";
import { claims as c, claimPendingDeadlines, claimDeadlines as d } from "../schema/index.ts";
import type { AppDb } from "../types.ts";
import { ensureDerivedTable } from "./derived-tables.ts";

/** Raise when PENDING changes: stored rows are then rebuilt. */
export const PENDING_DEADLINES_VERSION = 1;
const NAME = "claim_pending_deadlines";
const CHUNK = 2000;

/** A duty still to be done (the dashboard's "pending": not met, late or cancelled) of a claim still being handled. */
const PENDING = sql`${c.open} and ${d.kind} = 'deadline' and ${d.status} in ('open', 'overdue') and ${d.due} is not null`;

const insertPending = (where: SQL) => sql`insert into ${claimPendingDeadlines} (claim_id, position, due)
  select ${d.claimId}, ${d.position}, ${d.due} from ${d} join ${c} on ${c.id} = ${d.claimId}
  where ${PENDING} and ${where}`;

/** Rewrites the pending rows of these claims from their stored deadlines and state (same transaction). */
export async function refreshPendingDeadlines(tx: AppDb, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    await tx.delete(claimPendingDeadlines).where(inArray(claimPendingDeadlines.claimId, chunk));
    await tx.execute(insertPending(inArray(d.claimId, chunk)));
  }
}

/** Rebuilds every pending row unless the table already follows PENDING_DEADLINES_VERSION. */
export function ensurePendingDeadlines(db: AppDb): Promise<boolean> {
  return ensureDerivedTable(db, NAME, PENDING_DEADLINES_VERSION, async (tx) => {
    await tx.delete(claimPendingDeadlines);
    await tx.execute(insertPending(sql`true`));
  });
}
