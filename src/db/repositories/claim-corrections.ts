// Cải chính of a claim: one recorded step corrected or voided, or claim fields (receipt date = the `received` step)
// changed, with a reason. In ONE transaction: the step/fields change in place (so deadlines, statistics and the
// calendar read the corrected file), the correction row keeps the original and the reason, state and deadlines are
// recomputed, and the audit row is written. A closed file (paid, refused, terminated) needs claims.correct_closed.
import { eq } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import { defaultCalendar } from "../../domain/calendar/index.ts";
import {
  type ClaimExtensions,
  computeDeadlines,
  correctHistory,
  correctionNeedsLeader,
  replay,
  requireReason,
  type StepCorrection,
} from "../../domain/claims/index.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../audit.ts";
import { claimCorrections, claimDocuments, claimEvents, claims } from "../schema/index.ts";
import { requirePermission } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { refreshClaimStatistics } from "./claim-statistics.ts";
import {
  auditForm,
  type ClaimDetail,
  type ClaimInput,
  checkAmount,
  checkFieldLaw,
  claimSearchText,
  factsFromEvents,
  getClaim,
  historyOf,
  loadEvents,
  lockClaim,
  mergeExtensions,
  PATCH_COLUMNS,
  requireClaimAgencies,
  stateColumns,
  storeDeadlines,
} from "./claims.ts";
import { todayVn } from "./common.ts";
import { refreshPendingDeadlines } from "./pending-deadlines.ts";

/** Claim fields a correction may change: every field, amounts and the applicable law included. */
export type ClaimFieldsCorrection = Partial<Omit<ClaimInput, "events">>;

export type CorrectionInput = {
  reason: string;
  event?: StepCorrection & { data?: Record<string, unknown> | null };
  fields?: ClaimFieldsCorrection;
};

const FIELD_COLUMNS: Record<string, keyof typeof claims.$inferInsert> = {
  ...PATCH_COLUMNS,
  law_version: "lawVersion",
  amount_requested: "amountRequested",
  amount_decided: "amountDecided",
  amount_paid: "amountPaid",
  amount_advance: "amountAdvance",
};

