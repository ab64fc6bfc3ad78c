// Expected routing, KH 2021 mục II.6: đôn đốc (rules in ../../rules/kh2021-urging.ts).
import type { RuleCase } from "../rule-case.ts";

export const KH2021_URGING_CASES: RuleCase[] = [
  {
    id: "KH2021.II.6.1",
    description: "Cục BTNN đề nghị UBND cấp tỉnh đôn đốc Chi cục THADS",
    situation: {
      kind: "urging",
      from_role: "CUC_BTNN",
      to_role: "UBND_TINH",
      managing_role: "THADS_HUYEN",
      prior: { urging_grounds: [1] },
    },
    expected: {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "letter",
      recipients: ["UBND_TINH"],
      cites: ["KH 2021 mục II.6.1", "Điều 13 khoản 3 điểm c", "Điều 14"],
    },
  },
  {
    id: "KH2021.II.6.2",
    description: "UBND tỉnh đã đôn đốc mà Cục THADS không thực hiện → Cục BTNN trực tiếp đôn đốc",
    situation: {
      kind: "urging",
      from_role: "CUC_BTNN",
      to_role: "THADS_TINH",
      managing_role: "THADS_TINH",
      prior: { province_asked_to_urge: true, province_urged: true, urged_party_complied: false, urging_grounds: [4] },
    },
    expected: {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "letter",
      recipients: ["THADS_TINH"],
      cites: ["KH 2021 mục II.6.2", "Điều 13 khoản 3 điểm d"],
    },
  },
  {
    id: "KH2021.II.6.3",
    description: "Cục BTNN đề nghị Tổng cục THADS chỉ đạo, đôn đốc cơ quan THADS địa phương",
    situation: {
      kind: "urging",
      from_role: "CUC_BTNN",
      to_role: "TONG_CUC_THADS",
      managing_role: "THADS_HUYEN",
      prior: { urging_grounds: [3] },
    },
    expected: {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "letter",
      cites: ["KH 2021 mục II.6.3", "Điều 75 khoản 3"],
    },
  },
];
