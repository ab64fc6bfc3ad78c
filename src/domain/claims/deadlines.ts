// Legal deadlines of a claim, computed from its (possibly partial) event history.
// Durations come from the dated parameter table (legal/parameters.ts); dates from the WorkCalendar passed in.
// The pieces are in ./deadlines/: the table (rules.ts), the count of one period (period.ts, suspension-clock.ts), the
// entries of the answer (entries.ts, types.ts); this module walks the history and applies them.
import type { WorkCalendar } from "../calendar/types.ts";
import type { LegalParameter, StepKey } from "../legal/parameters.ts";
import { parameterFor } from "../legal/parameters.ts";
import type { IsoDate } from "../shared/dates.ts";
import { formatVi, isIsoDate } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";
import { type Ctx, firstAfter } from "./deadlines/context.ts";
import { makeDeadline, makeMilestone } from "./deadlines/entries.ts";
import { compute } from "./deadlines/period.ts";
import { RULES } from "./deadlines/rules.ts";
import { pausesOf } from "./deadlines/suspension-clock.ts";
import type { Deadline, DeadlineResult, Milestone, UncomputedDeadline } from "./deadlines/types.ts";
import { type ClaimHistory, EVENT_LABELS_VI } from "./events.ts";
import { nextActionsFromState, replay } from "./procedure.ts";

/**
 * Deadlines triggered by the events present (open and closed), the overdue ones as of `asOf`, the lawful next
 * actions, and the legal milestones (decision effect, windows to sue / to ask to continue, end of suspension).
 * Without asOf, statuses are only met / late / open (and cancelled). Throws DomainError when the history is
 * contradictory (see replay) or asOf is not a date.
 */
