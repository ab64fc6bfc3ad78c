// Fast bulk path for benchmark volumes: multiplies the claims already in the database (with their events and stored
// deadlines) by copying them server-side (INSERT … SELECT in one transaction) instead of generating, validating and
// sending every row again. Used to reach 100× national volume from a 10× seed in seconds: the copies have the same
// distributions (fields, agencies, phases, dates, amounts) as the generated seed, new ids and codes `<code>/<k>`.
// Every copied history was validated by the claims domain when the original was imported; one audit row records it.
import { sql } from "drizzle-orm";
import { SYSTEM_SCOPE } from "../../domain/access/scope.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../audit.ts";
import { refreshClaimStatistics } from "../repositories/claim-statistics.ts";
import type { Database } from "../types.ts";

async function columnsOf(database: Database, table: string): Promise<string[]> {
  const rows = await database.query<{ column_name: string }>(
    "select column_name from information_schema.columns where table_schema = current_schema() and table_name = $1 order by ordinal_position",
    [table],
  );
  return rows.map((r) => r.column_name);
}

/**
 * Makes the claim set `factor` times as large: `factor - 1` copies of every claim present (events and deadlines
 * included). Returns the number of claims afterwards. `factor` is an integer 2 … 100.
 */
export async function replicateClaims(database: Database, factor: number): Promise<{ claims: number }> {
  if (!Number.isInteger(factor) || factor < 2 || factor > 100)
    throw new DomainError("invalid_scale", "factor", "Hệ số nhân bản phải là số nguyên từ 2 đến 100.");
  const [claimCols, eventCols, deadlineCols, standingCols] = await Promise.all([
    columnsOf(database, "claims"),
    columnsOf(database, "claim_events"),
    columnsOf(database, "claim_deadlines"),
    columnsOf(database, "claim_statistics"),
  ]);
  const q = (c: string) => `"${c}"`;
  const rest = (cols: string[], skip: string[]) => cols.filter((c) => !skip.includes(c));
  const claimRest = rest(claimCols, ["id", "code", "search_text"]);
  const eventRest = rest(eventCols, ["id", "claim_id"]);
  const deadlineRest = rest(deadlineCols, ["id", "claim_id"]);
  const standingRest = rest(standingCols, ["claim_id"]);
  const [{ n }] = await database.query<{ n: number }>("select count(*)::int as n from claims");
  const before = Number(n);
  await database.db.transaction(async (tx) => {
    await tx.execute(
      sql.raw(
        `create temp table claim_copy_map on commit drop as
         select c.id as old_id, k, gen_random_uuid() as new_id from claims c cross join generate_series(1, ${factor - 1}) as k`,
      ),
    );
    await tx.execute(
      sql.raw(
        `insert into claims (id, code, search_text, ${claimRest.map(q).join(", ")})
         select m.new_id, c.code || '/' || m.k, c.search_text || ' ' || lower(c.code) || '/' || m.k, ${claimRest.map((c) => `c.${q(c)}`).join(", ")}
         from claims c join claim_copy_map m on m.old_id = c.id`,
      ),
    );
    await tx.execute(
      sql.raw(
        `insert into claim_events (claim_id, ${eventRest.map(q).join(", ")})
         select m.new_id, ${eventRest.map((c) => `e.${q(c)}`).join(", ")}
         from claim_events e join claim_copy_map m on m.old_id = e.claim_id`,
      ),
    );
    await tx.execute(
      sql.raw(
        `insert into claim_deadlines (claim_id, ${deadlineRest.map(q).join(", ")})
         select m.new_id, ${deadlineRest.map((c) => `d.${q(c)}`).join(", ")}
         from claim_deadlines d join claim_copy_map m on m.old_id = d.claim_id`,
      ),
    );
    // Standing rows follow the copied histories. A copy has no attribute changes of its own (the audit log is not
    // copied): copies of claims that had some are recomputed.
    await tx.execute(
      sql.raw(
        `insert into claim_statistics (claim_id, ${standingRest.map(q).join(", ")})
         select m.new_id, ${standingRest.map((c) => `s.${q(c)}`).join(", ")}
         from claim_statistics s join claim_copy_map m on m.old_id = s.claim_id`,
      ),
    );
    await tx.execute(
      sql.raw(
        `insert into claim_pending_deadlines (claim_id, position, due)
         select m.new_id, p.position, p.due from claim_pending_deadlines p join claim_copy_map m on m.old_id = p.claim_id`,
      ),
    );
    const changed = await tx.execute(
      sql.raw(
        `select m.new_id as id from claim_copy_map m where exists (select 1 from audit_log a
           where a.entity = 'claim' and a.action = 'claim.update' and a.entity_id = m.old_id::text)`,
      ),
    );
    await refreshClaimStatistics(
      tx,
      (changed as unknown as { rows: Array<{ id: string }> }).rows.map((r) => r.id),
    );
    await appendAudit(tx, {
      ...auditActor(SYSTEM_SCOPE),
      action: "claim.import",
      entity: "claim",
      entity_id: null,
      after: { count: before * (factor - 1), replicated_from: before, factor },
    });
  });
  await database.exec(
    "analyze claims; analyze claim_events; analyze claim_deadlines; analyze claim_statistics; analyze claim_pending_deadlines",
  );
  return { claims: before * factor };
}
