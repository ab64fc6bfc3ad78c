// Legal durations as EFFECTIVE-DATED DATA (OpenFisca style): one row per duration, with its citation.
// An amendment adds a row with a new `effective_from` (and closes the old row with `effective_to`); code never changes.
//
// Sources: shared/domain/legal-brief.md §1 (tags [P]/[S]/[T]) and legal-addendum.md (wins over the brief).
// confidence "confirmed" = the addendum or a [P]/[S] passage of the brief gives the value; "unverified" otherwise.
//
// Keys: the GLOSSARY `step` keys, plus these additional keys for durations the glossary has no step for
// (to be added to the project glossary in docs/):
//   verification_report  — báo cáo xác minh thiệt hại (Điều 45 khoản 3)
//   advance_finance      — cơ quan tài chính cấp tạm ứng (Điều 44 khoản 3)
//   decision_effective   — quyết định giải quyết bồi thường có hiệu lực (Điều 47 khoản 2)
//   refusal_minutes      — gửi biên bản không nhận quyết định (Điều 47 khoản 1)
//   refusal_termination  — hết 30 ngày sau biên bản không nhận quyết định → căn cứ đình chỉ (Điều 51 khoản 1 điểm đ)
//   suspension_period    — thời hạn tạm đình chỉ (Điều 50)
//   resume_request       — đề nghị tiếp tục sau khi hết thời hạn tạm đình chỉ (Điều 50)
//   sue                  — quyền khởi kiện tại Tòa án (Điều 52 khoản 2)
//   funds_grant          — cơ quan tài chính cấp phát kinh phí bồi thường (Điều 62 khoản 4)
//   unclaimed_payment    — tiền không nhận sau 03 năm → nộp ngân sách (Điều 62 khoản 6)
//   limitation           — thời hiệu yêu cầu bồi thường (Điều 6 khoản 1); GLOSSARY `limitation_period`
//   agency_determination — Sở Tư pháp xác định cơ quan giải quyết bồi thường và chuyển hồ sơ (Điều 41 khoản 4;
//                          NĐ 68/2018 Điều 32 khoản 2, Điều 33) — used by the public portal (src/domain/portal)
//
// Luật TNBTCNN 2009 (law_2009): only the two values the brief mentions are rows (both unverified, brief §1.10, §1.11).
// Every other 2009-law step simply has NO parameter: `parameterFor` returns undefined and no deadline is computed.
// law_2009 rows have no `effective_to`: claims accepted before 01/7/2018 stay under the 2009 law (transitional rule of
// Luật TNBTCNN 2017, điều khoản thi hành — brief, opening section), so its rows remain applicable after that date.
import type { PeriodUnit } from "../calendar/types.ts";
import type { EventType, LawCode } from "../claims/events.ts";
import type { IsoDate } from "../shared/dates.ts";

export type { LawCode } from "../claims/events.ts";

/** GLOSSARY step keys. */
export type GlossaryStepKey =
  | "supplement"
  | "accept"
  | "appoint_officer"
  | "advance"
  | "verify"
  | "negotiation_start"
  | "negotiation_end"
  | "decision"
  | "suspension_decision"
  | "termination_decision"
  | "funds_request"
  | "payment_notice"
  | "payment"
  | "recourse_council"
  | "council_recommendation"
  | "recourse_decision";

/** Additional duration keys (see the header comment). */
export type ExtraStepKey =
  | "verification_report"
  | "advance_finance"
  | "decision_effective"
  | "refusal_minutes"
  | "refusal_termination"
  | "suspension_period"
  | "resume_request"
  | "sue"
  | "funds_grant"
  | "unclaimed_payment"
  | "limitation"
  | "agency_determination";

export type StepKey = GlossaryStepKey | ExtraStepKey;

/**
 * What a duration counts from: a claim event, or a derived moment that has no event of its own:
 * `verification_end` (end of damage verification = the verification deadline when not recorded),
 * `suspension_end` (end of the 30-day suspension), `advance_request_received` (finance agency receives the
 * advance request), `basis_document_received` and `so_tu_phap_received` (public portal, before any claim exists).
 */
