// Submissions of a round: the figures derived for each participant, its narrative (pre-filled from the plan), saving,
// submitting, recalling before consolidation, and the opener's reminders and returns.
import { and, eq, or } from "drizzle-orm";
import type { Scope } from "../../../domain/access/scope.ts";
import {
  type FigureSnapshot,
  type Narrative,
  prefillFromTasks,
  taskOutcomeTexts,
} from "../../../domain/reports/index.ts";
import { DomainError } from "../../../domain/shared/errors.ts";
import {
  computeIndicators,
  INDICATOR_KEYS,
  type IndicatorRow,
  type Period,
  STAT_FIELDS,
} from "../../../domain/statistics/index.ts";
import { appendAudit, auditActor } from "../../audit.ts";
import { plans, planTasks, reportSubmissions, taskInstances } from "../../schema/index.ts";
import { requireAgencyInScope, requirePermission, requireWritableAgencies } from "../../scope.ts";
import type { AppDb } from "../../types.ts";
import { notFound, staleVersion, todayVn } from "../common.ts";
import { insertNotifications } from "../notifications.ts";
import { loadStatClaims } from "../statistics.ts";

import { getRound, type Opts } from "./rounds.ts";
import { getTemplate } from "./templates.ts";

function snapshot(row: IndicatorRow, byField: Record<string, IndicatorRow>): FigureSnapshot {
  const total: FigureSnapshot["total"] = {};
  const claim_ids: FigureSnapshot["claim_ids"] = {};
  for (const k of INDICATOR_KEYS) {
    total[k] = row[k].value;
    if (row[k].claim_ids.length) claim_ids[k] = row[k].claim_ids;
  }
  const by_field: FigureSnapshot["by_field"] = {};
  for (const f of STAT_FIELDS) {
    const r = byField[f];
    by_field[f] = Object.fromEntries(INDICATOR_KEYS.map((k) => [k, r[k].value]));
  }
  return { total, by_field, claim_ids };
}

/** Figures derived for one agency's reporting scope (what it reviews before submitting). */
export async function derivedFigures(
  db: AppDb,
  scope: Scope,
  period: Period,
  agencyId: string,
): Promise<FigureSnapshot> {
  const list = await loadStatClaims(db, scope);
  const r = computeIndicators(list, period, { scopeAgencyId: agencyId });
  return snapshot(r.total, r.by_field);
}

export async function getSubmissionDraft(db: AppDb, scope: Scope, roundId: string, agencyId: string, opts: Opts = {}) {
  const round = await getRound(db, scope, roundId, opts);
  const sub = round.submissions.find((s) => s.agency_id === agencyId);
  if (!sub) throw notFound("báo cáo của cơ quan");
  requireAgencyInScope(scope, "agency_id", agencyId);
  const period = { from: round.period_from, to: round.period_to };
  const figures =
    sub.status === "submitted" && sub.figures ? sub.figures : await derivedFigures(db, scope, period, agencyId);
  let narrative = sub.narrative;
  const template = await getTemplate(db, round.template_id);
  if (!narrative && template.prefill_from_plan)
    narrative = await planPrefill(db, agencyId, round.period_to, opts.today ?? todayVn());
  return {
    round_id: roundId,
    agency_id: agencyId,
    status: sub.status,
    figures,
    narrative: narrative ?? {},
    version: sub.version,
  };
}

/** Narrative pre-filled from the task outcomes of the agency's plans of the period's year (coordination review). */
async function planPrefill(db: AppDb, agencyId: string, periodTo: string, today: string): Promise<Narrative> {
  const year = Number(periodTo.slice(0, 4));
  const rows = await db
    .select({
      ref: planTasks.ref,
      content: planTasks.content,
      title: taskInstances.title,
      period: taskInstances.periodLabel,
      status: taskInstances.status,
      due: taskInstances.due,
      completed: taskInstances.completedOn,
      evidence: taskInstances.evidence,
    })
    .from(taskInstances)
    .innerJoin(planTasks, eq(planTasks.id, taskInstances.taskId))
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .where(
      and(
        eq(plans.year, year),
        or(
          eq(taskInstances.agencyId, agencyId),
          eq(taskInstances.leadAgencyId, agencyId),
          eq(plans.agencyId, agencyId),
        ),
      ),
    );
  rows.sort((a, b) => refOrder(a.ref, b.ref) || (a.due ?? "").localeCompare(b.due ?? ""));
  return prefillFromTasks(
    rows.map((r) => ({
      ref: r.ref,
      title: r.title ?? r.content,
      period_label: r.period,
      status: r.status,
      due: r.due,
      completed_on: r.completed,
      outcomes: taskOutcomeTexts(r.evidence),
    })),
    today,
  );
}

