// Report templates are DATA (zod-validated): sections of indicator rows (derived statistics) and narrative sections
// (results, difficulties, causes, proposals, solutions). An ad-hoc form is one more object of this shape.
import { z } from "zod";
import { INDICATOR_KEYS } from "../statistics/indicators.ts";
import { PERIOD_KINDS } from "../statistics/periods.ts";
import type { IndicatorKey } from "../statistics/types.ts";

export const NARRATIVE_KEYS = ["results", "difficulties", "causes", "proposals", "solutions"] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];
export const NARRATIVE_LABEL_VI: Record<NarrativeKey, string> = {
  results: "Kết quả thực hiện",
  difficulties: "Khó khăn, vướng mắc, tồn tại, hạn chế",
  causes: "Nguyên nhân",
  proposals: "Đề xuất, kiến nghị",
  solutions: "Giải pháp",
};

const indicatorKey = z.enum(INDICATOR_KEYS as [IndicatorKey, ...IndicatorKey[]], { error: "chỉ tiêu không tồn tại" });

export const templateSectionSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("indicators"),
    key: z.string().trim().min(1).max(50),
    title: z.string().trim().min(1).max(300),
    indicators: z.array(indicatorKey).min(1),
    /** Columns per field (the six fields of the glossary) besides the total. */
    by_field: z.boolean().default(true),
  }),
  z.strictObject({
    type: z.literal("narrative"),
    key: z.enum(NARRATIVE_KEYS),
    title: z.string().trim().min(1).max(300),
    hint: z.string().max(1000).optional(),
  }),
]);

export const reportTemplateSchema = z.strictObject({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{2,60}$/, "mã mẫu chỉ gồm chữ thường, số, gạch dưới, gạch nối"),
  name: z.string().trim().min(1).max(300),
  /** Title of the exported document, e.g. "BÁO CÁO". */
  document_title: z.string().trim().min(1).max(300).default("BÁO CÁO"),
  /** Trích yếu of the exported document. */
  summary: z.string().trim().min(1).max(500),
  period_kinds: z.array(z.enum(PERIOD_KINDS)).min(1),
  sections: z.array(templateSectionSchema).min(1),
  /** Pre-fill the narrative from the plan's task outcomes (annual coordination review). */
  prefill_from_plan: z.boolean().default(false),
  basis: z.string().trim().min(1).max(500),
  confidence: z.enum(["confirmed", "unverified"]),
});
export type ReportTemplate = z.output<typeof reportTemplateSchema>;
export type ReportTemplateInput = z.input<typeof reportTemplateSchema>;

const M03: IndicatorKey[] = [
  "handled",
  "handled_new",
  "handled_carried",
  "at_agency",
  "in_court",
  "court_d52_k1a",
  "court_d52_k1b_k2",
  "court_d55",
  "resolved",
  "resolved_at_agency",
  "resolved_in_court",
  "amount_to_pay",
  "terminated",
  "in_progress",
  "suspended",
  "cases_paid",
  "amount_paid",
  "advance_paid",
];
const M04: IndicatorKey[] = [
  "recourse_considered",
  "recourse_decided",
  "recourse_pending",
  "recourse_amount",
  "recourse_reimbursed",
  "recourse_outstanding",
  "recourse_not_pursued",
  "recourse_not_pursued_no_fault",
  "recourse_not_pursued_official_died",
  "recourse_not_pursued_other",
  "paid_without_recourse",
];

export const BUILTIN_TEMPLATES: readonly ReportTemplate[] = [
  reportTemplateSchema.parse({
    id: "tt08-annual",
    name: "Báo cáo công tác bồi thường nhà nước (định kỳ)",
    summary: "Kết quả công tác bồi thường nhà nước",
    period_kinds: ["tt08_annual_report", "tt08_annual_statistics", "half_year", "year", "custom"],
    sections: [
      {
        type: "indicators",
        key: "claims",
        title: "I. KẾT QUẢ GIẢI QUYẾT YÊU CẦU BỒI THƯỜNG",
        indicators: M03,
      },
      {
        type: "indicators",
        key: "recourse",
        title: "II. THỰC HIỆN TRÁCH NHIỆM HOÀN TRẢ",
        indicators: M04,
        by_field: false,
      },
      { type: "narrative", key: "results", title: "III. ĐÁNH GIÁ KẾT QUẢ" },
      { type: "narrative", key: "difficulties", title: "IV. KHÓ KHĂN, VƯỚNG MẮC" },
      { type: "narrative", key: "proposals", title: "V. ĐỀ XUẤT, KIẾN NGHỊ" },
    ],
    basis: "Thông tư 08/2019/TT-BTP, Điều 24, Điều 25; KH UBND tỉnh Thanh Hóa 2024 mục II.7, mục III",
    confidence: "unverified",
  }),
  reportTemplateSchema.parse({
    id: "coordination-review",
    name: "Tổng kết công tác phối hợp (kết quả, khó khăn, nguyên nhân, giải pháp)",
    summary: "Tổng kết công tác phối hợp thực hiện công tác bồi thường nhà nước",
    period_kinds: ["year", "custom"],
    sections: [
      { type: "narrative", key: "results", title: "I. KẾT QUẢ THỰC HIỆN" },
      { type: "indicators", key: "claims", title: "Số liệu giải quyết bồi thường", indicators: M03.slice(0, 14) },
      { type: "narrative", key: "difficulties", title: "II. KHÓ KHĂN, VƯỚNG MẮC, TỒN TẠI, HẠN CHẾ" },
      { type: "narrative", key: "causes", title: "III. NGUYÊN NHÂN" },
      { type: "narrative", key: "solutions", title: "IV. GIẢI PHÁP" },
    ],
    prefill_from_plan: true,
    basis: "KH 2021 Cục BTNN – Tổng cục THADS, mục III.3",
    confidence: "confirmed",
  }),
  reportTemplateSchema.parse({
    id: "quick-figures",
    name: "Báo cáo nhanh số liệu (đột xuất)",
    summary: "Số liệu giải quyết bồi thường (báo cáo đột xuất)",
    period_kinds: ["custom", "half_year", "year"],
    sections: [
      {
        type: "indicators",
        key: "claims",
        title: "SỐ LIỆU",
        indicators: ["handled", "resolved", "terminated", "in_progress", "amount_to_pay", "amount_paid"],
      },
      { type: "narrative", key: "proposals", title: "ĐỀ XUẤT, KIẾN NGHỊ" },
    ],
    basis: "KH UBND tỉnh Thanh Hóa 2024 mục III.1 (báo cáo đột xuất khi có yêu cầu của Bộ Tư pháp)",
    confidence: "confirmed",
  }),
];

export function builtinTemplate(id: string): ReportTemplate | undefined {
  return BUILTIN_TEMPLATES.find((t) => t.id === id);
}
