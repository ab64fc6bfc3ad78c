// Period arithmetic (thời hạn) under Bộ luật Dân sự 2015, Điều 147–148, on a working-day calendar.
//
// Điều 147 khoản 2: "Khi thời hạn được xác định bằng ngày, tuần, tháng, năm thì ngày đầu tiên của thời hạn không được
// tính mà tính từ ngày tiếp theo liền kề ngày được xác định." Khoản 3: "Khi thời hạn bắt đầu bằng một sự kiện thì ngày
// xảy ra sự kiện không được tính mà tính từ ngày tiếp theo liền kề của ngày xảy ra sự kiện đó."
// Điều 148 khoản 1: "Khi thời hạn tính bằng ngày thì thời hạn kết thúc tại thời điểm kết thúc ngày cuối cùng của thời
// hạn." Khoản 3: a period in months ends at the end of the corresponding day of the last month; if that month has no
// such day, at the end of its last day. Khoản 4: years — the corresponding day and month of the last year.
// Khoản 5: "Khi ngày cuối cùng của thời hạn là ngày nghỉ cuối tuần hoặc ngày nghỉ lễ thì thời hạn kết thúc tại thời
// điểm kết thúc ngày làm việc tiếp theo ngày nghỉ đó."
// Working days ("ngày làm việc"): only working days are counted, so the N-th one is always a working day.
import {
  addDays,
  daysInMonth,
  formatVi,
  fromDayNumber,
  type IsoDate,
  isIsoDate,
  parts,
  toDayNumber,
  weekdayVi,
  ymd,
} from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";
import type { ComputedDate, ExplanationStep, HolidayEntry, PeriodUnit, WorkCalendar } from "./types.ts";
import { WEEKLY_REST, weeklyRestName } from "./work-calendar.ts";

export const CITE_START = "Bộ luật Dân sự 2015, Điều 147 khoản 3";
export const CITE_END_DAYS = "Bộ luật Dân sự 2015, Điều 148 khoản 1";
export const CITE_END_MONTHS = "Bộ luật Dân sự 2015, Điều 148 khoản 3";
export const CITE_END_YEARS = "Bộ luật Dân sự 2015, Điều 148 khoản 4";
export const CITE_ROLLOVER = "Bộ luật Dân sự 2015, Điều 148 khoản 5";

const UNIT_VI: Record<PeriodUnit, string> = {
  working_days: "ngày làm việc",
  calendar_days: "ngày",
  months: "tháng",
  years: "năm",
};

function dayLabel(date: IsoDate): string {
  return `${weekdayVi(date)}, ${formatVi(date)}`;
}

/** One "skip" step per non-working day: its holiday entries, or the weekly rest day. */
function skipSteps(cal: WorkCalendar, date: IsoDate): ExplanationStep[] {
  const entries = cal.entriesOn(date).filter((e) => e.kind !== "swapped_work");
  if (entries.length === 0) {
    return [{ rule: "skip", date, text: `${formatVi(date)} — ${weeklyRestName(date)}`, source: WEEKLY_REST.source }];
  }
  return entries.map((e: HolidayEntry) => ({
    rule: "skip" as const,
    date,
    text: `${dayLabel(date)} — ${e.name}`,
    source: e.source,
    ...(e.unverified ? { unverified: true as const } : {}),
  }));
}

function isWeekendDn(dn: number): boolean {
  const dow = (((dn + 4) % 7) + 7) % 7;
  return dow === 0 || dow === 6;
}

/** A "note" step when a weekend day is a working day because of a swap. */
function swappedWorkNotes(cal: WorkCalendar, date: IsoDate): ExplanationStep[] {
  return cal
    .entriesOn(date)
    .filter((e) => e.kind === "swapped_work")
    .map((e) => ({
      rule: "note" as const,
      date,
      text: `${dayLabel(date)} là ngày làm việc: ${e.name}`,
      source: e.source,
    }));
}

