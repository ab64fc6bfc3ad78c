// Evaluation criteria (QĐ 3062/QĐ-BTP; applied in Quý IV by KH Thanh Hóa 2024 mục II.5 — seed 001): criteria sets are
// DATA (src/domain/evaluation, flagged unverified); the province (Sở Tư pháp) self-assesses with the automatic
// criteria pre-filled from the records (claims → statistics, report submissions, trainings, inspections) and manual
// entries with a reason; the ministry (CUC_BTNN) reviews; the ranking orders the reviewed (else self-assessed) totals.
import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import {
  type AssessmentScore,
  CRITERIA_SETS,
  type CriteriaSet,
  type EvaluationFacts,
  type ManualEntry,
  rank,
  scoreAssessment,
} from "../../domain/evaluation/index.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { computeIndicators } from "../../domain/statistics/index.ts";
import { appendAudit, auditActor } from "../audit.ts";
import { agencies, evaluationAssessments, inspections, reportRounds, reportSubmissions } from "../schema/index.ts";
import { requirePermission, requireWritableAgencies, scopeCondition } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { notFound, staleVersion, todayVn } from "./common.ts";
import { loadStatClaims } from "./statistics.ts";
import { trainingIdsForEvaluation } from "./trainings.ts";

/** Roles that review assessments (Phụ lục II): the ministry's unit in charge. Rules speak of roles, not names. */
export const REVIEWER_ROLES = ["CUC_BTNN"] as const;

type Opts = { today?: string };

export function listCriteriaSets(): readonly CriteriaSet[] {
  return CRITERIA_SETS;
}

function criteriaSet(id: string): CriteriaSet {
  const s = CRITERIA_SETS.find((x) => x.id === id);
  if (!s) throw new DomainError("unknown_set", "set_id", `Không có bộ tiêu chí "${id}".`);
  return s;
}

/** Stored self / review part: the inputs and the computed score (so the ranking never recomputes). */
export type StoredScores = {
  manual: Record<string, ManualEntry>;
  bonus: ManualEntry | null;
  survey_funded: boolean;
  note?: string | null;
  score: AssessmentScore;
};

/** Facts read from the records for one agency's province in one year, with the ids behind each. */
export async function evaluationFacts(
  db: AppDb,
  scope: Scope,
  agencyId: string,
  year: number,
  surveyFunded: boolean,
  opts: Opts = {},
): Promise<EvaluationFacts> {
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, agencyId));
  if (!agency) throw new DomainError("unknown_agency", "agency_id", `Không có cơ quan "${agencyId}".`);
  const period = { from: `${year}-01-01`, to: `${year}-12-31` };
  const claims = await loadStatClaims(db, scope);
  const indicators = computeIndicators(claims, period, { scopeAgencyId: agencyId }).total;
  const group = agency.provinceCode
    ? (await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.provinceCode, agency.provinceCode))).map(
        (a) => a.id,
      )
    : [agencyId];
  const subs = await db
    .select({
      id: reportSubmissions.id,
      status: reportSubmissions.status,
      late: reportSubmissions.late,
      deadline: reportRounds.deadline,
    })
    .from(reportSubmissions)
    .innerJoin(reportRounds, eq(reportRounds.id, reportSubmissions.roundId))
    .where(
      and(
        eq(reportSubmissions.agencyId, agencyId),
        gte(reportRounds.periodTo, period.from),
        lte(reportRounds.periodTo, period.to),
      ),
    );
  const today = opts.today ?? todayVn();
  const reports = { on_time: [] as string[], late: [] as string[], missing: [] as string[] };
  for (const s of subs) {
    if (s.status === "submitted") (s.late ? reports.late : reports.on_time).push(s.id);
    else if (s.deadline < today) reports.missing.push(s.id);
  }
  const tr = await trainingIdsForEvaluation(db, group, year);
  const ins = await db
    .select({ id: inspections.id })
    .from(inspections)
    .where(
      and(
        inArray(inspections.leadAgencyId, group),
        eq(inspections.year, year),
        inArray(inspections.status, ["reported", "closed"]),
      ),
    );
  return {
    indicators,
    reports,
    trainings: tr.trainings,
    disseminations: tr.disseminations,
    inspections: ins.map((i) => i.id),
    survey_funded: surveyFunded,
  };
}

function dto(r: typeof evaluationAssessments.$inferSelect) {
  const self = r.selfScores as StoredScores | null;
  const review = r.reviewScores as StoredScores | null;
  return {
    id: r.id,
    set_id: r.setId,
    year: r.year,
    agency_id: r.agencyId,
    status: r.status as "draft" | "self_submitted" | "reviewed",
    self,
    review,
    self_total: r.selfTotal,
    review_total: r.reviewTotal,
    version: r.version,
    updated_at: r.updatedAt,
  };
}
export type AssessmentDto = ReturnType<typeof dto>;

