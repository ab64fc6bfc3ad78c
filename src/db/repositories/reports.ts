// Report rounds (seed 001 §III; TT 08/2019 Điều 24–25): opened by the ministry (CUC_BTNN) or a province
// (SO_TU_PHAP) with a period, a template and a deadline (rolled over to a working day — Điều 25 khoản 3); each
// participating agency reviews the figures DERIVED for it, adds its narrative and submits (late submissions marked);
// the opener reminds, consolidates and exports DOCX (Decree 30 report) and XLSX.

import { and, asc, desc, eq, inArray, or } from "drizzle-orm";
import { buildSheet, renderOfficialDocument } from "../../documents/index.ts";
import type { Scope } from "../../domain/access/scope.ts";
import { compareAgenciesOfficially } from "../../domain/agencies/order.ts";
import { defaultCalendar } from "../../domain/calendar/index.ts";
import type { WorkCalendar } from "../../domain/calendar/types.ts";
import {
  BUILTIN_TEMPLATES,
  builtinTemplate,
  type ChildRound,
  type Consolidated,
  carriedLate,
  carryUp,
  consolidate,
  FEED_UP_RULE,
  type FigureSnapshot,
  type Narrative,
  type ParentCandidate,
  parentLinkProblem,
  pickParentRound,
  prefillFromTasks,
  type ReportTemplate,
  reportDocumentInput,
  reportSheetInput,
  reportTemplateSchema,
  taskOutcomeTexts,
} from "../../domain/reports/index.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import {
  computeIndicators,
  INDICATOR_KEYS,
  type IndicatorRow,
  type Period,
  type PeriodKind,
  reportPeriod,
  rollOverDeadline,
  STAT_FIELDS,
  statutoryDeadline,
} from "../../domain/statistics/index.ts";
import { appendAudit, auditActor } from "../audit.ts";
import {
  agencies,
  plans,
  planTasks,
  reportRounds,
  reportSubmissions,
  reportTemplates,
  taskInstances,
} from "../schema/index.ts";
import { requireAgencyInScope, requirePermission, requireWritableAgencies, scopeCondition } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { notFound, staleVersion, todayVn } from "./common.ts";
import { insertNotifications } from "./coordination.ts";
import { loadStatClaims } from "./statistics.ts";

type Opts = { calendar?: WorkCalendar; today?: string };

export async function listTemplates(db: AppDb): Promise<ReportTemplate[]> {
  const rows = await db.select().from(reportTemplates).orderBy(asc(reportTemplates.id));
  return [...BUILTIN_TEMPLATES, ...rows.map((r) => reportTemplateSchema.parse(r.definition))];
}

export async function getTemplate(db: AppDb, id: string): Promise<ReportTemplate> {
  const b = builtinTemplate(id);
  if (b) return b;
  const [row] = await db.select().from(reportTemplates).where(eq(reportTemplates.id, id));
  if (!row) throw new DomainError("unknown_template", "template_id", `Không có mẫu báo cáo "${id}".`);
  return reportTemplateSchema.parse(row.definition);
}

export async function createTemplate(db: AppDb, scope: Scope, input: unknown): Promise<ReportTemplate> {
  requirePermission(scope, "plans.write");
  const r = reportTemplateSchema.safeParse(input);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new DomainError(
      "invalid_template",
      i.path.join(".") || "definition",
      `Mẫu báo cáo không hợp lệ: ${i.message}`,
    );
  }
  if (
    builtinTemplate(r.data.id) ||
    (await db.select().from(reportTemplates).where(eq(reportTemplates.id, r.data.id))).length
  )
    throw new DomainError("duplicate", "id", `Mẫu báo cáo "${r.data.id}" đã tồn tại.`);
  await db.transaction(async (tx) => {
    await tx
      .insert(reportTemplates)
      .values({ id: r.data.id, name: r.data.name, definition: r.data, createdBy: scope.userId });
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "report_template.create",
      entity: "report_template",
      entity_id: r.data.id,
      before: null,
      after: r.data,
    });
  });
  return r.data;
}