export function computeDeadlines(
  history: ClaimHistory,
  calendar: WorkCalendar,
  asOf?: IsoDate,
  options: { parameters?: readonly LegalParameter[] } = {},
): DeadlineResult {
  if (asOf !== undefined && !isIsoDate(asOf)) {
    throw new DomainError("invalid_date", "as_of", `as_of: ngày không hợp lệ "${String(asOf)}" (cần dạng YYYY-MM-DD)`);
  }
  const state = replay(history);
  const events = history.events;
  const ctx: Ctx = { history, cal: calendar, asOf, pauses: pausesOf(events), unrecorded: state.unrecorded };
  const deadlines: Deadline[] = [];
  const milestones: Milestone[] = [];
  const law = history.law;
  // A proposed parameter table (change-impact preview) replaces LEGAL_PARAMETERS when given.
  const paramFor = (key: StepKey, l: typeof law, on: IsoDate, variant?: string) =>
    parameterFor(key, l, on, variant, options.parameters);

  events.forEach((ev, i) => {
    for (const rule of RULES) {
      if (rule.trigger !== ev.type) continue;
      if (rule.when && !rule.when(ctx, i)) continue;
      const param = paramFor(rule.step, law, ev.date, rule.variant);
      if (!param) continue;
      const c = compute(ctx, param, ev.date, rule.extension, true);
      deadlines.push(makeDeadline(ctx, c, ev.type, ev.date, i, rule));

      // Điều 45 khoản 3: report within 3 WD of the end of verification (= the verification deadline, at the latest).
      if (rule.step === "verify") {
        const rp = paramFor("verification_report", law, c.due);
        if (rp) {
          const rc = compute(ctx, rp, c.due, undefined, true);
          rc.explanation = [
            {
              rule: "note",
              date: c.due,
              text: `Ngày kết thúc xác minh không được ghi nhận; tính từ ngày hết hạn xác minh ${formatVi(c.due)} (chậm nhất)`,
              source: param.cite,
            },
            ...rc.explanation,
          ];
          const d = makeDeadline(ctx, rc, "verification_end", c.due, i, {
            done: rule.done,
            cancelledBy: rule.cancelledBy,
          });
          if (c.paused) {
            d.paused = true;
            if (d.status === "overdue") d.status = "open";
          }
          deadlines.push(d);
        }
      }
    }

    // Milestones.
    if (ev.type === "decision_issued") {
      const sued = firstAfter(events, i, ["sued_in_court", "decision_refused", "terminated"]);
      const pe = paramFor("decision_effective", law, ev.date);
      if (pe && !sued) {
        const c = compute(ctx, pe, ev.date);
        milestones.push(makeMilestone(ctx, c, "decision_issued", ev.date));
        // funds_request from the derived effective date when the effect itself is not recorded.
        const recorded = firstAfter(events, i, ["decision_effective"]);
        const pf = paramFor("funds_request", law, c.due);
        if (!recorded && pf && (asOf === undefined || asOf >= c.due)) {
          const fc = compute(ctx, pf, c.due);
          fc.explanation = [
            {
              rule: "note",
              date: c.due,
              text: `Ngày quyết định có hiệu lực không được ghi nhận; tính theo ${pe.cite}: ${formatVi(c.due)}`,
              source: pe.cite,
            },
            ...fc.explanation,
          ];
          deadlines.push(
            makeDeadline(ctx, fc, "decision_effective", c.due, i, {
              done: ["funds_requested"],
              cancelledBy: ["terminated"],
            }),
          );
        }
      }
      const ps = paramFor("sue", law, ev.date);
      if (ps) milestones.push(makeMilestone(ctx, compute(ctx, ps, ev.date), "decision_issued", ev.date));
    }
    if (ev.type === "negotiation_ended") {
      const decided = firstAfter(events, i, ["decision_issued"]);
      const ps = paramFor("sue", law, ev.date, "negotiation");
      if (ps && !decided) milestones.push(makeMilestone(ctx, compute(ctx, ps, ev.date), "negotiation_ended", ev.date));
    }
    if (ev.type === "decision_refused") {
      const pr = paramFor("refusal_termination", law, ev.date);
      if (pr) milestones.push(makeMilestone(ctx, compute(ctx, pr, ev.date), "decision_refused", ev.date));
    }
    if (ev.type === "suspended") {
      let ground = ev.ground;
      for (let j = i - 1; ground === undefined && j >= 0 && events[j].type !== "suspended"; j--) {
        if (events[j].type === "suspension_ground") ground = events[j].ground;
      }
      const pp = paramFor("suspension_period", law, ev.date);
      if (pp && ground !== "d") {
        const c = compute(ctx, pp, ev.date);
        milestones.push(makeMilestone(ctx, c, "suspended", ev.date));
        const pr = paramFor("resume_request", law, c.due);
        if (pr) {
          const rc = compute(ctx, pr, c.due);
          deadlines.push(
            makeDeadline(ctx, rc, "suspension_end", c.due, i, {
              done: ["resumed"],
              cancelledBy: ["terminated", "refused"],
            }),
          );
        }
      }
    }
    if (ev.type === "payment_notice_received" && !firstAfter(events, i, ["paid"])) {
      const pu = paramFor("unclaimed_payment", law, ev.date);
      if (pu) milestones.push(makeMilestone(ctx, compute(ctx, pu, ev.date), "payment_notice_received", ev.date));
    }
  });

  // Duties counted from a step the history lacks: named, not computed (no date to count from).
  const notComputed: UncomputedDeadline[] = [];
  for (const u of state.unrecorded) {
    for (const m of u.missing) {
      for (const rule of RULES) {
        if (rule.trigger !== m || notComputed.some((n) => n.step === rule.step && n.depends_on === m)) continue;
        const param = paramFor(rule.step, law, u.date, rule.variant);
        // Already computed from a date the law derives (funds_request from Điều 47 k2's effective date): one answer.
        if (!param || deadlines.some((d) => d.step === param.key)) continue;
        notComputed.push({
          step: param.key,
          label: param.label,
          basis: param.cite,
          depends_on: m,
          message: `Không tính được "${param.label}": bước "${EVENT_LABELS_VI[m]}" chưa ghi nhận.`,
        });
      }
    }
  }

  deadlines.sort((a, b) => (a.from_date < b.from_date ? -1 : a.from_date > b.from_date ? 1 : 0));
  return {
    deadlines,
    overdue: deadlines.filter((d) => d.status === "overdue"),
    next_actions: nextActionsFromState(state),
    milestones,
    unrecorded: state.unrecorded,
    not_computed: notComputed,
  };
}