/** isWorkingDay on day numbers, using the calendar's fast path when it has one. */
function workingTest(cal: WorkCalendar): (dn: number) => boolean {
  return cal.isWorkingDayNumber ? (dn) => cal.isWorkingDayNumber!(dn) : (dn) => cal.isWorkingDay(fromDayNumber(dn));
}

function badInput(field: string, message: string): DomainError {
  return new DomainError("invalid_period", field, message);
}

function checkDate(date: IsoDate, field: string): void {
  if (!isIsoDate(date)) throw badInput(field, `Ngày không hợp lệ: "${String(date)}" (cần dạng YYYY-MM-DD).`);
}

/** The corresponding day `months` months after `date`, or the last day of a shorter month (Điều 148 khoản 3). */
export function addMonthsCorresponding(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parts(date);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return ymd(y, m, Math.min(day, daysInMonth(y, m)));
}

/**
 * Adds a period to the day of an event and explains the result.
 * - working_days: the N-th working day after `from` (skipped days listed with reason and source).
 * - calendar_days: `from` + N, rolled forward to the next working day when it is off (Điều 148 khoản 5).
 * - months / years: the corresponding day (last day of a shorter month), then the same roll-over.
 * `value` 0 returns `from` itself (nothing is counted, no roll-over). Negative or non-integer → DomainError.
 */
export function addPeriod(cal: WorkCalendar, from: IsoDate, value: number, unit: PeriodUnit): ComputedDate {
  checkDate(from, "from");
  if (!Number.isInteger(value) || value < 0) {
    throw badInput("value", `Độ dài thời hạn phải là số nguyên không âm (nhận được: ${String(value)}).`);
  }
  if (!(unit in UNIT_VI)) throw badInput("unit", `Đơn vị thời hạn không hợp lệ: "${String(unit)}".`);
  const steps: ExplanationStep[] = [
    {
      rule: "start",
      date: from,
      text: `Sự kiện ngày ${formatVi(from)}; ngày đầu tiên của thời hạn là ngày tiếp theo (Bộ luật Dân sự 2015, Điều 147 khoản 3)`,
      source: CITE_START,
    },
  ];
  if (value === 0) {
    steps.push({
      rule: "end",
      date: from,
      text: `Thời hạn 0 ${UNIT_VI[unit]}: không tính ngày nào, thời hạn là chính ngày ${formatVi(from)}`,
    });
    return { date: from, explanation: steps };
  }

  if (unit === "working_days") {
    const isWorking = workingTest(cal);
    let dn = toDayNumber(from);
    let counted = 0;
    steps.push({
      rule: "count",
      text: `Đếm ${value} ngày làm việc kể từ ngày ${formatVi(addDays(from, 1))}; ngày nghỉ hằng tuần, nghỉ lễ, tết và nghỉ bù không được tính`,
      source: CITE_START,
    });
    while (counted < value) {
      dn++;
      if (isWorking(dn)) {
        counted++;
        if (isWeekendDn(dn)) steps.push(...swappedWorkNotes(cal, fromDayNumber(dn)));
      } else {
        steps.push(...skipSteps(cal, fromDayNumber(dn)));
      }
    }
    const d = fromDayNumber(dn);
    steps.push({
      rule: "end",
      date: d,
      text: `Ngày làm việc thứ ${value} là ${dayLabel(d)}; thời hạn kết thúc vào cuối ngày này`,
      source: CITE_END_DAYS,
    });
    return { date: d, explanation: steps };
  }

  let last: IsoDate;
  let endCite: string;
  if (unit === "calendar_days") {
    last = addDays(from, value);
    endCite = CITE_END_DAYS;
    steps.push({
      rule: "count",
      date: last,
      text: `Đếm ${value} ngày (kể cả ngày nghỉ) từ ngày ${formatVi(addDays(from, 1))}: ngày cuối cùng là ${dayLabel(last)}`,
      source: CITE_END_DAYS,
    });
  } else {
    const months = unit === "months" ? value : value * 12;
    last = addMonthsCorresponding(from, months);
    endCite = unit === "months" ? CITE_END_MONTHS : CITE_END_YEARS;
    const shortened = parts(last).day !== parts(from).day;
    steps.push({
      rule: "count",
      date: last,
      text:
        `${value} ${UNIT_VI[unit]} kể từ ngày ${formatVi(from)}: ngày tương ứng là ${dayLabel(last)}` +
        (shortened ? " (tháng cuối cùng không có ngày tương ứng nên lấy ngày cuối cùng của tháng)" : ""),
      source: endCite,
    });
  }
  let end = last;
  if (!cal.isWorkingDay(end)) {
    while (!cal.isWorkingDay(end)) {
      steps.push(...skipSteps(cal, end));
      end = addDays(end, 1);
    }
    steps.push({
      rule: "rollover",
      date: end,
      text: `Ngày cuối cùng ${formatVi(last)} là ngày nghỉ; thời hạn kết thúc vào cuối ngày làm việc tiếp theo là ${dayLabel(end)}`,
      source: CITE_ROLLOVER,
    });
  }
  steps.push({
    rule: "end",
    date: end,
    text: `Thời hạn kết thúc vào cuối ngày ${dayLabel(end)}`,
    source: end === last ? endCite : CITE_ROLLOVER,
  });
  return { date: end, explanation: steps };
}