export type RoundInput = {
  title?: string;
  template_id: string;
  period_kind: PeriodKind;
  year: number;
  half?: number;
  from?: string;
  to?: string;
  /** Required when the period kind has no statutory deadline. */
  deadline?: string;
  agency_id: string;
  participant_ids?: string[];
  parent_round_id?: string | null;
  note?: string | null;
};

const OPENER_ROLES = ["CUC_BTNN", "BO_TU_PHAP", "SO_TU_PHAP", "UBND_TINH"];
const PROVINCE_REPORTERS = ["THADS_TINH", "TOA_AN", "VKS", "SO_NGANH", "UBND_HUYEN", "CO_QUAN_TAI_CHINH"];

async function agencyRow(db: AppDb, id: string, field: string) {
  const [a] = await db.select().from(agencies).where(eq(agencies.id, id));
  if (!a) throw new DomainError("unknown_agency", field, `Không có cơ quan "${id}".`);
  return a;
}

function inForce(a: { validFrom: string | null; validTo: string | null }, d: string) {
  return (!a.validFrom || a.validFrom <= d) && (!a.validTo || d <= a.validTo);
}

export type RoundDto = Awaited<ReturnType<typeof roundDto>>;

function roundDto(r: typeof reportRounds.$inferSelect) {
  return {
    id: r.id,
    title: r.title,
    template_id: r.templateId,
    period_kind: r.periodKind,
    period_from: r.periodFrom,
    period_to: r.periodTo,
    deadline: r.deadline,
    deadline_explanation: r.deadlineExplanation,
    agency_id: r.agencyId,
    parent_round_id: r.parentRoundId,
    status: r.status,
    consolidated: r.consolidated as (Consolidated & { derived?: unknown }) | null,
    consolidated_on: r.consolidatedOn,
    note: r.note,
    version: r.version,
    created_at: r.createdAt,
  };
}

export async function openRound(db: AppDb, scope: Scope, input: RoundInput, opts: Opts = {}) {
  requirePermission(scope, "plans.write");
  // The opener and every agency asked to report (each gets a submission in its books) are in the write scope.
  requireWritableAgencies(scope, [
    ["agency_id", input.agency_id],
    ["participant_ids", input.participant_ids],
  ]);
  const opener = await agencyRow(db, input.agency_id, "agency_id");
  if (!OPENER_ROLES.includes(opener.role))
    throw new DomainError(
      "not_allowed",
      "agency_id",
      "Chỉ Cục Bồi thường nhà nước (Bộ Tư pháp) hoặc Sở Tư pháp (UBND tỉnh) mở kỳ báo cáo.",
    );
  const template = await getTemplate(db, input.template_id);
  if (!template.period_kinds.includes(input.period_kind))
    throw new DomainError("invalid_period", "period_kind", `Mẫu "${template.name}" không dùng cho loại kỳ này.`);
  const period = reportPeriod(input.period_kind, input.year, { half: input.half, from: input.from, to: input.to });
  const cal = opts.calendar ?? defaultCalendar;
  const statutory = statutoryDeadline(cal, input.period_kind, input.year);
  const deadline = input.deadline
    ? rollOverDeadline(cal, input.deadline, "Thời hạn do cơ quan mở kỳ báo cáo ấn định")
    : statutory;
  if (!deadline) throw new DomainError("required", "deadline", "Cần nhập hạn gửi báo cáo cho loại kỳ này.");
  let participants = input.participant_ids ?? [];
  if (!input.participant_ids) {
    const all = await db.select().from(agencies);
    participants = all
      .filter((a) => inForce(a, period.to) && a.id !== opener.id)
      .filter((a) =>
        opener.role === "SO_TU_PHAP" || opener.role === "UBND_TINH"
          ? a.provinceCode === opener.provinceCode && PROVINCE_REPORTERS.includes(a.role)
          : a.role === "SO_TU_PHAP",
      )
      .map((a) => a.id);
  }
  if (participants.length === 0)
    throw new DomainError("required", "participant_ids", "Kỳ báo cáo cần ít nhất một cơ quan báo cáo.");
  for (const p of participants) await agencyRow(db, p, "participant_ids");
  const parentRoundId = await resolveParentRound(db, scope, input.parent_round_id, {
    period_from: period.from,
    period_to: period.to,
    template_id: template.id,
    opener_role: opener.role,
    opener_id: opener.id,
  });
  const title = input.title?.trim() || `${template.name} — ${period.label}`;
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reportRounds)
      .values({
        title,
        templateId: template.id,
        periodKind: input.period_kind,
        periodFrom: period.from,
        periodTo: period.to,
        deadline: deadline.date,
        deadlineExplanation: deadline.explanation,
        agencyId: input.agency_id,
        parentRoundId,
        note: input.note ?? null,
        createdBy: scope.userId,
      })
      .returning();
    await tx
      .insert(reportSubmissions)
      .values(participants.map((a) => ({ roundId: row.id, agencyId: a, reminders: [] })));
    await insertNotifications(
      tx,
      participants.map((a) => ({
        key: `report_round_open:${row.id}:${a}`,
        agency_id: a,
        kind: "report_requested",
        title: `Yêu cầu gửi báo cáo: ${title}`.slice(0, 500),
        entity: "report_round",
        entity_id: row.id,
        due: deadline.date,
        url: `/reports/${row.id}`,
      })),
    );
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "report_round.open",
      entity: "report_round",
      entity_id: row.id,
      before: null,
      after: { ...roundDto(row), participants },
    });
    return row.id;
  });
  return getRound(db, scope, id, opts);
}

