// Expected routing, KH Thanh Hóa 2024 mục II.7 và III: luồng báo cáo (rules in ../../rules/kh-thanh-hoa-2024.ts).
import type { RuleCase } from "../rule-case.ts";

export const KHTH2024_CASES: RuleCase[] = [
  {
    id: "KHTH2024.II.7",
    description:
      "Bộ Tư pháp yêu cầu báo cáo thống kê → Sở Tư pháp chủ trì với TAND, VKSND, THADS tỉnh, sở ngành, UBND cấp huyện",
    situation: { kind: "report_request", from_role: "BO_TU_PHAP", to_role: "UBND_TINH" },
    expected: {
      lead: "SO_TU_PHAP",
      coordinators: ["TOA_AN", "VKS", "THADS_TINH", "SO_NGANH", "UBND_HUYEN"],
      forward_to: ["SO_TU_PHAP"],
      output: "report",
      recipients: ["UBND_TINH"],
      cites: ["KH Thanh Hóa 2024 mục II.7"],
    },
  },
  {
    id: "KHTH2024.III.1",
    description: "Sở Tư pháp tổng hợp, tham mưu UBND tỉnh báo cáo",
    situation: { kind: "report", from_role: "SO_TU_PHAP", to_role: "UBND_TINH" },
    expected: {
      lead: "SO_TU_PHAP",
      coordinators: ["SO_NGANH", "UBND_HUYEN", "TOA_AN", "VKS", "THADS_TINH"],
      forward_to: ["UBND_TINH"],
      output: "report",
      cites: ["KH Thanh Hóa 2024 mục III.1"],
    },
  },
  {
    id: "KHTH2024.III.1.BTP",
    description: "UBND tỉnh báo cáo Bộ Tư pháp",
    situation: { kind: "report", from_role: "UBND_TINH", to_role: "BO_TU_PHAP" },
    expected: {
      lead: "UBND_TINH",
      coordinators: ["SO_TU_PHAP"],
      forward_to: ["BO_TU_PHAP"],
      output: "report",
      cites: ["KH Thanh Hóa 2024 mục III.1"],
    },
  },
  {
    id: "KHTH2024.III.2",
    description: "UBND cấp huyện gửi báo cáo cho Sở Tư pháp tổng hợp",
    situation: { kind: "report", from_role: "UBND_HUYEN", to_role: "SO_TU_PHAP" },
    expected: {
      lead: "UBND_HUYEN",
      coordinators: [],
      forward_to: ["SO_TU_PHAP"],
      output: "report",
      recipients: ["SO_TU_PHAP"],
      cites: ["KH Thanh Hóa 2024 mục III.2"],
    },
  },
  {
    id: "KHTH2024.III.3",
    description: "Viện kiểm sát nhân dân tỉnh gửi báo cáo cho Sở Tư pháp tổng hợp",
    situation: { kind: "report", from_role: "VKS" },
    expected: {
      lead: "VKS",
      coordinators: [],
      forward_to: ["SO_TU_PHAP"],
      output: "report",
      cites: ["KH Thanh Hóa 2024 mục III.3"],
    },
  },
];
