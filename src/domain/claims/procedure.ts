// The claim procedure of Luật TNBTCNN 2017, Chương IV–VI, as a state machine — public entry. The law is the table in
// transitions.ts (one row per lawful step with its clause); phases.ts names the phases and the state; replay.ts reads
// a history through the table (its header states how partial histories are read); next-actions.ts lists what may be
// recorded next.
export { checkLiveStep, type LiveStep } from "./live.ts";
export { type NextAction, nextActions, nextActionsFromState } from "./next-actions.ts";
export { type ClaimState, PHASE_LABELS_VI, type Phase, type UnrecordedSteps } from "./phases.ts";
export { missingSteps, replay } from "./replay.ts";
export { TRANSITIONS } from "./transitions.ts";
