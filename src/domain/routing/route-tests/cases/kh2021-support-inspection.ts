// Expected routing, KH 2021 mục II.7–II.11 và III.2: giải đáp, hỗ trợ người bị thiệt hại, kiểm tra, xác minh, bất đồng (rules in ../../rules/kh2021-support-inspection.ts).
import type { RuleCase } from "../rule-case.ts";

export const KH2021_SUPPORT_INSPECTION_CASES: RuleCase[] = [
  {
    id: "KH2021.II.7",
    description: "giải đáp vướng mắc cho Chi cục THADS",
    situation: { kind: "legal_question", from_role: "THADS_HUYEN", to_role: "CUC_BTNN" },
    expected: {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "letter",
      cites: ["KH 2021 mục II.7", "Điều 3 khoản 2"],
    },
  },
  {
    id: "KH2021.II.8",
    description: "hỗ trợ người bị thiệt hại trong hoạt động THADS",
    situation: { kind: "support_injured", from_role: "NGUOI_BI_THIET_HAI", managing_role: "THADS_TINH" },
    expected: {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "letter",
      recipients: ["NGUOI_BI_THIET_HAI"],
      cites: ["KH 2021 mục II.8", "Thông tư 09/2019/TT-BTP Điều 5"],
    },
  },
  {
    id: "KH2021.II.9.1",
    description: "người bị thiệt hại đã được UBND cấp tỉnh hướng dẫn, tiếp tục yêu cầu Bộ Tư pháp hướng dẫn",
    situation: {
      kind: "guidance_injured",
      from_role: "NGUOI_BI_THIET_HAI",
      to_role: "BO_TU_PHAP",
      managing_role: "THADS_HUYEN",
      prior: { guided_by_province: true },
    },
    expected: {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "letter",
      cites: ["KH 2021 mục II.9.1", "Thông tư 09/2019/TT-BTP Điều 7 khoản 1 điểm a"],
    },
  },
  {
    id: "KH2021.II.9.2",
    description: "Tổng cục THADS là cơ quan trực tiếp quản lý người thi hành công vụ → Cục BTNN hướng dẫn",
    situation: { kind: "guidance_injured", from_role: "NGUOI_BI_THIET_HAI", managing_role: "TONG_CUC_THADS" },
    expected: {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "letter",
      cites: ["KH 2021 mục II.9.2", "Điều 7 khoản 1 điểm b"],
    },
  },
  {
    id: "KH2021.II.10.1",
    description: "kiểm tra công tác bồi thường: Cục BTNN chủ trì, báo cáo Lãnh đạo Bộ",
    situation: { kind: "inspection", from_role: "CUC_BTNN", topic: "compensation" },
    expected: {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "report",
      recipients: ["LANH_DAO_BO"],
      cites: ["KH 2021 mục II.10.1"],
    },
  },
  {
    id: "KH2021.II.10.2",
    description: "kiểm tra công tác THADS liên quan bồi thường: Tổng cục THADS chủ trì",
    situation: { kind: "inspection", from_role: "TONG_CUC_THADS", topic: "enforcement" },
    expected: {
      lead: "TONG_CUC_THADS",
      coordinators: ["CUC_BTNN"],
      forward_to: [],
      output: "report",
      recipients: ["LANH_DAO_BO"],
      cites: ["KH 2021 mục II.10.2"],
    },
  },
  {
    id: "KH2021.II.11",
    description: "tham gia xác minh thiệt hại, thương lượng vụ việc do Tổng cục THADS giải quyết → biên bản",
    situation: {
      kind: "verification_negotiation",
      from_role: "TONG_CUC_THADS",
      handling_role: "TONG_CUC_THADS",
      law: "law_2017",
    },
    expected: {
      lead: "TONG_CUC_THADS",
      coordinators: ["CUC_BTNN"],
      forward_to: [],
      output: "minutes",
      cites: ["KH 2021 mục II.11", "Luật TNBTCNN 2017 Điều 45"],
    },
  },
  {
    id: "KH2021.III.2",
    description: "hai đơn vị không thống nhất ý kiến → báo cáo Thứ trưởng phụ trách",
    situation: { kind: "disagreement", from_role: "TONG_CUC_THADS", to_role: "CUC_BTNN" },
    expected: {
      lead: "LANH_DAO_BO",
      coordinators: ["CUC_BTNN", "TONG_CUC_THADS"],
      forward_to: ["LANH_DAO_BO"],
      output: "report",
      cites: ["KH 2021 mục III.2"],
    },
  },
];