/**
 * Number of working days in (from, to]: the days after `from` up to and including `to`.
 * Negative (minus the working days in (to, from]) when `to` is before `from`; 0 when equal.
 */
export function workingDaysBetween(cal: WorkCalendar, from: IsoDate, to: IsoDate): number {
  checkDate(from, "from");
  checkDate(to, "to");
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (b < a) return -workingDaysBetween(cal, to, from) || 0;
  const isWorking = workingTest(cal);
  let n = 0;
  for (let d = a + 1; d <= b; d++) if (isWorking(d)) n++;
  return n;
}

// ---- Reporting periods for plans (quarters, half-years) ----

export type DateRange = { start: IsoDate; end: IsoDate };

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw badInput("year", `Năm không hợp lệ: ${String(year)}.`);
}

function monthsRange(year: number, firstMonth: number, count: number): DateRange {
  const lastMonth = firstMonth + count - 1;
  return { start: ymd(year, firstMonth, 1), end: ymd(year, lastMonth, daysInMonth(year, lastMonth)) };
}

/** Quarter q (1–4) of a year, e.g. quarterRange(2024, 1) = 2024-01-01 … 2024-03-31. */
export function quarterRange(year: number, q: number): DateRange {
  checkYear(year);
  if (!Number.isInteger(q) || q < 1 || q > 4) throw badInput("quarter", `Quý không hợp lệ: ${String(q)} (từ 1 đến 4).`);
  return monthsRange(year, (q - 1) * 3 + 1, 3);
}

/** Half-year h (1–2), e.g. halfYearRange(2024, 2) = 2024-07-01 … 2024-12-31. */
export function halfYearRange(year: number, h: number): DateRange {
  checkYear(year);
  if (!Number.isInteger(h) || h < 1 || h > 2) {
    throw badInput("half_year", `Kỳ 6 tháng không hợp lệ: ${String(h)} (1 hoặc 2).`);
  }
  return monthsRange(year, (h - 1) * 6 + 1, 6);
}

/**
 * First month of the period that follows quarter/half-year `index` of `year` (e.g. quarter 4 of 2024 → January 2025),
 * as the range of that month — used for "report in the first month of the next quarter".
 */
export function firstMonthOfNextPeriod(kind: "quarter" | "half_year", year: number, index: number): DateRange {
  const current = kind === "quarter" ? quarterRange(year, index) : halfYearRange(year, index);
  const next = parts(addDays(current.end, 1));
  return monthsRange(next.year, next.month, 1);
}
