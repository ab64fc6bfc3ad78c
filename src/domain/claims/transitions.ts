// The claim procedure of Luật TNBTCNN 2017, Chương IV–VI, as data: one row per lawful step with the clause that
// allows it. The engine that applies the rows is replay.ts.
import type { ClaimEvent, EventType } from "./events.ts";
import type { ClaimState, Phase } from "./phases.ts";

export type Transition = {
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
  /** The step's own name at this point of the procedure, when it differs from EVENT_LABELS_VI (offered actions). */
  label?: string;
  /** Extra condition; returns a Vietnamese reason when not met. */
  guard?: (s: ClaimState, ev: ClaimEvent) => string | null;
  /** A side step that must come first: refused when recording live, "chưa ghi nhận" when backfilling. */
  prerequisite?: (s: ClaimState) => EventType | null;
  basis: string;
};

/** Before acceptance (thụ lý). */
const PRE: readonly Phase[] = ["received", "supplementing", "file_valid"];
/** From acceptance until the decision: verification and negotiation. */
const HANDLING: readonly Phase[] = ["accepted", "verified", "negotiating", "negotiated"];
/** Where payment may start: an agency decision or a court judgment. */
const PAY_ENTRY: readonly Phase[] = ["decided", "decision_effective", "in_court"];

/**
 * Đình chỉ — Điều 51 khoản 1, by ground. The ground (`termination_ground`) and the decision (`terminated`) are
 * allowed from the same phases, so both events take their rows from this one list.
 */
const TERMINATION_BY_GROUND: readonly Omit<Transition, "event" | "to">[] = [
  { from: ["accepted"], grounds: ["a"], whileSuspended: true, basis: "Luật TNBTCNN 2017, Điều 51 khoản 1 điểm a" },
  {
    from: [...HANDLING, "decided", "decision_refused"],
    grounds: ["b", ""],
    whileSuspended: true,
    basis: "Luật TNBTCNN 2017, Điều 51 khoản 1",
  },
  { from: HANDLING, grounds: ["c"], whileSuspended: true, basis: "Luật TNBTCNN 2017, Điều 51 khoản 1 điểm c" },
  {
    from: ["decided", "decision_refused", "decision_effective"],
    grounds: ["d"],
    basis: "Luật TNBTCNN 2017, Điều 51 khoản 1 điểm d; Điều 48 khoản 1",
  },
  { from: ["decision_refused"], grounds: ["đ"], basis: "Luật TNBTCNN 2017, Điều 51 khoản 1 điểm đ" },
];

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
  {
    event: "refused",
    from: PRE,
    to: "refused",
    label: "Không thụ lý hồ sơ (trả lại hồ sơ, nêu rõ lý do)",
    basis: "Luật TNBTCNN 2017, Điều 43 khoản 2",
  },
  {
    // "dừng việc giải quyết, xóa tên vụ việc trong sổ thụ lý và trả lại hồ sơ" when a k2 ground appears after acceptance.
    event: "refused",
    from: HANDLING,
    to: "refused",
    whileSuspended: true,
    label: "Dừng việc giải quyết, xóa tên vụ việc khỏi sổ thụ lý và trả lại hồ sơ",
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
    guard: (s) => (s.advance === "paid" ? "đã chi tạm ứng trước đó" : null),
    prerequisite: (s) => (s.advance === "none" ? "advance_proposed" : null),
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
  // Đình chỉ — Điều 51 khoản 1 (rows above).
  ...TERMINATION_BY_GROUND.map((r): Transition => ({ event: "termination_ground", ...r })),
  ...TERMINATION_BY_GROUND.map((r): Transition => ({ event: "terminated", ...r, to: "terminated" })),
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
