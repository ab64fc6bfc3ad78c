// Consolidation by the opener (carried up to the parent round when there is one) and the final DOCX / XLSX export.
import { and, eq } from "drizzle-orm";
import { buildSheet, renderOfficialDocument, XLSX_MIME } from "../../../documents/index.ts";
import type { Scope } from "../../../domain/access/scope.ts";
import {
  type Consolidated,
  carriedLate,
  carryUp,
  consolidate,
  FEED_UP_RULE,
  type FigureSnapshot,
  type Narrative,
  reportDocumentInput,
  reportSheetInput,
} from "../../../domain/reports/index.ts";
import { type Period, type PeriodKind, reportPeriod } from "../../../domain/statistics/index.ts";
import { appendAudit, auditActor } from "../../audit.ts";
import { reportRounds, reportSubmissions } from "../../schema/index.ts";
import { requirePermission } from "../../scope.ts";
import type { AppDb } from "../../types.ts";
import { notFound, staleVersion, todayVn } from "../common.ts";

import { agencyRow, getRound, type Opts } from "./rounds.ts";
import { derivedFigures } from "./submissions.ts";
import { getTemplate } from "./templates.ts";

/** Consolidation by the opener: sums the submitted snapshots; also derives its whole scope afresh to show gaps. */
export async function consolidateRound(
  db: AppDb,
  scope: Scope,
  roundId: string,
  input: { narrative?: Narrative },
  opts: Opts = {},
) {
  requirePermission(scope, "plans.write");
  const round = await getRound(db, scope, roundId, opts);
  if (!round.can_consolidate) throw notFound("kỳ báo cáo");
  const data = sumSubmissions(round, input.narrative);
  const derived = await derivedFigures(db, scope, { from: round.period_from, to: round.period_to }, round.agency_id);
  const today = opts.today ?? todayVn();
  const consolidated: Consolidated & { derived_total: FigureSnapshot["total"]; carried_to?: CarriedTo } = {
    ...data,
    derived_total: derived.total,
  };
  await db.transaction(async (tx) => {
    // Province round feeding a national round (seed 001 §III): its consolidation becomes the opener's submission
    // there — figures and narrative carried up, never retyped — unless that submission was already sent.
    if (round.parent_round_id) {
      const carried = await carryToParent(tx, scope, round.parent_round_id, round.agency_id, roundId, data, today);
      if (carried) consolidated.carried_to = carried;
    }
    const [after] = await tx
      .update(reportRounds)
      .set({
        consolidated,
        consolidatedOn: today,
        status: "consolidated",
        version: round.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(reportRounds.id, roundId), eq(reportRounds.version, round.version)))
      .returning();
    if (!after) throw staleVersion("Kỳ báo cáo", round.version, round.version + 1);
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "report_round.consolidate",
      entity: "report_round",
      entity_id: roundId,
      before: { status: round.status },
      after: { status: "consolidated", included: data.included, missing: data.missing },
    });
  });
  return getRound(db, scope, roundId, opts);
}

type CarriedTo = { round_id: string; submission_id: string; on: string; late: boolean; basis: string };

/** Writes the province's consolidation as its submission in the parent round (same transaction); null if not open. */
async function carryToParent(
  tx: AppDb,
  scope: Scope,
  parentId: string,
  agencyId: string,
  roundId: string,
  data: Consolidated,
  today: string,
): Promise<CarriedTo | null> {
  const [parent] = await tx.select().from(reportRounds).where(eq(reportRounds.id, parentId));
  if (parent?.status !== "open") return null;
  const [sub] = await tx
    .select()
    .from(reportSubmissions)
    .where(and(eq(reportSubmissions.roundId, parentId), eq(reportSubmissions.agencyId, agencyId)))
    .for("update");
  if (!sub || sub.status === "submitted") return null;
  const { figures, narrative } = carryUp(data, roundId);
  const late = carriedLate(today, parent.deadline);
  const [after] = await tx
    .update(reportSubmissions)
    .set({
      figures,
      narrative,
      status: "submitted",
      submittedOn: today,
      submittedBy: scope.userId,
      late,
      version: sub.version + 1,
      updatedAt: new Date(),
    })
    .where(and(eq(reportSubmissions.id, sub.id), eq(reportSubmissions.version, sub.version)))
    .returning();
  if (!after) throw staleVersion("Báo cáo", sub.version, sub.version + 1);
  await appendAudit(tx, {
    ...auditActor(scope),
    action: "report_submission.submit",
    entity: "report_submission",
    entity_id: sub.id,
    before: { status: sub.status },
    after: { status: "submitted", late, submitted_on: today, from_round_id: roundId, narrative },
  });
  return { round_id: parentId, submission_id: sub.id, on: today, late, basis: FEED_UP_RULE.basis };
}

