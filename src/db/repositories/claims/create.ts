// Creating a claim: live (its events recorded as they happen) or backfill (an existing case, may lack steps); the
// register code, state, deadlines and audit row in one transaction.
import { randomUUID } from "node:crypto";
import type { Scope } from "../../../domain/access/scope.ts";
import { defaultCalendar } from "../../../domain/calendar/index.ts";
import { computeDeadlines, replay } from "../../../domain/claims/index.ts";
import { formatVi } from "../../../domain/shared/dates.ts";
import { DomainError } from "../../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../../audit.ts";
import { claimEvents, claims } from "../../schema/index.ts";
import { requirePermission } from "../../scope.ts";
import type { AppDb } from "../../types.ts";
import { refreshClaimStatistics } from "../claim-statistics.ts";
import { todayVn } from "../common.ts";
import { refreshPendingDeadlines } from "../pending-deadlines.ts";
import {
  auditForm,
  type ClaimDetail,
  type ClaimInput,
  checkAmount,
  checkFieldLaw,
  checkLiveHistory,
  claimSearchText,
  factsFromEvents,
  historyOf,
  mergeExtensions,
  type Options,
  registerCode,
  requireAgenciesExist,
  requireClaimAgencies,
  storeDeadlines,
} from "./model.ts";
import { newClaimRow, newEventRows } from "./new-rows.ts";
import { getClaim } from "./read.ts";

/**
 * Creates a claim. Live (default): its events are recorded as they happen (checkLiveHistory). Backfill
 * (`mode: "backfill"`, permission claims.backfill): an existing case's history that may start anywhere and lack steps;
 * the missing steps are kept in the audit row as "chưa ghi nhận" warnings.
 */
export async function createClaim(
  db: AppDb,
  scope: Scope,
  input: ClaimInput,
  opts: Options & { mode?: "live" | "backfill" } = {},
): Promise<ClaimDetail> {
  requirePermission(scope, "claims.write");
  const backfill = opts.mode === "backfill";
  if (backfill) requirePermission(scope, "claims.backfill");
  await requireClaimAgencies(db, scope, input.handling_agency_id, input.managing_agency_id);
  const law = input.law_version ?? "law_2017";
  checkFieldLaw(input.field, law);
  for (const k of ["amount_requested", "amount_decided", "amount_paid", "amount_advance"] as const)
    checkAmount(input[k], k);
  if (!input.claimant_name?.trim())
    throw new DomainError("required", "claimant_name", "Thiếu tên người yêu cầu bồi thường.");
  const events = [...(input.events ?? [])]
    .map((e, i) => ({ ...e, i }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i));
  const facts = factsFromEvents(events, law, { live: false, path: (k) => `events[${events[k].i}].data` });
  const extensions = mergeExtensions(input.extensions, facts.extensions);
  const history = historyOf(law, input.complex ?? false, extensions, events);
  const today = opts.today ?? opts.as_of ?? todayVn();
  if (!backfill) checkLiveHistory(history, today);
  else
    for (const [i, e] of history.events.entries())
      if (e.date > today)
        throw new DomainError(
          "future_date",
          `events[${i}].date`,
          `events[${i}].date: ngày ${formatVi(e.date)} là ngày tương lai; hôm nay là ${formatVi(today)} (giờ Việt Nam).`,
        );
  const state = replay(history); // backfill: throws DomainError at the first contradiction only
  const asOf = opts.as_of ?? today;
  const deadlines = computeDeadlines(history, opts.calendar ?? defaultCalendar, asOf);
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await requireAgenciesExist(tx, [
      ["handling_agency_id", input.handling_agency_id],
      ["managing_agency_id", input.managing_agency_id],
    ]);
    const code = await registerCode(tx, input.handling_agency_id, input.code, history.events[0]?.date ?? today);
    const [row] = await tx
      .insert(claims)
      .values(
        newClaimRow(
          { ...input, claimant_name: input.claimant_name.trim() },
          {
            id,
            code,
            law,
            amounts: facts.amounts,
            extensions,
            state,
            history,
            searchText: await claimSearchText(tx, {
              code,
              claimantName: input.claimant_name,
              summary: input.summary,
              handlingAgencyId: input.handling_agency_id,
              managingAgencyId: input.managing_agency_id,
            }),
            createdBy: scope.userId,
          },
        ),
      )
      .returning();
    if (events.length) await tx.insert(claimEvents).values(newEventRows(id, events, history, scope.userId));
    await storeDeadlines(tx, id, deadlines);
    await appendAudit(tx, {
      ...auditActor(scope),
      action: backfill ? "claim.backfill" : "claim.create",
      entity: "claim",
      entity_id: id,
      after: {
        ...auditForm(row),
        events: events.map(({ i: _i, ...e }) => e),
        ...(backfill ? { unrecorded: state.unrecorded.map((u) => u.message) } : {}),
      },
    });
    await refreshClaimStatistics(tx, [id]);
    await refreshPendingDeadlines(tx, [id]);
  });
  return getClaim(db, scope, id, { unmask: false, skipPermissionAudit: true });
}
