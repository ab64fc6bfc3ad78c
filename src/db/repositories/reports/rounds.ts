// Report rounds: opened by the ministry or a province with a period, a template, participants and a deadline rolled
// over to a working day (TT 08/2019 Điều 25 khoản 3); province rounds feed a national round (seed 001 §III).
import { and, desc, eq, inArray, or } from "drizzle-orm";
import type { Scope } from "../../../domain/access/scope.ts";
import { compareAgenciesOfficially } from "../../../domain/agencies/order.ts";
import { defaultCalendar } from "../../../domain/calendar/index.ts";
import type { WorkCalendar } from "../../../domain/calendar/types.ts";
import {
  type ChildRound,
  type Consolidated,
  FEED_UP_RULE,
  type FigureSnapshot,
  type Narrative,
  type ParentCandidate,
  parentLinkProblem,
  pickParentRound,
} from "../../../domain/reports/index.ts";
import { DomainError } from "../../../domain/shared/errors.ts";
import {
  type PeriodKind,
  reportPeriod,
  rollOverDeadline,
  statutoryDeadline,
} from "../../../domain/statistics/index.ts";
import { appendAudit, auditActor } from "../../audit.ts";
import { agencies, reportRounds, reportSubmissions } from "../../schema/index.ts";
import { requirePermission, requireWritableAgencies, scopeCondition } from "../../scope.ts";
import type { AppDb } from "../../types.ts";
import { notFound, todayVn } from "../common.ts";
import { insertNotifications } from "../notifications.ts";

import { getTemplate } from "./templates.ts";

export type Opts = { calendar?: WorkCalendar; today?: string };
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

export async function agencyRow(db: AppDb, id: string, field: string) {
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
        returns: s.returns ?? [],
        narrative: (s.narrative as Narrative | null) ?? null,
        figures: (s.figures as FigureSnapshot | null) ?? null,
        /** The province round whose consolidation becomes this submission (seed 001 §III), if any. */
        sub_round: children.get(s.agencyId) ?? null,
        version: s.version,
      })),
  };
}
