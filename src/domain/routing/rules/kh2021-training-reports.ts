// Routing rules of KH 2021 mục II.4 (tập huấn) và II.5 (báo cáo, sao chuyển văn bản): one row per clause, citing the clause and the legal text it cites.
import type { RoutingRule } from "../rules.ts";
import { CENTRAL_PAIR, from, handling, LOCAL, monitoringGrounds, to, toOrNone } from "./conditions.ts";

export const KH2021_TRAINING_REPORTS: readonly RoutingRule[] = [
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
        vi: "Cục BTNN nhận được văn bản",
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
        vi: "Tổng cục THADS nhận được văn bản",
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
];
