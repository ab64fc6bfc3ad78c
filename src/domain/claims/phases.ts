// Phases of a claim and the state reached by replaying its history (replay.ts).
import type { IsoDate } from "../shared/dates.ts";
import type { ClaimEvent, EventType, LawCode } from "./events.ts";

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

/** Every phase a recorded claim may be in ("none" is the empty history), in procedure order. */
export const PHASES = (Object.keys(PHASE_LABELS_VI) as Phase[]).filter((p) => p !== "none");

/** Phases after which nothing more may happen on the agency route (except the court route after Điều 51 k1 a). */
export const TERMINAL: readonly Phase[] = ["refused", "terminated", "recourse_decided"];

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
  /** Backfill reading: steps the history lacks before an event ("chưa ghi nhận"), never errors (replay.ts). */
  unrecorded: UnrecordedSteps[];
};

/** Steps missing from a history before event `index` (recorded at `date`): they happened after `after`, if known. */
export type UnrecordedSteps = {
  index: number;
  event: EventType;
  date: IsoDate;
  after?: IsoDate;
  missing: EventType[];
  /** Vietnamese warning naming the missing steps. */
  message: string;
};
