// Schedule → dated task instances for one plan year.
//
// Which periods a plan year covers (decision, see docs/plan-import.md): an instance belongs to year Y when its WINDOW
// (the time in which the work is done) lies in Y. So for "Định kỳ 6 tháng một lần, được thực hiện trong tháng đầu tiên
// của kỳ tiếp theo" the 2021 plan has the list for 6 tháng cuối năm 2020 (made in January 2021) and for 6 tháng đầu
// năm 2021 (made in July 2021); the list for 6 tháng cuối năm 2021 is made in January 2022 under the 2022 plan.
//
// Due date = last day of the window; when that day is a weekly rest day or a holiday the work is due at the end of the
// next working day (Bộ luật Dân sự 2015, Điều 148 khoản 5 — CITE_ROLLOVER).
import { CITE_ROLLOVER, halfYearRange, quarterRange, weeklyRestName } from "../calendar/index.ts";
import type { ExplanationStep, WorkCalendar } from "../calendar/types.ts";
import { addDays, daysInMonth, formatVi, type IsoDate, parts, weekdayVi, ymd } from "../shared/dates.ts";
import type { PeriodSpec, PeriodUnit, Schedule, TaskInstance } from "./types.ts";

const ROMAN = ["", "I", "II", "III", "IV"];

type Range = { start: IsoDate; end: IsoDate };

function periodRange(unit: PeriodUnit, year: number, index: number): Range {
  switch (unit) {
    case "year":
      return { start: ymd(year, 1, 1), end: ymd(year, 12, 31) };
    case "half_year":
      return halfYearRange(year, index);
    case "quarter":
      return quarterRange(year, index);
    case "month":
      return { start: ymd(year, index, 1), end: ymd(year, index, daysInMonth(year, index)) };
  }
}

const PERIODS_PER_YEAR: Record<PeriodUnit, number> = { year: 1, half_year: 2, quarter: 4, month: 12 };