async function findAssessment(db: AppDb, setId: string, year: number, agencyId: string) {
  const [row] = await db
    .select()
    .from(evaluationAssessments)
    .where(
      and(
        eq(evaluationAssessments.setId, setId),
        eq(evaluationAssessments.year, year),
        eq(evaluationAssessments.agencyId, agencyId),
      ),
    );
  return row;
}

/** The self-assessment form: the stored assessment if any, and the score computed NOW from the records. */
export async function assessmentDraft(
  db: AppDb,
  scope: Scope,
  q: { set_id: string; year: number; agency_id: string; survey_funded?: boolean },
  opts: Opts = {},
) {
  requirePermission(scope, "plans.read");
  const set = criteriaSet(q.set_id);
  if (scope.visibleAgencyIds !== "all" && !scope.visibleAgencyIds.includes(q.agency_id))
    throw notFound("cơ quan được đánh giá", "agency_id");
  const row = await findAssessment(db, set.id, q.year, q.agency_id);
  const stored = row ? dto(row) : null;
  const surveyFunded = q.survey_funded ?? stored?.self?.survey_funded ?? false;
  const facts = await evaluationFacts(db, scope, q.agency_id, q.year, surveyFunded, opts);
  const computed = scoreAssessment(set, facts, stored?.self?.manual ?? {}, {
    bonus: stored?.self?.bonus ?? undefined,
  });
  return { set, assessment: stored, computed };
}

export type SelfInput = {
  set_id: string;
  year: number;
  agency_id: string;
  manual?: Record<string, ManualEntry>;
  bonus?: ManualEntry | null;
  survey_funded?: boolean;
  submit?: boolean;
  version?: number;
};

function checkManual(set: CriteriaSet, manual: Record<string, ManualEntry>) {
  const codes = set.groups.flatMap((g) => g.criteria.map((c) => c.code));
  for (const code of Object.keys(manual))
    if (!codes.includes(code))
      throw new DomainError("unknown_criterion", `manual.${code}`, `Bộ tiêu chí không có tiêu chí "${code}".`);
}

/** Creates or updates the province's self-assessment (Phụ lục I); submit=true sends it to the ministry. */
export async function saveSelfAssessment(db: AppDb, scope: Scope, input: SelfInput, opts: Opts = {}) {
  requirePermission(scope, "plans.write");
  requireWritableAgencies(scope, [["agency_id", input.agency_id]]);
  const set = criteriaSet(input.set_id);
  const manual = input.manual ?? {};
  checkManual(set, manual);
  const existing = await findAssessment(db, set.id, input.year, input.agency_id);
  if (existing && existing.status !== "draft")
    throw new DomainError(
      "already_submitted",
      "status",
      "Bản tự đánh giá đã gửi Bộ; không thể sửa (đề nghị Bộ trả lại nếu cần).",
    );
  if (existing && input.version !== undefined && input.version !== existing.version)
    throw staleVersion("Bản tự đánh giá", input.version, existing.version);
  const surveyFunded = input.survey_funded ?? false;
  const facts = await evaluationFacts(db, scope, input.agency_id, input.year, surveyFunded, opts);
  const score = scoreAssessment(set, facts, manual, { bonus: input.bonus ?? undefined });
  const self: StoredScores = { manual, bonus: input.bonus ?? null, survey_funded: surveyFunded, score };
  const status = input.submit ? "self_submitted" : "draft";
  const row = await db.transaction(async (tx) => {
    let after: typeof evaluationAssessments.$inferSelect | undefined;
    if (existing) {
      [after] = await tx
        .update(evaluationAssessments)
        .set({ selfScores: self, selfTotal: score.total, status, version: existing.version + 1, updatedAt: new Date() })
        .where(and(eq(evaluationAssessments.id, existing.id), eq(evaluationAssessments.version, existing.version)))
        .returning();
      if (!after) throw staleVersion("Bản tự đánh giá", existing.version, existing.version + 1);
    } else {
      [after] = await tx
        .insert(evaluationAssessments)
        .values({
          setId: set.id,
          year: input.year,
          agencyId: input.agency_id,
          selfScores: self,
          selfTotal: score.total,
          status,
        })
        .returning();
    }
    await appendAudit(tx, {
      ...auditActor(scope),
      action: input.submit ? "evaluation.self_submit" : "evaluation.self_save",
      entity: "evaluation_assessment",
      entity_id: after.id,
      before: existing ? { status: existing.status, self_total: existing.selfTotal } : null,
      after: { status, self_total: score.total, manual, bonus: input.bonus ?? null },
    });
    return after;
  });
  return dto(row);
}

