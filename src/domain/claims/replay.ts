// The state machine that replays a claim history through the transition table (transitions.ts).
//
// Two modes, one rule each (GLOSSARY "backfill" / "live recording"):
// * LIVE recording (live.ts) appends one step: only a step `next_actions` offers, dated after the previous step and
//   not after today in Vietnam. Everything else is refused.
// * BACKFILL — reading a stored or imported history (this file): the history may start at any event (the "entry";
//   what happened before is unknown and assumed lawful) and may lack steps. A step whose prerequisites are missing is
//   accepted; the missing steps are reported in `state.unrecorded` ("chưa ghi nhận"), never as errors.
// * Only CONTRADICTIONS are errors: an event dated before the event listed before it, an event no forward path of
//   the procedure leads to (going back to an earlier step, `paid` after `terminated`), a main-track event while the
//   claim is suspended, a condition the law forbids (decision after a failed negotiation, suing after the decision
//   took effect), an unknown type, a ground the law does not list.
// * The same table is used for law_2009 histories (same vocabulary); its citations are to the 2017 law (unverified
//   for 2009-law claims).

import { formatVi, isIsoDate } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";
import {
  type ClaimEvent,
  type ClaimHistory,
  EVENT_GROUNDS,
  EVENT_LABELS_VI,
  type EventType,
  GROUND_REQUIRED,
  isEventType,
  normalizeGround,
} from "./events.ts";
import { type ClaimState, PHASE_LABELS_VI, type Phase, TERMINAL, type UnrecordedSteps } from "./phases.ts";
import { TRANSITIONS, type Transition } from "./transitions.ts";

/** Phase the claim is assumed to be in when a partial history starts with this event. */
const ENTRY_PHASE: Record<EventType, Phase> = {
  received: "received",
  supplement_requested: "supplementing",
  file_valid: "file_valid",
  accepted: "accepted",
  refused: "refused",
  officer_appointed: "accepted",
  advance_proposed: "accepted",
  advance_paid: "accepted",
  verification_report_done: "verified",
  negotiation_started: "negotiating",
  negotiation_ended: "negotiated",
  decision_issued: "decided",
  decision_refused: "decision_refused",
  decision_effective: "decision_effective",
  suspension_ground: "accepted",
  suspended: "accepted",
  resumed: "accepted",
  termination_ground: "accepted",
  terminated: "terminated",
  sued_in_court: "in_court",
  funds_requested: "funds_requested",
  funds_received: "funds_received",
  payment_notice_received: "notified",
  paid: "paid",
  council_established: "council",
  council_recommended: "council_recommended",
  recourse_decided: "recourse_decided",
};

function initialState(history: Pick<ClaimHistory, "law" | "complex">): ClaimState {
  return {
    law: history.law,
    complex: history.complex,
    phase: "none",
    phase_label: PHASE_LABELS_VI.none,
    terminal: false,
    suspended: null,
    officer_appointed: false,
    advance: "none",
    dates: {},
    unrecorded: [],
  };
}

function rowMatchesGround(row: Transition, ground: string | undefined): boolean {
  if (!row.grounds) return true;
  return row.grounds.includes(ground ?? "");
}

function effectiveGround(s: ClaimState, ev: ClaimEvent): string | undefined {
  if (ev.ground !== undefined) return normalizeGround(ev.ground);
  if (ev.type === "terminated") return s.pending_termination_ground?.ground;
  return undefined;
}

type Check = { ok: true; row: Transition } | { ok: false; code: string; reason: string; phaseMismatch?: boolean };

const ROWS_BY_EVENT = new Map<EventType, Transition[]>();
for (const r of TRANSITIONS) {
  const list = ROWS_BY_EVENT.get(r.event);
  if (list) list.push(r);
  else ROWS_BY_EVENT.set(r.event, [r]);
}

/** Rows of the event that apply to the ground, in table order. */
function rowsFor(type: EventType, ground: string | undefined): Transition[] {
  return (ROWS_BY_EVENT.get(type) ?? []).filter((r) => rowMatchesGround(r, ground));
}

