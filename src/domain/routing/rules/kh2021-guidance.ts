// Routing rules of KH 2021 mục II.3 (hướng dẫn nghiệp vụ): one row per clause, citing the clause and the legal text it cites.
import type { RoutingRule } from "../rules.ts";
import { from, guided, handling, LOCAL, to, topicIs, topicNotEnforcement } from "./conditions.ts";

export const KH2021_GUIDANCE: readonly RoutingRule[] = [
  // KH 2021 mục II.3.1: "Trường hợp Cục THADS và Chi cục THADS đề nghị Cục Bồi thường nhà nước hướng dẫn, Cục Bồi thường
  // nhà nước chuyển Ủy ban nhân dân (UBND) cấp tỉnh hướng dẫn theo quy định tại Điều 4 Thông tư số 08/2019/TT-BTP …"
  {
    id: "KH2021.II.3.1",
    clause: "KH 2021 mục II.3.1",
    basis: "KH 2021 mục II.3.1; Thông tư 08/2019/TT-BTP Điều 4 khoản 2 điểm a",
    title_vi:
      "Cơ quan THADS địa phương đề nghị Cục BTNN hướng dẫn khi chưa được cấp tỉnh hướng dẫn → chuyển UBND cấp tỉnh",
    title_en: "Local enforcement office asks Cục BTNN without prior provincial guidance → forwarded to the province",
    quote:
      "Trường hợp Cục THADS và Chi cục THADS đề nghị Cục Bồi thường nhà nước hướng dẫn, Cục Bồi thường nhà nước chuyển Ủy ban nhân dân (UBND) cấp tỉnh hướng dẫn.",
    kind: "guidance",
    conditions: [from(...LOCAL), to("CUC_BTNN", "BO_TU_PHAP"), topicNotEnforcement, guided(false)],
    lead: "UBND_TINH",
    coordinators: ["SO_TU_PHAP"],
    forward_to: ["UBND_TINH"],
    recipients: ["$from"],
    output: "letter",
    // The forwarding itself is KH 2021 practice: the codified text of TT 08 Điều 4 does not provide for it.
    note: "Cục BTNN chuyển đề nghị đến UBND cấp tỉnh; UBND cấp tỉnh (Sở Tư pháp giúp) hướng dẫn theo khoản 2 Điều 4 Thông tư 08/2019/TT-BTP.",
  },
  // KH 2021 mục II.3.2: "Trường hợp Cục THADS và Chi cục THADS đề nghị Cục Bồi thường nhà nước hướng dẫn sau khi đã được
  // UBND cấp tỉnh hướng dẫn theo quy định tại điểm đ khoản 1 Điều 4 TT số 08"
  {
    id: "KH2021.II.3.2",
    clause: "KH 2021 mục II.3.2",
    basis: "KH 2021 mục II.3.2; Thông tư 08/2019/TT-BTP Điều 4 khoản 1 điểm đ",
    title_vi: "Cơ quan THADS địa phương đề nghị Cục BTNN hướng dẫn sau khi đã được UBND cấp tỉnh hướng dẫn",
    title_en: "Local enforcement office asks Cục BTNN after provincial guidance → Cục BTNN guides",
    quote:
      "Trường hợp Cục THADS và Chi cục THADS đề nghị Cục Bồi thường nhà nước hướng dẫn sau khi đã được UBND cấp tỉnh hướng dẫn theo quy định tại điểm đ khoản 1 Điều 4 TT số 08.",
    kind: "guidance",
    conditions: [from(...LOCAL), to("CUC_BTNN", "BO_TU_PHAP"), topicNotEnforcement, guided(true)],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: [],
    recipients: ["$from"],
    output: "letter",
    timing: "Theo đề nghị của cơ quan THADS địa phương.",
  },
  // KH 2021 mục II.3.3.a: "Nếu đề nghị hướng dẫn nghiệp vụ thi hành án liên quan đến việc giải quyết bồi thường: Cơ quan
  // chủ trì: Tổng cục Thi hành án dân sự. Cơ quan phối hợp: Cục Bồi thường nhà nước."
  {
    id: "KH2021.II.3.3.a",
    clause: "KH 2021 mục II.3.3.a",
    basis: "KH 2021 mục II.3.3.a; Luật TNBTCNN 2017 Điều 75; Thông tư 08/2019/TT-BTP Điều 4 khoản 1 điểm g",
    title_vi: "Cơ quan THADS địa phương đề nghị Tổng cục THADS hướng dẫn nghiệp vụ thi hành án liên quan bồi thường",
    title_en: "Local enforcement office asks Tổng cục THADS on an enforcement matter → Tổng cục THADS guides",
    quote:
      "Nếu đề nghị hướng dẫn nghiệp vụ thi hành án liên quan đến việc giải quyết bồi thường: Cơ quan chủ trì: Tổng cục Thi hành án dân sự. Cơ quan phối hợp: Cục Bồi thường nhà nước.",
    kind: "guidance",
    conditions: [from(...LOCAL), to("TONG_CUC_THADS"), topicIs("enforcement")],
    lead: "TONG_CUC_THADS",
    coordinators: ["CUC_BTNN"],
    forward_to: [],
    recipients: ["$from"],
    output: "letter",
    timing: "Theo đề nghị của cơ quan THADS có vụ việc.",
    // per the codified text (legal-addendum §6)
    note: "Bộ Tư pháp hướng dẫn cơ quan, đơn vị thuộc Bộ Tư pháp (Thông tư 08/2019/TT-BTP, Điều 4 khoản 1 điểm g).",
  },
  // KH 2021 mục II.3.3.b: "Nếu đề nghị hướng dẫn nghiệp vụ giải quyết bồi thường của cơ quan THADS địa phương gửi Tổng cục
  // THADS mà đã được Sở Tư pháp nơi cơ quan THADS có trụ sở hướng dẫn nghiệp vụ nhưng vẫn tiếp tục đề nghị hướng dẫn thì
  // Tổng cục THADS chuyển đề nghị để Cục Bồi thường nhà nước hướng dẫn"
  {
    id: "KH2021.II.3.3.b",
    clause: "KH 2021 mục II.3.3.b",
    basis: "KH 2021 mục II.3.3.b; Thông tư 08/2019/TT-BTP Điều 4 khoản 1 điểm đ",
    title_vi:
      "Đề nghị hướng dẫn nghiệp vụ bồi thường gửi Tổng cục THADS sau khi Sở Tư pháp đã hướng dẫn → chuyển Cục BTNN",
    title_en:
      "Compensation question sent to Tổng cục THADS after Sở Tư pháp guidance → forwarded to Cục BTNN, which guides",
    quote:
      "Tổng cục THADS chuyển đề nghị để Cục Bồi thường nhà nước hướng dẫn … Công văn hướng dẫn nghiệp vụ công tác bồi thường nhà nước của Cục Bồi thường nhà nước gửi cơ quan THADS địa phương và Tổng cục THADS để phối hợp theo dõi.",
    kind: "guidance",
    conditions: [from(...LOCAL), to("TONG_CUC_THADS"), topicIs("compensation"), guided(true)],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: ["CUC_BTNN"],
    recipients: ["$from", "TONG_CUC_THADS"],
    output: "letter",
    timing: "Theo đề nghị của cơ quan THADS có vụ việc.",
    note: "Công văn của Cục BTNN gửi cơ quan THADS địa phương và Tổng cục THADS để phối hợp theo dõi.",
  },
  // KH 2021 mục II.3.4: "Trường hợp Tổng cục Thi hành án dân sự đề nghị Cục Bồi thường nhà nước hướng dẫn giải quyết bồi
  // thường đối với vụ việc do Tổng cục Thi hành án dân sự là cơ quan giải quyết bồi thường theo quy định tại điểm b khoản 1
  // Điều 12 Quy chế phối hợp …"
  {
    id: "KH2021.II.3.4",
    clause: "KH 2021 mục II.3.4",
    basis:
      "KH 2021 mục II.3.4; Quy chế phối hợp ban hành kèm theo Quyết định 3056/QĐ-BTP Điều 12 khoản 1 điểm b; Thông tư 08/2019/TT-BTP Điều 4 khoản 1 điểm g",
    title_vi: "Tổng cục THADS (là cơ quan giải quyết bồi thường) đề nghị Cục BTNN hướng dẫn",
    title_en: "Tổng cục THADS, as handling agency, asks Cục BTNN for guidance",
    quote:
      "Trường hợp Tổng cục Thi hành án dân sự đề nghị Cục Bồi thường nhà nước hướng dẫn giải quyết bồi thường đối với vụ việc do Tổng cục Thi hành án dân sự là cơ quan giải quyết bồi thường.",
    kind: "guidance",
    conditions: [from("TONG_CUC_THADS"), to("CUC_BTNN", "BO_TU_PHAP"), topicNotEnforcement, handling("TONG_CUC_THADS")],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: [],
    recipients: ["TONG_CUC_THADS"],
    output: "letter",
    timing: "Theo đề nghị của Tổng cục Thi hành án dân sự.",
  },
];
