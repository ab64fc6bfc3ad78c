// A computed period as an entry of the answer: a Deadline (the agency's duty, its status read from the steps recorded
// after its trigger) or a Milestone (a date the law fixes that is no duty of the agency).
import type { Anchor } from "../../legal/parameters.ts";
import type { IsoDate } from "../../shared/dates.ts";
import { formatVi } from "../../shared/dates.ts";
import { type ClaimEvent, EVENT_LABELS_VI, type EventType } from "../events.ts";
import { stepStatus } from "../step-status.ts";
import { type Ctx, firstAfter } from "./context.ts";
import type { Computed } from "./period.ts";
import type { Rule } from "./rules.ts";
import type { Deadline, Milestone } from "./types.ts";

export function makeDeadline(
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

export function makeMilestone(ctx: Ctx, c: Computed, fromEvent: Anchor, fromDate: IsoDate): Milestone {
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
