// The indicator table: one row per figure, with its Vietnamese label, unit, the TT 08/2019 form row it feeds and the
// legal basis. The structure of Mẫu 03 / Mẫu 04 is known only from a third-party specification ([T], legal-brief §7),
// so the form-row mapping is `confidence: "unverified"`; the law articles behind the split (Điều 52, 55) are confirmed.
import type { IndicatorKey } from "./types.ts";

export type IndicatorUnit = "case" | "vnd";

export type IndicatorDef = {
  key: IndicatorKey;
  label: string;
  unit: IndicatorUnit;
  /** Form and row (TT 08/2019 Mẫu 03 = giải quyết bồi thường, Mẫu 04 = trách nhiệm hoàn trả), per [T]. */
  form?: string;
  basis: string;
  confidence: "confirmed" | "unverified";
  /** Indent level in the report table (0 = main row). */
  level: 0 | 1 | 2;
};

const M03 = "TT 08/2019/TT-BTP, Mẫu 03";
const M04 = "TT 08/2019/TT-BTP, Mẫu 04";

export const INDICATORS: readonly IndicatorDef[] = [
  {
    key: "handled",
    label: "Tổng số vụ việc thụ lý giải quyết (mới + kỳ trước chuyển sang)",
    unit: "case",
    form: `${M03}, dòng 1`,
    basis: "BC 62/BC-BTP (14/02/2025): tổng số vụ việc = thụ lý mới + kỳ trước chuyển sang",
    confidence: "unverified",
    level: 0,
  },
  {
    key: "handled_new",
    label: "Thụ lý mới trong kỳ",
    unit: "case",
    form: `${M03}, dòng 2–5`,
    basis: "Luật TNBTCNN 2017, Điều 43 khoản 1 (thụ lý); Điều 52, Điều 55",
    confidence: "unverified",
    level: 1,
  },
  {
    key: "handled_carried",
    label: "Kỳ trước chuyển sang",
    unit: "case",
    form: `${M03}, dòng 6–9`,
    basis: "BC 62/BC-BTP (14/02/2025)",
    confidence: "unverified",
    level: 1,
  },
  {
    key: "at_agency",
    label: "Tại cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại",
    unit: "case",
    form: `${M03}, dòng 2, 6`,
    basis: "Luật TNBTCNN 2017, Điều 43",
    confidence: "confirmed",
    level: 1,
  },
  {
    key: "at_agency_new",
    label: "Tại cơ quan — thụ lý mới",
    unit: "case",
    form: `${M03}, dòng 2`,
    basis: "Luật TNBTCNN 2017, Điều 43 khoản 1",
    confidence: "unverified",
    level: 2,
  },
  {
    key: "at_agency_carried",
    label: "Tại cơ quan — kỳ trước chuyển sang",
    unit: "case",
    form: `${M03}, dòng 6`,
    basis: "Luật TNBTCNN 2017, Điều 43 khoản 1",
    confidence: "unverified",
    level: 2,
  },
  {
    key: "in_court",
    label: "Tại Tòa án (khởi kiện theo Điều 52; trong tố tụng hình sự, hành chính theo Điều 55)",
    unit: "case",
    form: `${M03}, dòng 3–5, 7–9`,
    basis: "Luật TNBTCNN 2017, Điều 52, Điều 55",
    confidence: "confirmed",
    level: 1,
  },
  {
    key: "in_court_new",
    label: "Tại Tòa án — thụ lý mới",
    unit: "case",
    form: `${M03}, dòng 3–5`,
    basis: "Luật TNBTCNN 2017, Điều 52, Điều 55",
    confidence: "unverified",
    level: 2,
  },
  {
    key: "in_court_carried",
    label: "Tại Tòa án — kỳ trước chuyển sang",
    unit: "case",
    form: `${M03}, dòng 7–9`,
    basis: "Luật TNBTCNN 2017, Điều 52, Điều 55",
    confidence: "unverified",
    level: 2,
  },
  {
    key: "court_d52_k1a",
    label: "Khởi kiện theo điểm a khoản 1 Điều 52",
    unit: "case",
    form: `${M03}, dòng 3, 7`,
    basis: "Luật TNBTCNN 2017, Điều 52 khoản 1 điểm a",
    confidence: "confirmed",
    level: 2,
  },
  {
    key: "court_d52_k1b_k2",
    label: "Khởi kiện theo điểm b khoản 1 và khoản 2 Điều 52",
    unit: "case",
    form: `${M03}, dòng 4, 8`,
    basis: "Luật TNBTCNN 2017, Điều 52 khoản 1 điểm b, khoản 2",
    confidence: "confirmed",
    level: 2,
  },
  {
    key: "court_d55",
    label: "Giải quyết trong quá trình tố tụng hình sự, tố tụng hành chính (Điều 55)",
    unit: "case",
    form: `${M03}, dòng 5, 9`,
    basis: "Luật TNBTCNN 2017, Điều 55",
    confidence: "confirmed",
    level: 2,
  },
  {
    key: "resolved",
    label: "Đã giải quyết xong (văn bản giải quyết bồi thường có hiệu lực pháp luật)",
    unit: "case",
    form: `${M03}, dòng 10–14`,
    basis: "Luật TNBTCNN 2017, Điều 47; BC 74/BC-BTP, BC 62/BC-BTP",
    confidence: "unverified",
    level: 0,
  },
  {
    key: "resolved_at_agency",
    label: "Quyết định giải quyết bồi thường có hiệu lực",
    unit: "case",
    form: `${M03}, dòng 11`,
    basis: "Luật TNBTCNN 2017, Điều 47",
    confidence: "unverified",
    level: 1,
  },
  {
    key: "resolved_in_court",
    label: "Bản án, quyết định của Tòa án có hiệu lực",
    unit: "case",
    form: `${M03}, dòng 12–14`,
    basis: "Luật TNBTCNN 2017, Điều 52, Điều 55, Điều 62 khoản 1",
    confidence: "unverified",
    level: 1,
  },
  {
    key: "amount_to_pay",
    label: "Số tiền Nhà nước phải bồi thường theo văn bản có hiệu lực",
    unit: "vnd",
    form: `${M03}, dòng 15`,
    basis: "BC 74/BC-BTP, BC 62/BC-BTP",
    confidence: "unverified",
    level: 0,
  },
  {
    key: "suspended",
    label: "Đang tạm đình chỉ (cuối kỳ)",
    unit: "case",
    form: `${M03}, dòng 16–20`,
    basis: "Luật TNBTCNN 2017, Điều 50",
    confidence: "confirmed",
    level: 1,
  },
  {
    key: "terminated",
    label: "Đình chỉ giải quyết yêu cầu bồi thường",
    unit: "case",
    form: `${M03}, dòng 21`,
    basis: "Luật TNBTCNN 2017, Điều 51",
    confidence: "confirmed",
    level: 0,
  },
  {
    key: "in_progress",
    label: "Đang giải quyết (chuyển kỳ sau), kể cả tạm đình chỉ",
    unit: "case",
    form: `${M03}, dòng 16–20`,
    basis: "BC 62/BC-BTP: tổng số = đã giải quyết + đình chỉ + đang giải quyết",
    confidence: "unverified",
    level: 0,
  },
  {
    key: "cases_paid",
    label: "Số vụ việc đã chi trả tiền bồi thường",
    unit: "case",
    form: `${M03}, dòng 23`,
    basis: "Luật TNBTCNN 2017, Điều 62 khoản 5",
    confidence: "unverified",
    level: 0,
  },
  {
    key: "amount_paid",
    label: "Số tiền đã chi trả",
    unit: "vnd",
    form: `${M03}, dòng 24–25`,
    basis: "Luật TNBTCNN 2017, Điều 62 khoản 5",
    confidence: "unverified",
    level: 0,
  },
  {
    key: "amount_paid_agency",
    label: "Chi trả theo quyết định giải quyết bồi thường",
    unit: "vnd",
    form: `${M03}, dòng 24`,
    basis: "Luật TNBTCNN 2017, Điều 62",
    confidence: "unverified",
    level: 1,
  },
  {
    key: "amount_paid_court",
    label: "Chi trả theo bản án, quyết định của Tòa án",
    unit: "vnd",
    form: `${M03}, dòng 25`,
    basis: "Luật TNBTCNN 2017, Điều 62",
    confidence: "unverified",
    level: 1,
  },
  {
    key: "advance_paid",
    label: "Số tiền đã tạm ứng kinh phí bồi thường",
    unit: "vnd",
    basis: "Luật TNBTCNN 2017, Điều 44",
    confidence: "confirmed",
    level: 0,
  },
  {
    key: "recourse_considered",
    label: "Số vụ việc xem xét trách nhiệm hoàn trả trong kỳ",
    unit: "case",
    form: `${M04}`,
    basis: "Luật TNBTCNN 2017, Điều 66",
    confidence: "unverified",
    level: 0,
  },
  {
    key: "recourse_decided",
    label: "Đã có quyết định hoàn trả",
    unit: "case",
    form: `${M04}`,
    basis: "Luật TNBTCNN 2017, Điều 66; NĐ 68/2018/NĐ-CP, Điều 30",
    confidence: "unverified",
    level: 1,
  },
  {
    key: "recourse_pending",
    label: "Đang xem xét (chưa có quyết định) cuối kỳ",
    unit: "case",
    form: `${M04}`,
    basis: "Luật TNBTCNN 2017, Điều 66",
    confidence: "unverified",
    level: 1,
  },
  {
    key: "recourse_amount",
    label: "Số tiền phải hoàn trả theo quyết định hoàn trả",
    unit: "vnd",
    form: `${M04}`,
    basis: "Luật TNBTCNN 2017, Điều 65",
    confidence: "unverified",
    level: 0,
  },
  {
    key: "recourse_reimbursed",
    label: "Số tiền đã hoàn trả trong kỳ",
    unit: "vnd",
    form: `${M04}`,
    basis: "Luật TNBTCNN 2017, Điều 65",
    confidence: "unverified",
    level: 0,
  },
  {
    key: "recourse_outstanding",
    label: "Số tiền còn phải hoàn trả (cuối kỳ)",
    unit: "vnd",
    form: `${M04}`,
    basis: "Luật TNBTCNN 2017, Điều 65",
    confidence: "unverified",
    level: 0,
  },
  {
    key: "recourse_not_pursued",
    label: "Không xem xét / không phải hoàn trả",
    unit: "case",
    form: `${M04}`,
    basis: "Luật TNBTCNN 2017, Điều 64 khoản 1 (chỉ người có lỗi phải hoàn trả)",
    confidence: "unverified",
    level: 0,
  },
  {
    key: "recourse_not_pursued_no_fault",
    label: "Người thi hành công vụ không có lỗi",
    unit: "case",
    form: `${M04}`,
    basis: "Luật TNBTCNN 2017, Điều 64 khoản 1",
    confidence: "unverified",
    level: 1,
  },
  {
    key: "recourse_not_pursued_official_died",
    label: "Người thi hành công vụ đã chết",
    unit: "case",
    form: `${M04}`,
    basis: "TT 08/2019/TT-BTP, Mẫu 04 ([T])",
    confidence: "unverified",
    level: 1,
  },
  {
    key: "recourse_not_pursued_other",
    label: "Lý do khác",
    unit: "case",
    form: `${M04}`,
    basis: "TT 08/2019/TT-BTP, Mẫu 04 ([T])",
    confidence: "unverified",
    level: 1,
  },
  {
    key: "paid_without_recourse",
    label: "Đã chi trả nhưng chưa thành lập Hội đồng xem xét trách nhiệm hoàn trả (cuối kỳ)",
    unit: "case",
    basis: "Luật TNBTCNN 2017, Điều 66 khoản 1 (thành lập Hội đồng trong 10 ngày kể từ ngày chi trả xong)",
    confidence: "confirmed",
    level: 0,
  },
];