/** Fast path: the row allowing `ev` in state `s`, or null. `strict` = only normal predecessors. */
export function allowedRow(s: ClaimState, ev: ClaimEvent, strict: boolean): Transition | null {
  const ground = effectiveGround(s, ev);
  for (const r of ROWS_BY_EVENT.get(ev.type) ?? []) {
    if (!rowMatchesGround(r, ground)) continue;
    if (!r.from.includes(s.phase) && (strict || !r.alsoFrom?.includes(s.phase))) continue;
    if (s.suspended && !r.whileSuspended) continue;
    if (r.onlySuspended && !s.suspended) continue;
    if (r.guard?.(s, ev)) continue;
    if (strict && r.prerequisite?.(s)) continue;
    return r;
  }
  return null;
}

/** Events that leave the main track: a backfilled gap is never assumed to contain one of them. */
const OFF_TRACK: ReadonlySet<EventType> = new Set<EventType>([
  "refused",
  "terminated",
  "sued_in_court",
  "decision_refused",
  "supplement_requested",
]);

/**
 * The shortest chain of main-track steps (normal predecessors only) leading from `from` to one of `targets`: the
 * steps a backfilled history lacks. [] when already there; null when no forward path exists (a contradiction).
 */
export function missingSteps(from: Phase, targets: readonly Phase[]): EventType[] | null {
  if (targets.includes(from)) return [];
  if (from === "none" || TERMINAL.includes(from)) return null;
  const seen = new Set<Phase>([from]);
  let frontier: Array<{ phase: Phase; path: EventType[] }> = [{ phase: from, path: [] }];
  while (frontier.length) {
    const next: typeof frontier = [];
    for (const { phase, path } of frontier) {
      for (const r of TRANSITIONS) {
        if (!r.to || OFF_TRACK.has(r.event) || r.onlySuspended || !r.from.includes(phase) || seen.has(r.to)) continue;
        const p = [...path, r.event];
        if (targets.includes(r.to)) return p;
        seen.add(r.to);
        next.push({ phase: r.to, path: p });
      }
    }
    frontier = next;
  }
  return null;
}

/** Finds the row allowing `ev` in state `s`, or explains why none does. `strict` = only normal predecessors. */
export function findTransition(s: ClaimState, ev: ClaimEvent, strict: boolean): Check {
  const fast = allowedRow(s, ev, strict);
  if (fast) return { ok: true, row: fast };
  const ground = effectiveGround(s, ev);
  const rows = rowsFor(ev.type, ground);
  if (rows.length === 0) {
    return { ok: false, code: "invalid_ground", reason: `lý do "${ground ?? ""}" không áp dụng cho sự kiện này` };
  }
  let guardReason: string | null = null;
  let suspendedBlock = false;
  let needSuspended = false;
  for (const r of rows) {
    const phases = strict ? r.from : [...r.from, ...(r.alsoFrom ?? [])];
    if (!phases.includes(s.phase)) continue;
    if (s.suspended && !r.whileSuspended) {
      suspendedBlock = true;
      continue;
    }
    if (r.onlySuspended && !s.suspended) {
      needSuspended = true;
      continue;
    }
    const g = r.guard?.(s, ev) ?? null;
    if (g) {
      guardReason = g;
      continue;
    }
    return { ok: true, row: r };
  }
  if (guardReason) return { ok: false, code: "transition_not_allowed", reason: guardReason };
  if (suspendedBlock) {
    return {
      ok: false,
      code: "claim_suspended",
      reason: `vụ việc đang tạm đình chỉ từ ngày ${formatVi(s.suspended!.since)}; phải có quyết định tiếp tục giải quyết (resumed) trước (Luật TNBTCNN 2017, Điều 50)`,
    };
  }
  if (needSuspended) {
    return { ok: false, code: "transition_not_allowed", reason: "vụ việc không ở trạng thái tạm đình chỉ" };
  }
  if (ev.type === "sued_in_court" && s.phase === "decision_effective") {
    return {
      ok: false,
      code: "transition_not_allowed",
      reason:
        "quyết định giải quyết bồi thường đã có hiệu lực pháp luật nên không có quyền khởi kiện (Luật TNBTCNN 2017, Điều 52 khoản 4)",
    };
  }
  const allowed = new Set<Phase>();
  for (const r of rows) for (const p of [...r.from, ...(strict ? [] : (r.alsoFrom ?? []))]) allowed.add(p);
  const allowedText = [...allowed].map((p) => PHASE_LABELS_VI[p].toLocaleLowerCase("vi")).join("; ");
  return {
    ok: false,
    code: "transition_not_allowed",
    phaseMismatch: true,
    reason:
      `không được phép ở giai đoạn "${PHASE_LABELS_VI[s.phase]}"` +
      (s.terminal ? " (vụ việc đã kết thúc)" : "") +
      `; chỉ được phép khi: ${allowedText} — ${rows[0].basis}`,
  };
}