/** Plan clause order: "II.2" before "II.10" (numeric parts compared as numbers). */
function refOrder(a: string | null, b: string | null): number {
  const pa = (a ?? "").split(".");
  const pb = (b ?? "").split(".");
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? "";
    const y = pb[i] ?? "";
    const d = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (d) return d;
  }
  return 0;
}

export async function saveSubmission(
  db: AppDb,
  scope: Scope,
  roundId: string,
  agencyId: string,
  input: { narrative?: Narrative; submit?: boolean; version?: number },
  opts: Opts = {},
) {
  requirePermission(scope, "plans.write");
  const round = await getRound(db, scope, roundId, opts);
  const sub = round.submissions.find((s) => s.agency_id === agencyId);
  if (!sub) throw notFound("báo cáo của cơ quan");
  requireWritableAgencies(scope, [["agency_id", agencyId]]);
  if (round.status !== "open")
    throw new DomainError("round_closed", "status", "Kỳ báo cáo đã tổng hợp; không thể gửi thêm.");
  if (sub.status === "submitted")
    throw new DomainError("already_submitted", "status", "Cơ quan đã gửi báo cáo kỳ này.");
  if (sub.sub_round?.status === "open")
    throw new DomainError(
      "fed_by_sub_round",
      "agency_id",
      "Báo cáo của cơ quan được lấy từ kỳ báo cáo của tỉnh; số liệu và thuyết minh tự chuyển lên khi Sở Tư pháp tổng hợp kỳ đó.",
    );
  if (input.version !== undefined && input.version !== sub.version)
    throw staleVersion("Báo cáo", input.version, sub.version);
  const today = opts.today ?? todayVn();
  const period = { from: round.period_from, to: round.period_to };
  let narrative = input.narrative ?? sub.narrative;
  // Nothing written yet: the pre-fill shown in the draft is what is saved (KH 2021 mục III.3 review).
  if (!narrative && (await getTemplate(db, round.template_id)).prefill_from_plan)
    narrative = await planPrefill(db, agencyId, round.period_to, today);
  const set: Partial<typeof reportSubmissions.$inferInsert> = {
    narrative: narrative ?? {},
    status: input.submit ? "submitted" : "draft",
    version: sub.version + 1,
    updatedAt: new Date(),
  };
  if (input.submit) {
    set.figures = await derivedFigures(db, scope, period, agencyId);
    set.submittedOn = today;
    set.submittedBy = scope.userId;
    // Late when received after the last day (TT 08/2019/TT-BTP, Điều 25; deadline already rolled over — khoản 3).
    set.late = today > round.deadline;
  }
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(reportSubmissions)
      .set(set)
      .where(and(eq(reportSubmissions.id, sub.id), eq(reportSubmissions.version, sub.version)))
      .returning();
    if (!after) throw staleVersion("Báo cáo", sub.version, sub.version + 1);
    await appendAudit(tx, {
      ...auditActor(scope),
      action: input.submit ? "report_submission.submit" : "report_submission.save",
      entity: "report_submission",
      entity_id: sub.id,
      before: { status: sub.status },
      after: { status: after.status, late: after.late, submitted_on: after.submittedOn, narrative: after.narrative },
    });
    if (input.submit)
      await insertNotifications(tx, [
        {
          key: `report_submitted:${sub.id}:${after.version}`,
          agency_id: round.agency_id,
          kind: "report_submitted",
          title: `Đã nhận báo cáo kỳ "${round.title}"`.slice(0, 500),
          body: `Cơ quan ${agencyId} đã gửi báo cáo${after.late ? " (muộn)" : ""}.`,
          entity: "report_round",
          entity_id: roundId,
          url: `/reports/${roundId}`,
        },
      ]);
  });
  return getRound(db, scope, roundId, opts);
}

/** Reminder (đôn đốc) to a participant that has not submitted — by the opener. */
export async function remind(
  db: AppDb,
  scope: Scope,
  roundId: string,
  agencyId: string,
  note: string | null,
  opts: Opts = {},
) {
  requirePermission(scope, "plans.write");
  const round = await getRound(db, scope, roundId, opts);
  if (!round.can_consolidate) throw notFound("kỳ báo cáo");
  const sub = round.submissions.find((s) => s.agency_id === agencyId);
  if (!sub) throw notFound("báo cáo của cơ quan");
  if (sub.status === "submitted")
    throw new DomainError("already_submitted", "agency_id", "Cơ quan đã gửi báo cáo; không cần đôn đốc.");
  const reminders = [...sub.reminders, { on: opts.today ?? todayVn(), by_agency_id: scope.agencyId, note }];
  await db.transaction(async (tx) => {
    await tx
      .update(reportSubmissions)
      .set({ reminders, version: sub.version + 1, updatedAt: new Date() })
      .where(eq(reportSubmissions.id, sub.id));
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "report_submission.remind",
      entity: "report_submission",
      entity_id: sub.id,
      before: null,
      after: { reminder: reminders[reminders.length - 1] },
    });
  });
  return getRound(db, scope, roundId, opts);
}

