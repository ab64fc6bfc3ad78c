// Evaluation criteria (Quyết định 3062/QĐ-BTP, 11/12/2019) as DATA, and the pure scoring of one assessment.
// The structure below (100 points; groups I 50, II 20, III 10, IV 10, V 10 — V only when the unit was funded for a
// survey; "không phát sinh" = full marks; bonus for initiatives; deduction for late reports) comes from a third-party
// specification ([T], legal-brief §6) and is UNCONFIRMED: the set is flagged `confidence: "unverified"`, and the
// split of group points over criteria, the titles and the deduction amount are our assumptions, shown as such.
import { z } from "zod";
import type { IndicatorRow } from "../statistics/types.ts";

export const criterionSchema = z.strictObject({
  code: z.string().trim().min(1).max(20),
  title: z.string().trim().min(1).max(500),
  max: z.number().min(0).max(100),
  /** How the score is computed from data; "manual" = entered with a reason. */
  source: z.enum([
    "resolution_rate",
    "payment_rate",
    "recourse_rate",
    "reports_on_time",
    "trainings",
    "disseminations",
    "inspections",
    "manual",
  ]),
  /** Score when no case arose (không phát sinh). */
  no_case: z.enum(["full", "zero", "exclude"]).default("full"),
});
export const criteriaSetSchema = z.strictObject({
  id: z.string().trim().min(1).max(60),
  name: z.string().trim().min(1).max(300),
  basis: z.string().trim().min(1).max(500),
  confidence: z.enum(["confirmed", "unverified"]),
  groups: z
    .array(
      z.strictObject({
        code: z.string().trim().min(1).max(10),
        title: z.string().trim().min(1).max(300),
        max: z.number().min(0).max(100),
        /** Group V: scored only when the unit was funded to run a survey; otherwise excluded from the maximum. */
        only_if_funded: z.boolean().default(false),
        criteria: z.array(criterionSchema).min(1),
      }),
    )
    .min(1),
  bonus_max: z.number().min(0).max(20),
  deduction_per_late_report: z.number().min(0).max(20),
  /** Rating bands on the percentage of the applicable maximum (names UNCONFIRMED). */
  ratings: z.array(z.strictObject({ min_percent: z.number().min(0).max(100), label: z.string() })).min(1),
});
export type CriteriaSet = z.output<typeof criteriaSetSchema>;
export type Criterion = z.output<typeof criterionSchema>;

export const QD_3062_SET: CriteriaSet = criteriaSetSchema.parse({
  id: "qd-3062-2019",
  name: "Bộ tiêu chí đánh giá kết quả thực hiện công tác bồi thường nhà nước (QĐ 3062/QĐ-BTP)",
  // structure from [T] (legal-brief §6), not yet checked against the original: hence confidence "unverified"
  basis: "Quyết định 3062/QĐ-BTP ngày 11/12/2019 của Bộ trưởng Bộ Tư pháp",
  confidence: "unverified",
  groups: [
    {
      code: "I",
      title: "Giải quyết yêu cầu bồi thường, chi trả và hoàn trả",
      max: 50,
      criteria: [
        {
          code: "I.1",
          title: "Tỷ lệ vụ việc giải quyết xong (có hiệu lực hoặc đình chỉ)",
          max: 20,
          source: "resolution_rate",
        },
        { code: "I.2", title: "Chi trả tiền bồi thường theo văn bản có hiệu lực", max: 10, source: "payment_rate" },
        { code: "I.3a", title: "Xem xét trách nhiệm hoàn trả sau khi chi trả", max: 10, source: "recourse_rate" },
        { code: "I.3b", title: "Xử lý kỷ luật người thi hành công vụ gây thiệt hại", max: 10, source: "manual" },
      ],
    },
    {
      code: "II",
      title: "Quản lý nhà nước: thống kê, báo cáo",
      max: 20,
      criteria: [
        { code: "II.1", title: "Báo cáo đúng hạn, đủ nội dung", max: 20, source: "reports_on_time", no_case: "full" },
      ],
    },
    {
      code: "III",
      title: "Tập huấn, tuyên truyền, phổ biến pháp luật",
      max: 10,
      criteria: [
        { code: "III.1", title: "Tổ chức tập huấn, bồi dưỡng nghiệp vụ", max: 5, source: "trainings", no_case: "zero" },
        {
          code: "III.2",
          title: "Tuyên truyền, phổ biến Luật TNBTCNN",
          max: 5,
          source: "disseminations",
          no_case: "zero",
        },
      ],
    },
    {
      code: "IV",
      title: "Kiểm tra công tác bồi thường nhà nước",
      max: 10,
      criteria: [
        { code: "IV.1", title: "Tổ chức kiểm tra theo kế hoạch", max: 10, source: "inspections", no_case: "zero" },
      ],
    },
    {
      code: "V",
      title: "Khảo sát, đánh giá sự hài lòng (khi được cấp kinh phí)",
      max: 10,
      only_if_funded: true,
      criteria: [
        { code: "V.1", title: "Tổ chức khảo sát", max: 4, source: "manual" },
        { code: "V.2", title: "Kết quả khảo sát", max: 3, source: "manual" },
        { code: "V.3", title: "Sử dụng kết quả khảo sát", max: 3, source: "manual" },
      ],
    },
  ],
  bonus_max: 5,
  deduction_per_late_report: 2,
  ratings: [
    { min_percent: 90, label: "Xuất sắc" },
    { min_percent: 70, label: "Tốt" },
    { min_percent: 50, label: "Đạt" },
    { min_percent: 0, label: "Chưa đạt" },
  ],
});

