// Routing rules of KH Thanh Hóa 2024 mục II.7, III (chế độ báo cáo của tỉnh): one row per clause, citing the clause and the legal text it cites.
import type { RoutingRule } from "../rules.ts";
import { from, to, toOrNone } from "./conditions.ts";

export const KHTH2024_REPORTING: readonly RoutingRule[] = [
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
        vi: "yêu cầu báo cáo chung của tỉnh, không về một cơ quan giải quyết bồi thường cụ thể",
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
