// Routing rules of KH 2021 mục II.1 (danh mục vụ việc) và II.2 (họp, đoàn công tác): one row per clause, citing the clause and the legal text it cites.
import type { RoutingRule } from "../rules.ts";
import { CENTRAL_PAIR, from } from "./conditions.ts";

export const KH2021_LISTS_MEETINGS: readonly RoutingRule[] = [
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
      { key: "law", vi: `vụ việc theo Luật TNBTCNN 2017`, test: (s) => s.law === "law_2017" },
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
      { key: "law", vi: `vụ việc theo Luật TNBTCNN 2009`, test: (s) => s.law === "law_2009" },
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
      { key: "complex", vi: "vụ việc phức tạp, tồn đọng, kéo dài", test: (s) => s.complex === true },
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
];
