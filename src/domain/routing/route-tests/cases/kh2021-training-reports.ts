// Expected routing, KH 2021 mục II.4–II.5: tập huấn, báo cáo và sao chuyển văn bản (rules in ../../rules/kh2021-training-reports.ts).
import type { RuleCase } from "../rule-case.ts";

export const KH2021_TRAINING_REPORTS_CASES: RuleCase[] = [
  {
    id: "KH2021.II.4",
    description: "tập huấn, bồi dưỡng do hai đơn vị phối hợp tổ chức",
    situation: { kind: "training", from_role: "TONG_CUC_THADS" },
    expected: {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "report",
      cites: ["KH 2021 mục II.4"],
    },
  },
  {
    id: "KH2021.II.5.1.a",
    description: "Cục BTNN đề nghị UBND cấp tỉnh chỉ đạo cơ quan THADS địa phương báo cáo, báo cáo gửi cả hai đơn vị",
    situation: {
      kind: "report_request",
      from_role: "CUC_BTNN",
      to_role: "UBND_TINH",
      handling_role: "THADS_HUYEN",
      prior: { monitoring_grounds: ["c"] },
    },
    expected: {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: [],
      output: "report",
      recipients: ["CUC_BTNN", "TONG_CUC_THADS"],
      cites: ["KH 2021 mục II.5.1.a", "Điều 11 khoản 2", "Điều 9 khoản 1"],
    },
  },
  {
    id: "KH2021.II.5.1.b",
    description: "Tổng cục THADS chỉ đạo Cục THADS tỉnh báo cáo",
    situation: {
      kind: "report_request",
      from_role: "TONG_CUC_THADS",
      to_role: "THADS_TINH",
      prior: { monitoring_grounds: ["a", "đ"] },
    },
    expected: {
      lead: "TONG_CUC_THADS",
      coordinators: ["CUC_BTNN"],
      forward_to: [],
      output: "report",
      recipients: ["TONG_CUC_THADS", "CUC_BTNN"],
      cites: ["KH 2021 mục II.5.1.b", "Điều 75"],
    },
  },
  {
    id: "KH2021.II.5.2-1",
    description: "văn bản gửi Bộ Tư pháp mà Cục BTNN nhận được → sao chuyển Tổng cục THADS",
    situation: { kind: "document_forward", from_role: "THADS_HUYEN", to_role: "BO_TU_PHAP", received_by: "CUC_BTNN" },
    expected: {
      lead: "CUC_BTNN",
      coordinators: ["TONG_CUC_THADS"],
      forward_to: ["TONG_CUC_THADS"],
      output: "letter",
      cites: ["KH 2021 mục II.5.2", "Điều 12"],
    },
  },
  {
    id: "KH2021.II.5.2-2",
    description: "văn bản gửi Bộ Tư pháp mà Tổng cục THADS nhận được → sao chuyển Cục BTNN",
    situation: {
      kind: "document_forward",
      from_role: "THADS_TINH",
      to_role: "BO_TU_PHAP",
      received_by: "TONG_CUC_THADS",
    },
    expected: {
      lead: "TONG_CUC_THADS",
      coordinators: ["CUC_BTNN"],
      forward_to: ["CUC_BTNN"],
      output: "letter",
      cites: ["KH 2021 mục II.5.2", "Điều 12"],
    },
  },
  {
    id: "KH2021.II.5.2-3",
    description: "Tổng cục THADS là cơ quan giải quyết bồi thường gửi văn bản cho Cục BTNN theo dõi",
    situation: { kind: "document_forward", from_role: "TONG_CUC_THADS", handling_role: "TONG_CUC_THADS" },
    expected: {
      lead: "TONG_CUC_THADS",
      coordinators: ["CUC_BTNN"],
      forward_to: ["CUC_BTNN"],
      output: "letter",
      cites: ["KH 2021 mục II.5.2"],
    },
  },
];
