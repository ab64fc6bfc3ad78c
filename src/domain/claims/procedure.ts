// The claim procedure of Luật TNBTCNN 2017, Chương IV–VI, as a state machine.
//
// Reading of a history (documented policy):
// * A history may be PARTIAL. It may start at any event (the "entry"): what happened before is unknown and is assumed
//   to have been lawful. Steps may also be missing in the middle when their absence contradicts nothing: each
//   transition row lists its normal predecessors (`from`) and the phases it is tolerated after when intermediate
//   records are missing (`alsoFrom`).
// * Only CONTRADICTIONS are errors: an event dated before the event listed before it (events must be in date order),
//   an event the law does not allow after the previous ones (e.g. `paid` after `terminated`, going back to an earlier
//   step, ending something never started: `negotiation_ended` after `accepted` without `negotiation_started`), a
//   main-track event while the claim is suspended, an unknown type, a ground the law does not list.
// * The same table is used for law_2009 histories (same vocabulary); its citations are to the 2017 law (unverified
//   for 2009-law claims).

import type { IsoDate } from "../shared/dates.ts";
import { formatVi, isIsoDate } from "../shared/dates.ts";
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

export type Phase =
  | "none"
  | "received"
  | "supplementing"
  | "file_valid"
  | "accepted"
  | "verified"
  | "negotiating"
  | "negotiated"
  | "decided"
  | "decision_refused"
  | "decision_effective"
  | "in_court"
  | "funds_requested"
  | "funds_received"
  | "notified"
  | "paid"
  | "council"
  | "council_recommended"
  | "recourse_decided"
  | "refused"
  | "terminated";

export const PHASE_LABELS_VI: Record<Phase, string> = {
  none: "Chưa có sự kiện",
  received: "Đã nhận hồ sơ",
  supplementing: "Đang chờ bổ sung hồ sơ",
  file_valid: "Hồ sơ hợp lệ, chờ thụ lý",
  accepted: "Đã thụ lý, đang xác minh thiệt hại",
  verified: "Đã có báo cáo xác minh thiệt hại",
  negotiating: "Đang thương lượng",
  negotiated: "Đã kết thúc thương lượng",
  decided: "Đã ra quyết định giải quyết bồi thường",
  decision_refused: "Người yêu cầu không nhận quyết định",
  decision_effective: "Quyết định giải quyết bồi thường đã có hiệu lực",
  in_court: "Giải quyết tại Tòa án",
  funds_requested: "Đã đề nghị cấp kinh phí bồi thường",
  funds_received: "Đã nhận kinh phí bồi thường",
  notified: "Người yêu cầu đã nhận thông báo chi trả",
  paid: "Đã chi trả tiền bồi thường",
  council: "Hội đồng xem xét trách nhiệm hoàn trả đang làm việc",
  council_recommended: "Hội đồng đã kiến nghị",
  recourse_decided: "Đã có quyết định hoàn trả",
  refused: "Không thụ lý / dừng giải quyết",
  terminated: "Đã đình chỉ giải quyết",
};

/** Phases after which nothing more may happen on the agency route (except the court route after Điều 51 k1 a). */
const TERMINAL: readonly Phase[] = ["refused", "terminated", "recourse_decided"];

export type ClaimState = {
  law: LawCode;
  complex: boolean;
  phase: Phase;
  phase_label: string;
  terminal: boolean;
  /** Set while a suspension decision is in force (Điều 50). */
  suspended: { since: IsoDate; ground?: string } | null;
  officer_appointed: boolean;
  advance: "none" | "proposed" | "paid";
  negotiation_result?: "success" | "failure";
  pending_suspension_ground?: { date: IsoDate; ground?: string };
  pending_termination_ground?: { date: IsoDate; ground?: string };
  /** Ground of the termination decision, when terminated. */
  termination_ground?: string;
  /** First event of the history (histories may be partial). */
  entry?: EventType;
  last_event?: ClaimEvent & { index: number };
  /** Date of the last occurrence of each event type. */
  dates: Partial<Record<EventType, IsoDate>>;
};