/** The final report: DOCX (Decree 30 báo cáo) or XLSX (indicator table). Uses the consolidation, else sums live. */
export async function exportRound(db: AppDb, scope: Scope, roundId: string, format: "docx" | "xlsx", opts: Opts = {}) {
  const round = await getRound(db, scope, roundId, opts);
  const template = await getTemplate(db, round.template_id);
  const data = round.consolidated ?? sumSubmissions(round);
  const opener = await agencyRow(db, round.agency_id, "agency_id");
  const national = opener.role === "CUC_BTNN" || opener.role === "BO_TU_PHAP";
  const province = opener.name.replace(/^Sở Tư pháp (tỉnh |thành phố )?/u, "");
  const period: Period = {
    from: round.period_from,
    to: round.period_to,
    label: reportPeriod(
      round.period_kind as PeriodKind,
      Number(round.period_to.slice(0, 4)),
      round.period_kind === "custom"
        ? { from: round.period_from, to: round.period_to }
        : { half: round.period_from.slice(5, 7) === "07" ? 2 : 1 },
    ).label,
  };
  const fileBase = `bao-cao-${round.period_from}-${round.period_to}`;
  if (format === "xlsx") {
    const buf = await buildSheet(
      reportSheetInput(template, data, { period, agencyName: opener.name, generatedAt: opts.today ?? todayVn() }),
    );
    return {
      buffer: buf,
      fileName: `${fileBase}.xlsx`,
      mime: XLSX_MIME,
    };
  }
  const input = reportDocumentInput(template, data, {
    period,
    date: round.consolidated_on ?? undefined,
    scopeLabel: national ? "trên phạm vi toàn quốc" : `trên địa bàn ${province}`,
    issuer: national
      ? {
          parent: "BỘ TƯ PHÁP",
          name: "CỤC BỒI THƯỜNG NHÀ NƯỚC",
          short_code: "BTNN",
          place: "Hà Nội",
          signer: { title: "CỤC TRƯỞNG", name: "(ký, ghi rõ họ tên)" },
          recipients: ["Lãnh đạo Bộ (để báo cáo)"],
        }
      : {
          parent: `UBND ${opener.name.replace(/^Sở Tư pháp /u, "").toLocaleUpperCase("vi")}`,
          name: "SỞ TƯ PHÁP",
          short_code: "STP",
          place: province.replace(/^(tỉnh|thành phố) /u, ""),
          signer: { title: "GIÁM ĐỐC", name: "(ký, ghi rõ họ tên)" },
          recipients: ["Bộ Tư pháp (Cục Bồi thường nhà nước)", "UBND tỉnh (để báo cáo)"],
        },
  });
  const buf = await renderOfficialDocument(input);
  return {
    buffer: buf,
    fileName: `${fileBase}.docx`,
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  };
}

/** The round's submissions summed, with the opening agency's own narrative when it wrote one. */
function sumSubmissions(round: Awaited<ReturnType<typeof getRound>>, narrative?: Narrative) {
  return consolidate(
    round.submissions.map((s) => ({
      agency_id: s.agency_id,
      agency_name: s.agency_name,
      status: s.status,
      figures: s.figures,
      narrative: s.narrative,
    })),
    narrative,
  );
}