export async function getAssessment(db: AppDb, scope: Scope, id: string) {
  requirePermission(scope, "plans.read");
  const [row] = await db
    .select()
    .from(evaluationAssessments)
    .where(and(eq(evaluationAssessments.id, id), scopeCondition(scope, evaluationAssessments.agencyId)));
  if (!row) throw notFound("bản đánh giá");
  return dto(row);
}

/** Ministry review (Phụ lục II): re-scores with the reviewer's manual entries; the reviewed total ranks. */
export async function reviewAssessment(
  db: AppDb,
  scope: Scope,
  id: string,
  input: { manual?: Record<string, ManualEntry>; bonus?: ManualEntry | null; note?: string | null; version?: number },
  opts: Opts = {},
) {
  const current = await getAssessment(db, scope, id);
  requirePermission(scope, "plans.write");
  const isReviewer =
    scope.roles.includes("system_admin") ||
    (scope.agencyId !== null &&
      (
        await db
          .select({ id: agencies.id })
          .from(agencies)
          .where(and(eq(agencies.id, scope.agencyId), inArray(agencies.role, [...REVIEWER_ROLES])))
      ).length > 0);
  if (!isReviewer)
    throw new DomainError("forbidden", "agency", "Chỉ Cục Bồi thường nhà nước (Bộ Tư pháp) thẩm định bản tự đánh giá.");
  if (current.status === "draft")
    throw new DomainError("not_submitted", "status", "Tỉnh chưa gửi bản tự đánh giá; chưa thể thẩm định.");
  if (input.version !== undefined && input.version !== current.version)
    throw staleVersion("Bản đánh giá", input.version, current.version);
  const set = criteriaSet(current.set_id);
  const manual = { ...(current.self?.manual ?? {}), ...(input.manual ?? {}) };
  checkManual(set, manual);
  const surveyFunded = current.self?.survey_funded ?? false;
  const facts = await evaluationFacts(db, scope, current.agency_id, current.year, surveyFunded, opts);
  const bonus = input.bonus === undefined ? (current.self?.bonus ?? null) : input.bonus;
  const score = scoreAssessment(set, facts, manual, { bonus: bonus ?? undefined });
  const review: StoredScores = { manual, bonus, survey_funded: surveyFunded, note: input.note ?? null, score };
  const row = await db.transaction(async (tx) => {
    const [after] = await tx
      .update(evaluationAssessments)
      .set({
        reviewScores: review,
        reviewTotal: score.total,
        status: "reviewed",
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(evaluationAssessments.id, id), eq(evaluationAssessments.version, current.version)))
      .returning();
    if (!after) throw staleVersion("Bản đánh giá", current.version, current.version + 1);
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "evaluation.review",
      entity: "evaluation_assessment",
      entity_id: id,
      before: { status: current.status, review_total: current.review_total },
      after: { status: "reviewed", review_total: score.total, note: input.note ?? null },
    });
    return after;
  });
  return dto(row);
}

/** Ranking of the assessments in scope for a set and year: reviewed total when reviewed, else self total. */
export async function ranking(db: AppDb, scope: Scope, q: { set_id: string; year: number }) {
  requirePermission(scope, "plans.read");
  const set = criteriaSet(q.set_id);
  const rows = await db
    .select({ a: evaluationAssessments, name: agencies.name })
    .from(evaluationAssessments)
    .innerJoin(agencies, eq(agencies.id, evaluationAssessments.agencyId))
    .where(
      and(
        eq(evaluationAssessments.setId, set.id),
        eq(evaluationAssessments.year, q.year),
        scopeCondition(scope, evaluationAssessments.agencyId),
      ),
    )
    .orderBy(asc(agencies.name));
  const items = rows.map(({ a, name }) => {
    const d = dto(a);
    const score = (d.review ?? d.self)?.score;
    return {
      id: d.id,
      agency_id: d.agency_id,
      agency_name: name,
      status: d.status,
      total: Number(d.review_total ?? d.self_total ?? 0),
      self_total: d.self_total,
      review_total: d.review_total,
      percent: score?.percent ?? 0,
      rating: score?.rating ?? "",
      groups: score?.groups ?? [],
    };
  });
  return { set_id: set.id, confidence: set.confidence, year: q.year, items: rank(items) };
}
