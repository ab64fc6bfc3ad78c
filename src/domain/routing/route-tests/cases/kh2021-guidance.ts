// Expected routing, KH 2021 mục II.3: đề nghị hướng dẫn nghiệp vụ (rules in ../../rules/kh2021-guidance.ts).
import type { RuleCase } from "../rule-case.ts";

export const KH2021_GUIDANCE_CASES: RuleCase[] = [
  {
    id: "KH2021.II.3.1",
    description: "Chi cục THADS đề nghị Cục BTNN hướng dẫn khi chưa được cấp tỉnh hướng dẫn → chuyển UBND cấp tỉnh",
    situation: { kind: "guidance", from_role: "THADS_HUYEN", to_role: "CUC_BTNN" },
    expected: {
      lead: "UBND_TINH",
      coordinators: ["SO_TU_PHAP"],
      forward_to: ["UBND_TINH"],
      output: "letter",
      cites: ["KH 2021 mục II.3.1", "Thông tư 08/2019/TT-BTP Điều 4"],
    },
  },
  {
    id: "KH2021.II.3.2",
    description: "Cục THADS đề nghị Cục BTNN hướng dẫn sau khi UBND cấp tỉnh đã hướng dẫn",
    situation: { kind: "guidance", from_role: "THADS_TINH", to_role: "CUC_BTNN", prior: { guided_by_province: true } },
    expected: {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "letter",
      recipients: ["THADS_TINH"],
      cites: ["KH 2021 mục II.3.2", "Thông tư 08/2019/TT-BTP Điều 4 khoản 1 điểm đ"],
    },
  },
  {
    id: "KH2021.II.3.3.a",
    description: "đề nghị Tổng cục THADS hướng dẫn nghiệp vụ thi hành án → Tổng cục THADS chủ trì",
    situation: { kind: "guidance", from_role: "THADS_HUYEN", to_role: "TONG_CUC_THADS", topic: "enforcement" },
    expected: {
      lead: "TONG_CUC_THADS",
      coordinators: ["CUC_BTNN"],
      forward_to: [],
      output: "letter",
      cites: ["KH 2021 mục II.3.3.a", "Điều 75", "Điều 4 khoản 1 điểm g"],
    },
  },
  {
    id: "KH2021.II.3.3.b",
    description:
      "đề nghị nghiệp vụ bồi thường gửi Tổng cục THADS sau hướng dẫn của Sở Tư pháp → chuyển Cục BTNN chủ trì",
    situation: {
      kind: "guidance",
      from_role: "THADS_TINH",
      to_role: "TONG_CUC_THADS",
      topic: "compensation",
      prior: { guided_by_so_tu_phap: true },
    },
    expected: {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: ["CUC_BTNN"],
      output: "letter",
      recipients: ["THADS_TINH", "TONG_CUC_THADS"],
      cites: ["KH 2021 mục II.3.3.b", "Thông tư 08/2019/TT-BTP Điều 4 khoản 1 điểm đ"],
    },
  },
  {
    id: "KH2021.II.3.4",
    description: "Tổng cục THADS là cơ quan giải quyết bồi thường đề nghị Cục BTNN hướng dẫn",
    situation: { kind: "guidance", from_role: "TONG_CUC_THADS", to_role: "CUC_BTNN", handling_role: "TONG_CUC_THADS" },
    expected: {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "letter",
      cites: ["KH 2021 mục II.3.4", "3056/QĐ-BTP Điều 12 khoản 1 điểm b"],
    },
  },
];
