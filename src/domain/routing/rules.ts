// COORDINATION ROUTING as a table: one row per clause of KH 2021 §II (+ §III.2) and of the report flow of
// KH Thanh Hóa 2024 (§II.7, §III). Each row cites its clause and the legal text the clause cites, states its conditions
// (each with a Vietnamese description, used to explain "no rule" answers) and its output. Rows speak of ROLES only.
//
// Conventions:
// - A `prior` flag that is absent means the step did NOT happen (the requester states what has been done).
// - Guidance by the Sở Tư pháp counts as guidance by the UBND cấp tỉnh: Sở Tư pháp assists the UBND cấp tỉnh in guiding
//   (Thông tư 08/2019/TT-BTP Điều 4 khoản 2, legal-addendum §6).
// - The table is meant to have a unique hit: at most one row matches any situation (tested).

import { LOCAL_THADS_ROLES, type Role, THADS_ROLES } from "../agencies/roles.ts";
import { type RequestKind, roleIn, type Situation } from "./situation.ts";

export const OUTPUTS = ["letter", "report", "minutes", "decision", "notice", "case_list"] as const;
export type Output = (typeof OUTPUTS)[number];

export const OUTPUT_VI: Readonly<Record<Output, string>> = {
  letter: "công văn",
  report: "báo cáo",
  minutes: "biên bản",
  decision: "quyết định",
  notice: "thông báo",
  case_list: "danh mục vụ việc",
};

/** A role, or a role taken from the situation. */
export type RoleRef = Role | "$from" | "$to";

export interface Condition {
  /** Short machine key, e.g. "from_role", "prior.guided". */
  key: string;
  /** Vietnamese statement of the condition, e.g. "cơ quan gửi là Cục THADS hoặc Chi cục THADS". */
  vi: string;
  test: (s: Situation) => boolean;
}

export interface RoutingRule {
  id: string;
  /** Clause label as cited in test names and documents, e.g. "KH 2021 mục II.3.3.b". */
  clause: string;
  /** Plan clause plus the legal provision it cites. */
  basis: string;
  title_vi: string;
  title_en: string;
  /** Verbatim excerpt of the clause (Vietnamese). */
  quote: string;
  kind: RequestKind;
  conditions: Condition[];
  /** Cơ quan chủ trì. */
  lead: RoleRef;
  /** Cơ quan phối hợp. */
  coordinators: RoleRef[];
  /** Where the request (or a copy) is forwarded. */
  forward_to: RoleRef[];
  /** Addressees of the output. */
  recipients: RoleRef[];
  output: Output;
  /** Thời gian thực hiện (as the plan states it). */
  timing?: string;
  note?: string;
}

// ---------------------------------------------------------------------------------------------------------------------
// Condition builders

const label: Partial<Record<Role, string>> = {
  BO_TU_PHAP: "Bộ Tư pháp",
  CUC_BTNN: "Cục BTNN",
  TONG_CUC_THADS: "Tổng cục THADS",
  THADS_TINH: "Cục THADS tỉnh",
  THADS_HUYEN: "Chi cục THADS",
  LANH_DAO_BO: "Lãnh đạo Bộ",
  UBND_TINH: "UBND cấp tỉnh",
  SO_TU_PHAP: "Sở Tư pháp",
  SO_NGANH: "sở, ban, ngành cấp tỉnh",
  UBND_HUYEN: "UBND cấp huyện",
  TOA_AN: "Tòa án nhân dân tỉnh",
  VKS: "Viện kiểm sát nhân dân tỉnh",
  NGUOI_BI_THIET_HAI: "người bị thiệt hại",
};
const names = (roles: readonly Role[]): string => roles.map((r) => `${label[r] ?? r} (${r})`).join(" hoặc ");

const from = (...roles: Role[]): Condition => ({
  key: "from_role",
  vi: `bên gửi (from_role) là ${names(roles)}`,
  test: (s) => roleIn(s.from_role, roles),
});
const to = (...roles: Role[]): Condition => ({
  key: "to_role",
  vi: `bên nhận (to_role) là ${names(roles)}`,
  test: (s) => roleIn(s.to_role, roles),
});
const toOrNone = (...roles: Role[]): Condition => ({
  key: "to_role",
  vi: `bên nhận (to_role) không ghi hoặc là ${names(roles)}`,
  test: (s) => s.to_role === undefined || roleIn(s.to_role, roles),
});
const managing = (...roles: Role[]): Condition => ({
  key: "managing_role",
  vi: `cơ quan trực tiếp quản lý người thi hành công vụ (managing_role) là ${names(roles)}`,
  test: (s) => roleIn(s.managing_role, roles),
});
const handling = (...roles: Role[]): Condition => ({
  key: "handling_role",
  vi: `cơ quan giải quyết bồi thường (handling_role) là ${names(roles)}`,
  test: (s) => roleIn(s.handling_role, roles),
});
const topicIs = (topic: "enforcement" | "compensation"): Condition => ({
  key: "topic",
  vi:
    topic === "enforcement"
      ? `nội dung là nghiệp vụ thi hành án dân sự (topic = "enforcement")`
      : `nội dung là nghiệp vụ giải quyết bồi thường (topic = "compensation")`,
  test: (s) => s.topic === topic,
});
const topicNotEnforcement: Condition = {
  key: "topic",
  vi: `nội dung là nghiệp vụ bồi thường (topic không ghi hoặc = "compensation")`,
  test: (s) => s.topic !== "enforcement",
};
const guided = (yes: boolean): Condition => ({
  key: "prior.guided",
  vi: yes
    ? "đã được UBND cấp tỉnh (Sở Tư pháp) hướng dẫn (prior.guided_by_province hoặc prior.guided_by_so_tu_phap = true)"
    : "chưa được UBND cấp tỉnh (Sở Tư pháp) hướng dẫn",
  test: (s) => (s.prior?.guided_by_province === true || s.prior?.guided_by_so_tu_phap === true) === yes,
});
const monitoringGrounds: Condition = {
  key: "prior.monitoring_grounds",
  vi: "có căn cứ theo dõi theo khoản 1 Điều 9 Thông tư 08/2019/TT-BTP (prior.monitoring_grounds)",
  test: (s) => (s.prior?.monitoring_grounds?.length ?? 0) > 0,
};
const urgingGrounds: Condition = {
  key: "prior.urging_grounds",
  vi: "có căn cứ đôn đốc theo Điều 14 Thông tư 08/2019/TT-BTP (prior.urging_grounds)",
  test: (s) => (s.prior?.urging_grounds?.length ?? 0) > 0,
};

const LOCAL = LOCAL_THADS_ROLES as Role[];
const CENTRAL_PAIR: Role[] = ["CUC_BTNN", "TONG_CUC_THADS"];

// ---------------------------------------------------------------------------------------------------------------------
// The table

