// Legal deadlines of a claim, computed from its (possibly partial) event history.
// Durations come from the dated parameter table (legal/parameters.ts); dates from the WorkCalendar passed in.
import { addPeriod, workingDaysBetween } from "../calendar/periods.ts";
import type { ComputedDate, ExplanationStep, PeriodUnit, WorkCalendar } from "../calendar/types.ts";
import type { Anchor, Confidence, LegalParameter, StepKey } from "../legal/parameters.ts";
import { parameterFor } from "../legal/parameters.ts";
import type { IsoDate } from "../shared/dates.ts";
import { formatVi, isIsoDate, toDayNumber } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";
import { type ClaimEvent, type ClaimExtensions, type ClaimHistory, EVENT_LABELS_VI, type EventType } from "./events.ts";
import { type NextAction, nextActionsFromState, replay, type UnrecordedSteps } from "./procedure.ts";
import { type StepStatus, stepStatus } from "./step-status.ts";

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

export type DeadlineStatus = StepStatus;

export type Deadline = {
  step: StepKey;
  variant?: string;
  /** Vietnamese name of the duty. */
  label: string;
  due: IsoDate;
  unit: PeriodUnit;
  /** Length counted (complex value and agreed extension included), in `unit`. */
  days: number;
  basis: string;
  confidence: Confidence;
  /**
   * open: not done, not past due (as of `asOf`); overdue: not done and asOf > due; met: done on/before due;
   * late: done after due; not_applicable: the duty never arose (no supplement asked for: the file was complete);
   * cancelled: not done, and the claim left this route (refused, terminated, sued in court); unrecorded: the step
   * doing the duty is not recorded (backfill, or the end of verification, which has no event), so whether it was done
   * in time is unknown. The rule: stepStatus (step-status.ts).
   */
  status: DeadlineStatus;
  explanation: ExplanationStep[];
  from_event: Anchor;
  from_date: IsoDate;
  /** Date of the first recorded event that shows the duty was done. */
  met_on?: IsoDate;
  met_by?: EventType;
  cancelled_by?: { event: EventType; date: IsoDate };
  /** True while the clock is stopped by a suspension (due is then a projection). */
  paused?: boolean;
  /** Status "unrecorded": the missing step that would have done the duty. */
  unrecorded_step?: EventType;
};

/** A deadline that cannot be computed because the step it counts from is not recorded (backfill). */
export type UncomputedDeadline = {
  step: StepKey;
  label: string;
  basis: string;
  depends_on: EventType;
  message: string;
};

/** Dates fixed by law that are not duties of the agency (effect of the decision, windows of the claimant). */
export type Milestone = {
  key: StepKey;
  variant?: string;
  label: string;
  date: IsoDate;
  unit: PeriodUnit;
  days: number;
  basis: string;
  confidence: Confidence;
  explanation: ExplanationStep[];
  from_event: Anchor;
  from_date: IsoDate;
  /** True when asOf is given and the date has passed (asOf > date). */
  passed?: boolean;
};

export type DeadlineResult = {
  deadlines: Deadline[];
  overdue: Deadline[];
  next_actions: NextAction[];
  milestones: Milestone[];
  /** Steps the history lacks ("chưa ghi nhận" warnings of the backfill reading). */
  unrecorded: UnrecordedSteps[];
  /** Deadlines depending on a missing step: named, not computed. */
  not_computed: UncomputedDeadline[];
};

/** Agency route left by these events: pending duties of the handling stage are cancelled. */
const ROUTE_END: readonly EventType[] = ["refused", "terminated", "sued_in_court"];

type Rule = {
  step: StepKey;
  variant?: string;
  /** Event the period counts from. */
  trigger: EventType;
  /** Events proving the duty was done (the first one after the trigger counts). */
  done: readonly EventType[];
  cancelledBy: readonly EventType[];
  /** Events performing the duty itself (other `done` events show it never arose): see StepFacts.own. */
  own?: readonly EventType[];
  /** The duty ends with no event of its own: see StepFacts.endHasNoEvent. */
  endHasNoEvent?: boolean;
  extension?: keyof ClaimExtensions;
  /** Extra condition on the trigger occurrence. */
  when?: (ctx: Ctx, i: number) => boolean;
};