export const CRITERIA_SETS: readonly CriteriaSet[] = [QD_3062_SET];

/** Facts the automatic criteria read, each with the ids of the records behind it (evidence). */
export type EvaluationFacts = {
  indicators: IndicatorRow;
  reports: { on_time: string[]; late: string[]; missing: string[] };
  trainings: string[];
  disseminations: string[];
  inspections: string[];
  survey_funded: boolean;
};

export type ManualEntry = { points: number; reason: string };
export const manualEntrySchema = z.strictObject({
  points: z.number().min(0).max(100),
  reason: z.string().trim().min(3, { error: "phải nêu lý do khi chấm điểm thủ công" }).max(2000),
});

export type CriterionScore = {
  code: string;
  title: string;
  max: number;
  points: number;
  mode: "auto" | "manual" | "no_case" | "excluded";
  explanation: string;
  evidence: Array<{ kind: string; id: string }>;
  reason?: string;
};

export type AssessmentScore = {
  set_id: string;
  confidence: "confirmed" | "unverified";
  criteria: CriterionScore[];
  groups: Array<{ code: string; title: string; max: number; points: number; excluded: boolean }>;
  bonus: number;
  deduction: number;
  total: number;
  max: number;
  percent: number;
  rating: string;
};

const round2 = (n: number) => Math.round(n * 100) / 100;

function ratio(num: number, den: number): number {
  return den <= 0 ? 1 : Math.min(1, num / den);
}

