// Example inputs for every builder: used by tests, the benchmark, docs/documents.md and as demo data for the UI.
// Names and numbers are fictitious; agencies follow the seed plans (KH 2021 Cục BTNN – Tổng cục THADS, Thanh Hóa 2024).
import type { AcceptanceNoticeInput } from "./builders/acceptance-notice.types.ts";
import type { CompensationDecisionInput } from "./builders/compensation-decision.types.ts";
import type { DamageVerificationReportInput } from "./builders/damage-verification-report.types.ts";
import type { ForwardingLetterInput } from "./builders/forwarding-letter.types.ts";
import type { GuidanceLetterInput } from "./builders/guidance-letter.types.ts";
import type { InspectionReportInput } from "./builders/inspection-report.types.ts";
import type { MeetingReportInput } from "./builders/meeting-report.types.ts";
import type { NegotiationMinutesInput } from "./builders/negotiation-minutes.types.ts";
import type { OfficerAppointmentDecisionInput } from "./builders/officer-appointment-decision.types.ts";
import type { PaymentNoticeInput } from "./builders/payment-notice.types.ts";
import type { ReportRequestLetterInput } from "./builders/report-request-letter.types.ts";
import type { SupplementRequestNoticeInput } from "./builders/supplement-request-notice.types.ts";
import type { UrgingLetterInput } from "./builders/urging-letter.types.ts";

const CUC_BTNN = { parent: "Bộ Tư pháp", name: "Cục Bồi thường nhà nước", short_code: "BTNN", unit_code: "NV" };
const CUC_SIGN = {
  authority: "KT." as const,
  authority_title: "Cục trưởng",
  title: "Phó Cục trưởng",
  name: "Nguyễn Văn Bình",
};
const THADS_TH = {
  parent: "Cục Quản lý thi hành án dân sự",
  name: "Thi hành án dân sự tỉnh Thanh Hóa",
  short_code: "THADS",
};
const THADS_SIGN = {
  authority: "KT." as const,
  authority_title: "Cục trưởng",
  title: "Phó Cục trưởng",
  name: "Lê Thị Hoa",
};
const CLAIMANT = {
  name: "Ông Nguyễn Văn An",
  address: "Số 12 đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa",
  id_number: "038079000123",
};
const BASIS_DOC = {
  type: "Quyết định",
  number_symbol: "05/QĐ-CCTHADS",
  date: "2025-06-10",
  issuer: "Chi cục Thi hành án dân sự huyện Đông Sơn",
  summary: "về việc hủy quyết định cưỡng chế kê biên tài sản",
};