type Transition = {
  event: EventType;
  /** Normal predecessor phases (used for next actions). */
  from: readonly Phase[];
  /** Also tolerated after these phases when intermediate records are missing (partial histories). */
  alsoFrom?: readonly Phase[];
  /** New phase; absent = side event (phase unchanged). */
  to?: Phase;
  /** Row applies only to these grounds ("" = no ground given); absent = any ground. */
  grounds?: readonly string[];
  /** Allowed while the claim is suspended. */
  whileSuspended?: boolean;
  /** Only while the claim is suspended. */
  onlySuspended?: boolean;
  /** Extra condition; returns a Vietnamese reason when not met. */
  guard?: (s: ClaimState, ev: ClaimEvent) => string | null;
  basis: string;
};

const PRE: readonly Phase[] = ["received", "supplementing", "file_valid"];
const HANDLING: readonly Phase[] = ["accepted", "verified", "negotiating", "negotiated"];
const PAY_ENTRY: readonly Phase[] = ["decided", "decision_effective", "in_court"];

/** The transition table. Each row: one lawful step with the clause that allows it. */
export const TRANSITIONS: readonly Transition[] = [
  { event: "received", from: ["none"], to: "received", basis: "Luật TNBTCNN 2017, Điều 42 khoản 1" },
  {
    event: "supplement_requested",
    from: ["received"],
    to: "supplementing",
    basis: "Luật TNBTCNN 2017, Điều 42 khoản 2 điểm a",
  },
  {
    event: "file_valid",
    from: ["received", "supplementing"],
    to: "file_valid",
    basis: "Luật TNBTCNN 2017, Điều 41; Điều 42 khoản 3",
  },
  { event: "accepted", from: PRE, to: "accepted", basis: "Luật TNBTCNN 2017, Điều 43 khoản 1" },
  { event: "refused", from: PRE, to: "refused", basis: "Luật TNBTCNN 2017, Điều 43 khoản 2" },
  {
    // "dừng việc giải quyết, xóa tên vụ việc trong sổ thụ lý và trả lại hồ sơ" when a k2 ground appears after acceptance.
    event: "refused",
    from: HANDLING,
    to: "refused",
    whileSuspended: true,
    basis: "Luật TNBTCNN 2017, Điều 43 khoản 4",
  },
  {
    event: "officer_appointed",
    from: ["accepted"],
    alsoFrom: ["verified", "negotiating", "negotiated"],
    whileSuspended: true,
    basis: "Luật TNBTCNN 2017, Điều 43 khoản 3 điểm a",
  },
  {
    event: "advance_proposed",
    from: ["accepted"],
    alsoFrom: ["verified", "negotiating", "negotiated"],
    whileSuspended: true,
    guard: (s) => (s.advance === "none" ? null : "đã có đề xuất tạm ứng trước đó"),
    basis: "Luật TNBTCNN 2017, Điều 44 khoản 2 điểm a",
  },
  {
    event: "advance_paid",
    from: ["accepted", "verified", "negotiating", "negotiated"],
    alsoFrom: ["decided", "decision_effective"],
    whileSuspended: true,
    guard: (s) =>
      s.advance === "proposed" ? null : s.advance === "paid" ? "đã chi tạm ứng trước đó" : "chưa có đề xuất tạm ứng",
    basis: "Luật TNBTCNN 2017, Điều 44 khoản 2 điểm b, c",
  },
  {
    event: "verification_report_done",
    from: ["accepted"],
    alsoFrom: PRE,
    to: "verified",
    basis: "Luật TNBTCNN 2017, Điều 45 khoản 3",
  },
  {
    event: "negotiation_started",
    from: ["verified"],
    alsoFrom: [...PRE, "accepted"],
    to: "negotiating",
    basis: "Luật TNBTCNN 2017, Điều 46 khoản 1",
  },
  { event: "negotiation_ended", from: ["negotiating"], to: "negotiated", basis: "Luật TNBTCNN 2017, Điều 46 khoản 2" },
  {
    event: "decision_issued",
    from: ["negotiated"],
    alsoFrom: [...PRE, "accepted", "verified", "negotiating"],
    to: "decided",
    guard: (s) =>
      s.negotiation_result === "failure"
        ? "thương lượng không thành thì không ra quyết định; người yêu cầu có quyền khởi kiện (Điều 46 khoản 8, Điều 52 khoản 2)"
        : null,
    basis: "Luật TNBTCNN 2017, Điều 47 khoản 1",
  },
  {
    event: "decision_refused",
    from: ["decided"],
    to: "decision_refused",
    basis: "Luật TNBTCNN 2017, Điều 47 khoản 1 đoạn 2",
  },
  {
    event: "decision_effective",
    from: ["decided"],
    to: "decision_effective",
    basis: "Luật TNBTCNN 2017, Điều 47 khoản 2",
  },
  {
    event: "suspension_ground",
    from: HANDLING,
    guard: (s) => (s.pending_suspension_ground ? "đã có căn cứ tạm đình chỉ chưa được xử lý" : null),
    basis: "Luật TNBTCNN 2017, Điều 50 khoản 1",
  },
  { event: "suspended", from: HANDLING, basis: "Luật TNBTCNN 2017, Điều 50 khoản 1" },
  {
    event: "resumed",
    from: HANDLING,
    whileSuspended: true,
    onlySuspended: true,
    basis: "Luật TNBTCNN 2017, Điều 50",
  },
  // Đình chỉ — Điều 51 khoản 1, by ground.
  {
    event: "termination_ground",
    from: ["accepted"],
    grounds: ["a"],
    whileSuspended: true,
    basis: "Luật TNBTCNN 2017, Điều 51 khoản 1 điểm a",
  },
  {
    event: "termination_ground",
    from: [...HANDLING, "decided", "decision_refused"],
    grounds: ["b", ""],
    whileSuspended: true,
    basis: "Luật TNBTCNN 2017, Điều 51 khoản 1",
  },
  {
    event: "termination_ground",
    from: HANDLING,
    grounds: ["c"],
    whileSuspended: true,
    basis: "Luật TNBTCNN 2017, Điều 51 khoản 1 điểm c",
  },
  {
    event: "termination_ground",
    from: ["decided", "decision_refused", "decision_effective"],
    grounds: ["d"],
    basis: "Luật TNBTCNN 2017, Điều 51 khoản 1 điểm d; Điều 48 khoản 1",
  },
  {
    event: "termination_ground",
    from: ["decision_refused"],
    grounds: ["đ"],
    basis: "Luật TNBTCNN 2017, Điều 51 khoản 1 điểm đ",
  },
  {
    event: "terminated",
    from: ["accepted"],
    grounds: ["a"],
    to: "terminated",
    whileSuspended: true,
    basis: "Luật TNBTCNN 2017, Điều 51 khoản 1 điểm a",
  },
  {
    event: "terminated",
    from: [...HANDLING, "decided", "decision_refused"],
    grounds: ["b", ""],
    to: "terminated",
    whileSuspended: true,
    basis: "Luật TNBTCNN 2017, Điều 51 khoản 1",
  },
  {
    event: "terminated",
    from: HANDLING,
    grounds: ["c"],
    to: "terminated",
    whileSuspended: true,
    basis: "Luật TNBTCNN 2017, Điều 51 khoản 1 điểm c",
  },
  {
    event: "terminated",
    from: ["decided", "decision_refused", "decision_effective"],
    grounds: ["d"],
    to: "terminated",
    basis: "Luật TNBTCNN 2017, Điều 51 khoản 1 điểm d; Điều 48 khoản 1",
  },
  {
    event: "terminated",
    from: ["decision_refused"],
    grounds: ["đ"],
    to: "terminated",
    basis: "Luật TNBTCNN 2017, Điều 51 khoản 1 điểm đ",
  },
  // Khởi kiện — Điều 52.
  {
    event: "sued_in_court",
    from: ["none"],
    grounds: ["1a", ""],
    to: "in_court",
    basis: "Luật TNBTCNN 2017, Điều 52 khoản 1 điểm a",
  },
  {
    event: "sued_in_court",
    from: ["terminated"],
    grounds: ["1b", ""],
    to: "in_court",
    guard: (s) =>
      s.termination_ground === "a"
        ? null
        : "chỉ được khởi kiện sau khi đình chỉ vì rút yêu cầu trước khi xác minh (Điều 51 khoản 1 điểm a)",
    basis: "Luật TNBTCNN 2017, Điều 52 khoản 1 điểm b",
  },
  {
    event: "sued_in_court",
    from: ["negotiated", "decided", "decision_refused"],
    grounds: ["2", ""],
    to: "in_court",
    basis: "Luật TNBTCNN 2017, Điều 52 khoản 2",
  },
  // Cấp kinh phí, chi trả — Điều 62.
  {
    event: "funds_requested",
    from: ["decision_effective", "in_court"],
    alsoFrom: ["decided"],
    to: "funds_requested",
    basis: "Luật TNBTCNN 2017, Điều 62 khoản 1",
  },
  {
    event: "funds_received",
    from: ["funds_requested"],
    to: "funds_received",
    basis: "Luật TNBTCNN 2017, Điều 62 khoản 4",
  },
  {
    event: "payment_notice_received",
    from: ["funds_received"],
    alsoFrom: [...PAY_ENTRY, "funds_requested"],
    to: "notified",
    basis: "Luật TNBTCNN 2017, Điều 62 khoản 5",
  },
  {
    event: "paid",
    from: ["notified"],
    alsoFrom: [...PAY_ENTRY, "funds_requested", "funds_received"],
    to: "paid",
    basis: "Luật TNBTCNN 2017, Điều 62 khoản 5",
  },
  // Hoàn trả — Điều 66, NĐ 68/2018 Điều 30.
  {
    event: "council_established",
    from: ["paid"],
    alsoFrom: [...PAY_ENTRY, "funds_requested", "funds_received", "notified"],
    to: "council",
    basis: "Luật TNBTCNN 2017, Điều 66 khoản 1",
  },
  {
    event: "council_recommended",
    from: ["council"],
    to: "council_recommended",
    basis: "Luật TNBTCNN 2017, Điều 66 khoản 2",
  },
  {
    event: "recourse_decided",
    from: ["council_recommended"],
    to: "recourse_decided",
    basis: "Nghị định 68/2018/NĐ-CP, Điều 30 khoản 1 điểm a",
  },
];

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