export type DerivedAnchor =
  | "verification_end"
  | "suspension_end"
  | "advance_request_received"
  /** The injured person received the văn bản làm căn cứ yêu cầu bồi thường (Điều 6 khoản 1). */
  | "basis_document_received"
  /** The Sở Tư pháp received a claim file whose handling agency the claimant could not identify (Điều 41 khoản 4). */
  | "so_tu_phap_received";
export type Anchor = EventType | DerivedAnchor;

export type Confidence = "confirmed" | "unverified";

export type LegalParameter = {
  key: StepKey;
  /** Distinguishes several durations under one key (e.g. supplement: agency request vs. claimant). */
  variant?: string;
  law: LawCode;
  value: number;
  unit: PeriodUnit;
  from_event: Anchor;
  /** Value for a complex case (vụ việc phức tạp), when the law gives one. */
  complex_value?: number;
  /** Maximum agreed extension, same unit as `value` unless stated. */
  extension_max?: number;
  /** The extension counts from the expiry of the normal period. */
  extension_from?: "expiry";
  cite: string;
  confidence: Confidence;
  effective_from: IsoDate;
  /** Last day the row is in force (inclusive); absent = still in force. */
  effective_to?: IsoDate;
  /** Vietnamese label of the duty/right. */
  label: string;
  note?: string;
};

const LAW_2017_FROM = "2018-07-01"; // Luật TNBTCNN 2017 có hiệu lực từ 01/7/2018 (brief, phần đầu).
/** Luật 35/2009/QH12 in force 01/01/2010 — general knowledge, not stated in the brief (unverified). */
const LAW_2009_FROM = "2010-01-01";

