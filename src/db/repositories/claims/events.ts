// Recording one event live: the claims domain decides (checkLiveStep); state, facts and deadlines recomputed and
// stored with the audit row in one transaction.
import { eq } from "drizzle-orm";
import type { Scope } from "../../../domain/access/scope.ts";
import { defaultCalendar } from "../../../domain/calendar/index.ts";
import { type ClaimExtensions, checkLiveStep, computeDeadlines, replay } from "../../../domain/claims/index.ts";
import { appendAudit, auditActor, auditDiff } from "../../audit.ts";
import { claimEvents, claims } from "../../schema/index.ts";
import { requirePermission } from "../../scope.ts";
import type { AppDb } from "../../types.ts";
import { refreshClaimStatistics } from "../claim-statistics.ts";
import { todayVn } from "../common.ts";
import { refreshPendingDeadlines } from "../pending-deadlines.ts";
import {
  auditForm,
  type ClaimDetail,
  type ClaimEventInput,
  eventDto,
  factsFromEvents,
  historyOf,
  loadEvents,
  lockClaim,
  mergeExtensions,
  type Options,
  stateColumns,
  storeDeadlines,
} from "./model.ts";
import { getClaim } from "./read.ts";

/**
 * Records one event live. The claims domain decides (`checkLiveStep`) whether it is the next lawful step, dated
 * between the previous step and today (Vietnam); if not, its
 * DomainError is thrown and nothing is written. Then state and deadlines are recomputed and stored, with the audit
 * row, in the same transaction. `expected_version` (optional) guards against concurrent edits.
 */
export async function addClaimEvent(
  db: AppDb,
  scope: Scope,
  id: string,
  event: ClaimEventInput,
  opts: Options & { expected_version?: number } = {},
): Promise<ClaimDetail> {
  requirePermission(scope, "claims.write");
  await db.transaction(async (tx) => {
    const before = await lockClaim(tx, scope, id, opts.expected_version);
    const stored = await loadEvents(tx, id);
    const history = historyOf(before.lawVersion, before.complex, before.extensions, stored);
    const refusal = checkLiveStep(history, event, opts.today ?? opts.as_of ?? todayVn());
    if (refusal) throw refusal;
    // Live recording: the step must carry what it produces (officer, amounts, decision number …).
    const facts = factsFromEvents([event], before.lawVersion, { live: true, path: () => "data" });
    const amounts = facts.amounts;
    const extensions = mergeExtensions(before.extensions as ClaimExtensions | null, facts.extensions);
    const nextSeq = stored.reduce((m, e) => Math.max(m, e.seq), 0) + 1;
    const [inserted] = await tx
      .insert(claimEvents)
      .values({
        claimId: id,
        seq: nextSeq,
        type: event.type,
        date: event.date,
        ground: event.ground === "dd" ? "đ" : (event.ground ?? null),
        note: event.note ?? null,
        data: event.data ?? null,
        recordedBy: scope.userId,
      })
      .returning();
    const events = [...stored, inserted].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq));
    const newHistory = historyOf(before.lawVersion, before.complex, extensions, events);
    const state = replay(newHistory);
    await storeDeadlines(
      tx,
      id,
      computeDeadlines(newHistory, opts.calendar ?? defaultCalendar, opts.as_of ?? opts.today ?? todayVn()),
    );
    const [after] = await tx
      .update(claims)
      .set({
        ...stateColumns(state, newHistory),
        ...amounts,
        extensions: extensions ?? null,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(claims.id, id))
      .returning();
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "claim.event.add",
      entity: "claim",
      entity_id: id,
      before: { state: before.state, version: before.version },
      after: {
        event: eventDto(inserted),
        state: after.state,
        version: after.version,
        ...auditDiff(auditForm(before), auditForm(after)).after,
      },
    });
    await refreshClaimStatistics(tx, [id]);
    await refreshPendingDeadlines(tx, [id]);
  });
  return getClaim(db, scope, id, { unmask: false });
}