/**
 * The national round a province round feeds (seed 001 §III): the one named (checked), or — when `requested` is
 * undefined — the only open ministry round of the same period in which the opener still has to report. null: none.
 */
async function resolveParentRound(
  db: AppDb,
  scope: Scope,
  requested: string | null | undefined,
  child: ChildRound & { opener_id: string },
): Promise<string | null> {
  if (requested === null) return null;
  if (requested === undefined && !FEED_UP_RULE.child_opener_roles.includes(child.opener_role)) return null;
  const conds = [eq(reportSubmissions.agencyId, child.opener_id)];
  if (requested) await loadRound(db, scope, requested);
  const rows = await db
    .select({ r: reportRounds, sub: reportSubmissions.status, role: agencies.role })
    .from(reportRounds)
    .innerJoin(agencies, eq(agencies.id, reportRounds.agencyId))
    .leftJoin(reportSubmissions, and(eq(reportSubmissions.roundId, reportRounds.id), ...conds))
    .where(
      requested
        ? eq(reportRounds.id, requested)
        : and(
            eq(reportRounds.periodFrom, child.period_from),
            eq(reportRounds.periodTo, child.period_to),
            eq(reportRounds.status, "open"),
          ),
    );
  if (!rows.length) return null;
  const fed = await db
    .select({ id: reportRounds.id, parent: reportRounds.parentRoundId })
    .from(reportRounds)
    .where(
      and(
        inArray(
          reportRounds.parentRoundId,
          rows.map((r) => r.r.id),
        ),
        eq(reportRounds.agencyId, child.opener_id),
      ),
    );
  const candidates: ParentCandidate[] = rows.map(({ r, sub, role }) => ({
    id: r.id,
    period_from: r.periodFrom,
    period_to: r.periodTo,
    template_id: r.templateId,
    status: r.status,
    opener_role: role,
    own_submission_status: sub ?? undefined,
    fed_by_round_id: fed.find((f) => f.parent === r.id)?.id ?? null,
  }));
  if (requested) {
    const problem = parentLinkProblem(candidates[0], child);
    if (problem) throw problem;
    return requested;
  }
  return pickParentRound(candidates, child) ?? null;
}