export const LEGAL_PARAMETERS: readonly LegalParameter[] = [
  // --- Điều 6: thời hiệu; Điều 41 khoản 4: cơ quan giải quyết chưa rõ (trước khi có vụ việc — cổng công dân) -------
  {
    // "Thời hiệu yêu cầu bồi thường là 03 năm kể từ ngày người bị thiệt hại … nhận được văn bản làm căn cứ yêu cầu bồi
    // thường, trừ trường hợp yêu cầu phục hồi danh dự" (brief §1.0 [S]; addendum "Other items": Điều 6 k1, k3, k4).
    key: "limitation",
    law: "law_2017",
    value: 3,
    unit: "years",
    from_event: "basis_document_received",
    cite: "Luật TNBTCNN 2017, Điều 6 khoản 1",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Thời hiệu yêu cầu bồi thường",
    note:
      "Không áp dụng thời hiệu đối với yêu cầu phục hồi danh dự. Thời gian có sự kiện bất khả kháng, trở ngại khách quan " +
      "hoặc người chưa thành niên, mất năng lực hành vi dân sự chưa có người đại diện không tính vào thời hiệu " +
      "(Điều 6 khoản 3; người yêu cầu phải chứng minh — khoản 4).",
  },
  {
    // Hồ sơ gửi Sở Tư pháp khi không xác định được cơ quan giải quyết bồi thường; Sở xác định và chuyển hồ sơ "trong thời
    // hạn 05 ngày làm việc" (addendum §3; brief §1.1 [S] dichvucong.gov.vn TTHC 225403).
    key: "agency_determination",
    law: "law_2017",
    value: 5,
    unit: "working_days",
    from_event: "so_tu_phap_received",
    cite: "Luật TNBTCNN 2017, Điều 41 khoản 4; Nghị định 68/2018/NĐ-CP, Điều 32 khoản 2 và Điều 33",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Sở Tư pháp xác định cơ quan giải quyết bồi thường và chuyển hồ sơ",
    note:
      "Hồ sơ nộp cho Sở Tư pháp trong thời hiệu thì cơ quan nhận chuyển phải thụ lý dù thời hiệu đã hết khi chuyển " +
      "(Nghị định 68/2018/NĐ-CP, Điều 13).",
  },
  // --- Điều 42: tiếp nhận và xử lý hồ sơ -------------------------------------------------------------------
  {
    // "Trong thời hạn 05 ngày làm việc kể từ ngày nhận được hồ sơ, Thủ trưởng cơ quan giải quyết bồi thường: a) yêu cầu
    // người yêu cầu bồi thường bổ sung hồ sơ …" (addendum §3)
    key: "supplement",
    variant: "agency_request",
    law: "law_2017",
    value: 5,
    unit: "working_days",
    from_event: "received",
    cite: "Luật TNBTCNN 2017, Điều 42 khoản 2",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Cơ quan yêu cầu bổ sung hồ sơ (nếu hồ sơ chưa đầy đủ)",
  },
  {
    // "Trong thời hạn 05 ngày làm việc kể từ ngày nhận được yêu cầu …, người yêu cầu bồi thường phải bổ sung hồ sơ"
    key: "supplement",
    law: "law_2017",
    value: 5,
    unit: "working_days",
    from_event: "supplement_requested",
    cite: "Luật TNBTCNN 2017, Điều 42 khoản 3",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Người yêu cầu bồi thường bổ sung hồ sơ",
    note: "Thời gian có sự kiện bất khả kháng hoặc trở ngại khách quan không tính vào thời hạn (chưa mô hình hóa).",
  },
  // --- Điều 43: thụ lý, cử người giải quyết ------------------------------------------------------------------
  {
    // "Trong thời hạn 02 ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ … phải thụ lý hồ sơ và vào sổ thụ lý"
    key: "accept",
    law: "law_2017",
    value: 2,
    unit: "working_days",
    from_event: "file_valid",
    cite: "Luật TNBTCNN 2017, Điều 43 khoản 1",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Thụ lý hồ sơ và vào sổ thụ lý",
  },
  {
    // "Trong thời hạn 02 ngày làm việc kể từ ngày thụ lý hồ sơ, cơ quan giải quyết bồi thường phải cử người giải quyết
    // bồi thường"
    key: "appoint_officer",
    law: "law_2017",
    value: 2,
    unit: "working_days",
    from_event: "accepted",
    cite: "Luật TNBTCNN 2017, Điều 43 khoản 3 điểm a",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Cử người giải quyết bồi thường",
  },
  // --- Điều 44: tạm ứng kinh phí bồi thường ------------------------------------------------------------------
  {
    // Còn dự toán: "trong thời hạn 05 ngày làm việc kể từ ngày nhận được đề xuất" hoàn thành tạm ứng và chi trả.
    key: "advance",
    law: "law_2017",
    value: 5,
    unit: "working_days",
    from_event: "advance_proposed",
    cite: "Luật TNBTCNN 2017, Điều 44 khoản 2 điểm b",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Tạm ứng kinh phí bồi thường từ dự toán của cơ quan",
    note: "Mức tạm ứng không dưới 50% giá trị thiệt hại tạm ứng được (Điều 44 khoản 4).",
  },
  {
    // Không đủ dự toán: "trong thời hạn 02 ngày làm việc kể từ ngày nhận được đề xuất" có văn bản đề nghị cơ quan tài chính.
    key: "advance",
    variant: "finance_request",
    law: "law_2017",
    value: 2,
    unit: "working_days",
    from_event: "advance_proposed",
    cite: "Luật TNBTCNN 2017, Điều 44 khoản 2 điểm c",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Đề nghị cơ quan tài chính cấp kinh phí tạm ứng",
  },
  {
    // "trong thời hạn 07 ngày làm việc kể từ ngày nhận được đề nghị" cơ quan tài chính cấp bổ sung / cấp tạm ứng.
    key: "advance_finance",
    law: "law_2017",
    value: 7,
    unit: "working_days",
    from_event: "advance_request_received",
    cite: "Luật TNBTCNN 2017, Điều 44 khoản 3",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Cơ quan tài chính cấp kinh phí tạm ứng",
  },
  // --- Điều 45: xác minh thiệt hại -------------------------------------------------------------------------
  {
    // "Trong thời hạn 15 ngày kể từ ngày thụ lý hồ sơ … phải hoàn thành việc xác minh thiệt hại. Trường hợp vụ việc …
    // có nhiều tình tiết phức tạp hoặc phải xác minh tại nhiều địa điểm thì … là 30 ngày … có thể được kéo dài theo thỏa
    // thuận … nhưng tối đa là 15 ngày kể từ ngày hết thời hạn"
    key: "verify",
    law: "law_2017",
    value: 15,
    unit: "calendar_days",
    complex_value: 30,
    extension_max: 15,
    extension_from: "expiry",
    from_event: "accepted",
    cite: "Luật TNBTCNN 2017, Điều 45 khoản 2",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Xác minh thiệt hại",
  },
  {
    // "Trong thời hạn 03 ngày làm việc kể từ ngày kết thúc việc xác minh thiệt hại, … phải hoàn thành báo cáo xác minh"
    key: "verification_report",
    law: "law_2017",
    value: 3,
    unit: "working_days",
    from_event: "verification_end",
    cite: "Luật TNBTCNN 2017, Điều 45 khoản 3",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Hoàn thành báo cáo xác minh thiệt hại",
    note: "Ngày kết thúc xác minh không có sự kiện riêng; tính từ ngày hết hạn xác minh (chậm nhất).",
  },
  // --- Điều 46: thương lượng --------------------------------------------------------------------------------
  {
    // "trong thời hạn 02 ngày làm việc kể từ ngày hoàn thành báo cáo xác minh thiệt hại" tiến hành thương lượng.
    key: "negotiation_start",
    law: "law_2017",
    value: 2,
    unit: "working_days",
    from_event: "verification_report_done",
    cite: "Luật TNBTCNN 2017, Điều 46 khoản 1",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Bắt đầu thương lượng việc bồi thường",
    note: "Giá trị [S] (brief §1.8). Số khoản suy ra từ Điều 48 (khoản 3 thành phần, khoản 5 nội dung, khoản 6 trình tự).",
  },
  {
    // Thương lượng hoàn thành trong 10 ngày kể từ ngày bắt đầu; phức tạp tối đa 15 ngày; kéo dài theo thỏa thuận tối đa
    // 10 ngày kể từ ngày hết thời hạn.
    key: "negotiation_end",
    law: "law_2017",
    value: 10,
    unit: "calendar_days",
    complex_value: 15,
    extension_max: 10,
    extension_from: "expiry",
    from_event: "negotiation_started",
    cite: "Luật TNBTCNN 2017, Điều 46 khoản 2",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Kết thúc thương lượng",
    note: "Giá trị [S] (brief §1.8). Số khoản suy ra như khoản 1.",
  },
  // --- Điều 47: quyết định giải quyết bồi thường -------------------------------------------------------------
  {
    // "Ngay sau khi có biên bản kết quả thương lượng thành, Thủ trưởng … ra quyết định … và trao … tại buổi thương lượng."
    key: "decision",
    law: "law_2017",
    value: 0,
    unit: "calendar_days",
    from_event: "negotiation_ended",
    cite: "Luật TNBTCNN 2017, Điều 47 khoản 1",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Ra và trao quyết định giải quyết bồi thường",
    note: "Ngay tại buổi thương lượng: hạn là chính ngày kết thúc thương lượng (0 ngày).",
  },
  {
    // "… phải gửi cho người yêu cầu bồi thường trong thời hạn 05 ngày làm việc kể từ ngày lập biên bản."
    key: "refusal_minutes",
    law: "law_2017",
    value: 5,
    unit: "working_days",
    from_event: "decision_refused",
    cite: "Luật TNBTCNN 2017, Điều 47 khoản 1 đoạn 2",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Gửi biên bản về việc không nhận quyết định cho người yêu cầu bồi thường",
  },
  {
    // "Quyết định giải quyết bồi thường có hiệu lực sau 15 ngày kể từ ngày trao cho người yêu cầu bồi thường."
    key: "decision_effective",
    law: "law_2017",
    value: 15,
    unit: "calendar_days",
    from_event: "decision_issued",
    cite: "Luật TNBTCNN 2017, Điều 47 khoản 2",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Quyết định giải quyết bồi thường có hiệu lực",
    note: "Trừ khi người yêu cầu khởi kiện trong thời hạn (Điều 52 khoản 2, khoản 4).",
  },
  {
    key: "decision_effective",
    law: "law_2009",
    value: 15,
    unit: "calendar_days",
    from_event: "decision_issued",
    cite: "Nghị định 16/2010/NĐ-CP (hướng dẫn Luật TNBTCNN 2009)",
    confidence: "unverified",
    effective_from: LAW_2009_FROM,
    label: "Quyết định giải quyết bồi thường có hiệu lực",
    note: "Brief §1.10 [S]: hiệu lực sau 15 ngày kể từ ngày nhận quyết định; chưa xác định điều, khoản.",
  },
  // --- Điều 50, 51: tạm đình chỉ, đình chỉ -------------------------------------------------------------------
  {
    key: "suspension_decision",
    law: "law_2017",
    value: 1,
    unit: "working_days",
    from_event: "suspension_ground",
    cite: "Luật TNBTCNN 2017, Điều 50 khoản 1",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Quyết định tạm đình chỉ giải quyết yêu cầu bồi thường",
    note: "Giá trị [P] (brief §1.9); số khoản suy ra (các căn cứ a–d và thời hạn 01 ngày làm việc cùng khoản).",
  },
  {
    key: "suspension_period",
    law: "law_2017",
    value: 30,
    unit: "calendar_days",
    from_event: "suspended",
    cite: "Luật TNBTCNN 2017, Điều 50",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Thời hạn tạm đình chỉ (căn cứ điểm a, b, c)",
    note: "Căn cứ điểm d: tiếp tục khi văn bản làm căn cứ được xác nhận — không có thời hạn cố định. Số khoản chưa đối chiếu.",
  },
  {
    key: "resume_request",
    law: "law_2017",
    value: 5,
    unit: "working_days",
    from_event: "suspension_end",
    cite: "Luật TNBTCNN 2017, Điều 50",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Người yêu cầu bồi thường đề nghị tiếp tục giải quyết",
    note: "Quá hạn mà không đề nghị → căn cứ đình chỉ (Điều 51 khoản 1 điểm c). Số khoản chưa đối chiếu.",
  },
  {
    key: "termination_decision",
    law: "law_2017",
    value: 5,
    unit: "working_days",
    from_event: "termination_ground",
    cite: "Luật TNBTCNN 2017, Điều 51 khoản 1",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Quyết định đình chỉ giải quyết yêu cầu bồi thường",
  },
  {
    key: "refusal_termination",
    law: "law_2017",
    value: 30,
    unit: "calendar_days",
    from_event: "decision_refused",
    cite: "Luật TNBTCNN 2017, Điều 51 khoản 1 điểm đ",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Hết thời hạn nhận quyết định — phát sinh căn cứ đình chỉ",
  },
  // --- Điều 52: khởi kiện -----------------------------------------------------------------------------------
  {
    // "Trong thời hạn 15 ngày kể từ ngày nhận được quyết định giải quyết bồi thường … mà không đồng ý …"
    key: "sue",
    law: "law_2017",
    value: 15,
    unit: "calendar_days",
    from_event: "decision_issued",
    cite: "Luật TNBTCNN 2017, Điều 52 khoản 2",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Quyền khởi kiện khi không đồng ý quyết định giải quyết bồi thường",
  },
  {
    // "… hoặc kể từ ngày có biên bản kết quả thương lượng thành … mà cơ quan … không ra quyết định … hoặc kể từ ngày có
    // biên bản kết quả thương lượng không thành"
    key: "sue",
    variant: "negotiation",
    law: "law_2017",
    value: 15,
    unit: "calendar_days",
    from_event: "negotiation_ended",
    cite: "Luật TNBTCNN 2017, Điều 52 khoản 2",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Quyền khởi kiện khi thương lượng không thành hoặc không ra quyết định",
  },
  {
    key: "sue",
    law: "law_2009",
    value: 15,
    unit: "calendar_days",
    from_event: "decision_issued",
    cite: "Luật TNBTCNN 2009 (khởi kiện quyết định giải quyết bồi thường)",
    confidence: "unverified",
    effective_from: LAW_2009_FROM,
    label: "Quyền khởi kiện khi không đồng ý quyết định giải quyết bồi thường",
    note: 'Brief §1.11: "the 2009 law had 15 days from receipt of the decision" — không nêu nguồn, chưa xác định điều.',
  },
  // --- Điều 62: cấp phát kinh phí, chi trả -------------------------------------------------------------------
  {
    key: "funds_request",
    law: "law_2017",
    value: 2,
    unit: "working_days",
    from_event: "decision_effective",
    cite: "Luật TNBTCNN 2017, Điều 62 khoản 1",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Gửi hồ sơ đề nghị cấp kinh phí bồi thường",
    note: "Cũng tính từ ngày bản án, quyết định của Tòa án có hiệu lực (không có sự kiện riêng).",
  },
  {
    key: "funds_grant",
    law: "law_2017",
    value: 5,
    unit: "working_days",
    from_event: "funds_requested",
    cite: "Luật TNBTCNN 2017, Điều 62 khoản 4",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Cơ quan tài chính cấp phát kinh phí bồi thường",
    note: "Tính từ ngày cơ quan tài chính nhận đủ hồ sơ; coi như ngày gửi hồ sơ (funds_requested).",
  },
  {
    key: "funds_grant",
    variant: "coordination",
    law: "law_2017",
    value: 15,
    unit: "calendar_days",
    from_event: "funds_requested",
    cite: "Luật TNBTCNN 2017, Điều 62 khoản 4 đoạn 2",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Cơ quan tài chính cấp phát kinh phí khi phải phối hợp hoàn thiện hồ sơ",
  },
  {
    key: "payment_notice",
    law: "law_2017",
    value: 2,
    unit: "working_days",
    from_event: "funds_received",
    cite: "Luật TNBTCNN 2017, Điều 62 khoản 5",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Thông báo chi trả tiền bồi thường cho người yêu cầu",
    note: "Hoàn thành được ghi nhận bằng sự kiện người yêu cầu nhận thông báo (payment_notice_received).",
  },
  {
    key: "payment",
    law: "law_2017",
    value: 2,
    unit: "working_days",
    from_event: "payment_notice_received",
    cite: "Luật TNBTCNN 2017, Điều 62 khoản 5",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Chi trả tiền bồi thường",
  },
  {
    key: "unclaimed_payment",
    law: "law_2017",
    value: 3,
    unit: "years",
    from_event: "payment_notice_received",
    cite: "Luật TNBTCNN 2017, Điều 62 khoản 6",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Tiền bồi thường không nhận được nộp vào ngân sách nhà nước",
  },
  // --- Điều 66, NĐ 68/2018 Điều 30: hoàn trả -----------------------------------------------------------------
  {
    key: "recourse_council",
    law: "law_2017",
    value: 10,
    unit: "calendar_days",
    from_event: "paid",
    cite: "Luật TNBTCNN 2017, Điều 66 khoản 1",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Thành lập Hội đồng xem xét trách nhiệm hoàn trả",
  },
  {
    key: "council_recommendation",
    law: "law_2017",
    value: 20,
    unit: "calendar_days",
    complex_value: 30,
    from_event: "council_established",
    cite: "Luật TNBTCNN 2017, Điều 66 khoản 2",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Hội đồng kiến nghị về trách nhiệm hoàn trả",
    note: "Vụ việc phức tạp (NĐ 68/2018 Điều 29 khoản 6): có thể kéo dài nhưng tối đa 30 ngày.",
  },
  {
    key: "recourse_decision",
    law: "law_2017",
    value: 3,
    unit: "working_days",
    from_event: "council_recommended",
    cite: "Nghị định 68/2018/NĐ-CP, Điều 30 khoản 1 điểm a",
    confidence: "confirmed",
    effective_from: LAW_2017_FROM,
    label: "Quyết định hoàn trả",
  },
];

/**
 * The row for `key` (and `variant`; undefined = the row without variant) under `law` that is in force on `onDate`
 * (effective_from ≤ onDate ≤ effective_to; the latest such row). `table` is for tests. Undefined when the law sets no such duration (e.g. most 2009-law steps).
 */
export function parameterFor(
  key: StepKey,
  law: LawCode,
  onDate: IsoDate,
  variant?: string,
  table: readonly LegalParameter[] = LEGAL_PARAMETERS,
): LegalParameter | undefined {
  let best: LegalParameter | undefined;
  for (const p of table) {
    if (p.key !== key || p.law !== law || p.variant !== variant) continue;
    if (onDate < p.effective_from) continue;
    if (p.effective_to !== undefined && onDate > p.effective_to) continue;
    if (!best || p.effective_from > best.effective_from) best = p;
  }
  return best;
}

/** Every row of a key (all laws, variants and dates), for documentation and the CLI. */
export function parametersOf(key: StepKey): LegalParameter[] {
  return LEGAL_PARAMETERS.filter((p) => p.key === key);
}