export async function correctClaim(
  db: AppDb,
  scope: Scope,
  id: string,
  input: CorrectionInput,
  opts: { expected_version?: number; today?: string } = {},
): Promise<ClaimDetail> {
  requirePermission(scope, "claims.write");
  const reason = requireReason(input.reason);
  if (!input.event === !input.fields)
    throw new DomainError(
      "invalid_input",
      "event",
      "Mỗi lần cải chính một bước (event) hoặc các trường của vụ việc (fields), không cả hai.",
    );
  const fields = input.fields ?? {};
  for (const k of Object.keys(fields))
    if (!(k in FIELD_COLUMNS))
      throw new DomainError("invalid_input", `fields.${k}`, `fields.${k}: không cải chính được.`);
  checkFieldLaw(fields.field, fields.law_version);
  for (const k of ["amount_requested", "amount_decided", "amount_paid", "amount_advance"] as const)
    checkAmount(fields[k], `fields.${k}`);
  if (fields.claimant_name !== undefined && !fields.claimant_name?.trim())
    throw new DomainError("required", "fields.claimant_name", "Thiếu tên người yêu cầu bồi thường.");
  const today = opts.today ?? todayVn();
  await db.transaction(async (tx) => {
    const before = await lockClaim(tx, scope, id, opts.expected_version);
    if (fields.handling_agency_id !== undefined || fields.managing_agency_id)
      await requireClaimAgencies(
        tx,
        scope,
        fields.handling_agency_id ?? before.handlingAgencyId,
        fields.managing_agency_id === undefined ? before.managingAgencyId : fields.managing_agency_id,
        "fields.",
      );
    const closed = correctionNeedsLeader(before.state);
    if (closed) requirePermission(scope, "claims.correct_closed");
    const stored = await loadEvents(tx, id);
    const set: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) set[FIELD_COLUMNS[k]] = v;
    const merged = { ...before, ...set } as typeof before;
    let events = stored;
    let correction: { target: "event" | "claim"; action: string; eventId: string | null; b: unknown; a: unknown };
    if (input.event) {
      const c = input.event;
      const r = correctHistory(
        { law: merged.lawVersion as "law_2017", complex: merged.complex },
        stored.map((e) => ({
          id: e.id,
          seq: e.seq,
          type: e.type as never,
          date: e.date,
          ...(e.ground != null ? { ground: e.ground } : {}),
          ...(e.note != null ? { note: e.note } : {}),
        })),
        c,
        today,
      );
      const original = stored.find((e) => e.id === c.event_id)!;
      if (c.action === "void") {
        // Documents of a voided step stay on the claim, detached from the step.
        await tx.update(claimDocuments).set({ eventId: null }).where(eq(claimDocuments.eventId, original.id));
        await tx.delete(claimEvents).where(eq(claimEvents.id, original.id));
        events = stored.filter((e) => e.id !== original.id);
      } else {
        const after = r.after!;
        const data = c.data === undefined ? original.data : c.data;
        // The step's data is checked (and normalised) as when it was recorded.
        const one = [{ type: after.type, date: after.date, data: data as Record<string, unknown> | null }];
        factsFromEvents(one, merged.lawVersion, { live: false, path: () => "event.data" });
        const [row] = await tx
          .update(claimEvents)
          .set({ date: after.date, ground: after.ground ?? null, note: after.note ?? null, data: one[0].data ?? null })
          .where(eq(claimEvents.id, original.id))
          .returning();
        events = stored.map((e) => (e.id === row.id ? row : e));
      }
      correction = {
        target: "event",
        action: c.action,
        eventId: original.id,
        b: {
          type: original.type,
          date: original.date,
          ground: original.ground,
          note: original.note,
          data: original.data,
        },
        a:
          c.action === "void"
            ? null
            : {
                type: r.after!.type,
                date: r.after!.date,
                ground: r.after!.ground ?? null,
                note: r.after!.note ?? null,
              },
      };
    } else {
      const b: Record<string, unknown> = {};
      const form = auditForm(before) as Record<string, unknown>;
      for (const k of Object.keys(fields)) b[k] = form[k];
      correction = { target: "claim", action: "correct", eventId: null, b, a: fields };
    }
    events = [...events].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.seq - y.seq));
    // Amounts and agreed extensions follow the corrected steps unless the correction sets them itself.
    const facts = factsFromEvents(
      events.map((e) => ({ type: e.type, date: e.date, data: e.data as Record<string, unknown> | null })),
      merged.lawVersion,
      { live: false },
    );
    const extensions = mergeExtensions(merged.extensions as ClaimExtensions | null, facts.extensions);
    const history = historyOf(merged.lawVersion, merged.complex, extensions, events);
    const state = replay(history);
    await storeDeadlines(tx, id, computeDeadlines(history, defaultCalendar, today));
    const amounts = input.event ? facts.amounts : {};
    const [after] = await tx
      .update(claims)
      .set({
        ...set,
        ...amounts,
        ...stateColumns(state, history),
        searchText: await claimSearchText(tx, merged),
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(claims.id, id))
      .returning();
    const [row] = await tx
      .insert(claimCorrections)
      .values({
        claimId: id,
        target: correction.target,
        action: correction.action,
        eventId: correction.eventId,
        before: correction.b as never,
        after: correction.a as never,
        reason,
        closedClaim: closed,
        correctedBy: scope.userId,
      })
      .returning({ id: claimCorrections.id });
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "claim.correct",
      entity: "claim",
      entity_id: id,
      before: { ...auditForm(before), correction: correction.b },
      after: {
        ...auditForm(after),
        correction_id: row.id,
        target: correction.target,
        action: correction.action,
        correction: correction.a,
        reason,
        closed_claim: closed,
      },
    });
    await refreshClaimStatistics(tx, [id]);
    await refreshPendingDeadlines(tx, [id]);
  });
  return getClaim(db, scope, id, { unmask: false });
}