/** Province rounds feeding `roundId`, by opener agency (the link is the child's parent_round_id). */
async function subRounds(db: AppDb, roundId: string) {
  const rows = await db.select().from(reportRounds).where(eq(reportRounds.parentRoundId, roundId));
  if (!rows.length) return new Map<string, SubRoundInfo>();
  const subs = await db
    .select({ roundId: reportSubmissions.roundId, status: reportSubmissions.status })
    .from(reportSubmissions)
    .where(
      inArray(
        reportSubmissions.roundId,
        rows.map((r) => r.id),
      ),
    );
  return new Map(
    rows.map((r) => {
      const mine = subs.filter((s) => s.roundId === r.id);
      return [
        r.agencyId,
        {
          id: r.id,
          status: r.status,
          deadline: r.deadline,
          consolidated_on: r.consolidatedOn,
          participants: mine.length,
          submitted: mine.filter((s) => s.status === "submitted").length,
        },
      ];
    }),
  );
}
type SubRoundInfo = {
  id: string;
  status: string;
  deadline: string;
  consolidated_on: string | null;
  participants: number;
  submitted: number;
};

/** Rounds the caller may see: opened by an agency in scope, or with a participant in scope. */
export async function listRounds(db: AppDb, scope: Scope) {
  requirePermission(scope, "plans.read");
  const sc = scopeCondition(scope, reportRounds.agencyId);
  let where = sc;
  if (sc) {
    const sub = scopeCondition(scope, reportSubmissions.agencyId);
    const ids = (await db.select({ id: reportSubmissions.roundId }).from(reportSubmissions).where(sub)).map(
      (r) => r.id,
    );
    where = ids.length ? or(sc, inArray(reportRounds.id, ids)) : sc;
  }
  const rows = await db.select().from(reportRounds).where(where).orderBy(desc(reportRounds.createdAt));
  return rows.map(roundDto);
}

async function loadRound(db: AppDb, scope: Scope, id: string) {
  const [row] = await db.select().from(reportRounds).where(eq(reportRounds.id, id));
  if (!row) throw notFound("kỳ báo cáo");
  const rows = await db
    .select({ s: reportSubmissions, name: agencies.name, role: agencies.role, province_code: agencies.provinceCode })
    .from(reportSubmissions)
    .innerJoin(agencies, eq(agencies.id, reportSubmissions.agencyId))
    .where(eq(reportSubmissions.roundId, id));
  // Submissions (and so the consolidated report's rows and narratives) in the official order of provinces and agencies.
  const subs = rows.sort(compareAgenciesOfficially);
  const visible = (a: string) => scope.visibleAgencyIds === "all" || scope.visibleAgencyIds.includes(a);
  if (!visible(row.agencyId) && !subs.some((s) => visible(s.s.agencyId))) throw notFound("kỳ báo cáo");
  return { row, subs, visible };
}

export async function getRound(db: AppDb, scope: Scope, id: string, opts: Opts = {}) {
  requirePermission(scope, "plans.read");
  const { row, subs, visible } = await loadRound(db, scope, id);
  const today = opts.today ?? todayVn();
  const isOpener = visible(row.agencyId);
  const children = await subRounds(db, id);
  return {
    ...roundDto(row),
    can_consolidate: isOpener,
    submissions: subs
      .filter((s) => isOpener || visible(s.s.agencyId))
      .map(({ s, name }) => ({
        id: s.id,
        agency_id: s.agencyId,
        agency_name: name,
        status: s.status,
        submitted_on: s.submittedOn,
        late: s.late,
        overdue: s.status !== "submitted" && today > row.deadline,
        reminders: s.reminders ?? [],
        narrative: (s.narrative as Narrative | null) ?? null,
        figures: (s.figures as FigureSnapshot | null) ?? null,
        /** The province round whose consolidation becomes this submission (seed 001 §III), if any. */
        sub_round: children.get(s.agencyId) ?? null,
        version: s.version,
      })),
  };
}

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
  const data = consolidate(
    round.submissions.map((s) => ({
      agency_id: s.agency_id,
      agency_name: s.agency_name,
      status: s.status,
      figures: s.figures,
      narrative: s.narrative,
    })),
    input.narrative,
  );
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
  const data =
    round.consolidated ??
    consolidate(
      round.submissions.map((s) => ({
        agency_id: s.agency_id,
        agency_name: s.agency_name,
        status: s.status,
        figures: s.figures,
        narrative: s.narrative,
      })),
    );
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
      mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
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