function autoScore(c: Criterion, f: EvaluationFacts): Omit<CriterionScore, "code" | "title" | "max"> {
  const ev = (kind: string, ids: readonly string[]) => ids.map((id) => ({ kind, id }));
  const t = f.indicators;
  const rate = (
    label: string,
    num: { value: number; claim_ids: string[] },
    den: { value: number; claim_ids: string[] },
  ) => {
    if (den.value === 0)
      return c.no_case === "full"
        ? {
            points: c.max,
            mode: "no_case" as const,
            explanation: "Không phát sinh vụ việc — đạt điểm tối đa",
            evidence: [],
          }
        : { points: 0, mode: "no_case" as const, explanation: "Không phát sinh", evidence: [] };
    const r = ratio(num.value, den.value);
    return {
      points: round2(c.max * r),
      mode: "auto" as const,
      explanation: `${label}: ${num.value}/${den.value} (${Math.round(r * 100)}%)`,
      evidence: ev("claim", num.claim_ids),
    };
  };
  switch (c.source) {
    case "resolution_rate":
      return rate(
        "Giải quyết xong / tổng số thụ lý",
        {
          value: t.resolved.value + t.terminated.value,
          claim_ids: [...t.resolved.claim_ids, ...t.terminated.claim_ids],
        },
        t.handled,
      );
    case "payment_rate":
      return rate("Vụ việc đã chi trả / có văn bản có hiệu lực", t.cases_paid, t.resolved);
    case "recourse_rate":
      return rate("Đã xem xét hoàn trả / đã chi trả", t.recourse_considered, {
        value: t.recourse_considered.value + t.paid_without_recourse.value,
        claim_ids: [],
      });
    case "reports_on_time": {
      const all = f.reports.on_time.length + f.reports.late.length + f.reports.missing.length;
      if (all === 0) return { points: c.max, mode: "no_case", explanation: "Không có yêu cầu báo cáo", evidence: [] };
      return {
        points: round2((c.max * f.reports.on_time.length) / all),
        mode: "auto",
        explanation: `Báo cáo đúng hạn ${f.reports.on_time.length}/${all}; trễ hạn ${f.reports.late.length}; chưa gửi ${f.reports.missing.length}`,
        evidence: ev("report_submission", [...f.reports.on_time, ...f.reports.late]),
      };
    }
    case "trainings":
    case "disseminations":
    case "inspections": {
      const ids = f[c.source];
      const what =
        c.source === "trainings"
          ? "lớp tập huấn"
          : c.source === "disseminations"
            ? "hoạt động tuyên truyền"
            : "cuộc kiểm tra";
      return ids.length
        ? { points: c.max, mode: "auto", explanation: `${ids.length} ${what} trong năm`, evidence: ev(c.source, ids) }
        : { points: 0, mode: "auto", explanation: `Không có ${what} nào được ghi nhận`, evidence: [] };
    }
    default:
      return { points: 0, mode: "manual", explanation: "Chấm thủ công (chưa nhập điểm)", evidence: [] };
  }
}

/** Scores one assessment: automatic criteria from the facts, manual entries (with a reason) override them. */
export function scoreAssessment(
  set: CriteriaSet,
  facts: EvaluationFacts,
  manual: Readonly<Record<string, ManualEntry>> = {},
  extra: { bonus?: ManualEntry } = {},
): AssessmentScore {
  const criteria: CriterionScore[] = [];
  const groups: AssessmentScore["groups"] = [];
  let max = 0;
  let total = 0;
  for (const g of set.groups) {
    const excluded = g.only_if_funded && !facts.survey_funded;
    let gp = 0;
    for (const c of g.criteria) {
      let s: CriterionScore;
      if (excluded) {
        s = {
          code: c.code,
          title: c.title,
          max: c.max,
          points: 0,
          mode: "excluded",
          explanation: "Không được cấp kinh phí khảo sát — không tính",
          evidence: [],
        };
      } else if (manual[c.code]) {
        const m = manualEntrySchema.parse(manual[c.code]);
        const auto = autoScore(c, facts);
        s = {
          code: c.code,
          title: c.title,
          max: c.max,
          points: Math.min(c.max, m.points),
          mode: "manual",
          explanation: `Chấm thủ công (tự động: ${auto.points})`,
          evidence: auto.evidence,
          reason: m.reason,
        };
      } else {
        s = { code: c.code, title: c.title, max: c.max, ...autoScore(c, facts) };
      }
      gp += s.points;
      criteria.push(s);
    }
    gp = Math.min(gp, g.max);
    groups.push({ code: g.code, title: g.title, max: g.max, points: round2(gp), excluded });
    if (!excluded) {
      max += g.max;
      total += gp;
    }
  }
  const bonus = extra.bonus ? Math.min(set.bonus_max, manualEntrySchema.parse(extra.bonus).points) : 0;
  const deduction = set.deduction_per_late_report * (facts.reports.late.length + facts.reports.missing.length);
  total = Math.max(0, round2(total + bonus - deduction));
  const percent = max > 0 ? round2((100 * total) / max) : 0;
  const rating = set.ratings.find((r) => percent >= r.min_percent)?.label ?? "";
  return {
    set_id: set.id,
    confidence: set.confidence,
    criteria,
    groups,
    bonus,
    deduction,
    total,
    max,
    percent,
    rating,
  };
}

/** Ranking by total (ties share the rank). */
export function rank<T extends { total: number }>(rows: readonly T[]): Array<T & { rank: number }> {
  const sorted = [...rows].sort((a, b) => b.total - a.total);
  return sorted.map((r, i) => ({
    ...r,
    rank: i > 0 && sorted[i - 1].total === r.total ? sorted.findIndex((x) => x.total === r.total) + 1 : i + 1,
  }));
}
