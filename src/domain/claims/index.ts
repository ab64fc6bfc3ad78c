// Public API of the claims module: event vocabulary and input schema, the procedure state machine, deadlines.

export {
  correctHistory,
  correctionNeedsLeader,
  requireReason,
  type StepCorrection,
  type StoredStep,
} from "./corrections.ts";
export { SUSPENSION_CLOCK_POLICY } from "./deadlines/suspension-clock.ts";
export type { Deadline, DeadlineResult, DeadlineStatus, Milestone, UncomputedDeadline } from "./deadlines/types.ts";
export { computeDeadlines } from "./deadlines.ts";
export {
  CLOSED_FILE_PHASES,
  EVENT_DERIVED_FIELDS,
  isClosedFile,
  refuseClosedFileEdit,
  refuseEventDerivedFields,
} from "./editing.ts";
export {
  type ClaimEvent,
  type ClaimExtensions,
  type ClaimHistory,
  claimHistorySchema,
  EVENT_GROUNDS,
  EVENT_LABELS_VI,
  EVENT_TYPES,
  type EventType,
  eventOrder,
  GROUND_REQUIRED,
  type GroundDef,
  isEventType,
  LAW_CODES,
  LAW_LABELS_VI,
  type LawCode,
  parseClaimHistory,
} from "./events.ts";
export {
  calendarWithDay,
  type DeadlineMove,
  deadlineImpact,
  type ImpactClaim,
  type ImpactSide,
  noticesWithDay,
  type ProposedCalendarDay,
  type ProposedParameterChange,
  parametersWithChange,
} from "./impact.ts";
export {
  type ClaimState,
  checkLiveStep,
  type LiveStep,
  missingSteps,
  type NextAction,
  nextActions,
  nextActionsFromState,
  PHASE_LABELS_VI,
  type Phase,
  replay,
  TRANSITIONS,
  type UnrecordedSteps,
} from "./procedure.ts";
