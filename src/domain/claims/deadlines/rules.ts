// The deadline table of the claim procedure (Luật TNBTCNN 2017): which recorded step starts which duty of the agency,
// which steps show it done, which end the route. Periods and their legal basis come from legal/parameters.ts.
import type { StepKey } from "../../legal/parameters.ts";
import type { ClaimExtensions, EventType } from "../events.ts";
import type { Ctx } from "./context.ts";

/** Agency route left by these events: pending duties of the handling stage are cancelled. */
export const ROUTE_END: readonly EventType[] = ["refused", "terminated", "sued_in_court"];

export type Rule = {
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
export const RULES: readonly Rule[] = [
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
