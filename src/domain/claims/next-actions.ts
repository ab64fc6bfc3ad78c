// What may be recorded next on a claim: the lawful next events of its state (normal predecessors, prerequisites
// present). Live recording (live.ts) accepts exactly these.
import {
  type ClaimEvent,
  type ClaimHistory,
  EVENT_GROUNDS,
  EVENT_LABELS_VI,
  EVENT_TYPES,
  type EventType,
  GROUND_REQUIRED,
  type LawCode,
} from "./events.ts";
import type { ClaimState } from "./phases.ts";
import { allowedRow, replay } from "./replay.ts";
import type { Transition } from "./transitions.ts";

export type NextAction = {
  event: EventType;
  label: string;
  basis: string;
  /** Grounds the event may carry in this state (for ground-specific rows). */
  grounds?: string[];
};

// The table cites the 2017 law; a 2009-law claim gets the same step with that caveat (not checked against the 2009 law).
function basisFor(law: LawCode, basis: string): string {
  return law === "law_2009" ? `${basis} (áp dụng tương tự cho vụ việc theo Luật TNBTCNN 2009 — chưa đối chiếu)` : basis;
}

/** Lawful next events from the state reached by `history`, in procedure order (normal predecessors only). */
export function nextActions(history: ClaimHistory): NextAction[] {
  return nextActionsFromState(replay(history));
}

/** The same from a state already replayed, so that a caller needing both the state and the actions replays once. */
export function nextActionsFromState(s: ClaimState): NextAction[] {
  const out: NextAction[] = [];
  for (const type of EVENT_TYPES) {
    const grounds = EVENT_GROUNDS[type];
    const candidates: Array<string | undefined> = grounds ? [undefined, ...Object.keys(grounds)] : [undefined];
    let first: Transition | undefined;
    const okGrounds: string[] = [];
    for (const g of candidates) {
      if (g === undefined && GROUND_REQUIRED.includes(type)) continue;
      const ev: ClaimEvent = { type, date: s.last_event?.date ?? "1970-01-01" };
      if (g !== undefined) ev.ground = g;
      const row = allowedRow(s, ev, true);
      if (row) {
        first ??= row;
        if (g !== undefined) okGrounds.push(g);
      }
    }
    if (!first) continue;
    // The row's own name where the same event means another step (Điều 43 k2 before acceptance, k4 after it).
    const label = first.label ?? EVENT_LABELS_VI[type];
    const action: NextAction = { event: type, label, basis: basisFor(s.law, first.basis) };
    if (okGrounds.length > 0) action.grounds = okGrounds;
    out.push(action);
  }
  return out;
}
