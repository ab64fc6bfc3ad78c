// Plan text → structured plan with dated task instances: the parser, the agencies resolved against the dated
// registry, and schedule expansion for the plan year.
import { defaultCalendar } from "../calendar/index.ts";
import type { WorkCalendar } from "../calendar/types.ts";
import { parsePlan } from "./parse.ts";
import { resolvePlanAgencies } from "./resolve-agencies.ts";
import { expandSchedule } from "./schedule.ts";
import type { PeriodUnit, Plan } from "./types.ts";

export interface ImportOptions {
  /** Plan year for schedule expansion; default: the year the document names (date or title). */
  year?: number;
  calendar?: WorkCalendar;
  /** Reporting period of continuous ("Thường xuyên") tasks; default 6 months. */
  reporting_period?: PeriodUnit;
}

/** Parses `text` and expands each task's schedule for the plan year. Never throws on messy text. */
export function importPlan(text: string, options: ImportOptions = {}): Plan {
  const plan = parsePlan(text, { year: options.year });
  const year = options.year ?? plan.year;
  if (options.year !== undefined) plan.year = options.year;
  resolvePlanAgencies(plan);
  if (year === null || year === undefined) {
    plan.warnings.push({
      code: "no_year",
      message:
        "Không xác định được năm của kế hoạch (không có ngày ban hành hoặc “năm …” trong tiêu đề); dùng --year để tính hạn",
    });
    return plan;
  }
  const calendar = options.calendar ?? defaultCalendar;
  const docLabel = plan.number ? `KH ${plan.number}` : `KH ${plan.title || "(không tên)"}`.slice(0, 80);
  for (const task of plan.tasks) {
    const t = task.timing;
    if (!t || (t.kind !== "recurring" && t.kind !== "dated" && t.kind !== "continuous")) continue;
    try {
      t.instances = expandSchedule(t, year, calendar, {
        basis: `${docLabel}, mục ${task.number}`,
        reporting_period: options.reporting_period,
      });
    } catch (e) {
      plan.warnings.push({
        code: "import",
        message: `Không tính được hạn cho mục ${task.number}: ${(e as Error).message}`,
        text: t.text,
      });
    }
  }
  return plan;
}