function applyEffects(s: ClaimState, ev: ClaimEvent, to: Phase | undefined): void {
  const ground = effectiveGround(s, ev);
  switch (ev.type) {
    case "officer_appointed":
      s.officer_appointed = true;
      break;
    case "advance_proposed":
      s.advance = "proposed";
      break;
    case "advance_paid":
      s.advance = "paid";
      break;
    case "negotiation_ended":
      if (ground === "success" || ground === "failure") s.negotiation_result = ground;
      break;
    case "suspension_ground":
      s.pending_suspension_ground = { date: ev.date, ground };
      break;
    case "suspended":
      s.suspended = { since: ev.date, ground: ground ?? s.pending_suspension_ground?.ground };
      s.pending_suspension_ground = undefined;
      break;
    case "resumed":
      s.suspended = null;
      break;
    case "termination_ground":
      s.pending_termination_ground = { date: ev.date, ground };
      break;
    case "terminated":
      s.termination_ground = ground;
      s.pending_termination_ground = undefined;
      s.suspended = null;
      break;
    default:
      break;
  }
  if (to) s.phase = to;
  s.phase_label = PHASE_LABELS_VI[s.phase];
  s.terminal = TERMINAL.includes(s.phase);
  s.dates[ev.type] = ev.date;
}

/** Field-level validation of one event (type, date, ground) for histories that did not go through the schema. */
function checkEvent(ev: ClaimEvent, i: number): void {
  if (!isEventType(ev.type)) {
    throw new DomainError(
      "unknown_event_type",
      `events[${i}].type`,
      `events[${i}].type: loại sự kiện không tồn tại "${String(ev.type)}"`,
    );
  }
  if (!isIsoDate(ev.date)) {
    throw new DomainError(
      "invalid_date",
      `events[${i}].date`,
      `events[${i}].date: ngày không hợp lệ "${String(ev.date)}"`,
    );
  }
  const grounds = EVENT_GROUNDS[ev.type];
  if (ev.ground !== undefined) {
    if (!grounds || !(normalizeGround(ev.ground) in grounds)) {
      throw new DomainError(
        "invalid_ground",
        `events[${i}].ground`,
        `events[${i}].ground: lý do "${ev.ground}" không hợp lệ cho "${ev.type}"` +
          (grounds ? `; chỉ nhận: ${Object.keys(grounds).join(", ")}` : ""),
      );
    }
  } else if (GROUND_REQUIRED.includes(ev.type)) {
    throw new DomainError(
      "missing_ground",
      `events[${i}].ground`,
      `events[${i}].ground: sự kiện "${ev.type}" phải nêu lý do (Luật TNBTCNN 2017, Điều 43 khoản 2, khoản 4)`,
    );
  }
}

