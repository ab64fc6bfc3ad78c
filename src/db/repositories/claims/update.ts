// Updating a claim's fields with optimistic concurrency (expected version → "stale_version"); a change of law,
// complexity or extensions replays the history and recomputes the deadlines.
import { and, eq } from "drizzle-orm";
import { keepMaskedPersonal } from "../../../domain/access/mask.ts";
import type { Scope } from "../../../domain/access/scope.ts";
import { defaultCalendar } from "../../../domain/calendar/index.ts";
import {
  computeDeadlines,
  refuseClosedFileEdit,
  refuseEventDerivedFields,
  replay,
} from "../../../domain/claims/index.ts";
import { DomainError } from "../../../domain/shared/errors.ts";
import { appendAudit, auditActor, auditDiff } from "../../audit.ts";
import { claims } from "../../schema/index.ts";
import { requirePermission } from "../../scope.ts";
import type { AppDb } from "../../types.ts";
import { refreshClaimStatistics } from "../claim-statistics.ts";
import { staleVersion, todayVn } from "../common.ts";
import { refreshPendingDeadlines } from "../pending-deadlines.ts";
import {
  auditForm,
  type ClaimDetail,
  type ClaimPatch,
  type ClaimRow,
  checkFieldLaw,
  claimSearchText,
  historyOf,
  loadEvents,
  lockClaim,
  type Options,
  PATCH_COLUMNS,
  requireAgenciesExist,
  requireClaimAgencies,
  stateColumns,
  storeDeadlines,
} from "./model.ts";
import { getClaim } from "./read.ts";

/**
 * Updates claim fields when `expectedVersion` is still current (else DomainError "stale_version", nothing written).
 * A change of law, complexity or extensions replays the history (must stay lawful) and recomputes the deadlines.
 */
export async function updateClaim(
  db: AppDb,
  scope: Scope,
  id: string,
  expectedVersion: number,
  patch: ClaimPatch,
  opts: Options = {},
): Promise<ClaimDetail> {
  requirePermission(scope, "claims.write");
  refuseEventDerivedFields(patch);
  checkFieldLaw(patch.field, undefined);
  if (patch.claimant_name !== undefined && !patch.claimant_name?.trim())
    throw new DomainError("required", "claimant_name", "Thiếu tên người yêu cầu bồi thường.");
  await db.transaction(async (tx) => {
    const before = await lockClaim(tx, scope, id, expectedVersion);
    refuseClosedFileEdit(before.state);
    patch = keepMaskedPersonal(patch, {
      claimant_id_number: before.claimantIdNumber,
      claimant_address: before.claimantAddress,
      claimant_phone: before.claimantPhone,
    });
    if (patch.handling_agency_id !== undefined || patch.managing_agency_id)
      await requireClaimAgencies(
        tx,
        scope,
        patch.handling_agency_id ?? before.handlingAgencyId,
        patch.managing_agency_id === undefined ? before.managingAgencyId : patch.managing_agency_id,
      );
    await requireAgenciesExist(tx, [
      ["handling_agency_id", patch.handling_agency_id],
      ["managing_agency_id", patch.managing_agency_id],
    ]);
    const set: Record<string, unknown> = {};
    for (const [k, col] of Object.entries(PATCH_COLUMNS)) {
      const v = patch[k as keyof ClaimPatch];
      if (v !== undefined) set[col] = v;
    }
    const agencyAfter = patch.handling_agency_id ?? before.handlingAgencyId;
    const codeAfter = patch.code ?? before.code;
    if (codeAfter !== before.code || agencyAfter !== before.handlingAgencyId) {
      const [dup] = await tx
        .select({ id: claims.id })
        .from(claims)
        .where(and(eq(claims.handlingAgencyId, agencyAfter), eq(claims.code, codeAfter)));
      if (dup)
        throw new DomainError("duplicate", "code", `Mã vụ việc "${codeAfter}" đã có trong sổ thụ lý của cơ quan.`);
    }
    const merged = { ...before, ...set } as ClaimRow;
    if (patch.complex !== undefined || patch.extensions !== undefined) {
      const events = await loadEvents(tx, id);
      const history = historyOf(merged.lawVersion, merged.complex, merged.extensions, events);
      const state = replay(history);
      Object.assign(set, stateColumns(state, history));
      await storeDeadlines(
        tx,
        id,
        computeDeadlines(history, opts.calendar ?? defaultCalendar, opts.as_of ?? todayVn()),
      );
    }
    set.searchText = await claimSearchText(tx, merged);
    const [after] = await tx
      .update(claims)
      .set({ ...set, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(claims.id, id), eq(claims.version, expectedVersion)))
      .returning();
    if (!after) throw staleVersion("Vụ việc", expectedVersion, before.version + 1);
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "claim.update",
      entity: "claim",
      entity_id: id,
      ...auditDiff(auditForm(before), auditForm(after)),
    });
    await refreshClaimStatistics(tx, [id]);
    await refreshPendingDeadlines(tx, [id]);
  });
  return getClaim(db, scope, id, { unmask: false });
}