/** One submitted report of an open round, for a recall or a return (409 once the round is consolidated). */
async function submittedOf(
  db: AppDb,
  scope: Scope,
  roundId: string,
  agencyId: string,
  opts: Opts,
  verb: string,
  mayWrite: (round: Awaited<ReturnType<typeof getRound>>) => void,
) {
  const round = await getRound(db, scope, roundId, opts);
  const sub = round.submissions.find((s) => s.agency_id === agencyId);
  if (!sub) throw notFound("báo cáo của cơ quan");
  mayWrite(round);
  if (round.status !== "open")
    throw new DomainError(
      "round_consolidated",
      "status",
      `Kỳ báo cáo đã được tổng hợp; không thể ${verb} báo cáo đã gửi.`,
    );
  if (sub.status !== "submitted")
    throw new DomainError("not_submitted", "status", `Báo cáo chưa được gửi nên không thể ${verb}.`);
  return { round, sub };
}

async function reopenSubmission(
  db: AppDb,
  scope: Scope,
  sub: { id: string; status: string; version: number },
  set: Partial<typeof reportSubmissions.$inferInsert>,
  action: string,
  after: Record<string, unknown>,
  notify: Parameters<typeof insertNotifications>[1][number],
) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(reportSubmissions)
      .set({
        ...set,
        submittedOn: null,
        submittedBy: null,
        late: false,
        version: sub.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(reportSubmissions.id, sub.id), eq(reportSubmissions.version, sub.version)))
      .returning();
    if (!row) throw staleVersion("Báo cáo", sub.version, sub.version + 1);
    await appendAudit(tx, {
      ...auditActor(scope),
      action,
      entity: "report_submission",
      entity_id: sub.id,
      before: { status: sub.status },
      after: { status: row.status, ...after },
    });
    await insertNotifications(tx, [notify]);
  });
}

/**
 * The sender takes back its submitted report to revise it, as long as the round is not consolidated (after that the
 * figures are in the consolidated report: 409). The opener is told.
 */
export async function recallSubmission(db: AppDb, scope: Scope, roundId: string, agencyId: string, opts: Opts = {}) {
  requirePermission(scope, "plans.write");
  const { round, sub } = await submittedOf(db, scope, roundId, agencyId, opts, "thu hồi", () =>
    requireWritableAgencies(scope, [["agency_id", agencyId]]),
  );
  await reopenSubmission(
    db,
    scope,
    sub,
    { status: "draft" },
    "report_submission.recall",
    {},
    {
      key: `report_recalled:${sub.id}:${sub.version + 1}`,
      agency_id: round.agency_id,
      kind: "report_recalled",
      title: `${sub.agency_name} đã thu hồi báo cáo kỳ "${round.title}" để chỉnh sửa`.slice(0, 500),
      body: "Báo cáo sẽ được gửi lại sau khi chỉnh sửa.",
      entity: "report_round",
      entity_id: roundId,
      url: `/reports/${roundId}`,
    },
  );
  return getRound(db, scope, roundId, opts);
}

/**
 * The round's opener returns (trả lại) a submitted report with a reason; the sender sees the reason, revises and
 * submits again. Only before consolidation (409 after).
 */
export async function returnSubmission(
  db: AppDb,
  scope: Scope,
  roundId: string,
  agencyId: string,
  reason: string,
  opts: Opts = {},
) {
  requirePermission(scope, "plans.write");
  const { round, sub } = await submittedOf(db, scope, roundId, agencyId, opts, "trả lại", (r) => {
    if (!r.can_consolidate) throw notFound("kỳ báo cáo");
    requireWritableAgencies(scope, [["agency_id", r.agency_id]]);
  });
  const text = reason.trim();
  if (!text) throw new DomainError("reason_required", "reason", "Cần nêu lý do trả lại báo cáo.");
  const entry = { on: opts.today ?? todayVn(), by_agency_id: round.agency_id, reason: text };
  await reopenSubmission(
    db,
    scope,
    sub,
    { status: "returned", returns: [...sub.returns, entry] },
    "report_submission.return",
    { returned: entry },
    {
      key: `report_returned:${sub.id}:${sub.version + 1}`,
      agency_id: agencyId,
      kind: "report_returned",
      title: `Báo cáo kỳ "${round.title}" bị trả lại để chỉnh sửa`.slice(0, 500),
      body: `Lý do: ${text}`.slice(0, 2000),
      entity: "report_round",
      entity_id: roundId,
      url: `/reports/${roundId}`,
    },
  );
  return getRound(db, scope, roundId, opts);
}