/** The deadline table: which event triggers which duty and which events complete it. */
const RULES: readonly Rule[] = [
  {
    step: "supplement",
    variant: "agency_request",
    trigger: "received",
    done: ["supplement_requested", "file_valid", "accepted", "refused"],
    // Điều 42 k2: only an incomplete file calls for a request; a file found valid without one never needed it.
    own: ["supplement_requested"],
    cancelledBy: ["terminated", "sued_in_court"],
  },
  { step: "supplement", trigger: "supplement_requested", done: ["file_valid", "accepted"], cancelledBy: ROUTE_END },
  {
    step: "accept",
    trigger: "file_valid",
    done: ["accepted", "refused"],
    cancelledBy: ["terminated", "sued_in_court"],
  },
  { step: "appoint_officer", trigger: "accepted", done: ["officer_appointed"], cancelledBy: ROUTE_END },
  { step: "advance", trigger: "advance_proposed", done: ["advance_paid"], cancelledBy: ["refused", "terminated"] },
  {
    // The end of verification is not an event: the report (or a later step) proves it ended by then, and a report
    // after the due date does not tell whether verification ended in time (Điều 45 k3 allows 3 WD after the end).
    step: "verify",
    trigger: "accepted",
    done: ["verification_report_done", "negotiation_started", "negotiation_ended", "decision_issued"],
    endHasNoEvent: true,
    cancelledBy: ROUTE_END,
    extension: "verify",
  },
  // verification_report: special (counts from the end of verification), see computeDeadlines.
  {
    step: "negotiation_start",
    trigger: "verification_report_done",
    done: ["negotiation_started", "negotiation_ended", "decision_issued"],
    cancelledBy: ROUTE_END,
  },
  {
    step: "negotiation_end",
    trigger: "negotiation_started",
    done: ["negotiation_ended", "decision_issued"],
    cancelledBy: ROUTE_END,
    extension: "negotiation_end",
  },
  {
    step: "decision",
    trigger: "negotiation_ended",
    done: ["decision_issued"],
    cancelledBy: ROUTE_END,
    // Điều 46 khoản 8: no decision after a failed negotiation.
    when: (ctx, i) => ctx.history.events[i].ground !== "failure",
  },
  {
    step: "suspension_decision",
    trigger: "suspension_ground",
    done: ["suspended"],
    cancelledBy: ["refused", "terminated"],
  },
  { step: "termination_decision", trigger: "termination_ground", done: ["terminated"], cancelledBy: [] },
  // funds_request: also from a derived effective date, see computeDeadlines.
  { step: "funds_request", trigger: "decision_effective", done: ["funds_requested"], cancelledBy: ["terminated"] },
  { step: "funds_grant", trigger: "funds_requested", done: ["funds_received"], cancelledBy: [] },
  {
    step: "payment_notice",
    trigger: "funds_received",
    done: ["payment_notice_received", "paid"],
    cancelledBy: [],
  },
  { step: "payment", trigger: "payment_notice_received", done: ["paid"], cancelledBy: [] },
  { step: "recourse_council", trigger: "paid", done: ["council_established"], cancelledBy: [] },
  { step: "council_recommendation", trigger: "council_established", done: ["council_recommended"], cancelledBy: [] },
  { step: "recourse_decision", trigger: "council_recommended", done: ["recourse_decided"], cancelledBy: [] },
];

type Pause = { start: IsoDate; end?: IsoDate };

type Ctx = {
  history: ClaimHistory;
  cal: WorkCalendar;
  asOf?: IsoDate;
  pauses: Pause[];
  unrecorded: readonly UnrecordedSteps[];
};

function firstAfter(
  events: readonly ClaimEvent[],
  fromIndex: number,
  types: readonly EventType[],
): { ev: ClaimEvent; index: number } | undefined {
  for (let j = fromIndex + 1; j < events.length; j++) {
    if (types.includes(events[j].type)) return { ev: events[j], index: j };
  }
  return undefined;
}

function periodValue(p: LegalParameter, complex: boolean): number {
  return complex && p.complex_value !== undefined ? p.complex_value : p.value;
}

type Due = ComputedDate & { paused: boolean; pausedApplied: boolean };

