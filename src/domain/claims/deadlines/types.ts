// What computeDeadlines answers: the agency's duties with their due dates and status, the dates the law fixes that
// are not the agency's duties (milestones), and the duties that cannot be computed for want of a recorded step.
import type { ExplanationStep, PeriodUnit } from "../../calendar/types.ts";
import type { Anchor, Confidence, StepKey } from "../../legal/parameters.ts";
import type { IsoDate } from "../../shared/dates.ts";
import type { EventType } from "../events.ts";
import type { NextAction, UnrecordedSteps } from "../procedure.ts";
import type { StepStatus } from "../step-status.ts";

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
