// Bulk import (seed, data migration): histories validated and replayed exactly as single writes, inserted in batches.
import { randomUUID } from "node:crypto";
import type { Scope } from "../../../domain/access/scope.ts";
import { defaultCalendar } from "../../../domain/calendar/index.ts";
import {
  type ClaimExtensions,
  type ClaimHistory,
  type ClaimState,
  computeDeadlines,
  replay,
} from "../../../domain/claims/index.ts";
import { DomainError } from "../../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../../audit.ts";
import { claimCounters, type claimDeadlines, claimEvents, claims } from "../../schema/index.ts";
import { requirePermission } from "../../scope.ts";
import { searchText } from "../../search.ts";
import type { AppDb } from "../../types.ts";
import { refreshClaimStatistics } from "../claim-statistics.ts";
import { todayVn } from "../common.ts";
import { refreshPendingDeadlines } from "../pending-deadlines.ts";
import { raiseCounter } from "../register.ts";
import {
  CLAIM_CODE_RE,
  type ClaimInput,
  checkFieldLaw,
  deadlineRows,
  factsFromEvents,
  historyOf,
  insertDeadlineRowsBulk,
  mergeExtensions,
  type Options,
  requireClaimAgencies,
} from "./model.ts";
import { newClaimRow, newEventRows } from "./new-rows.ts";

/**
 * Bulk import (seed, data migration): each claim's history is validated and replayed by the claims domain and its
 * deadlines computed exactly as for single writes; rows are inserted in batches, one audit row per batch.
 */
export async function importClaims(
  db: AppDb,
  scope: Scope,
  inputs: ReadonlyArray<ClaimInput & { id?: string; code: string }>,
  opts: Options & { agencyNames?: ReadonlyMap<string, string>; batchSize?: number } = {},
): Promise<{ count: number }> {
  requirePermission(scope, "claims.write");
  const asOf = opts.as_of ?? todayVn();
  const calendar = opts.calendar ?? defaultCalendar;
  const batchSize = opts.batchSize ?? 100;
  for (let b = 0; b < inputs.length; b += batchSize) {
    const batch = inputs.slice(b, b + batchSize);
    const claimRows: Array<typeof claims.$inferInsert> = [];
    const eventRows: Array<typeof claimEvents.$inferInsert> = [];
    const deadlineRowsAll: Array<typeof claimDeadlines.$inferInsert> = [];
    for (const [k, input] of batch.entries()) {
      const i = b + k;
      await requireClaimAgencies(db, scope, input.handling_agency_id, input.managing_agency_id, `[${i}].`);
      const law = input.law_version ?? "law_2017";
      checkFieldLaw(input.field, law);
      const events = [...(input.events ?? [])].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
      let history: ClaimHistory;
      let state: ClaimState;
      let facts: ReturnType<typeof factsFromEvents>;
      let extensions: ClaimExtensions | null | undefined;
      try {
        facts = factsFromEvents(events, law, { live: false });
        extensions = mergeExtensions(input.extensions, facts.extensions);
        history = historyOf(law, input.complex ?? false, extensions, events);
        state = replay(history);
      } catch (e) {
        if (e instanceof DomainError)
          throw new DomainError(e.code, `[${i}].${e.field}`, `[${i}] ${input.code}: ${e.message}`);
        throw e;
      }
      const id = input.id ?? randomUUID();
      const name = (aid: string | null | undefined) => (aid ? opts.agencyNames?.get(aid) : undefined);
      claimRows.push(
        newClaimRow(input, {
          id,
          code: input.code,
          law,
          amounts: facts.amounts,
          extensions,
          state,
          history,
          searchText: searchText(
            input.code,
            input.claimant_name,
            input.summary,
            name(input.handling_agency_id),
            input.managing_agency_id !== input.handling_agency_id ? name(input.managing_agency_id) : undefined,
          ),
          createdBy: scope.userId,
        }),
      );
      eventRows.push(...newEventRows(id, events, history, scope.userId));
      deadlineRowsAll.push(...deadlineRows(id, computeDeadlines(history, calendar, asOf)));
    }
    // Register numbers taken over with the claims: each agency's sổ thụ lý continues after the highest one.
    const top = new Map<string, number>();
    for (const r of claimRows) {
      const m = CLAIM_CODE_RE.exec(r.code);
      const key = `${r.handlingAgencyId}\u0000${m?.[1]}`;
      if (m) top.set(key, Math.max(top.get(key) ?? 0, Number(m[2])));
    }
    await db.transaction(async (tx) => {
      await tx.insert(claims).values(claimRows);
      for (const [key, n] of top) {
        const [agencyId, year] = key.split("\u0000");
        await raiseCounter(tx, claimCounters, agencyId, Number(year), n);
      }
      for (let j = 0; j < eventRows.length; j += 1000)
        await tx.insert(claimEvents).values(eventRows.slice(j, j + 1000));
      await insertDeadlineRowsBulk(tx, deadlineRowsAll);
      await appendAudit(tx, {
        ...auditActor(scope),
        action: "claim.import",
        entity: "claim",
        entity_id: null,
        after: { count: claimRows.length, codes: [claimRows[0].code, claimRows[claimRows.length - 1].code] },
      });
      const ids = claimRows.map((r) => r.id as string);
      await refreshClaimStatistics(tx, ids);
      await refreshPendingDeadlines(tx, ids);
    });
  }
  return { count: inputs.length };
}