/** addPeriod, with the clock stopped during the given suspensions (SUSPENSION_CLOCK_POLICY). */
function dueWithPauses(ctx: Ctx, from: IsoDate, value: number, unit: PeriodUnit, pausable: boolean): Due {
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

type Computed = {
  param: LegalParameter;
  due: IsoDate;
  days: number;
  explanation: ExplanationStep[];
  paused: boolean;
  unverifiedPolicy: boolean;
};

function compute(
  ctx: Ctx,
  param: LegalParameter,
  from: IsoDate,
  extension?: keyof ClaimExtensions,
  pausable = false,
): Computed {
  const base = periodValue(param, ctx.history.complex);
  const d = dueWithPauses(ctx, from, base, param.unit, pausable && SUSPENSION_CLOCK_POLICY.steps.includes(param.key));
  let explanation = d.explanation;
  if (ctx.history.complex && param.complex_value !== undefined) {
    explanation = [
      {
        rule: "note",
        text: `Vụ việc phức tạp: thời hạn ${param.complex_value} thay cho ${param.value} (${param.cite})`,
        source: param.cite,
      },
      ...explanation,
    ];
  }
  let due = d.date;
  let days = base;
  const ext = extension ? ctx.history.extensions?.[extension] : undefined;
  if (ext && param.extension_max !== undefined && !d.paused) {
    const n = Math.min(ext, param.extension_max);
    const e = addPeriod(ctx.cal, due, n, "calendar_days");
    explanation = [
      ...explanation,
      {
        rule: "note",
        date: due,
        text: `Kéo dài theo thỏa thuận ${n} ngày (tối đa ${param.extension_max} ngày) kể từ ngày hết thời hạn ${formatVi(due)}`,
        source: param.cite,
      },
      ...e.explanation,
    ];
    due = e.date;
    days = base + n;
  }
  return { param, due, days, explanation, paused: d.paused, unverifiedPolicy: d.pausedApplied };
}

function makeDeadline(
  ctx: Ctx,
  c: Computed,
  fromEvent: Anchor,
  fromDate: IsoDate,
  triggerIndex: number,
  rule: Pick<Rule, "done" | "cancelledBy" | "own" | "endHasNoEvent">,
): Deadline {
  const events = ctx.history.events;
  const hit = firstAfter(events, triggerIndex, rule.done);
  const cancel = firstAfter(events, triggerIndex, rule.cancelledBy);
  const d: Deadline = {
    step: c.param.key,
    label: c.param.label,
    due: c.due,
    unit: c.param.unit,
    days: c.days,
    basis: c.param.cite,
    confidence: c.unverifiedPolicy ? "unverified" : c.param.confidence,
    status: "open",
    explanation: c.explanation,
    from_event: fromEvent,
    from_date: fromDate,
  };
  if (c.param.variant !== undefined) d.variant = c.param.variant;
  // A missing step (backfill) that would have done the duty before the first recorded proof: timing unknown.
  const gap = unrecordedDone(ctx, triggerIndex, rule.done, Math.min(hit?.index ?? Infinity, cancel?.index ?? Infinity));
  const step = (x?: { ev: ClaimEvent; index: number }) => x && { type: x.ev.type, date: x.ev.date, index: x.index };
  d.status = stepStatus({
    due: c.due,
    proof: step(hit),
    cancel: step(cancel),
    own: rule.own,
    endHasNoEvent: rule.endHasNoEvent,
    gap,
    paused: c.paused,
    asOf: ctx.asOf,
  });
  if (gap) d.unrecorded_step = gap;
  else if (hit && (!cancel || hit.index < cancel.index)) {
    d.met_on = hit.ev.date;
    d.met_by = hit.ev.type;
    if (d.status === "unrecorded")
      d.explanation = [
        ...d.explanation,
        {
          rule: "note",
          date: hit.ev.date,
          text: `Ngày kết thúc không được ghi nhận; bước "${EVENT_LABELS_VI[hit.ev.type]}" ngày ${formatVi(hit.ev.date)} sau hạn ${formatVi(c.due)} không cho biết việc này có kết thúc đúng hạn hay không`,
          source: c.param.cite,
        },
      ];
  } else if (cancel) d.cancelled_by = { event: cancel.ev.type, date: cancel.ev.date };
  else if (c.paused) d.paused = true;
  return d;
}

/** The missing step (backfill) after the trigger that would have done the duty, if any. */
function unrecordedDone(
  ctx: Ctx,
  triggerIndex: number,
  done: readonly EventType[],
  upTo: number,
): EventType | undefined {
  for (const u of ctx.unrecorded) {
    if (u.index <= triggerIndex || u.index > upTo) continue;
    const hit = u.missing.find((m) => done.includes(m));
    if (hit) return hit;
  }
  return undefined;
}

function makeMilestone(ctx: Ctx, c: Computed, fromEvent: Anchor, fromDate: IsoDate): Milestone {
  const m: Milestone = {
    key: c.param.key,
    label: c.param.label,
    date: c.due,
    unit: c.param.unit,
    days: c.days,
    basis: c.param.cite,
    confidence: c.param.confidence,
    explanation: c.explanation,
    from_event: fromEvent,
    from_date: fromDate,
  };
  if (c.param.variant !== undefined) m.variant = c.param.variant;
  if (ctx.asOf !== undefined) m.passed = ctx.asOf > c.due;
  return m;
}

function pausesOf(events: readonly ClaimEvent[]): Pause[] {
  const out: Pause[] = [];
  for (const e of events) {
    if (e.type === "suspended") out.push({ start: e.date });
    else if ((e.type === "resumed" || e.type === "terminated") && out.length > 0 && !out[out.length - 1].end) {
      out[out.length - 1].end = e.date;
    }
  }
  return out;
}

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
