// Clocks stopped by a suspension (Điều 50): the policy, the suspensions of a history, and due dates counted around
// them with the explanation lines that say so.
import { addPeriod, workingDaysBetween } from "../../calendar/periods.ts";
import type { ComputedDate, ExplanationStep, PeriodUnit, WorkCalendar } from "../../calendar/types.ts";
import type { Confidence, StepKey } from "../../legal/parameters.ts";
import type { IsoDate } from "../../shared/dates.ts";
import { formatVi, toDayNumber } from "../../shared/dates.ts";
import type { ClaimEvent } from "../events.ts";
import type { Ctx } from "./context.ts";

/**
 * POLICY (unverified design choice): do suspension periods stop the handling clocks?
 * The law is silent (legal-addendum, "Still UNCONFIRMED": "Whether hoãn / tạm đình chỉ periods suspend the
 * verification and negotiation clocks (the Law is silent; policy choice)"). We choose: the clocks of the listed steps
 * PAUSE while a suspension decision (Điều 50) is in force. Counting: the days up to and including the day of the
 * suspension decision count; counting resumes the day after the decision to continue (BLDS 2015, Điều 147 khoản 3
 * applied to both ends). A deadline whose date moved because of a pause gets confidence "unverified".
 * Rationale: a suspension under Điều 50 k1 a–c is caused by the claimant refusing to negotiate; running clocks would
 * make every suspended claim overdue. Postponement (hoãn, Điều 49) has no event in the GLOSSARY and is not modelled.
 */
export const SUSPENSION_CLOCK_POLICY = {
  pauses: true,
  steps: [
    "appoint_officer",
    "verify",
    "verification_report",
    "negotiation_start",
    "negotiation_end",
  ] as readonly StepKey[],
  confidence: "unverified" as Confidence,
  // The law is silent on whether the clocks stop: a design choice (docs/legal-notes.md), hence `unverified`.
  basis: "Luật TNBTCNN 2017, Điều 49, Điều 50",
};

export type Pause = { start: IsoDate; end?: IsoDate };

export function pausesOf(events: readonly ClaimEvent[]): Pause[] {
  const out: Pause[] = [];
  for (const e of events) {
    if (e.type === "suspended") out.push({ start: e.date });
    else if ((e.type === "resumed" || e.type === "terminated") && out.length > 0 && !out[out.length - 1].end) {
      out[out.length - 1].end = e.date;
    }
  }
  return out;
}

type Due = ComputedDate & { paused: boolean; pausedApplied: boolean };

/** addPeriod, with the clock stopped during the given suspensions (SUSPENSION_CLOCK_POLICY). */
export function dueWithPauses(ctx: Ctx, from: IsoDate, value: number, unit: PeriodUnit, pausable: boolean): Due {
  const { cal } = ctx;
  if (!pausable || !SUSPENSION_CLOCK_POLICY.pauses || unit === "months" || unit === "years") {
    return { ...addPeriod(cal, from, value, unit), paused: false, pausedApplied: false };
  }
  let cursor = from;
  let remaining = value;
  const notes: ExplanationStep[] = [];
  let applied = false;
  for (const p of ctx.pauses) {
    if (p.start < cursor) continue;
    const raw = addPeriod(cal, cursor, remaining, unit).date;
    if (p.start >= raw) break;
    const elapsed =
      unit === "working_days" ? workingDaysBetween(cal, cursor, p.start) : toDayNumber(p.start) - toDayNumber(cursor);
    remaining = Math.max(0, remaining - elapsed);
    applied = true;
    notes.push({
      rule: "note",
      date: p.start,
      text: `Tạm đình chỉ ngày ${formatVi(p.start)}: đã tính ${elapsed} ${unit === "working_days" ? "ngày làm việc" : "ngày"}, còn lại ${remaining}; thời hạn dừng trong thời gian tạm đình chỉ`,
      source: SUSPENSION_CLOCK_POLICY.basis,
      unverified: true,
    });
    if (!p.end) {
      const restart = ctx.asOf && ctx.asOf > p.start ? ctx.asOf : p.start;
      const projected = addPeriod(cal, restart, remaining, unit);
      notes.push({
        rule: "note",
        date: restart,
        text: `Chưa có quyết định tiếp tục giải quyết; hạn dự kiến nếu tiếp tục vào ngày ${formatVi(restart)}`,
        source: SUSPENSION_CLOCK_POLICY.basis,
      });
      return {
        date: projected.date,
        explanation: [...startLine(cal, from), ...notes, ...projected.explanation],
        paused: true,
        pausedApplied: true,
      };
    }
    notes.push({
      rule: "note",
      date: p.end,
      text: `Tiếp tục giải quyết ngày ${formatVi(p.end)}: tính tiếp ${remaining} ${unit === "working_days" ? "ngày làm việc" : "ngày"} từ ngày tiếp theo`,
      source: SUSPENSION_CLOCK_POLICY.basis,
    });
    cursor = p.end;
  }
  const end = addPeriod(cal, cursor, remaining, unit);
  if (!applied) return { ...end, paused: false, pausedApplied: false };
  return {
    date: end.date,
    explanation: [...startLine(cal, from), ...notes, ...end.explanation],
    paused: false,
    pausedApplied: true,
  };
}

/** The calendar's "start" line for the triggering event (BLDS 2015, Điều 147 khoản 3). */
function startLine(cal: WorkCalendar, from: IsoDate): ExplanationStep[] {
  return addPeriod(cal, from, 0, "calendar_days").explanation.filter((x) => x.rule === "start");
}
