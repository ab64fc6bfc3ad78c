// Recomputing stored deadlines as of a date: one claim, or every open claim (the daily job: open → overdue).
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Scope } from "../../../domain/access/scope.ts";
import { defaultCalendar } from "../../../domain/calendar/index.ts";
import { computeDeadlines } from "../../../domain/claims/index.ts";
import { appendAudit, auditActor } from "../../audit.ts";
import { claimDeadlines, claimEvents, claims } from "../../schema/index.ts";
import { requirePermission } from "../../scope.ts";
import type { AppDb } from "../../types.ts";
import { todayVn } from "../common.ts";
import { refreshPendingDeadlines } from "../pending-deadlines.ts";
import {
  deadlineRows,
  type EventLike,
  historyOf,
  insertDeadlineRowsBulk,
  loadEvents,
  lockClaim,
  type Options,
  storeDeadlines,
  visible,
} from "./model.ts";

/** Recomputes stored deadlines of one claim as of a date (daily job: open → overdue). Audited. */
export async function recomputeClaimDeadlines(db: AppDb, scope: Scope, id: string, opts: Options = {}): Promise<void> {
  requirePermission(scope, "claims.write");
  await db.transaction(async (tx) => {
    const row = await lockClaim(tx, scope, id, undefined);
    const history = historyOf(row.lawVersion, row.complex, row.extensions, await loadEvents(tx, id));
    const asOf = opts.as_of ?? todayVn();
    await storeDeadlines(tx, id, computeDeadlines(history, opts.calendar ?? defaultCalendar, asOf));
    await refreshPendingDeadlines(tx, [id]);
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "claim.deadlines.recompute",
      entity: "claim",
      entity_id: id,
      after: { as_of: asOf },
    });
  });
}

/**
 * Recomputes the stored deadlines of EVERY open claim in scope (after a calendar notice or a legal parameter changed,
 * and the daily open → overdue pass) in batches: per batch ONE transaction locks the claims (FOR UPDATE), reads their
 * events in one query, recomputes with computeDeadlines exactly as single writes do, replaces the rows in one delete +
 * one insert, and writes one audit row (as_of, count, first/last code). Same stored deadlines as calling
 * recomputeClaimDeadlines per claim, without a transaction and an audit row per claim.
 */
export async function recomputeOpenClaimDeadlines(
  db: AppDb,
  scope: Scope,
  opts: Options & { batchSize?: number } = {},
): Promise<{ claims: number; deadlines: number }> {
  requirePermission(scope, "claims.write");
  const asOf = opts.as_of ?? todayVn();
  const calendar = opts.calendar ?? defaultCalendar;
  const batchSize = opts.batchSize ?? 500;
  const sc = visible(scope);
  let cursor: string | null = null;
  let total = 0;
  let stored = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const conds = [eq(claims.open, true), ...(sc ? [sc] : []), ...(cursor ? [sql`${claims.id} > ${cursor}`] : [])];
      const rows = await tx
        .select({
          id: claims.id,
          code: claims.code,
          law: claims.lawVersion,
          complex: claims.complex,
          extensions: claims.extensions,
        })
        .from(claims)
        .where(and(...conds))
        .orderBy(asc(claims.id))
        .limit(batchSize)
        .for("update");
      if (!rows.length) return true;
      const ids = rows.map((r) => r.id);
      const events = await tx
        .select({
          claimId: claimEvents.claimId,
          type: claimEvents.type,
          date: claimEvents.date,
          ground: claimEvents.ground,
          note: claimEvents.note,
        })
        .from(claimEvents)
        .where(inArray(claimEvents.claimId, ids))
        .orderBy(asc(claimEvents.claimId), asc(claimEvents.date), asc(claimEvents.seq));
      const byClaim = new Map<string, EventLike[]>();
      for (const e of events) {
        const l = byClaim.get(e.claimId);
        if (l) l.push(e);
        else byClaim.set(e.claimId, [e]);
      }
      const out: Array<ReturnType<typeof deadlineRows>[number]> = [];
      for (const r of rows) {
        const history = historyOf(r.law, r.complex, r.extensions, byClaim.get(r.id) ?? []);
        out.push(...deadlineRows(r.id, computeDeadlines(history, calendar, asOf)));
      }
      await tx.delete(claimDeadlines).where(inArray(claimDeadlines.claimId, ids));
      await insertDeadlineRowsBulk(tx, out);
      await refreshPendingDeadlines(tx, ids);
      await appendAudit(tx, {
        ...auditActor(scope),
        action: "claim.deadlines.recompute",
        entity: "claim",
        entity_id: null,
        after: { as_of: asOf, count: rows.length, codes: [rows[0].code, rows[rows.length - 1].code] },
      });
      cursor = ids[ids.length - 1];
      total += rows.length;
      stored += out.length;
      return rows.length < batchSize;
    });
    if (done) break;
  }
  return { claims: total, deadlines: stored };
}