export const ROUTING_RULES: readonly RoutingRule[] = [
  // KH 2021 mục II.1.1: "Lập danh mục vụ việc yêu cầu bồi thường và được thụ lý giải quyết yêu cầu bồi thường theo Luật
  // TNBTCNN năm 2017. Cơ quan chủ trì: Cục Bồi thường nhà nước. Cơ quan phối hợp: Tổng cục Thi hành án dân sự."
  {
    id: "KH2021.II.1.1",
    clause: "KH 2021 mục II.1.1",
    basis: "KH 2021 mục II.1.1; Thông tư 08/2019/TT-BTP Điều 9 khoản 2 điểm a, Điều 10",
    title_vi: "Lập danh mục vụ việc theo Luật TNBTCNN 2017",
    title_en: "Half-yearly list of claims under the 2017 law",
    quote:
      "Lập danh mục vụ việc yêu cầu bồi thường và được thụ lý giải quyết yêu cầu bồi thường theo Luật Trách nhiệm bồi thường của Nhà nước (Luật TNBTCNN) năm 2017.",
    kind: "case_list",
    conditions: [
      from(...CENTRAL_PAIR),
      { key: "law", vi: `vụ việc theo Luật TNBTCNN 2017 (law = "law_2017")`, test: (s) => s.law === "law_2017" },
    ],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: [],
    recipients: ["CUC_BTNN", "TONG_CUC_THADS"],
    output: "case_list",
    timing: "Định kỳ 6 tháng một lần, được thực hiện trong tháng đầu tiên của kỳ tiếp theo.",
  },
  // KH 2021 mục II.1.2: "Lập danh mục vụ việc phức tạp, tồn đọng, kéo dài theo Luật TNBTCNN năm 2009 để thống nhất giải
  // pháp giải quyết dứt điểm các vụ việc này trong năm 2021."
  {
    id: "KH2021.II.1.2",
    clause: "KH 2021 mục II.1.2",
    basis: "KH 2021 mục II.1.2; Luật TNBTCNN 2009 (số 35/2009/QH12) cho vụ việc thụ lý trước 01/7/2018",
    title_vi: "Lập danh mục vụ việc phức tạp, tồn đọng, kéo dài theo Luật TNBTCNN 2009",
    title_en: "Quarterly list of complex, backlogged, prolonged claims under the 2009 law",
    quote: "Lập danh mục vụ việc phức tạp, tồn đọng, kéo dài theo Luật TNBTCNN năm 2009.",
    kind: "case_list",
    conditions: [
      from(...CENTRAL_PAIR),
      { key: "law", vi: `vụ việc theo Luật TNBTCNN 2009 (law = "law_2009")`, test: (s) => s.law === "law_2009" },
    ],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: [],
    recipients: ["CUC_BTNN", "TONG_CUC_THADS"],
    output: "case_list",
    timing: "Được thực hiện trong tháng đầu tiên hằng Quý.",
  },
  // KH 2021 mục II.2: "Phối hợp giải quyết vụ việc phức tạp, tồn đọng, kéo dài trong hoạt động THADS tại địa phương …
  // Cục Bồi thường nhà nước phối hợp với Tổng cục Thi hành án dân sự tổ chức cuộc họp định kỳ hoặc đột xuất …"
  {
    id: "KH2021.II.2",
    clause: "KH 2021 mục II.2",
    basis: "KH 2021 mục II.2",
    title_vi: "Phối hợp giải quyết vụ việc phức tạp, tồn đọng, kéo dài (họp, đoàn công tác)",
    title_en: "Meetings / field missions on complex, backlogged, prolonged cases",
    quote:
      "Cục Bồi thường nhà nước phối hợp với Tổng cục Thi hành án dân sự tổ chức cuộc họp định kỳ hoặc đột xuất để có phương án chỉ đạo giải quyết vụ việc.",
    kind: "meeting",
    conditions: [
      from(...CENTRAL_PAIR),
      { key: "complex", vi: "vụ việc phức tạp, tồn đọng, kéo dài (complex = true)", test: (s) => s.complex === true },
    ],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: [],
    recipients: ["CUC_BTNN", "TONG_CUC_THADS"],
    output: "report",
    timing:
      "Trên cơ sở danh mục vụ việc phức tạp, tồn đọng, kéo dài: họp định kỳ hoặc đột xuất; khi cần, đoàn công tác tại địa phương.",
    note: "Kết quả: báo cáo kết quả cuộc họp hoặc báo cáo kết quả công tác tại địa phương.",
  },
  // KH 2021 mục II.3.1: "Trường hợp Cục THADS và Chi cục THADS đề nghị Cục Bồi thường nhà nước hướng dẫn, Cục Bồi thường
  // nhà nước chuyển Ủy ban nhân dân (UBND) cấp tỉnh hướng dẫn theo quy định tại Điều 4 Thông tư số 08/2019/TT-BTP …"
  {
    id: "KH2021.II.3.1",
    clause: "KH 2021 mục II.3.1",
    basis: "KH 2021 mục II.3.1; Thông tư 08/2019/TT-BTP Điều 4 khoản 2 điểm a",
    title_vi:
      "Cơ quan THADS địa phương đề nghị Cục BTNN hướng dẫn khi chưa được cấp tỉnh hướng dẫn → chuyển UBND cấp tỉnh",
    title_en: "Local enforcement office asks Cục BTNN without prior provincial guidance → forwarded to the province",
    quote:
      "Trường hợp Cục THADS và Chi cục THADS đề nghị Cục Bồi thường nhà nước hướng dẫn, Cục Bồi thường nhà nước chuyển Ủy ban nhân dân (UBND) cấp tỉnh hướng dẫn.",
    kind: "guidance",
    conditions: [from(...LOCAL), to("CUC_BTNN", "BO_TU_PHAP"), topicNotEnforcement, guided(false)],
    lead: "UBND_TINH",
    coordinators: ["SO_TU_PHAP"],
    forward_to: ["UBND_TINH"],
    recipients: ["$from"],
    output: "letter",
    // The forwarding itself is KH 2021 practice: the codified text of TT 08 Điều 4 does not provide for it.
    note: "Cục BTNN chuyển đề nghị đến UBND cấp tỉnh; UBND cấp tỉnh (Sở Tư pháp giúp) hướng dẫn theo khoản 2 Điều 4 Thông tư 08/2019/TT-BTP.",
  },
  // KH 2021 mục II.3.2: "Trường hợp Cục THADS và Chi cục THADS đề nghị Cục Bồi thường nhà nước hướng dẫn sau khi đã được
  // UBND cấp tỉnh hướng dẫn theo quy định tại điểm đ khoản 1 Điều 4 TT số 08"
  {
    id: "KH2021.II.3.2",
    clause: "KH 2021 mục II.3.2",
    basis: "KH 2021 mục II.3.2; Thông tư 08/2019/TT-BTP Điều 4 khoản 1 điểm đ",
    title_vi: "Cơ quan THADS địa phương đề nghị Cục BTNN hướng dẫn sau khi đã được UBND cấp tỉnh hướng dẫn",
    title_en: "Local enforcement office asks Cục BTNN after provincial guidance → Cục BTNN guides",
    quote:
      "Trường hợp Cục THADS và Chi cục THADS đề nghị Cục Bồi thường nhà nước hướng dẫn sau khi đã được UBND cấp tỉnh hướng dẫn theo quy định tại điểm đ khoản 1 Điều 4 TT số 08.",
    kind: "guidance",
    conditions: [from(...LOCAL), to("CUC_BTNN", "BO_TU_PHAP"), topicNotEnforcement, guided(true)],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: [],
    recipients: ["$from"],
    output: "letter",
    timing: "Theo đề nghị của cơ quan THADS địa phương.",
  },
  // KH 2021 mục II.3.3.a: "Nếu đề nghị hướng dẫn nghiệp vụ thi hành án liên quan đến việc giải quyết bồi thường: Cơ quan
  // chủ trì: Tổng cục Thi hành án dân sự. Cơ quan phối hợp: Cục Bồi thường nhà nước."
  {
    id: "KH2021.II.3.3.a",
    clause: "KH 2021 mục II.3.3.a",
    basis: "KH 2021 mục II.3.3.a; Luật TNBTCNN 2017 Điều 75; Thông tư 08/2019/TT-BTP Điều 4 khoản 1 điểm g",
    title_vi: "Cơ quan THADS địa phương đề nghị Tổng cục THADS hướng dẫn nghiệp vụ thi hành án liên quan bồi thường",
    title_en: "Local enforcement office asks Tổng cục THADS on an enforcement matter → Tổng cục THADS guides",
    quote:
      "Nếu đề nghị hướng dẫn nghiệp vụ thi hành án liên quan đến việc giải quyết bồi thường: Cơ quan chủ trì: Tổng cục Thi hành án dân sự. Cơ quan phối hợp: Cục Bồi thường nhà nước.",
    kind: "guidance",
    conditions: [from(...LOCAL), to("TONG_CUC_THADS"), topicIs("enforcement")],
    lead: "TONG_CUC_THADS",
    coordinators: ["CUC_BTNN"],
    forward_to: [],
    recipients: ["$from"],
    output: "letter",
    timing: "Theo đề nghị của cơ quan THADS có vụ việc.",
    // per the codified text (legal-addendum §6)
    note: "Bộ Tư pháp hướng dẫn cơ quan, đơn vị thuộc Bộ Tư pháp (Thông tư 08/2019/TT-BTP, Điều 4 khoản 1 điểm g).",
  },
  // KH 2021 mục II.3.3.b: "Nếu đề nghị hướng dẫn nghiệp vụ giải quyết bồi thường của cơ quan THADS địa phương gửi Tổng cục
  // THADS mà đã được Sở Tư pháp nơi cơ quan THADS có trụ sở hướng dẫn nghiệp vụ nhưng vẫn tiếp tục đề nghị hướng dẫn thì
  // Tổng cục THADS chuyển đề nghị để Cục Bồi thường nhà nước hướng dẫn"
  {
    id: "KH2021.II.3.3.b",
    clause: "KH 2021 mục II.3.3.b",
    basis: "KH 2021 mục II.3.3.b; Thông tư 08/2019/TT-BTP Điều 4 khoản 1 điểm đ",
    title_vi:
      "Đề nghị hướng dẫn nghiệp vụ bồi thường gửi Tổng cục THADS sau khi Sở Tư pháp đã hướng dẫn → chuyển Cục BTNN",
    title_en:
      "Compensation question sent to Tổng cục THADS after Sở Tư pháp guidance → forwarded to Cục BTNN, which guides",
    quote:
      "Tổng cục THADS chuyển đề nghị để Cục Bồi thường nhà nước hướng dẫn … Công văn hướng dẫn nghiệp vụ công tác bồi thường nhà nước của Cục Bồi thường nhà nước gửi cơ quan THADS địa phương và Tổng cục THADS để phối hợp theo dõi.",
    kind: "guidance",
    conditions: [from(...LOCAL), to("TONG_CUC_THADS"), topicIs("compensation"), guided(true)],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: ["CUC_BTNN"],
    recipients: ["$from", "TONG_CUC_THADS"],
    output: "letter",
    timing: "Theo đề nghị của cơ quan THADS có vụ việc.",
    note: "Công văn của Cục BTNN gửi cơ quan THADS địa phương và Tổng cục THADS để phối hợp theo dõi.",
  },
  // KH 2021 mục II.3.4: "Trường hợp Tổng cục Thi hành án dân sự đề nghị Cục Bồi thường nhà nước hướng dẫn giải quyết bồi
  // thường đối với vụ việc do Tổng cục Thi hành án dân sự là cơ quan giải quyết bồi thường theo quy định tại điểm b khoản 1
  // Điều 12 Quy chế phối hợp …"
  {
    id: "KH2021.II.3.4",
    clause: "KH 2021 mục II.3.4",
    basis:
      "KH 2021 mục II.3.4; Quy chế phối hợp ban hành kèm theo Quyết định 3056/QĐ-BTP Điều 12 khoản 1 điểm b; Thông tư 08/2019/TT-BTP Điều 4 khoản 1 điểm g",
    title_vi: "Tổng cục THADS (là cơ quan giải quyết bồi thường) đề nghị Cục BTNN hướng dẫn",
    title_en: "Tổng cục THADS, as handling agency, asks Cục BTNN for guidance",
    quote:
      "Trường hợp Tổng cục Thi hành án dân sự đề nghị Cục Bồi thường nhà nước hướng dẫn giải quyết bồi thường đối với vụ việc do Tổng cục Thi hành án dân sự là cơ quan giải quyết bồi thường.",
    kind: "guidance",
    conditions: [from("TONG_CUC_THADS"), to("CUC_BTNN", "BO_TU_PHAP"), topicNotEnforcement, handling("TONG_CUC_THADS")],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: [],
    recipients: ["TONG_CUC_THADS"],
    output: "letter",
    timing: "Theo đề nghị của Tổng cục Thi hành án dân sự.",
  },
  // KH 2021 mục II.4: "Cục Bồi thường nhà nước và Tổng cục Thi hành án dân sự thống nhất, phối hợp tổ chức thực hiện tập
  // huấn, bồi dưỡng kỹ năng, nghiệp vụ về công tác bồi thường nhà nước trong hoạt động THADS"
  {
    id: "KH2021.II.4",
    clause: "KH 2021 mục II.4",
    basis: "KH 2021 mục II.4; mục III.4 (kinh phí của Cục BTNN)",
    title_vi: "Tập huấn, bồi dưỡng nghiệp vụ bồi thường nhà nước trong hoạt động THADS",
    title_en: "Joint training on State compensation in civil-judgment enforcement",
    quote:
      "Cục Bồi thường nhà nước và Tổng cục Thi hành án dân sự thống nhất, phối hợp tổ chức thực hiện tập huấn, bồi dưỡng kỹ năng, nghiệp vụ về công tác bồi thường nhà nước trong hoạt động THADS.",
    kind: "training",
    conditions: [from(...CENTRAL_PAIR)],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: [],
    recipients: ["CUC_BTNN", "TONG_CUC_THADS"],
    output: "report",
    timing: "Trên cơ sở Kế hoạch công tác năm và kinh phí được giao (kế hoạch riêng hoặc kết hợp kế hoạch chung).",
    // The plan names no lead and no output: Cục BTNN is recorded as lead because it funds the plan (mục III.4).
    note: "Hai đơn vị cùng tổ chức, Cục BTNN chủ trì; kết quả ghi nhận bằng báo cáo.",
  },
  // KH 2021 mục II.5.1.a: "Trường hợp Bộ Tư pháp (Cục Bồi thường nhà nước) đề nghị UBND cấp tỉnh chỉ đạo cơ quan giải
  // quyết bồi thường là cơ quan THADS địa phương thuộc phạm vi quản lý của mình báo cáo theo quy định tại khoản 2 Điều 11
  // TT số 08"
  {
    id: "KH2021.II.5.1.a",
    clause: "KH 2021 mục II.5.1.a",
    basis: "KH 2021 mục II.5.1.a; Thông tư 08/2019/TT-BTP Điều 11 khoản 2, Điều 9 khoản 1",
    title_vi: "Cục BTNN đề nghị UBND cấp tỉnh chỉ đạo cơ quan THADS địa phương (cơ quan giải quyết bồi thường) báo cáo",
    title_en: "Cục BTNN asks the province to have its local enforcement office report",
    quote:
      "Trường hợp Bộ Tư pháp (Cục Bồi thường nhà nước) đề nghị UBND cấp tỉnh chỉ đạo cơ quan giải quyết bồi thường là cơ quan THADS địa phương thuộc phạm vi quản lý của mình báo cáo.",
    kind: "report_request",
    conditions: [from("CUC_BTNN", "BO_TU_PHAP"), to("UBND_TINH"), handling(...LOCAL), monitoringGrounds],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: [],
    recipients: ["CUC_BTNN", "TONG_CUC_THADS"],
    output: "report",
    timing: "Khi có căn cứ theo dõi quy định tại khoản 1 Điều 9 TT số 08.",
    note: "Báo cáo về giải quyết bồi thường, hoàn trả, xử lý kỷ luật; gửi Cục BTNN và Tổng cục THADS để phối hợp theo dõi.",
  },
  // KH 2021 mục II.5.1.b: "Trường hợp Tổng cục Thi hành án dân sự chỉ đạo cơ quan THADS địa phương báo cáo cho Tổng cục
  // Thi hành án dân sự thực hiện các nội dung theo quy định tại Điều 75 Luật TNBTCNN"
  {
    id: "KH2021.II.5.1.b",
    clause: "KH 2021 mục II.5.1.b",
    basis: "KH 2021 mục II.5.1.b; Luật TNBTCNN 2017 Điều 75; Thông tư 08/2019/TT-BTP Điều 9 khoản 1",
    title_vi: "Tổng cục THADS chỉ đạo cơ quan THADS địa phương báo cáo",
    title_en: "Tổng cục THADS directs a local enforcement office to report",
    quote:
      "Trường hợp Tổng cục Thi hành án dân sự chỉ đạo cơ quan THADS địa phương báo cáo cho Tổng cục Thi hành án dân sự thực hiện các nội dung theo quy định tại Điều 75 Luật TNBTCNN.",
    kind: "report_request",
    conditions: [from("TONG_CUC_THADS"), to(...LOCAL), monitoringGrounds],
    lead: "TONG_CUC_THADS",
    coordinators: ["CUC_BTNN"],
    forward_to: [],
    recipients: ["TONG_CUC_THADS", "CUC_BTNN"],
    output: "report",
    timing: "Khi có căn cứ theo dõi quy định tại khoản 1 Điều 9 TT số 08.",
    note: "Báo cáo gửi Tổng cục THADS và Cục BTNN để phối hợp theo dõi.",
  },
  // KH 2021 mục II.5.2, gạch đầu dòng thứ nhất: "Trường hợp cơ quan THADS địa phương gửi Bộ Tư pháp mà Cục Bồi thường nhà
  // nước nhận được thì Cục Bồi thường nhà nước sao chuyển Tổng cục Thi hành án dân sự để phối hợp theo dõi."
  {
    id: "KH2021.II.5.2-1",
    clause: "KH 2021 mục II.5.2 (gạch đầu dòng thứ nhất)",
    basis: "KH 2021 mục II.5.2 (gạch đầu dòng thứ nhất); Thông tư 08/2019/TT-BTP Điều 12",
    title_vi: "Văn bản cơ quan THADS địa phương gửi Bộ Tư pháp, Cục BTNN nhận → sao chuyển Tổng cục THADS",
    title_en: "Document from a local enforcement office received by Cục BTNN → copy to Tổng cục THADS",
    quote:
      "Trường hợp cơ quan THADS địa phương gửi Bộ Tư pháp mà Cục Bồi thường nhà nước nhận được thì Cục Bồi thường nhà nước sao chuyển Tổng cục Thi hành án dân sự để phối hợp theo dõi.",
    kind: "document_forward",
    conditions: [
      from(...LOCAL),
      toOrNone("BO_TU_PHAP", "CUC_BTNN"),
      {
        key: "received_by",
        vi: "Cục BTNN nhận được văn bản (received_by = CUC_BTNN)",
        test: (s) => s.received_by === "CUC_BTNN",
      },
    ],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: ["TONG_CUC_THADS"],
    recipients: ["TONG_CUC_THADS"],
    output: "letter",
    note: "Sao chuyển để phối hợp theo dõi. TT 08 Điều 12 khoản 2: cơ quan THADS địa phương gửi cả UBND tỉnh và Bộ Tư pháp.",
  },
  // KH 2021 mục II.5.2, gạch đầu dòng thứ hai: "Trường hợp cơ quan THADS địa phương gửi Bộ Tư pháp mà Tổng cục Thi hành án
  // dân sự nhận được thì Tổng cục Thi hành án dân sự sao chuyển Cục Bồi thường nhà nước để phối hợp theo dõi."
  {
    id: "KH2021.II.5.2-2",
    clause: "KH 2021 mục II.5.2 (gạch đầu dòng thứ hai)",
    basis: "KH 2021 mục II.5.2 (gạch đầu dòng thứ hai); Thông tư 08/2019/TT-BTP Điều 12",
    title_vi: "Văn bản cơ quan THADS địa phương gửi Bộ Tư pháp, Tổng cục THADS nhận → sao chuyển Cục BTNN",
    title_en: "Document from a local enforcement office received by Tổng cục THADS → copy to Cục BTNN",
    quote:
      "Trường hợp cơ quan THADS địa phương gửi Bộ Tư pháp mà Tổng cục Thi hành án dân sự nhận được thì Tổng cục Thi hành án dân sự sao chuyển Cục Bồi thường nhà nước để phối hợp theo dõi.",
    kind: "document_forward",
    conditions: [
      from(...LOCAL),
      toOrNone("BO_TU_PHAP", "TONG_CUC_THADS"),
      {
        key: "received_by",
        vi: "Tổng cục THADS nhận được văn bản (received_by = TONG_CUC_THADS)",
        test: (s) => s.received_by === "TONG_CUC_THADS",
      },
    ],
    lead: "TONG_CUC_THADS",
    coordinators: ["CUC_BTNN"],
    forward_to: ["CUC_BTNN"],
    recipients: ["CUC_BTNN"],
    output: "letter",
    note: "Sao chuyển để phối hợp theo dõi.",
  },
  // KH 2021 mục II.5.2, gạch đầu dòng thứ ba: "Trường hợp Tổng cục Thi hành án dân sự là cơ quan giải quyết bồi thường,
  // Tổng cục Thi hành án dân sự gửi Cục Bồi thường nhà nước để theo dõi."
  {
    id: "KH2021.II.5.2-3",
    clause: "KH 2021 mục II.5.2 (gạch đầu dòng thứ ba)",
    basis: "KH 2021 mục II.5.2 (gạch đầu dòng thứ ba); Thông tư 08/2019/TT-BTP Điều 12",
    title_vi: "Tổng cục THADS là cơ quan giải quyết bồi thường → gửi văn bản cho Cục BTNN để theo dõi",
    title_en: "Tổng cục THADS as handling agency sends its documents to Cục BTNN",
    quote:
      "Trường hợp Tổng cục Thi hành án dân sự là cơ quan giải quyết bồi thường, Tổng cục Thi hành án dân sự gửi Cục Bồi thường nhà nước để theo dõi.",
    kind: "document_forward",
    conditions: [from("TONG_CUC_THADS"), handling("TONG_CUC_THADS")],
    lead: "TONG_CUC_THADS",
    coordinators: ["CUC_BTNN"],
    forward_to: ["CUC_BTNN"],
    recipients: ["CUC_BTNN"],
    output: "letter",
  },
  // KH 2021 mục II.6.1: "Trường hợp Bộ Tư pháp (Cục Bồi thường nhà nước) đề nghị UBND cấp tỉnh đôn đốc cơ quan trực tiếp
  // quản lý người thi hành công vụ gây thiệt hại là cơ quan THADS địa phương theo quy định tại điểm c khoản 3 Điều 13 TT số 08"
  {
    id: "KH2021.II.6.1",
    clause: "KH 2021 mục II.6.1",
    basis: "KH 2021 mục II.6.1; Thông tư 08/2019/TT-BTP Điều 13 khoản 3 điểm c, Điều 14",
    title_vi: "Cục BTNN đề nghị UBND cấp tỉnh đôn đốc cơ quan THADS địa phương",
    title_en: "Urging ladder, rung 1: Cục BTNN asks the province to urge the local enforcement office",
    quote:
      "Trường hợp Bộ Tư pháp (Cục Bồi thường nhà nước) đề nghị UBND cấp tỉnh đôn đốc cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại là cơ quan THADS địa phương.",
    kind: "urging",
    conditions: [from("CUC_BTNN", "BO_TU_PHAP"), to("UBND_TINH"), managing(...LOCAL), urgingGrounds],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: [],
    recipients: ["UBND_TINH"],
    output: "letter",
    timing: "Khi có căn cứ đôn đốc quy định tại Điều 14 TT số 08.",
    note: "Công văn (đề nghị đôn đốc) của Cục BTNN; TT 08 Điều 13 khoản 4: UBND cấp tỉnh (Sở Tư pháp giúp) đôn đốc.",
  },
  // KH 2021 mục II.6.2: "Trường hợp Bộ Tư pháp (Cục Bồi thường nhà nước) đôn đốc cơ quan THADS địa phương trong trường hợp
  // đã đề nghị UBND tỉnh đôn đốc nhưng UBND tỉnh không đôn đốc hoặc đã đôn đốc mà cơ quan được đôn đốc không thực hiện nội
  // dung đôn đốc theo quy định tại điểm d khoản 3 Điều 13 TT số 08"
  {
    id: "KH2021.II.6.2",
    clause: "KH 2021 mục II.6.2",
    basis: "KH 2021 mục II.6.2; Thông tư 08/2019/TT-BTP Điều 13 khoản 3 điểm d, Điều 14",
    title_vi:
      "Cục BTNN trực tiếp đôn đốc cơ quan THADS địa phương khi UBND tỉnh không đôn đốc hoặc đôn đốc không có kết quả",
    title_en: "Urging ladder, rung 2: Cục BTNN urges the local office directly",
    quote:
      "Đã đề nghị UBND tỉnh đôn đốc nhưng UBND tỉnh không đôn đốc hoặc đã đôn đốc mà cơ quan được đôn đốc không thực hiện nội dung đôn đốc.",
    kind: "urging",
    conditions: [
      from("CUC_BTNN", "BO_TU_PHAP"),
      to(...LOCAL),
      {
        key: "managing_role",
        vi: "cơ quan được đôn đốc là cơ quan trực tiếp quản lý người thi hành công vụ (managing_role không ghi hoặc trùng to_role)",
        test: (s) => s.managing_role === undefined || s.managing_role === s.to_role,
      },
      {
        key: "prior.province_asked_to_urge",
        vi: "đã đề nghị UBND tỉnh đôn đốc (prior.province_asked_to_urge = true)",
        test: (s) => s.prior?.province_asked_to_urge === true,
      },
      {
        key: "prior.province_urged",
        vi: "UBND tỉnh không đôn đốc, hoặc đã đôn đốc mà cơ quan được đôn đốc không thực hiện (prior.urged_party_complied ≠ true)",
        test: (s) => s.prior?.province_urged !== true || s.prior?.urged_party_complied !== true,
      },
      urgingGrounds,
    ],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: [],
    recipients: ["$to"],
    output: "letter",
    timing:
      "Khi có căn cứ đôn đốc quy định tại Điều 14 TT số 08 mà đã đề nghị UBND tỉnh đôn đốc nhưng UBND tỉnh không đôn đốc hoặc đã đôn đốc mà cơ quan được đôn đốc không thực hiện.",
    note: "Công văn đôn đốc của Cục BTNN.",
  },
  // KH 2021 mục II.6.3: "Trường hợp Cục Bồi thường nhà nước đề nghị Tổng cục Thi hành án dân sự chỉ đạo, đôn đốc cơ quan
  // THADS địa phương theo quy định tại khoản 3 Điều 75 Luật TNBTCNN"
  {
    id: "KH2021.II.6.3",
    clause: "KH 2021 mục II.6.3",
    basis: "KH 2021 mục II.6.3; Luật TNBTCNN 2017 Điều 75 khoản 3; Thông tư 08/2019/TT-BTP Điều 14",
    title_vi: "Cục BTNN đề nghị Tổng cục THADS chỉ đạo, đôn đốc cơ quan THADS địa phương",
    title_en: "Urging ladder, rung 3: Cục BTNN asks Tổng cục THADS to direct and urge the local office",
    quote:
      "Trường hợp Cục Bồi thường nhà nước đề nghị Tổng cục Thi hành án dân sự chỉ đạo, đôn đốc cơ quan THADS địa phương theo quy định tại khoản 3 Điều 75 Luật TNBTCNN.",
    kind: "urging",
    conditions: [from("CUC_BTNN", "BO_TU_PHAP"), to("TONG_CUC_THADS"), managing(...LOCAL), urgingGrounds],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: [],
    recipients: ["TONG_CUC_THADS"],
    output: "letter",
    timing: "Khi có căn cứ đôn đốc quy định tại Điều 14 TT số 08.",
    note: "Công văn đề nghị của Cục BTNN và công văn đôn đốc của Tổng cục THADS (Tổng cục THADS thực hiện việc chỉ đạo, đôn đốc).",
  },
  // KH 2021 mục II.7: "Giải đáp vướng mắc trong việc áp dụng pháp luật về trách nhiệm bồi thường của Nhà nước đối với cơ
  // quan THADS địa phương trong hoạt động THADS theo quy định tại khoản 2 Điều 3 TT số 08"
  {
    id: "KH2021.II.7",
    clause: "KH 2021 mục II.7",
    basis: "KH 2021 mục II.7; Thông tư 08/2019/TT-BTP Điều 3 khoản 2",
    title_vi: "Giải đáp vướng mắc áp dụng pháp luật về TNBTCNN cho cơ quan THADS địa phương",
    title_en: "Answering a local enforcement office's legal question",
    quote:
      "Giải đáp vướng mắc trong việc áp dụng pháp luật về trách nhiệm bồi thường của Nhà nước đối với cơ quan THADS địa phương trong hoạt động THADS.",
    kind: "legal_question",
    conditions: [from(...LOCAL), toOrNone("CUC_BTNN", "BO_TU_PHAP")],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: [],
    recipients: ["$from"],
    output: "letter",
    timing: "Khi có yêu cầu.",
    note: "Văn bản giải đáp vướng mắc của Cục BTNN.",
  },
  // KH 2021 mục II.8: "Hỗ trợ người bị thiệt hại thực hiện thủ tục yêu cầu bồi thường trong hoạt động THADS theo quy định
  // tại Điều 5 Thông tư số 09/2019/TT-BTP"
  {
    id: "KH2021.II.8",
    clause: "KH 2021 mục II.8",
    basis: "KH 2021 mục II.8; Thông tư 09/2019/TT-BTP Điều 5",
    title_vi: "Hỗ trợ người bị thiệt hại thực hiện thủ tục yêu cầu bồi thường trong hoạt động THADS",
    title_en: "Support to an injured person (civil-judgment enforcement)",
    quote: "Hỗ trợ người bị thiệt hại thực hiện thủ tục yêu cầu bồi thường trong hoạt động THADS.",
    kind: "support_injured",
    conditions: [from("NGUOI_BI_THIET_HAI"), toOrNone("CUC_BTNN", "BO_TU_PHAP"), managing(...THADS_ROLES)],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: [],
    recipients: ["NGUOI_BI_THIET_HAI"],
    output: "letter",
    timing: "Khi có yêu cầu.",
    note: "Văn bản hỗ trợ người bị thiệt hại của Cục BTNN.",
  },
  // KH 2021 mục II.9.1: "Đối với vụ việc yêu cầu bồi thường mà cơ quan trực tiếp quản lý người thi hành công vụ là cơ quan
  // THADS địa phương, người bị thiệt hại đã được UBND cấp tỉnh hướng dẫn mà người bị thiệt hại tiếp tục yêu cầu Bộ Tư pháp
  // hướng dẫn theo quy định tại điểm a khoản 1 Điều 7 TT số 09"
  {
    id: "KH2021.II.9.1",
    clause: "KH 2021 mục II.9.1",
    basis: "KH 2021 mục II.9.1; Thông tư 09/2019/TT-BTP Điều 7 khoản 1 điểm a",
    title_vi: "Hướng dẫn người bị thiệt hại đã được UBND cấp tỉnh hướng dẫn (cơ quan quản lý là THADS địa phương)",
    title_en: "Guiding an injured person already guided by the province (local enforcement office)",
    quote:
      "Người bị thiệt hại đã được UBND cấp tỉnh hướng dẫn mà người bị thiệt hại tiếp tục yêu cầu Bộ Tư pháp hướng dẫn.",
    kind: "guidance_injured",
    conditions: [
      from("NGUOI_BI_THIET_HAI"),
      toOrNone("CUC_BTNN", "BO_TU_PHAP"),
      managing(...LOCAL),
      {
        key: "prior.guided_by_province",
        vi: "người bị thiệt hại đã được UBND cấp tỉnh hướng dẫn (prior.guided_by_province = true)",
        test: (s) => s.prior?.guided_by_province === true || s.prior?.guided_by_so_tu_phap === true,
      },
    ],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: [],
    recipients: ["NGUOI_BI_THIET_HAI"],
    output: "letter",
    timing: "Khi có yêu cầu.",
    note: "Văn bản hướng dẫn của Cục BTNN.",
  },
  // KH 2021 mục II.9.2: "Trường hợp Tổng cục Thi hành án dân sự là cơ quan trực tiếp quản lý người thi hành công vụ gây
  // thiệt hại, Cục Bồi thường nhà nước hướng dẫn cho người bị thiệt hại … theo quy định tại điểm b khoản 1 Điều 7 TT số 09"
  {
    id: "KH2021.II.9.2",
    clause: "KH 2021 mục II.9.2",
    basis: "KH 2021 mục II.9.2; Thông tư 09/2019/TT-BTP Điều 7 khoản 1 điểm b",
    title_vi: "Hướng dẫn người bị thiệt hại khi Tổng cục THADS là cơ quan trực tiếp quản lý người thi hành công vụ",
    title_en: "Guiding an injured person when Tổng cục THADS manages the official",
    quote:
      "Trường hợp Tổng cục Thi hành án dân sự là cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại, Cục Bồi thường nhà nước hướng dẫn cho người bị thiệt hại thực hiện thủ tục yêu cầu bồi thường.",
    kind: "guidance_injured",
    conditions: [from("NGUOI_BI_THIET_HAI"), toOrNone("CUC_BTNN", "BO_TU_PHAP"), managing("TONG_CUC_THADS")],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: [],
    recipients: ["NGUOI_BI_THIET_HAI"],
    output: "letter",
    timing: "Khi có yêu cầu.",
    note: "Văn bản giải đáp hướng dẫn.",
  },
  // KH 2021 mục II.10.1: "Kiểm tra công tác bồi thường nhà nước trong hoạt động THADS … Cục Bồi thường nhà nước và Tổng cục
  // Thi hành án dân sự có trách nhiệm trao đổi thông tin và báo cáo Lãnh đạo Bộ."
  {
    id: "KH2021.II.10.1",
    clause: "KH 2021 mục II.10.1",
    basis: "KH 2021 mục II.10.1",
    title_vi: "Kiểm tra công tác bồi thường nhà nước trong hoạt động THADS",
    title_en: "Inspection of State-compensation work in enforcement",
    quote:
      "Kiểm tra công tác bồi thường nhà nước trong hoạt động THADS … Cục Bồi thường nhà nước và Tổng cục Thi hành án dân sự có trách nhiệm trao đổi thông tin và báo cáo Lãnh đạo Bộ.",
    kind: "inspection",
    conditions: [from("CUC_BTNN", "TONG_CUC_THADS", "BO_TU_PHAP", "LANH_DAO_BO"), topicIs("compensation")],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: [],
    recipients: ["LANH_DAO_BO"],
    output: "report",
    timing: "Khi có yêu cầu và theo kế hoạch.",
    note: "Báo cáo kiểm tra; hai đơn vị trao đổi thông tin và báo cáo Lãnh đạo Bộ.",
  },
  // KH 2021 mục II.10.2: "Kiểm tra công tác THADS có liên quan đến công tác bồi thường nhà nước. Cơ quan chủ trì: Tổng cục
  // Thi hành án dân sự. Cơ quan phối hợp: Cục Bồi thường nhà nước."
  {
    id: "KH2021.II.10.2",
    clause: "KH 2021 mục II.10.2",
    basis: "KH 2021 mục II.10.2",
    title_vi: "Kiểm tra công tác THADS có liên quan đến công tác bồi thường nhà nước",
    title_en: "Inspection of enforcement work related to State compensation",
    quote:
      "Kiểm tra công tác THADS có liên quan đến công tác bồi thường nhà nước. Cơ quan chủ trì: Tổng cục Thi hành án dân sự. Cơ quan phối hợp: Cục Bồi thường nhà nước.",
    kind: "inspection",
    conditions: [from("CUC_BTNN", "TONG_CUC_THADS", "BO_TU_PHAP", "LANH_DAO_BO"), topicIs("enforcement")],
    lead: "TONG_CUC_THADS",
    coordinators: ["CUC_BTNN"],
    forward_to: [],
    recipients: ["LANH_DAO_BO"],
    output: "report",
    timing: "Khi có yêu cầu và theo kế hoạch.",
    note: "Báo cáo kiểm tra; hai đơn vị trao đổi thông tin và báo cáo Lãnh đạo Bộ.",
  },
  // KH 2021 mục II.11: "Tham gia xác minh thiệt hại, thương lượng đối với các vụ việc giải quyết yêu cầu bồi thường thuộc
  // trách nhiệm giải quyết của Tổng cục Thi hành án dân sự theo quy định của Luật TNBTCNN năm 2017"
  {
    id: "KH2021.II.11",
    clause: "KH 2021 mục II.11",
    basis: "KH 2021 mục II.11; Luật TNBTCNN 2017 Điều 45, Điều 46",
    title_vi: "Cục BTNN tham gia xác minh thiệt hại, thương lượng trong vụ việc do Tổng cục THADS giải quyết",
    title_en: "Cục BTNN takes part in damage verification and negotiation of a claim handled by Tổng cục THADS",
    quote:
      "Tham gia xác minh thiệt hại, thương lượng đối với các vụ việc giải quyết yêu cầu bồi thường thuộc trách nhiệm giải quyết của Tổng cục Thi hành án dân sự theo quy định của Luật TNBTCNN năm 2017.",
    kind: "verification_negotiation",
    conditions: [
      from(...CENTRAL_PAIR),
      handling("TONG_CUC_THADS"),
      {
        key: "law",
        vi: `vụ việc theo Luật TNBTCNN 2017 (law không ghi hoặc = "law_2017")`,
        test: (s) => s.law !== "law_2009",
      },
    ],
    lead: "TONG_CUC_THADS",
    coordinators: ["CUC_BTNN"],
    forward_to: [],
    recipients: ["TONG_CUC_THADS", "CUC_BTNN"],
    output: "minutes",
    timing: "Khi có yêu cầu.",
    note: "Biên bản xác minh thiệt hại, thương lượng.",
  },
  // KH 2021 mục III.2: "Trong quá trình phối hợp, trường hợp Cục Bồi thường nhà nước và Tổng cục Thi hành án dân sự có ý
  // kiến khác nhau và không thống nhất được ý kiến thì 02 đơn vị báo cáo Thứ trưởng phụ trách để xử lý theo thẩm quyền."
  {
    id: "KH2021.III.2",
    clause: "KH 2021 mục III.2",
    basis: "KH 2021 mục III.2",
    title_vi: "Cục BTNN và Tổng cục THADS không thống nhất ý kiến → báo cáo Thứ trưởng phụ trách",
    title_en: "Disagreement between Cục BTNN and Tổng cục THADS → report to the Vice-Minister in charge",
    quote:
      "Trường hợp Cục Bồi thường nhà nước và Tổng cục Thi hành án dân sự có ý kiến khác nhau và không thống nhất được ý kiến thì 02 đơn vị báo cáo Thứ trưởng phụ trách để xử lý theo thẩm quyền.",
    kind: "disagreement",
    conditions: [
      from(...CENTRAL_PAIR),
      {
        key: "to_role",
        vi: "bên kia là đơn vị còn lại (Cục BTNN/Tổng cục THADS) hoặc Lãnh đạo Bộ, hoặc không ghi",
        test: (s) =>
          s.to_role === undefined ||
          s.to_role === "LANH_DAO_BO" ||
          (roleIn(s.to_role, CENTRAL_PAIR) && s.to_role !== s.from_role),
      },
    ],
    lead: "LANH_DAO_BO",
    coordinators: ["CUC_BTNN", "TONG_CUC_THADS"],
    forward_to: ["LANH_DAO_BO"],
    recipients: ["LANH_DAO_BO"],
    output: "report",
    note: "Hai đơn vị báo cáo Thứ trưởng phụ trách để xử lý theo thẩm quyền.",
  },

  // ---- KH Thanh Hóa 2024: the provincial reporting and consolidation flow ----------------------------------------------

  // KH Thanh Hóa 2024 mục II.7: "Thực hiện chế độ thống kê, thông tin, báo cáo về công tác bồi thường nhà nước. Cơ quan thực
  // hiện: Sở Tư pháp chủ trì phối hợp với Tòa án nhân dân tỉnh, Viện kiểm sát nhân dân tỉnh, Cục Thi hành án dân sự tỉnh;
  // các sở, ban, ngành cấp tỉnh; UBND cấp huyện … Thời gian thực hiện: … theo yêu cầu của Bộ Tư pháp."
  {
    id: "KHTH2024.II.7",
    clause: "KH Thanh Hóa 2024 mục II.7",
    basis: "KH Thanh Hóa 2024 mục II.7; Thông tư 08/2019/TT-BTP Điều 25 (kỳ báo cáo)",
    title_vi: "Bộ Tư pháp yêu cầu báo cáo, thống kê công tác bồi thường của tỉnh → Sở Tư pháp chủ trì tổng hợp",
    title_en: "Ministry requests the province's statistics/report → Sở Tư pháp leads the consolidation",
    quote:
      "Sở Tư pháp chủ trì phối hợp với Tòa án nhân dân tỉnh, Viện kiểm sát nhân dân tỉnh, Cục Thi hành án dân sự tỉnh; các sở, ban, ngành cấp tỉnh; UBND cấp huyện và các cơ quan, tổ chức có liên quan.",
    kind: "report_request",
    conditions: [
      from("BO_TU_PHAP", "CUC_BTNN"),
      to("UBND_TINH"),
      {
        key: "handling_role",
        vi: "yêu cầu báo cáo chung của tỉnh, không về một cơ quan giải quyết bồi thường cụ thể (handling_role không ghi)",
        test: (s) => s.handling_role === undefined,
      },
    ],
    lead: "SO_TU_PHAP",
    coordinators: ["TOA_AN", "VKS", "THADS_TINH", "SO_NGANH", "UBND_HUYEN"],
    forward_to: ["SO_TU_PHAP"],
    recipients: ["UBND_TINH"],
    output: "report",
    timing: "Theo yêu cầu của Bộ Tư pháp (kỳ báo cáo hằng năm: TT 08 Điều 25).",
    note: "Sở Tư pháp tổng hợp, tham mưu UBND tỉnh báo cáo Bộ Tư pháp (KH Thanh Hóa 2024 mục III.1).",
  },
  // KH Thanh Hóa 2024 mục III.1 (gạch đầu dòng thứ ba): "Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan tham mưu
  // UBND tỉnh báo cáo kết quả công tác bồi thường nhà nước trên địa bàn tỉnh theo định kỳ hoặc đột xuất khi có yêu cầu của
  // Bộ Tư pháp."
  {
    id: "KHTH2024.III.1",
    clause: "KH Thanh Hóa 2024 mục III.1",
    basis: "KH Thanh Hóa 2024 mục III.1 (gạch đầu dòng thứ ba)",
    title_vi: "Sở Tư pháp tổng hợp báo cáo của các cơ quan, tham mưu UBND tỉnh",
    title_en: "Sở Tư pháp consolidates the reports for the provincial People's Committee",
    quote:
      "Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan tham mưu UBND tỉnh báo cáo kết quả công tác bồi thường nhà nước trên địa bàn tỉnh theo định kỳ hoặc đột xuất khi có yêu cầu của Bộ Tư pháp.",
    kind: "report",
    conditions: [from("SO_TU_PHAP"), to("UBND_TINH")],
    lead: "SO_TU_PHAP",
    coordinators: ["SO_NGANH", "UBND_HUYEN", "TOA_AN", "VKS", "THADS_TINH"],
    forward_to: ["UBND_TINH"],
    recipients: ["UBND_TINH"],
    output: "report",
    timing: "Định kỳ hoặc đột xuất khi có yêu cầu của Bộ Tư pháp.",
  },
  // KH Thanh Hóa 2024 mục III.1 and III.2 (gạch đầu dòng thứ ba): "… gửi Sở Tư pháp tổng hợp báo cáo UBND tỉnh, Bộ Tư pháp."
  {
    id: "KHTH2024.III.1.BTP",
    clause: "KH Thanh Hóa 2024 mục III.1 (báo cáo Bộ Tư pháp)",
    basis: "KH Thanh Hóa 2024 mục III.1, mục III.2 (gạch đầu dòng thứ ba); Thông tư 08/2019/TT-BTP Điều 25",
    title_vi: "UBND tỉnh báo cáo Bộ Tư pháp về công tác bồi thường trên địa bàn tỉnh",
    title_en: "The provincial People's Committee reports to the Ministry of Justice",
    quote: "… gửi Sở Tư pháp tổng hợp báo cáo UBND tỉnh, Bộ Tư pháp.",
    kind: "report",
    conditions: [from("UBND_TINH"), to("BO_TU_PHAP", "CUC_BTNN")],
    lead: "UBND_TINH",
    coordinators: ["SO_TU_PHAP"],
    forward_to: ["BO_TU_PHAP"],
    recipients: ["BO_TU_PHAP"],
    output: "report",
    timing: "Định kỳ hoặc đột xuất khi có yêu cầu của Bộ Tư pháp (báo cáo năm: TT 08 Điều 25).",
    note: "Sở Tư pháp tham mưu (dự thảo) báo cáo.",
  },
  // KH Thanh Hóa 2024 mục III.2 (gạch đầu dòng thứ ba): "tổng hợp, báo cáo về công tác bồi thường nhà nước trong phạm vi quản
  // lý theo định kỳ hằng năm hoặc đột xuất khi có yêu cầu, gửi Sở Tư pháp tổng hợp báo cáo UBND tỉnh, Bộ Tư pháp."
  {
    id: "KHTH2024.III.2",
    clause: "KH Thanh Hóa 2024 mục III.2",
    basis: "KH Thanh Hóa 2024 mục III.2 (gạch đầu dòng thứ ba)",
    title_vi: "Sở, ban, ngành cấp tỉnh và UBND cấp huyện gửi báo cáo cho Sở Tư pháp tổng hợp",
    title_en: "Provincial departments and district committees report to Sở Tư pháp",
    quote:
      "Tổng hợp, báo cáo về công tác bồi thường nhà nước trong phạm vi quản lý theo định kỳ hằng năm hoặc đột xuất khi có yêu cầu, gửi Sở Tư pháp tổng hợp báo cáo UBND tỉnh, Bộ Tư pháp.",
    kind: "report",
    conditions: [from("SO_NGANH", "UBND_HUYEN"), toOrNone("SO_TU_PHAP")],
    lead: "$from",
    coordinators: [],
    forward_to: ["SO_TU_PHAP"],
    recipients: ["SO_TU_PHAP"],
    output: "report",
    timing: "Định kỳ hằng năm hoặc đột xuất khi có yêu cầu.",
  },
  // KH Thanh Hóa 2024 mục III.3 (gạch đầu dòng thứ ba): "Thực hiện báo cáo về công tác bồi thường nhà nước theo quy định gửi
  // Sở Tư pháp tổng hợp vào báo cáo chung về công tác bồi thường nhà nước trên địa bàn tỉnh để báo cáo Bộ Tư pháp."
  {
    id: "KHTH2024.III.3",
    clause: "KH Thanh Hóa 2024 mục III.3",
    basis: "KH Thanh Hóa 2024 mục III.3 (gạch đầu dòng thứ ba)",
    title_vi: "Tòa án, Viện kiểm sát, cơ quan THADS tỉnh gửi báo cáo cho Sở Tư pháp tổng hợp",
    title_en: "Provincial court, procuracy and enforcement office report to Sở Tư pháp",
    quote:
      "Thực hiện báo cáo về công tác bồi thường nhà nước theo quy định gửi Sở Tư pháp tổng hợp vào báo cáo chung về công tác bồi thường nhà nước trên địa bàn tỉnh để báo cáo Bộ Tư pháp.",
    kind: "report",
    conditions: [from("TOA_AN", "VKS", "THADS_TINH"), toOrNone("SO_TU_PHAP")],
    lead: "$from",
    coordinators: [],
    forward_to: ["SO_TU_PHAP"],
    recipients: ["SO_TU_PHAP"],
    output: "report",
    timing: "Theo quy định (kỳ báo cáo của ngành và TT 08 Điều 25).",
    note: "Sở Tư pháp tổng hợp vào báo cáo chung của tỉnh để báo cáo Bộ Tư pháp.",
  },
];

const BY_ID = new Map(ROUTING_RULES.map((r) => [r.id, r]));

export function getRule(id: string): RoutingRule | undefined {
  return BY_ID.get(id);
}
