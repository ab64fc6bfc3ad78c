// Reporting periods and deadlines. Thông tư 08/2019/TT-BTP, Điều 25 (text confirmed by legal-addendum §6):
// - annual report: actual data 01/01–31/10, received by the Ministry "chậm nhất trước ngày 08 tháng 12"; the estimate
//   for the whole year = actual × months estimated / months of actual data, computed by Cục BTNN only, rounded half up;
// - official annual statistics: 01/01–31/12, received "chậm nhất trước ngày 31 tháng 01 của năm sau";
// - khoản 3: a deadline falling on a weekly rest day or holiday moves to the next working day.
// Six-month periods (01/01–30/06, 01/07–31/12) follow KH 2021 mục II.1 (6-monthly case list); their deadline is set by
// whoever opens the round.
import { halfYearRange } from "../calendar/periods.ts";
import type { ExplanationStep, WorkCalendar } from "../calendar/types.ts";
import { addDays, formatVi, type IsoDate, isIsoDate } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";
import type { Period } from "./types.ts";

export const PERIOD_KINDS = ["tt08_annual_report", "tt08_annual_statistics", "half_year", "year", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export type PeriodRule = {
  kind: PeriodKind;
  label: string;
  basis: string;
  confidence: "confirmed" | "unverified";
};

export const PERIOD_RULES: Readonly<Record<PeriodKind, PeriodRule>> = {
  tt08_annual_report: {
    kind: "tt08_annual_report",
    label: "Báo cáo công tác bồi thường nhà nước hằng năm (số liệu thực tế 01/01–31/10)",
    basis: "Thông tư 08/2019/TT-BTP, Điều 25",
    confidence: "confirmed",
  },
  tt08_annual_statistics: {
    kind: "tt08_annual_statistics",
    label: "Số liệu thống kê chính thức năm (01/01–31/12)",
    basis: "Thông tư 08/2019/TT-BTP, Điều 25",
    confidence: "confirmed",
  },
  half_year: {
    kind: "half_year",
    label: "Sáu tháng",
    basis: "KH 2021 mục II.1.1 (danh mục vụ việc 6 tháng)",
    confidence: "confirmed",
  },
  year: { kind: "year", label: "Năm (01/01–31/12)", basis: "BC 74/BC-BTP, BC 62/BC-BTP", confidence: "confirmed" },
  custom: {
    kind: "custom",
    label: "Tùy chọn",
    basis: "Theo yêu cầu của cơ quan mở kỳ báo cáo",
    confidence: "confirmed",
  },
};

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new DomainError("invalid_year", "year", `Năm báo cáo không hợp lệ: ${year}`);
}

/** The data period of a report of `kind` for `year` (half: 1 | 2 for half_year). */
export function reportPeriod(
  kind: PeriodKind,
  year: number,
  opts: { half?: number; from?: IsoDate; to?: IsoDate } = {},
): Period {
  if (kind === "custom") {
    if (!isIsoDate(opts.from) || !isIsoDate(opts.to) || opts.from > opts.to)
      throw new DomainError("invalid_period", "period", "Kỳ tùy chọn cần ngày bắt đầu và ngày kết thúc hợp lệ.");
    return { from: opts.from, to: opts.to, label: `Từ ${formatVi(opts.from)} đến ${formatVi(opts.to)}` };
  }
  checkYear(year);
  switch (kind) {
    case "tt08_annual_report":
      return { from: `${year}-01-01`, to: `${year}-10-31`, label: `Năm ${year} (số liệu từ 01/01 đến 31/10/${year})` };
    case "half_year": {
      const h = opts.half ?? 1;
      if (h !== 1 && h !== 2) throw new DomainError("invalid_period", "half", "Kỳ sáu tháng phải là 1 hoặc 2.");
      const r = halfYearRange(year, h);
      return { from: r.start, to: r.end, label: `${h === 1 ? "06 tháng đầu" : "06 tháng cuối"} năm ${year}` };
    }
    default:
      return { from: `${year}-01-01`, to: `${year}-12-31`, label: `Năm ${year}` };
  }
}

export type ComputedDeadline = { date: IsoDate; explanation: ExplanationStep[]; basis: string };

/**
 * Last day a report may be received, rolled over to the next working day when it is a rest day or holiday
 * (Thông tư 08/2019/TT-BTP, Điều 25 khoản 3). `nominal` is the last day before the roll-over.
 */
export function rollOverDeadline(cal: WorkCalendar, nominal: IsoDate, basis: string): ComputedDeadline {
  const explanation: ExplanationStep[] = [
    { rule: "start", date: nominal, text: `Hạn theo quy định: ${formatVi(nominal)}`, source: basis },
  ];
  let d = nominal;
  while (!cal.isWorkingDay(d)) {
    const why =
      cal
        .entriesOn(d)
        .map((e) => e.name)
        .join(", ") || "ngày nghỉ hằng tuần";
    explanation.push({ rule: "skip", date: d, text: `${formatVi(d)} — ${why}` });
    d = addDays(d, 1);
  }
  if (d !== nominal)
    explanation.push({
      rule: "rollover",
      date: d,
      text: `Hạn rơi vào ngày nghỉ nên chuyển sang ngày làm việc tiếp theo: ${formatVi(d)}`,
      source: "Thông tư 08/2019/TT-BTP, Điều 25 khoản 3",
    });
  explanation.push({ rule: "end", date: d, text: `Hạn gửi báo cáo: ${formatVi(d)}` });
  return { date: d, explanation, basis };
}

/**
 * Statutory deadline of a TT 08 report for `year`: "chậm nhất trước ngày 08 tháng 12" → last day 07/12;
 * "chậm nhất trước ngày 31 tháng 01 của năm sau" → last day 30/01 of the next year; then the roll-over of khoản 3.
 * Returns undefined for kinds without a statutory deadline.
 */
export function statutoryDeadline(cal: WorkCalendar, kind: PeriodKind, year: number): ComputedDeadline | undefined {
  if (kind === "tt08_annual_report") return rollOverDeadline(cal, `${year}-12-07`, "Thông tư 08/2019/TT-BTP, Điều 25");
  if (kind === "tt08_annual_statistics")
    return rollOverDeadline(cal, `${year + 1}-01-30`, "Thông tư 08/2019/TT-BTP, Điều 25");
  return undefined;
}

/**
 * Whole-year estimate from actual data (Thông tư 08/2019/TT-BTP, Điều 25): actual × monthsEstimated / monthsActual,
 * rounded half up. Only Cục BTNN computes it; reporting units send actual data.
 */
export function estimateFromActual(actual: number, monthsActual = 10, monthsEstimated = 12): number {
  if (monthsActual <= 0) throw new RangeError("monthsActual phải dương");
  return Math.floor((actual * monthsEstimated) / monthsActual + 0.5);
}
