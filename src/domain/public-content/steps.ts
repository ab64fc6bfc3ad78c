// "Các bước và thời hạn" of the public portal: the happy path at the handling agency in plain Vietnamese, each step's
// duration read from the dated legal parameter table (legal/parameters.ts — the same rows the officials' deadlines
// use) and an example date computed on the working-day calendar with its explanation, as if the agency received a
// complete file on `from` and every step were done on its last allowed day.
import { addPeriod } from "../calendar/periods.ts";
import type { ExplanationStep, PeriodUnit, WorkCalendar } from "../calendar/types.ts";
import { type Confidence, parameterFor, type StepKey } from "../legal/parameters.ts";
import type { IsoDate } from "../shared/dates.ts";

export type PublicStep = {
  key: StepKey;
  title: string;
  /** What happens, for a person without legal training. */
  text: string;
  value: number;
  unit: PeriodUnit;
  complex_value?: number;
  /** "02 ngày làm việc", "15 ngày (30 ngày nếu phức tạp)". */
  duration_vi: string;
  cite: string;
  confidence: Confidence;
  /** Example: the last allowed day if the previous step ended on `from_date`. */
  example: { from_date: IsoDate; due: IsoDate; explanation: ExplanationStep[] };
};

type StepDef = { key: StepKey; variant?: string; title: string; text: string };

/** The chain, in order: each step counts from the end of the previous one (the first from the receipt). */
const CHAIN: readonly StepDef[] = [
  {
    key: "accept",
    title: "Thụ lý hồ sơ",
    text: "Cơ quan nhận hồ sơ hợp lệ của bạn, vào sổ thụ lý và thông báo bằng văn bản cho bạn. Nếu hồ sơ chưa đủ, cơ quan báo để bạn bổ sung (trong 05 ngày làm việc).",
  },
  {
    key: "appoint_officer",
    title: "Cử người giải quyết bồi thường",
    text: "Cơ quan cử một cán bộ có kinh nghiệm, không có quyền lợi liên quan, trực tiếp giải quyết yêu cầu của bạn.",
  },
  {
    key: "verify",
    title: "Xác minh thiệt hại",
    text: "Người giải quyết bồi thường xác minh từng thiệt hại bạn yêu cầu; có thể mời định giá, giám định. Thời hạn có thể kéo dài thêm tối đa 15 ngày nếu bạn đồng ý.",
  },
  {
    key: "verification_report",
    title: "Hoàn thành báo cáo xác minh thiệt hại",
    text: "Kết quả xác minh được lập thành báo cáo, làm căn cứ để thương lượng với bạn.",
  },
  {
    key: "negotiation_start",
    title: "Bắt đầu thương lượng",
    text: "Cơ quan mời bạn thương lượng về loại thiệt hại, số tiền bồi thường và cách chi trả.",
  },
  {
    key: "negotiation_end",
    title: "Kết thúc thương lượng",
    text: "Thương lượng phải xong trong thời hạn này; có thể kéo dài thêm tối đa 10 ngày nếu hai bên đồng ý.",
  },
  {
    key: "decision",
    title: "Nhận quyết định giải quyết bồi thường",
    text: "Ngay khi thương lượng thành, Thủ trưởng cơ quan ra quyết định giải quyết bồi thường và trao cho bạn tại buổi thương lượng.",
  },
  {
    key: "decision_effective",
    title: "Quyết định có hiệu lực",
    text: "Quyết định có hiệu lực sau 15 ngày kể từ ngày trao, trừ khi bạn khởi kiện ra Tòa án trong thời hạn đó vì không đồng ý.",
  },
];

const UNIT_SHORT: Record<PeriodUnit, string> = {
  working_days: "ngày làm việc",
  calendar_days: "ngày",
  months: "tháng",
  years: "năm",
};
const two = (n: number) => String(n).padStart(2, "0");

export function durationVi(value: number, unit: PeriodUnit, complex?: number): string {
  if (value === 0) return "ngay trong ngày";
  const base = `${two(value)} ${UNIT_SHORT[unit]}`;
  return complex === undefined ? base : `${base} (${two(complex)} ${UNIT_SHORT[unit]} nếu vụ việc phức tạp)`;
}

/** The steps under the 2017 law in force on `from`, with example dates chained from `from` (the receipt). */
export function publicSteps(cal: WorkCalendar, from: IsoDate): PublicStep[] {
  const out: PublicStep[] = [];
  let at = from;
  for (const def of CHAIN) {
    const p = parameterFor(def.key, "law_2017", from, def.variant);
    if (!p) continue; // a step the table no longer defines is left out rather than invented
    const computed = addPeriod(cal, at, p.value, p.unit);
    out.push({
      key: def.key,
      title: def.title,
      text: def.text,
      value: p.value,
      unit: p.unit,
      ...(p.complex_value !== undefined ? { complex_value: p.complex_value } : {}),
      duration_vi: durationVi(p.value, p.unit, p.complex_value),
      cite: p.cite,
      confidence: p.confidence,
      example: { from_date: at, due: computed.date, explanation: computed.explanation },
    });
    at = computed.date;
  }
  return out;
}
