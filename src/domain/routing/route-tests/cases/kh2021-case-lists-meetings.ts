// Expected routing, KH 2021 mục II.1–II.2: danh mục vụ việc và họp giải quyết vụ việc phức tạp (rules in ../../rules/kh2021-case-lists-meetings.ts).
import type { RuleCase } from "../rule-case.ts";

export const KH2021_CASE_LISTS_MEETINGS_CASES: RuleCase[] = [
  {
    id: "KH2021.II.1.1",
    description: "danh mục vụ việc theo Luật 2017: Cục BTNN chủ trì, Tổng cục THADS phối hợp",
    situation: { kind: "case_list", from_role: "CUC_BTNN", law: "law_2017" },
    expected: {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "case_list",
      cites: ["KH 2021 mục II.1.1"],
    },
  },
  {
    id: "KH2021.II.1.2",
    description: "danh mục vụ việc phức tạp theo Luật 2009 (hằng quý)",
    situation: { kind: "case_list", from_role: "TONG_CUC_THADS", law: "law_2009", complex: true },
    expected: {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "case_list",
      cites: ["KH 2021 mục II.1.2", "2009"],
    },
  },
  {
    id: "KH2021.II.2",
    description: "họp giải quyết vụ việc phức tạp, tồn đọng, kéo dài → báo cáo kết quả",
    situation: { kind: "meeting", from_role: "CUC_BTNN", complex: true },
    expected: {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "report",
      cites: ["KH 2021 mục II.2"],
    },
  },
];