/** Backfill: a row whose normal predecessor is reached by a forward path of missing main-track steps. */
function skipRow(s: ClaimState, ev: ClaimEvent): { row: Transition; missing: EventType[] } | null {
  if (s.suspended) return null;
  const ground = effectiveGround(s, ev);
  let best: { row: Transition; missing: EventType[] } | null = null;
  for (const r of rowsFor(ev.type, ground)) {
    if (r.onlySuspended || r.guard?.(s, ev)) continue;
    const path = missingSteps(s.phase, r.from);
    if (path && (!best || path.length < best.missing.length)) best = { row: r, missing: path };
  }
  return best;
}

/** Steps missing before a row accepted through `alsoFrom` or with an unmet prerequisite. */
function gapBefore(s: ClaimState, row: Transition): EventType[] {
  const pre = row.prerequisite?.(s);
  const path = row.from.includes(s.phase) ? [] : (missingSteps(s.phase, row.from) ?? []);
  return pre ? [...path, pre] : path;
}

function unrecorded(s: ClaimState, ev: ClaimEvent, i: number, missing: EventType[]): UnrecordedSteps {
  const names = missing.map((m) => `"${EVENT_LABELS_VI[m]}" (${m})`).join(", ");
  const u: UnrecordedSteps = {
    index: i,
    event: ev.type,
    date: ev.date,
    missing,
    message: `chưa ghi nhận: ${names} — trước "${EVENT_LABELS_VI[ev.type]}" ngày ${formatVi(ev.date)}`,
  };
  if (s.last_event) u.after = s.last_event.date;
  return u;
}

/** Applies event i to the state, or throws DomainError with field `events[i]` (or `events[i].date`). */
function step(s: ClaimState, ev: ClaimEvent, i: number): void {
  checkEvent(ev, i);
  const prev = s.last_event;
  if (prev && ev.date < prev.date) {
    throw new DomainError(
      "event_out_of_order",
      `events[${i}].date`,
      `events[${i}].date: "${EVENT_LABELS_VI[ev.type]}" ngày ${formatVi(ev.date)} sớm hơn sự kiện trước nó ` +
        `(events[${prev.index}] "${EVENT_LABELS_VI[prev.type]}" ngày ${formatVi(prev.date)}); các sự kiện phải theo thứ tự thời gian`,
    );
  }
  if (s.phase === "none") {
    // Entry of a partial history: any event, with a lawful ground.
    const ground = effectiveGround(s, ev);
    const rows = rowsFor(ev.type, ground);
    if (rows.length === 0) {
      throw new DomainError(
        "invalid_ground",
        `events[${i}].ground`,
        `events[${i}].ground: lý do "${ground ?? ""}" không áp dụng cho "${ev.type}"`,
      );
    }
    s.entry = ev.type;
    s.phase = ENTRY_PHASE[ev.type];
    if (ev.type === "termination_ground" && ground === "đ") s.phase = "decision_refused";
    if (ev.type === "termination_ground" && ground === "d") s.phase = "decided";
    if (ev.type === "suspended") s.suspended = { since: ev.date, ground };
    applyEffects(s, ev, undefined);
  } else {
    const r = findTransition(s, ev, false);
    const backfilled = r.ok ? null : r.phaseMismatch ? skipRow(s, ev) : null;
    if (!r.ok && !backfilled) {
      throw new DomainError(
        r.code,
        `events[${i}]`,
        `events[${i}]: không thể ghi nhận "${EVENT_LABELS_VI[ev.type]}" (${ev.type}) ngày ${formatVi(ev.date)}: ${r.reason}`,
      );
    }
    const row = r.ok ? r.row : backfilled!.row;
    const missing = r.ok ? gapBefore(s, row) : backfilled!.missing;
    if (missing.length) s.unrecorded.push(unrecorded(s, ev, i, missing));
    applyEffects(s, ev, row.to);
  }
  s.last_event = { ...ev, index: i };
}

/**
 * Replays a claim history through the state machine. Throws DomainError (field `events[i]`, `events[i].date`,
 * `events[i].type` or `events[i].ground`) at the first contradiction.
 */
export function replay(history: ClaimHistory): ClaimState {
  const s = initialState(history);
  for (let i = 0; i < history.events.length; i++) step(s, history.events[i], i);
  return s;
}