export const EXAMPLES = {
  guidance_letter: {
    issuer: CUC_BTNN,
    number: 15,
    place: "Hà Nội",
    date: "2026-03-05",
    signature: CUC_SIGN,
    addressees: ["Thi hành án dân sự tỉnh Thanh Hóa"],
    request: {
      type: "Công văn",
      number_symbol: "120/THADS-NV",
      date: "2026-02-20",
      issuer: "Thi hành án dân sự tỉnh Thanh Hóa",
    },
    topic: "việc xác định cơ quan giải quyết bồi thường trong hoạt động thi hành án dân sự",
    legal_ground: "điểm đ khoản 1 Điều 4 Thông tư số 08/2019/TT-BTP ngày 10/12/2019 của Bộ Tư pháp",
    points: [
      "Cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại là cơ quan giải quyết bồi thường theo quy định của Luật Trách nhiệm bồi thường của Nhà nước.",
      "Trường hợp có sự chia tách, sáp nhập cơ quan thì cơ quan kế thừa chức năng, nhiệm vụ là cơ quan giải quyết bồi thường.",
    ],
    copy_for_monitoring: ["Cục Quản lý thi hành án dân sự"],
  } satisfies GuidanceLetterInput,
  urging_letter: {
    issuer: CUC_BTNN,
    number: 16,
    place: "Hà Nội",
    date: "2026-03-09",
    signature: CUC_SIGN,
    rung: "KH2021.II.6.1",
    addressees: ["Ủy ban nhân dân tỉnh Thanh Hóa"],
    urged_agency: "Thi hành án dân sự tỉnh Thanh Hóa",
    matter: "chưa thụ lý hồ sơ yêu cầu bồi thường của Ông Nguyễn Văn An dù hồ sơ đã hợp lệ từ ngày 02/02/2026",
    grounds: ["k1"],
    evidence: [{ type: "Đơn kiến nghị", date: "2026-02-25", issuer: "Ông Nguyễn Văn An" }],
    tasks: ["thụ lý và giải quyết yêu cầu bồi thường theo đúng quy định của Luật Trách nhiệm bồi thường của Nhà nước"],
    report_by: "2026-03-31",
    copy_for_monitoring: ["Cục Quản lý thi hành án dân sự"],
  } satisfies UrgingLetterInput,
  report_request_letter: {
    issuer: CUC_BTNN,
    number: 17,
    place: "Hà Nội",
    date: "2026-03-10",
    signature: CUC_SIGN,
    addressees: ["Ủy ban nhân dân tỉnh Thanh Hóa"],
    reporting_agency: "Thi hành án dân sự tỉnh Thanh Hóa",
    matter: "việc giải quyết yêu cầu bồi thường của Ông Nguyễn Văn An",
    monitoring_grounds: ["h"],
    report_by: "2026-04-10",
    send_copy_to: ["Cục Quản lý thi hành án dân sự"],
  } satisfies ReportRequestLetterInput,
  forwarding_letter: {
    issuer: CUC_BTNN,
    number: 18,
    place: "Hà Nội",
    date: "2026-03-11",
    signature: CUC_SIGN,
    addressees: ["Cục Quản lý thi hành án dân sự"],
    documents: [
      {
        type: "Quyết định",
        number_symbol: "09/QĐ-THADS",
        date: "2026-03-02",
        issuer: "Thi hành án dân sự tỉnh Thanh Hóa",
        summary: "về việc giải quyết bồi thường",
      },
    ],
    received_on: "2026-03-06",
  } satisfies ForwardingLetterInput,
  meeting_report: {
    issuer: CUC_BTNN,
    number: 3,
    place: "Hà Nội",
    date: "2026-04-02",
    signature: CUC_SIGN,
    variant: "field_trip",
    topic: "giải quyết vụ việc phức tạp, tồn đọng, kéo dài tại tỉnh Thanh Hóa",
    held_on: "2026-03-25",
    held_until: "2026-03-27",
    venue: "Thi hành án dân sự tỉnh Thanh Hóa",
    chair: "Ông Nguyễn Văn Bình, Phó Cục trưởng Cục Bồi thường nhà nước",
    participants: [
      "Đại diện Cục Bồi thường nhà nước",
      "Đại diện Cục Quản lý thi hành án dân sự",
      "Đại diện Thi hành án dân sự tỉnh Thanh Hóa",
    ],
    cases: [
      {
        claim_code: "TH-2019-004",
        claimant: "Bà Trần Thị Mai",
        handling_agency: "Thi hành án dân sự tỉnh Thanh Hóa",
        status: "Đã thương lượng hai lần, chưa thống nhất giá trị tài sản",
        direction: "Trưng cầu giám định giá trị tài sản",
      },
    ],
    results: [
      {
        heading: "Tình hình giải quyết",
        paragraphs: ["Đoàn đã làm việc với cơ quan giải quyết bồi thường và người yêu cầu bồi thường."],
      },
    ],
    conclusions: ["Thống nhất phương án giải quyết dứt điểm vụ việc trong Quý II năm 2026."],
    proposals: ["Đề nghị Lãnh đạo Bộ cho ý kiến chỉ đạo."],
  } satisfies MeetingReportInput,
  inspection_report: {
    issuer: CUC_BTNN,
    number: 4,
    place: "Hà Nội",
    date: "2026-05-15",
    signature: CUC_SIGN,
    inspected_agency: "Thi hành án dân sự tỉnh Thanh Hóa",
    mandate: {
      type: "Quyết định",
      number_symbol: "21/QĐ-BTNN",
      date: "2026-04-20",
      issuer: "Cục trưởng Cục Bồi thường nhà nước",
    },
    period: "từ ngày 01/01/2025 đến ngày 31/3/2026",
    inspected_on: "2026-05-06",
    team: ["Ông Nguyễn Văn Bình, Phó Cục trưởng, Trưởng đoàn", "Bà Phạm Thu Hà, chuyên viên chính, thành viên"],
    results: [
      {
        heading: "Việc giải quyết yêu cầu bồi thường",
        paragraphs: ["Trong thời kỳ kiểm tra, đơn vị thụ lý 02 vụ việc, đã giải quyết xong 01 vụ việc."],
      },
    ],
    shortcomings: ["Việc xác minh thiệt hại có vụ việc quá thời hạn quy định tại khoản 2 Điều 45 Luật."],
    recommendations: ["Khẩn trương hoàn thành việc giải quyết vụ việc còn lại."],
  } satisfies InspectionReportInput,
  damage_verification_report: {
    issuer: THADS_TH,
    place: "Thanh Hóa",
    date: "2026-02-25",
    number: 7,
    signature: { title: "Người giải quyết bồi thường", name: "Phạm Văn Cường" },
    claim_code: "TH-2026-001",
    claimant: CLAIMANT,
    basis_document: BASIS_DOC,
    accepted_on: "2026-02-04",
    officer: { name: "Phạm Văn Cường", position: "Chấp hành viên" },
    verification_from: "2026-02-05",
    verification_to: "2026-02-19",
    methods: ["Làm việc trực tiếp với người yêu cầu bồi thường", "Đề nghị định giá tài sản"],
    items: [
      {
        type: "property",
        description: "Giá trị xe ô tô bị kê biên trái pháp luật bị hư hỏng",
        claimed_amount: 1_000_000_000,
        verified_amount: 900_000_000,
        basis: "Chứng thư thẩm định giá",
      },
      {
        type: "spiritual",
        description: "Thiệt hại về tinh thần",
        claimed_amount: 400_000_000,
        verified_amount: 350_000_000,
      },
    ],
  } satisfies DamageVerificationReportInput,
  negotiation_minutes: {
    issuer: THADS_TH,
    place: "Thanh Hóa",
    date: "2026-03-02",
    number: 7,
    signature: { title: "Người giải quyết bồi thường", name: "Phạm Văn Cường" },
    claim_code: "TH-2026-001",
    held_on: "2026-03-02",
    start_time: "08 giờ 30",
    end_time: "11 giờ 00",
    venue: "trụ sở Thi hành án dân sự tỉnh Thanh Hóa",
    handling_agency: "Thi hành án dân sự tỉnh Thanh Hóa",
    agency_representatives: [
      { name: "Lê Thị Hoa", position: "Phó Cục trưởng" },
      { name: "Phạm Văn Cường", position: "Chấp hành viên, người giải quyết bồi thường" },
    ],
    claimant: CLAIMANT,
    finance_representative: { name: "Đỗ Minh Tuấn", position: "chuyên viên Sở Tài chính tỉnh Thanh Hóa" },
    state_management_representative: { name: "Vũ Thị Lan", position: "chuyên viên Sở Tư pháp tỉnh Thanh Hóa" },
    outcome: "agreed",
    items: [
      { type: "property", description: "Giá trị xe ô tô bị hư hỏng", amount: 900_000_000 },
      { type: "spiritual", description: "Thiệt hại về tinh thần", amount: 350_000_000 },
    ],
    advance_paid: 150_000_000,
    payment_method: "Chuyển khoản một lần vào tài khoản của người yêu cầu bồi thường",
  } satisfies NegotiationMinutesInput,
  compensation_decision: {
    issuer: THADS_TH,
    place: "Thanh Hóa",
    date: "2026-03-02",
    number: 5,
    signature: THADS_SIGN,
    issuing_authority: "Cục trưởng Thi hành án dân sự tỉnh Thanh Hóa",
    claim_code: "TH-2026-001",
    claimant: CLAIMANT,
    basis_document: BASIS_DOC,
    negotiation_minutes: { date: "2026-03-02", number_symbol: "07/BB-THADS" },
    items: [
      { type: "property", description: "Giá trị xe ô tô bị hư hỏng", amount: 900_000_000 },
      { type: "spiritual", description: "Thiệt hại về tinh thần", amount: 350_000_000 },
    ],
    advance_paid: 150_000_000,
    payment_method: "chuyển khoản một lần",
    executors: ["Chánh Văn phòng", "Trưởng phòng Kế hoạch - Tài chính", "Ông Nguyễn Văn An"],
  } satisfies CompensationDecisionInput,
  supplement_request_notice: {
    issuer: THADS_TH,
    place: "Thanh Hóa",
    date: "2026-01-28",
    number: 2,
    signature: THADS_SIGN,
    claimant: CLAIMANT,
    received_on: "2026-01-26",
    missing_documents: [
      "Bản sao giấy tờ chứng minh nhân thân của người yêu cầu bồi thường",
      "Tài liệu chứng minh thiệt hại về tài sản",
    ],
  } satisfies SupplementRequestNoticeInput,
  acceptance_notice: {
    issuer: THADS_TH,
    place: "Thanh Hóa",
    date: "2026-02-04",
    number: 3,
    signature: THADS_SIGN,
    decision: "accepted",
    claimant: CLAIMANT,
    file_received_on: "2026-02-02",
    accepted_on: "2026-02-04",
    register_entry: "01/2026",
    state_management_agency: "Sở Tư pháp tỉnh Thanh Hóa",
  } satisfies AcceptanceNoticeInput,
  officer_appointment_decision: {
    issuer: THADS_TH,
    place: "Thanh Hóa",
    date: "2026-02-05",
    number: 4,
    signature: THADS_SIGN,
    issuing_authority: "Cục trưởng Thi hành án dân sự tỉnh Thanh Hóa",
    claim_code: "TH-2026-001",
    claimant: CLAIMANT,
    accepted_on: "2026-02-04",
    officer: { name: "Phạm Văn Cường", position: "Chấp hành viên" },
    executors: ["Chánh Văn phòng"],
  } satisfies OfficerAppointmentDecisionInput,
  payment_notice: {
    issuer: THADS_TH,
    place: "Thanh Hóa",
    date: "2026-04-06",
    number: 12,
    signature: THADS_SIGN,
    claimant: CLAIMANT,
    decision: {
      type: "Quyết định",
      number_symbol: "05/QĐ-THADS",
      date: "2026-03-02",
      issuer: "Thi hành án dân sự tỉnh Thanh Hóa",
      summary: "về việc giải quyết bồi thường",
    },
    total_amount: 1_250_000_000,
    advance_paid: 150_000_000,
    payment_time_place: "từ 08 giờ 00 ngày 09/4/2026 tại trụ sở Thi hành án dân sự tỉnh Thanh Hóa",
    payment_method: "chuyển khoản",
  } satisfies PaymentNoticeInput,
};
