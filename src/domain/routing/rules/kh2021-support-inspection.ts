// Routing rules of KH 2021 mục II.7–II.11 (giải đáp, hỗ trợ, kiểm tra, xác minh) và III.2 (ý kiến khác nhau): one row per clause, citing the clause and the legal text it cites.
import { THADS_ROLES } from "../../agencies/roles.ts";
import type { RoutingRule } from "../rules.ts";
import { roleIn } from "../situation.ts";
import { CENTRAL_PAIR, from, handling, LOCAL, managing, toOrNone, topicIs } from "./conditions.ts";

export const KH2021_SUPPORT_INSPECTION: readonly RoutingRule[] = [
  // KH 2021 mục II.7: "Giải đáp vướng mắc trong việc áp dụng pháp luật về trách nhiệm bồi thường của Nhà nước đối với cơ
  // quan THADS địa phương trong hoạt động THADS theo quy định tại khoản 2 Điều 3 TT số 08"
  {
    id: "KH2021.II.7",
    clause: "KH 2021 mục II.7",
    basis: "KH 2021 mục II.7; Thông tư 08/2019/TT-BTP Điều 3 khoản 2",
    title_vi: "Giải đáp vướng mắc áp dụng pháp luật về TNBTCNN cho cơ quan THADS địa phương",
    title_en: "Answering a local enforcement office's legal question",
    quote:
      "Giải đáp vướng mắc trong việc áp dụng pháp luật về trách nhiệm bồi thường của Nhà nước đối với cơ quan THADS địa phương trong hoạt động THADS.",
    kind: "legal_question",
    conditions: [from(...LOCAL), toOrNone("CUC_BTNN", "BO_TU_PHAP")],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: [],
    recipients: ["$from"],
    output: "letter",
    timing: "Khi có yêu cầu.",
    note: "Văn bản giải đáp vướng mắc của Cục BTNN.",
  },
  // KH 2021 mục II.8: "Hỗ trợ người bị thiệt hại thực hiện thủ tục yêu cầu bồi thường trong hoạt động THADS theo quy định
  // tại Điều 5 Thông tư số 09/2019/TT-BTP"
  {
    id: "KH2021.II.8",
    clause: "KH 2021 mục II.8",
    basis: "KH 2021 mục II.8; Thông tư 09/2019/TT-BTP Điều 5",
    title_vi: "Hỗ trợ người bị thiệt hại thực hiện thủ tục yêu cầu bồi thường trong hoạt động THADS",
    title_en: "Support to an injured person (civil-judgment enforcement)",
    quote: "Hỗ trợ người bị thiệt hại thực hiện thủ tục yêu cầu bồi thường trong hoạt động THADS.",
    kind: "support_injured",
    conditions: [from("NGUOI_BI_THIET_HAI"), toOrNone("CUC_BTNN", "BO_TU_PHAP"), managing(...THADS_ROLES)],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: [],
    recipients: ["NGUOI_BI_THIET_HAI"],
    output: "letter",
    timing: "Khi có yêu cầu.",
    note: "Văn bản hỗ trợ người bị thiệt hại của Cục BTNN.",
  },
  // KH 2021 mục II.9.1: "Đối với vụ việc yêu cầu bồi thường mà cơ quan trực tiếp quản lý người thi hành công vụ là cơ quan
  // THADS địa phương, người bị thiệt hại đã được UBND cấp tỉnh hướng dẫn mà người bị thiệt hại tiếp tục yêu cầu Bộ Tư pháp
  // hướng dẫn theo quy định tại điểm a khoản 1 Điều 7 TT số 09"
  {
    id: "KH2021.II.9.1",
    clause: "KH 2021 mục II.9.1",
    basis: "KH 2021 mục II.9.1; Thông tư 09/2019/TT-BTP Điều 7 khoản 1 điểm a",
    title_vi: "Hướng dẫn người bị thiệt hại đã được UBND cấp tỉnh hướng dẫn (cơ quan quản lý là THADS địa phương)",
    title_en: "Guiding an injured person already guided by the province (local enforcement office)",
    quote:
      "Người bị thiệt hại đã được UBND cấp tỉnh hướng dẫn mà người bị thiệt hại tiếp tục yêu cầu Bộ Tư pháp hướng dẫn.",
    kind: "guidance_injured",
    conditions: [
      from("NGUOI_BI_THIET_HAI"),
      toOrNone("CUC_BTNN", "BO_TU_PHAP"),
      managing(...LOCAL),
      {
        key: "prior.guided_by_province",
        vi: "người bị thiệt hại đã được UBND cấp tỉnh hướng dẫn",
        test: (s) => s.prior?.guided_by_province === true || s.prior?.guided_by_so_tu_phap === true,
      },
    ],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: [],
    recipients: ["NGUOI_BI_THIET_HAI"],
    output: "letter",
    timing: "Khi có yêu cầu.",
    note: "Văn bản hướng dẫn của Cục BTNN.",
  },
  // KH 2021 mục II.9.2: "Trường hợp Tổng cục Thi hành án dân sự là cơ quan trực tiếp quản lý người thi hành công vụ gây
  // thiệt hại, Cục Bồi thường nhà nước hướng dẫn cho người bị thiệt hại … theo quy định tại điểm b khoản 1 Điều 7 TT số 09"
  {
    id: "KH2021.II.9.2",
    clause: "KH 2021 mục II.9.2",
    basis: "KH 2021 mục II.9.2; Thông tư 09/2019/TT-BTP Điều 7 khoản 1 điểm b",
    title_vi: "Hướng dẫn người bị thiệt hại khi Tổng cục THADS là cơ quan trực tiếp quản lý người thi hành công vụ",
    title_en: "Guiding an injured person when Tổng cục THADS manages the official",
    quote:
      "Trường hợp Tổng cục Thi hành án dân sự là cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại, Cục Bồi thường nhà nước hướng dẫn cho người bị thiệt hại thực hiện thủ tục yêu cầu bồi thường.",
    kind: "guidance_injured",
    conditions: [from("NGUOI_BI_THIET_HAI"), toOrNone("CUC_BTNN", "BO_TU_PHAP"), managing("TONG_CUC_THADS")],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: [],
    recipients: ["NGUOI_BI_THIET_HAI"],
    output: "letter",
    timing: "Khi có yêu cầu.",
    note: "Văn bản giải đáp hướng dẫn.",
  },
  // KH 2021 mục II.10.1: "Kiểm tra công tác bồi thường nhà nước trong hoạt động THADS … Cục Bồi thường nhà nước và Tổng cục
  // Thi hành án dân sự có trách nhiệm trao đổi thông tin và báo cáo Lãnh đạo Bộ."
  {
    id: "KH2021.II.10.1",
    clause: "KH 2021 mục II.10.1",
    basis: "KH 2021 mục II.10.1",
    title_vi: "Kiểm tra công tác bồi thường nhà nước trong hoạt động THADS",
    title_en: "Inspection of State-compensation work in enforcement",
    quote:
      "Kiểm tra công tác bồi thường nhà nước trong hoạt động THADS … Cục Bồi thường nhà nước và Tổng cục Thi hành án dân sự có trách nhiệm trao đổi thông tin và báo cáo Lãnh đạo Bộ.",
    kind: "inspection",
    conditions: [from("CUC_BTNN", "TONG_CUC_THADS", "BO_TU_PHAP", "LANH_DAO_BO"), topicIs("compensation")],
    lead: "CUC_BTNN",
    coordinators: ["TONG_CUC_THADS"],
    forward_to: [],
    recipients: ["LANH_DAO_BO"],
    output: "report",
    timing: "Khi có yêu cầu và theo kế hoạch.",
    note: "Báo cáo kiểm tra; hai đơn vị trao đổi thông tin và báo cáo Lãnh đạo Bộ.",
  },
  // KH 2021 mục II.10.2: "Kiểm tra công tác THADS có liên quan đến công tác bồi thường nhà nước. Cơ quan chủ trì: Tổng cục
  // Thi hành án dân sự. Cơ quan phối hợp: Cục Bồi thường nhà nước."
  {
    id: "KH2021.II.10.2",
    clause: "KH 2021 mục II.10.2",
    basis: "KH 2021 mục II.10.2",
    title_vi: "Kiểm tra công tác THADS có liên quan đến công tác bồi thường nhà nước",
    title_en: "Inspection of enforcement work related to State compensation",
    quote:
      "Kiểm tra công tác THADS có liên quan đến công tác bồi thường nhà nước. Cơ quan chủ trì: Tổng cục Thi hành án dân sự. Cơ quan phối hợp: Cục Bồi thường nhà nước.",
    kind: "inspection",
    conditions: [from("CUC_BTNN", "TONG_CUC_THADS", "BO_TU_PHAP", "LANH_DAO_BO"), topicIs("enforcement")],
    lead: "TONG_CUC_THADS",
    coordinators: ["CUC_BTNN"],
    forward_to: [],
    recipients: ["LANH_DAO_BO"],
    output: "report",
    timing: "Khi có yêu cầu và theo kế hoạch.",
    note: "Báo cáo kiểm tra; hai đơn vị trao đổi thông tin và báo cáo Lãnh đạo Bộ.",
  },
  // KH 2021 mục II.11: "Tham gia xác minh thiệt hại, thương lượng đối với các vụ việc giải quyết yêu cầu bồi thường thuộc
  // trách nhiệm giải quyết của Tổng cục Thi hành án dân sự theo quy định của Luật TNBTCNN năm 2017"
  {
    id: "KH2021.II.11",
    clause: "KH 2021 mục II.11",
    basis: "KH 2021 mục II.11; Luật TNBTCNN 2017 Điều 45, Điều 46",
    title_vi: "Cục BTNN tham gia xác minh thiệt hại, thương lượng trong vụ việc do Tổng cục THADS giải quyết",
    title_en: "Cục BTNN takes part in damage verification and negotiation of a claim handled by Tổng cục THADS",
    quote:
      "Tham gia xác minh thiệt hại, thương lượng đối với các vụ việc giải quyết yêu cầu bồi thường thuộc trách nhiệm giải quyết của Tổng cục Thi hành án dân sự theo quy định của Luật TNBTCNN năm 2017.",
    kind: "verification_negotiation",
    conditions: [
      from(...CENTRAL_PAIR),
      handling("TONG_CUC_THADS"),
      {
        key: "law",
        vi: `vụ việc theo Luật TNBTCNN 2017`,
        test: (s) => s.law !== "law_2009",
      },
    ],
    lead: "TONG_CUC_THADS",
    coordinators: ["CUC_BTNN"],
    forward_to: [],
    recipients: ["TONG_CUC_THADS", "CUC_BTNN"],
    output: "minutes",
    timing: "Khi có yêu cầu.",
    note: "Biên bản xác minh thiệt hại, thương lượng.",
  },
  // KH 2021 mục III.2: "Trong quá trình phối hợp, trường hợp Cục Bồi thường nhà nước và Tổng cục Thi hành án dân sự có ý
  // kiến khác nhau và không thống nhất được ý kiến thì 02 đơn vị báo cáo Thứ trưởng phụ trách để xử lý theo thẩm quyền."
  {
    id: "KH2021.III.2",
    clause: "KH 2021 mục III.2",
    basis: "KH 2021 mục III.2",
    title_vi: "Cục BTNN và Tổng cục THADS không thống nhất ý kiến → báo cáo Thứ trưởng phụ trách",
    title_en: "Disagreement between Cục BTNN and Tổng cục THADS → report to the Vice-Minister in charge",
    quote:
      "Trường hợp Cục Bồi thường nhà nước và Tổng cục Thi hành án dân sự có ý kiến khác nhau và không thống nhất được ý kiến thì 02 đơn vị báo cáo Thứ trưởng phụ trách để xử lý theo thẩm quyền.",
    kind: "disagreement",
    conditions: [
      from(...CENTRAL_PAIR),
      {
        key: "to_role",
        vi: "bên kia là đơn vị còn lại (Cục BTNN/Tổng cục THADS) hoặc Lãnh đạo Bộ, hoặc không ghi",
        test: (s) =>
          s.to_role === undefined ||
          s.to_role === "LANH_DAO_BO" ||
          (roleIn(s.to_role, CENTRAL_PAIR) && s.to_role !== s.from_role),
      },
    ],
    lead: "LANH_DAO_BO",
    coordinators: ["CUC_BTNN", "TONG_CUC_THADS"],
    forward_to: ["LANH_DAO_BO"],
    recipients: ["LANH_DAO_BO"],
    output: "report",
    note: "Hai đơn vị báo cáo Thứ trưởng phụ trách để xử lý theo thẩm quyền.",
  },
];