export function periodLabel(unit: PeriodUnit, year: number, index: number): string {
  switch (unit) {
    case "year":
      return `Năm ${year}`;
    case "half_year":
      return index === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`;
    case "quarter":
      return `Quý ${ROMAN[index]} năm ${year}`;
    case "month":
      return `Tháng ${index} năm ${year}`;
  }
}

function monthOf(date: IsoDate): Range {
  const { year, month } = parts(date);
  return { start: ymd(year, month, 1), end: ymd(year, month, daysInMonth(year, month)) };
}

/** Steps explaining why `last` moves to the next working day, and the due date. */
function dueOf(cal: WorkCalendar, last: IsoDate, basis: string): { due: IsoDate; steps: ExplanationStep[] } {
  const steps: ExplanationStep[] = [];
  let d = last;
  while (!cal.isWorkingDay(d)) {
    const entries = cal.entriesOn(d).filter((e) => e.kind !== "swapped_work");
    if (entries.length === 0) {
      steps.push({ rule: "skip", date: d, text: `${formatVi(d)} — ${weeklyRestName(d)}` });
    } else {
      for (const e of entries)
        steps.push({
          rule: "skip",
          date: d,
          text: `${weekdayVi(d)}, ${formatVi(d)} — ${e.name}`,
          source: e.source,
          ...(e.unverified ? { unverified: true as const } : {}),
        });
    }
    d = addDays(d, 1);
  }
  if (d !== last) {
    steps.push({
      rule: "rollover",
      date: d,
      text: `Ngày cuối cùng ${formatVi(last)} là ngày nghỉ; hạn chuyển sang cuối ngày làm việc tiếp theo là ${weekdayVi(d)}, ${formatVi(d)}`,
      source: CITE_ROLLOVER,
    });
  }
  steps.push({
    rule: "end",
    date: d,
    text: `Hạn hoàn thành: cuối ngày ${weekdayVi(d)}, ${formatVi(d)}`,
    source: d === last ? basis : CITE_ROLLOVER,
  });
  return { due: d, steps };
}

function instance(
  cal: WorkCalendar,
  label: string,
  window: Range,
  lead: ExplanationStep[],
  basis: string,
): TaskInstance {
  const { due, steps } = dueOf(cal, window.end, basis);
  return {
    period_label: label,
    window_start: window.start,
    window_end: window.end,
    due,
    explanation: [...lead, ...steps],
  };
}

export interface ExpandOptions {
  /** Citation of the plan clause, e.g. "KH 2021 mục II.1.1"; shown as the source of the window. */
  basis?: string;
  /** Reporting period of a continuous ("Thường xuyên") task; default DEFAULT_REPORTING_PERIOD. */
  reporting_period?: PeriodUnit;
}

/**
 * A continuous task has no deadline of its own; progress and evidence are recorded once per reporting period, by
 * default every 6 months (the half-year reporting rhythm of Thông tư 08/2019/TT-BTP). A setting of each plan, not law.
 */
export const DEFAULT_REPORTING_PERIOD: PeriodUnit = "half_year";

/**
 * Dated instances of a schedule for plan year `year`. Recurring and dated schedules give instances; a continuous one
 * gives one per reporting period of the year (`reporting_period`, 6 months by default); event-driven and unparsed ones
 * give none (event-driven work is created when its trigger happens).
 * A dated phrase with its own year ("Quý IV năm 2024") keeps that year; `year` fills in phrases without one.
 */
export function expandSchedule(
  schedule: Schedule,
  year: number,
  calendar: WorkCalendar,
  options: ExpandOptions = {},
): TaskInstance[] {
  const basis = options.basis ?? "Kế hoạch";
  if (schedule.kind === "continuous") {
    const unit = options.reporting_period ?? DEFAULT_REPORTING_PERIOD;
    return Array.from({ length: PERIODS_PER_YEAR[unit] }, (_, k) => {
      const label = periodLabel(unit, year, k + 1);
      const window = periodRange(unit, year, k + 1);
      const text = `Thực hiện thường xuyên; ghi nhận tiến độ và minh chứng theo kỳ báo cáo ${label}: từ ${formatVi(window.start)} đến ${formatVi(window.end)}`;
      return instance(calendar, label, window, [{ rule: "count", text, source: basis }], basis);
    });
  }
  if (schedule.kind === "recurring") {
    const out: TaskInstance[] = [];
    const n = PERIODS_PER_YEAR[schedule.unit];
    if (schedule.window === "first_month_of_next_period") {
      // Periods whose following period starts in `year`: the last one of year-1, then all but the last of `year`.
      const covered: Array<[number, number]> = [[year - 1, n]];
      for (let i = 1; i < n; i++) covered.push([year, i]);
      for (const [y, i] of covered) {
        const period = periodRange(schedule.unit, y, i);
        const window = monthOf(addDays(period.end, 1));
        const label = periodLabel(schedule.unit, y, i);
        out.push(
          instance(
            calendar,
            label,
            window,
            [
              {
                rule: "note",
                text: `Kỳ: ${label} (${formatVi(period.start)}–${formatVi(period.end)})`,
                source: basis,
              },
              {
                rule: "count",
                text: `Thực hiện trong tháng đầu tiên của kỳ tiếp theo: từ ${formatVi(window.start)} đến ${formatVi(window.end)}`,
                source: basis,
              },
            ],
            basis,
          ),
        );
      }
      return out;
    }
    for (let i = 1; i <= n; i++) {
      const period = periodRange(schedule.unit, year, i);
      const label = periodLabel(schedule.unit, year, i);
      const window = schedule.window === "first_month_of_period" ? monthOf(period.start) : period;
      const what =
        schedule.window === "first_month_of_period"
          ? `Thực hiện trong tháng đầu tiên của ${label}: từ ${formatVi(window.start)} đến ${formatVi(window.end)}`
          : `Thực hiện trong ${label}: từ ${formatVi(window.start)} đến ${formatVi(window.end)}`;
      out.push(instance(calendar, label, window, [{ rule: "count", text: what, source: basis }], basis));
    }
    return out;
  }
  if (schedule.kind === "dated") {
    const out: TaskInstance[] = [];
    const specs: PeriodSpec[] = schedule.periods.map((p) => ({ ...p, year: p.year ?? year }));
    // Consecutive periods of one unit and year form one window ("Quý II, III năm 2024" → 01/04–30/09/2024).
    const runs: PeriodSpec[][] = [];
    for (const p of specs) {
      const last = runs.at(-1)?.at(-1);
      if (last && last.unit === p.unit && last.year === p.year && last.index + 1 === p.index) runs.at(-1)!.push(p);
      else runs.push([p]);
    }
    for (const run of runs) {
      const first = run[0];
      const lastP = run[run.length - 1];
      const y = first.year as number;
      const window = {
        start: periodRange(first.unit, y, first.index).start,
        end: periodRange(lastP.unit, y, lastP.index).end,
      };
      const label =
        run.length === 1
          ? periodLabel(first.unit, y, first.index)
          : first.unit === "quarter"
            ? `Quý ${run.map((p) => ROMAN[p.index]).join(", ")} năm ${y}`
            : run.map((p) => periodLabel(p.unit, y, p.index)).join(", ");
      const lead: ExplanationStep[] = [
        {
          rule: "count",
          text: `Thực hiện trong ${label}: từ ${formatVi(window.start)} đến ${formatVi(window.end)}`,
          source: basis,
        },
      ];
      if (schedule.by_date && schedule.by_date >= window.start && schedule.by_date < window.end) {
        window.end = schedule.by_date;
        lead.push({ rule: "note", text: `Hạn ghi trong kế hoạch: ${formatVi(schedule.by_date)}`, source: basis });
      }
      if (schedule.note) lead.push({ rule: "note", text: schedule.note, source: basis });
      out.push(instance(calendar, label, window, lead, basis));
    }
    if (runs.length === 0 && schedule.by_date) {
      const d = schedule.by_date;
      out.push(
        instance(
          calendar,
          `Trước ngày ${formatVi(d)}`,
          { start: ymd(parts(d).year, 1, 1), end: d },
          [{ rule: "note", text: `Hạn ghi trong kế hoạch: ${formatVi(d)}`, source: basis }],
          basis,
        ),
      );
    }
    return out;
  }
  return [];
}
