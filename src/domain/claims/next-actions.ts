// What may be recorded next on a claim: the lawful next events of its state, and whether one given event may be
// inserted into its history.
import type { IsoDate } from "../shared/dates.ts";
import { isIsoDate } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";
import {
  type ClaimEvent,
  type ClaimHistory,
  EVENT_GROUNDS,
  EVENT_LABELS_VI,
  EVENT_TYPES,
  type EventType,
  GROUND_REQUIRED,
  isEventType,
  type LawCode,
  normalizeGround,
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
    const action: NextAction = { event: type, label: EVENT_LABELS_VI[type], basis: basisFor(s.law, first.basis) };
    if (okGrounds.length > 0) action.grounds = okGrounds;
    out.push(action);
  }
  return out;
}

/**
 * Whether an event may be recorded: the event is inserted at its date position (after events of the same date) and
 * the whole history replayed. Returns the DomainError the law gives, or null when allowed. Used by the database
 * layer, which must never store a transition the law does not allow.
 */
export function canApply(
  history: ClaimHistory,
  eventType: string,
  date: IsoDate,
  extra?: { ground?: string; note?: string },
): DomainError | null {
  if (!isEventType(eventType)) {
    return new DomainError("unknown_event_type", "type", `type: loại sự kiện không tồn tại "${eventType}"`);
  }
  if (!isIsoDate(date)) {
    return new DomainError("invalid_date", "date", `date: ngày không hợp lệ "${String(date)}" (cần dạng YYYY-MM-DD)`);
  }
  const ev: ClaimEvent = { type: eventType, date };
  if (extra?.ground !== undefined) ev.ground = normalizeGround(extra.ground);
  if (extra?.note !== undefined) ev.note = extra.note;
  let at = history.events.length;
  while (at > 0 && history.events[at - 1].date > date) at--;
  const events = [...history.events.slice(0, at), ev, ...history.events.slice(at)];
  try {
    replay({ ...history, events });
    return null;
  } catch (e) {
    if (e instanceof DomainError) {
      if (e.field.startsWith(`events[${at}]`)) {
        const field = e.field.replace(`events[${at}]`, "").replace(/^\./, "") || "type";
        return new DomainError(e.code, field, e.message);
      }
      return e;
    }
    throw e;
  }
}