type Check = { ok: true; row: Transition } | { ok: false; code: string; reason: string };

const ROWS_BY_EVENT = new Map<EventType, Transition[]>();
for (const r of TRANSITIONS) {
  const list = ROWS_BY_EVENT.get(r.event);
  if (list) list.push(r);
  else ROWS_BY_EVENT.set(r.event, [r]);
}

/** Fast path: the row allowing `ev` in state `s`, or null. `strict` = only normal predecessors. */
function allowedRow(s: ClaimState, ev: ClaimEvent, strict: boolean): Transition | null {
  const ground = effectiveGround(s, ev);
  for (const r of ROWS_BY_EVENT.get(ev.type) ?? []) {
    if (!rowMatchesGround(r, ground)) continue;
    if (!r.from.includes(s.phase) && (strict || !r.alsoFrom?.includes(s.phase))) continue;
    if (s.suspended && !r.whileSuspended) continue;
    if (r.onlySuspended && !s.suspended) continue;
    if (r.guard?.(s, ev)) continue;
    return r;
  }
  return null;
}

/** Finds the row allowing `ev` in state `s`, or explains why none does. `strict` = only normal predecessors. */
function findTransition(s: ClaimState, ev: ClaimEvent, strict: boolean): Check {
  const fast = allowedRow(s, ev, strict);
  if (fast) return { ok: true, row: fast };
  const ground = effectiveGround(s, ev);
  const rows = (ROWS_BY_EVENT.get(ev.type) ?? []).filter((r) => rowMatchesGround(r, ground));
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
    const rows = TRANSITIONS.filter((r) => r.event === ev.type && rowMatchesGround(r, ground));
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
    if (!r.ok) {
      throw new DomainError(
        r.code,
        `events[${i}]`,
        `events[${i}]: không thể ghi nhận "${EVENT_LABELS_VI[ev.type]}" (${ev.type}) ngày ${formatVi(ev.date)}: ${r.reason}`,
      );
    }
    applyEffects(s, ev, r.row.to);
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

export type NextAction = {
  event: EventType;
  label: string;
  basis: string;
  /** Grounds the event may carry in this state (for ground-specific rows). */
  grounds?: string[];
};

function basisFor(law: LawCode, basis: string): string {
  return law === "law_2009" ? `${basis} (áp dụng tương tự cho vụ việc theo Luật TNBTCNN 2009 — chưa đối chiếu)` : basis;
}

/** Lawful next events from the state reached by `history`, in procedure order (normal predecessors only). */
export function nextActions(history: ClaimHistory): NextAction[] {
  return nextActionsFromState(replay(history));
}

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