export const INDICATOR_KEYS: readonly IndicatorKey[] = INDICATORS.map((d) => d.key);

export const INDICATOR_BY_KEY: Readonly<Record<IndicatorKey, IndicatorDef>> = Object.fromEntries(
  INDICATORS.map((d) => [d.key, d]),
) as Record<IndicatorKey, IndicatorDef>;

/**
 * The indicator's number in the table, as printed in the report ("1", "1.2", "1.2.1"): the code shown to users in the
 * XLSX "Mã chỉ tiêu" column instead of the internal key. Follows INDICATORS' order and levels.
 */
export const INDICATOR_CODE: Readonly<Record<IndicatorKey, string>> = (() => {
  const counters = [0, 0, 0];
  const out: Partial<Record<IndicatorKey, string>> = {};
  for (const d of INDICATORS) {
    counters[d.level]++;
    for (let l = d.level + 1; l < counters.length; l++) counters[l] = 0;
    out[d.key] = counters.slice(0, d.level + 1).join(".");
  }
  return out as Record<IndicatorKey, string>;
})();

/** Reasons an official is not pursued for recourse (event data `not_pursued` of council_recommended). */
export const NOT_PURSUED_REASONS = {
  no_fault: "Người thi hành công vụ không có lỗi",
  official_died: "Người thi hành công vụ đã chết",
  other: "Lý do khác",
} as const;
export type NotPursuedReason = keyof typeof NOT_PURSUED_REASONS;
