// Routing rules of KH 2021 mục II.6 (thang đôn đốc): one row per clause, citing the clause and the legal text it cites.
import type { RoutingRule } from "../rules.ts";
import { from, LOCAL, managing, to, urgingGrounds } from "./conditions.ts";

export const KH2021_URGING: readonly RoutingRule[] = [
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
        vi: "cơ quan được đôn đốc là cơ quan trực tiếp quản lý người thi hành công vụ",
        test: (s) => s.managing_role === undefined || s.managing_role === s.to_role,
      },
      {
        key: "prior.province_asked_to_urge",
        vi: "đã đề nghị UBND tỉnh đôn đốc",
        test: (s) => s.prior?.province_asked_to_urge === true,
      },
      {
        key: "prior.province_urged",
        vi: "UBND tỉnh không đôn đốc, hoặc đã đôn đốc mà cơ quan được đôn đốc không thực hiện",
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
];
