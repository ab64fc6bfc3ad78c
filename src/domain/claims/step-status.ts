// What is known about one duty of the procedure (a step's status on the claim screen, in the calendar and the CLI):
// done on time, done late, not applicable, not recorded — or still running, overdue, or moot because the claim left
// the route. One rule, used by computeDeadlines for every deadline.
import type { IsoDate } from "../shared/dates.ts";
import type { EventType } from "./events.ts";

export type StepStatus = "open" | "overdue" | "met" | "late" | "not_applicable" | "unrecorded" | "cancelled";

export type RecordedStep = { type: EventType; date: IsoDate; index: number };

export type StepFacts = {
  due: IsoDate;
  /** First recorded event after the trigger that shows the duty was done (or that it never arose). */
  proof?: RecordedStep;
  /** First recorded event after the trigger that takes the claim off this route. */
  cancel?: RecordedStep;
  /**
   * Events that perform the duty itself. Another proof means the duty never arose (the file was complete, so no
   * supplement was asked for): "not applicable", never "done on time". Absent: every proof performs the duty.
   */
  own?: readonly EventType[];
  /**
   * The duty ends with no event of its own (the end of verification, Điều 45): a proof dated after the due date
   * does not tell when the duty ended, so its timing is "not recorded", not "late".
   */
  endHasNoEvent?: boolean;
  /** Backfill: a step missing from the history that would have done the duty, so its timing is unknown. */
  gap?: EventType;
  /** The clock is stopped by a suspension (the due date is a projection). */
  paused?: boolean;
  /** The date the status is read on (Vietnam); without it, nothing is "overdue". */
  asOf?: IsoDate;
};

/** The status of one duty from what the history records (see StepFacts). */
export function stepStatus(f: StepFacts): StepStatus {
  if (f.gap) return "unrecorded";
  const proof = f.proof && (!f.cancel || f.proof.index < f.cancel.index) ? f.proof : undefined;
  if (proof) {
    if (f.own && !f.own.includes(proof.type)) return "not_applicable";
    if (proof.date <= f.due) return "met";
    return f.endHasNoEvent ? "unrecorded" : "late";
  }
  if (f.cancel) return "cancelled";
  if (f.paused) return "open";
  return f.asOf !== undefined && f.asOf > f.due ? "overdue" : "open";
}
