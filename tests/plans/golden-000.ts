// Golden values for seed 000 (KH 2021 phối hợp Cục BTNN – Tổng cục THADS), written by reading the seed.
import assert from "node:assert/strict";
import type { Plan } from "../../src/domain/plans/types.ts";
import { a, assertTasks, clause, type ExpectedTask, ref, SEED_000, seedText } from "./expect.ts";

const S = seedText(SEED_000);
const CUC = a("Cục Bồi thường nhà nước", "CUC_BTNN");
const TC = a("Tổng cục Thi hành án dân sự", "TONG_CUC_THADS");
const TT08 = "Thông tư 08/2019/TT-BTP";
const TT09 = "Thông tư 09/2019/TT-BTP";
const LAW17 = "Luật TNBTCNN 2017";

const ON_REQUEST = { kind: "event", text: "Khi có yêu cầu", trigger: { type: "request" } };
const REQ_CASE = {
  kind: "event",
  text: "Theo đề nghị của cơ quan THADS có vụ việc",
  trigger: { type: "request", from: a("cơ quan THADS có vụ việc", "THADS_TINH") },
};
const MONITOR = {
  kind: "event",
  text: "Khi có căn cứ theo dõi quy định tại khoản 1 Điều 9 TT số 08",
  trigger: { type: "ground", ground: "monitoring", reference: ref(TT08, "khoản 1 Điều 9 TT số 08", 9, 1) },
};
const URGE = {
  kind: "event",
  text: "Khi có căn cứ đơn đốc quy định tại Điều 14 TT số 08",
  trigger: { type: "ground", ground: "urging", reference: ref(TT08, "Điều 14 TT số 08", 14) },
};
const PLANNED = { kind: "event", text: "Khi có yêu cầu và theo kế hoạch", trigger: { type: "request", planned: true } };

export const TASKS_000: ExpectedTask[] = [
  {
    number: "II.1.1",
    title:
      "Lập danh mục vụ việc yêu cầu bồi thường và được thụ lý giải quyết yêu cầu bồi thường theo Luật Trách nhiệm bồi thường của Nhà nước (Luật TNBTCNN) năm 2017",
    lead: [CUC],
    coordinators: [TC],
    timing: {
      kind: "recurring",
      text: "Định kỳ 6 tháng một lần, được thực hiện trong tháng đầu tiên của kỳ tiếp theo",
      unit: "half_year",
      window: "first_month_of_next_period",
    },
    expected_output:
      "Danh mục vụ việc yêu cầu bồi thường và được thụ lý giải quyết yêu cầu bồi thường theo Luật TNBTCNN năm 2017 tại cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại và Tòa án",
    references: [ref(LAW17, "Luật Trách nhiệm bồi thường của Nhà nước (Luật TNBTCNN) năm 2017")],
    group: "II.1",
    text: clause(S, "1.1. Lập danh mục", "- Kết quả thực hiện: Danh mục vụ việc yêu cầu"),
  },
  {
    number: "II.1.2",
    title:
      "Lập danh mục vụ việc phức tạp, tồn đọng, kéo dài theo Luật TNBTCNN năm 2009 để thống nhất giải pháp giải quyết dứt điểm các vụ việc này trong năm 2021",
    lead: [CUC],
    coordinators: [TC],
    timing: {
      kind: "recurring",
      text: "Được thực hiện trong tháng đầu tiên hằng Quý",
      unit: "quarter",
      window: "first_month_of_period",
    },
    expected_output: "Danh mục vụ việc phức tạp, tồn đọng, kéo dài theo Luật TNBTCNN năm 2009",
    references: [ref("Luật TNBTCNN 2009", "Luật TNBTCNN năm 2009")],
    group: "II.1",
    text: clause(S, "1.2. Lập danh mục", "- Kết quả thực hiện: Danh mục vụ việc phức tạp"),
  },
  {
    number: "II.2",
    title:
      "Phối hợp giải quyết vụ việc phức tạp, tồn đọng, kéo dài trong hoạt động THADS tại địa phương để giải quyết dứt điểm các vụ việc này",
    lead: [CUC],
    coordinators: [TC],
    timing: {
      kind: "event",
      text: "Trên cơ sở danh mục vụ việc phức tạp, tồn đọng, kéo dài, Cục Bồi thường nhà nước phối hợp với Tổng cục Thi hành án dân sự tổ chức cuộc họp định kỳ hoặc đột xuất để có phương án chỉ đạo giải quyết vụ việc. Trường hợp cần thiết, Cục Bồi thường nhà nước chủ trì, phối hợp Tổng cục Thi hành án dân sự tổ chức đoàn công tác tại địa phương có vụ việc để nắm bắt thông tin, hướng dẫn nghiệp vụ công tác bồi thường nhà nước tại chỗ cho cơ quan THADS có vụ việc",
      trigger: { type: "case_list", list: "complex_backlogged_prolonged" },
    },
    expected_output: "Báo cáo kết quả cuộc họp hoặc báo cáo kết quả công tác tại địa phương",
    references: [],
    group: null,
    // The page break "…tổ\n\nchức cuộc họp…" is one sentence.
    text: clause(S, "2. Phối hợp giải quyết", "- Kết quả thực hiện: Báo cáo kết quả cuộc họp").replace(
      "Thi hành án dân sự tổ\nchức cuộc họp",
      "Thi hành án dân sự tổ chức cuộc họp",
    ),
  },
  {
    number: "II.3.1",
    title:
      "Trường hợp Cục THADS và Chi cục THADS đề nghị Cục Bồi thường nhà nước hướng dẫn, Cục Bồi thường nhà nước chuyển Ủy ban nhân dân (UBND) cấp tỉnh hướng dẫn theo quy định tại Điều 4 Thông tư số 08/2019/TT-BTP ngày 10/12/2019 của Bộ Tư pháp quy định biện pháp thực hiện chức năng quản lý nhà nước về công tác bồi thường nhà nước (TT số 08)",
    lead: [],
    coordinators: [],
    timing: null,
    expected_output: null,
    references: [ref(TT08, "Điều 4 Thông tư số 08/2019/TT-BTP", 4)],
    group: "II.3",
    text: clause(S, "3.1. Trường hợp", "3.1. Trường hợp"),
  },
  {
    number: "II.3.2",
    title:
      "Trường hợp Cục THADS và Chi cục THADS đề nghị Cục Bồi thường nhà nước hướng dẫn sau khi đã được UBND cấp tỉnh hướng dẫn theo quy định tại điểm đ khoản 1 Điều 4 TT số 08",
    lead: [CUC],
    coordinators: [TC],
    timing: {
      kind: "event",
      text: "Theo đề nghị của cơ quan THADS địa phương",
      trigger: { type: "request", from: a("cơ quan THADS địa phương", "THADS_TINH") },
    },
    expected_output: "Công văn hướng dẫn nghiệp vụ công tác bồi thường nhà nước của Cục Bồi thường nhà nước",
    references: [ref(TT08, "điểm đ khoản 1 Điều 4 TT số 08", 4, 1, "đ")],
    group: "II.3",
    text: clause(
      S,
      "3.2. Trường hợp",
      "- Kết quả thực hiện: Công văn hướng dẫn nghiệp vụ công tác bồi thường nhà nước của",
    ),
  },
  {
    number: "II.3.3.a",
    title: "Nếu đề nghị hướng dẫn nghiệp vụ thi hành án liên quan đến việc giải quyết bồi thường",
    lead: [TC],
    coordinators: [CUC],
    timing: REQ_CASE,
    expected_output: "Công văn hướng dẫn nghiệp vụ THADS của Tổng cục Thi hành án dân sự",
    references: [],
    group: "II.3.3",
    text: clause(
      S,
      "a) Nếu đề nghị hướng dẫn nghiệp vụ thi hành án",
      "- Kết quả thực hiện: Công văn hướng dẫn nghiệp vụ THADS",
    ),
  },
  {
    number: "II.3.3.b",
    title:
      "Nếu đề nghị hướng dẫn nghiệp vụ giải quyết bồi thường của cơ quan THADS địa phương gửi Tổng cục THADS mà đã được Sở Tư pháp nơi cơ quan THADS có trụ sở hướng dẫn nghiệp vụ nhưng vẫn tiếp tục đề nghị hướng dẫn thì Tổng cục THADS chuyển đề nghị để Cục Bồi thường nhà nước hướng dẫn",
    lead: [
      a(
        "Cục Bồi thường nhà nước",
        "CUC_BTNN",
        "thực hiện việc hướng dẫn nghiệp vụ giải quyết bồi thường cho cơ quan THADS địa phương theo quy định tại điểm đ khoản 1 Điều 4 TT số 08",
      ),
    ],
    coordinators: [TC],
    timing: REQ_CASE,
    expected_output:
      "Công văn hướng dẫn nghiệp vụ công tác bồi thường nhà nước của Cục Bồi thường nhà nước gửi cơ quan THADS địa phương và Tổng cục THADS để phối hợp theo dõi",
    references: [ref(TT08, "điểm đ khoản 1 Điều 4 TT số 08", 4, 1, "đ")],
    group: "II.3.3",
    text: clause(
      S,
      "b) Nếu đề nghị hướng dẫn nghiệp vụ giải quyết",
      "- Kết quả thực hiện: Công văn hướng dẫn nghiệp vụ công tác bồi thường nhà nước của Cục Bồi thường nhà nước gửi",
    ),
  },
  {
    number: "II.3.4",
    title:
      "Trường hợp Tổng cục Thi hành án dân sự đề nghị Cục Bồi thường nhà nước hướng dẫn giải quyết bồi thường đối với vụ việc do Tổng cục Thi hành án dân sự là cơ quan giải quyết bồi thường theo quy định tại điểm b khoản 1 Điều 12 Quy chế phối hợp thực hiện công tác bồi thường nhà nước trong Bộ Tư pháp ban hành kèm theo Quyết định số 3056/QĐ-BTP ngày 19/12/2018 của Bộ Tư pháp (Quy chế phối hợp)",
    lead: [CUC],
    coordinators: [TC],
    timing: {
      kind: "event",
      text: "Theo đề nghị của Tổng cục Thi hành án dân sự",
      trigger: { type: "request", from: TC },
    },
    expected_output: "Công văn hướng dẫn nghiệp vụ công tác bồi thường nhà nước của Cục Bồi thường nhà nước",
    references: [
      ref(
        "Quy chế phối hợp (Quyết định 3056/QĐ-BTP)",
        "điểm b khoản 1 Điều 12 Quy chế phối hợp thực hiện công tác bồi thường nhà nước trong Bộ Tư pháp ban hành kèm theo Quyết định số 3056/QĐ-BTP",
        12,
        1,
        "b",
      ),
    ],
    group: "II.3",
    text: clause(
      S,
      "3.4. Trường hợp",
      "- Kết quả thực hiện: Công văn hướng dẫn nghiệp vụ công tác bồi thường nhà nước của Cục Bồi thường nhà nước.",
    ),
  },
  {
    number: "II.4",
    title: "Tập huấn, bồi dưỡng kỹ năng, nghiệp vụ công tác bồi thường nhà nước",
    lead: [],
    coordinators: [],
    timing: null,
    expected_output: null,
    references: [],
    group: null,
    text: clause(S, "4. Tập huấn", "Trên cơ sở Kế hoạch công tác năm"),
  },
  {
    number: "II.5.1.a",
    title:
      "Trường hợp Bộ Tư pháp (Cục Bồi thường nhà nước) đề nghị UBND cấp tỉnh chỉ đạo cơ quan giải quyết bồi thường là cơ quan THADS địa phương thuộc phạm vi quản lý của mình báo cáo theo quy định tại khoản 2 Điều 11 TT số 08",
    lead: [CUC],
    coordinators: [TC],
    timing: MONITOR,
    expected_output:
      "Báo cáo về việc giải quyết bồi thường, thực hiện trách nhiệm hoàn trả và xử lý kỷ luật người thi hành công vụ gây thiệt hại của cơ quan THADS địa phương. Báo cáo được gửi Cục Bồi thường nhà nước và Tổng cục Thi hành án dân sự để phối hợp theo dõi",
    references: [ref(TT08, "khoản 2 Điều 11 TT số 08", 11, 2), ref(TT08, "khoản 1 Điều 9 TT số 08", 9, 1)],
    group: "II.5.1",
    text: clause(
      S,
      "a) Trường hợp Bộ Tư pháp (Cục Bồi thường nhà nước) đề nghị UBND cấp tỉnh chỉ đạo",
      "- Kết quả thực hiện: Báo cáo về việc giải quyết bồi thường",
    ),
  },
  {
    number: "II.5.1.b",
    title:
      "Trường hợp Tổng cục Thi hành án dân sự chỉ đạo cơ quan THADS địa phương báo cáo cho Tổng cục Thi hành án dân sự thực hiện các nội dung theo quy định tại Điều 75 Luật TNBTCNN",
    lead: [TC],
    coordinators: [CUC],
    timing: MONITOR,
    expected_output:
      "Báo cáo về việc giải quyết bồi thường, thực hiện trách nhiệm hoàn trả và xử lý kỷ luật người thi hành công vụ gây thiệt hại của cơ quan THADS địa phương. Báo cáo được gửi Tổng cục Thi hành án dân sự và Cục Bồi thường nhà nước để phối hợp theo dõi",
    references: [ref(LAW17, "Điều 75 Luật TNBTCNN", 75), ref(TT08, "khoản 1 Điều 9 TT số 08", 9, 1)],
    group: "II.5.1",
    text: clause(
      S,
      "b) Trường hợp Tổng cục Thi hành án dân sự chỉ đạo",
      "- Kết quả thực hiện: Báo cáo về việc giải quyết bồi thường, thực hiện trách nhiệm hoàn trả và xử lý kỷ luật người thi hành công vụ gây thiệt hại của cơ quan THADS địa phương. Báo cáo được gửi Tổng cục",
    ),
  },
  {
    number: "II.5.2",
    title:
      "Trách nhiệm gửi văn bản trong quá trình giải quyết yêu cầu bồi thường và xác định trách nhiệm hoàn trả cho cơ quan quản lý nhà nước theo quy định tại Điều 12 TT số 08",
    lead: [],
    coordinators: [],
    timing: null,
    expected_output: null,
    references: [ref(TT08, "Điều 12 TT số 08", 12)],
    group: "II.5",
    text: clause(
      S,
      "5.2. Trách nhiệm gửi văn bản",
      "- Trường hợp Tổng cục Thi hành án dân sự là cơ quan giải quyết bồi thường",
    ),
  },
  {
    number: "II.6.1",
    title:
      "Trường hợp Bộ Tư pháp (Cục Bồi thường nhà nước) đề nghị UBND cấp tỉnh đơn đốc cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại là cơ quan THADS địa phương theo quy định tại điểm c khoản 3 Điều 13 TT số 08",
    lead: [a("Cục Bồi thường nhà nước", "CUC_BTNN", "việc đề nghị")],
    coordinators: [TC],
    timing: URGE,
    expected_output: "Công văn đơn đốc của Cục Bồi thường nhà nước",
    references: [ref(TT08, "điểm c khoản 3 Điều 13 TT số 08", 13, 3, "c"), ref(TT08, "Điều 14 TT số 08", 14)],
    group: "II.6",
    text: clause(S, "6.1. Trường hợp", "- Kết quả thực hiện: Công văn đơn đốc của Cục Bồi thường nhà nước."),
  },
  {
    number: "II.6.2",
    title:
      "Trường hợp Bộ Tư pháp (Cục Bồi thường nhà nước) đơn đốc cơ quan THADS địa phương trong trường hợp đã đề nghị UBND tỉnh đơn đốc nhưng UBND tỉnh không đơn đốc hoặc đã đơn đốc mà cơ quan được đơn đốc không thực hiện nội dung đơn đốc theo quy định tại điểm d khoản 3 Điều 13 TT số 08",
    lead: [a("Cục Bồi thường nhà nước", "CUC_BTNN", "việc đơn đốc")],
    coordinators: [TC],
    timing: {
      kind: "event",
      text: "Khi có căn cứ đơn đốc quy định tại Điều 14 TT số 08 mà đã đề nghị UBND tỉnh đơn đốc nhưng UBND tỉnh không đơn đốc hoặc đã đơn đốc mà cơ quan được đơn đốc không thực hiện nội dung đơn đốc",
      trigger: {
        type: "ground",
        ground: "urging",
        reference: ref(TT08, "Điều 14 TT số 08", 14),
        condition:
          "mà đã đề nghị UBND tỉnh đơn đốc nhưng UBND tỉnh không đơn đốc hoặc đã đơn đốc mà cơ quan được đơn đốc không thực hiện nội dung đơn đốc",
      },
    },
    expected_output: "Công văn đơn đốc của Cục Bồi thường nhà nước",
    references: [ref(TT08, "điểm d khoản 3 Điều 13 TT số 08", 13, 3, "d"), ref(TT08, "Điều 14 TT số 08", 14)],
    group: "II.6",
    text: clause(S, "6.2. Trường hợp", "- Kết quả thực hiện: Công văn đơn đốc của Cục Bồi thường nhà nước."),
  },
  {
    number: "II.6.3",
    title:
      "Trường hợp Cục Bồi thường nhà nước đề nghị Tổng cục Thi hành án dân sự chỉ đạo, đơn đốc cơ quan THADS địa phương theo quy định tại khoản 3 Điều 75 Luật TNBTCNN",
    lead: [a("Cục Bồi thường nhà nước", "CUC_BTNN", "chủ trì việc đề nghị")],
    coordinators: [a("Tổng cục Thi hành án dân sự", "TONG_CUC_THADS", "thực hiện việc chỉ đạo, đơn đốc")],
    timing: URGE,
    expected_output: "Công văn đề nghị của Cục Bồi thường nhà nước và Công văn đơn đốc của Tổng cục THADS",
    references: [ref(LAW17, "khoản 3 Điều 75 Luật TNBTCNN", 75, 3), ref(TT08, "Điều 14 TT số 08", 14)],
    group: "II.6",
    text: clause(S, "6.3. Trường hợp", "- Kết quả thực hiện: Công văn đề nghị"),
  },
  {
    number: "II.7",
    title:
      "Giải đáp vướng mắc trong việc áp dụng pháp luật về trách nhiệm bồi thường của Nhà nước đối với cơ quan THADS địa phương trong hoạt động THADS theo quy định tại khoản 2 Điều 3 TT số 08",
    lead: [CUC],
    coordinators: [TC],
    timing: ON_REQUEST,
    expected_output: "Văn bản giải đáp vướng mắc của Cục Bồi thường nhà nước",
    references: [ref(TT08, "khoản 2 Điều 3 TT số 08", 3, 2)],
    group: null,
    text: clause(S, "7. Giải đáp vướng mắc", "- Kết quả thực hiện: Văn bản giải đáp vướng mắc"),
  },
  {
    number: "II.8",
    title:
      "Hỗ trợ người bị thiệt hại thực hiện thủ tục yêu cầu bồi thường trong hoạt động THADS theo quy định tại Điều 5 Thông tư số 09/2019/TT-BTP ngày 10/12/2019 của Bộ Tư pháp quy định biện pháp hỗ trợ, hướng dẫn người bị thiệt hại thực hiện thủ tục yêu cầu bồi thường nhà nước (TT số 09)",
    lead: [CUC],
    coordinators: [TC],
    timing: ON_REQUEST,
    expected_output:
      "Văn bản hỗ trợ người bị thiệt hại thực hiện thủ tục yêu cầu bồi thường của Cục Bồi thường nhà nước",
    references: [ref(TT09, "Điều 5 Thông tư số 09/2019/TT-BTP", 5)],
    group: null,
    text: clause(S, "8. Hỗ trợ người bị thiệt hại", "- Kết quả thực hiện: Văn bản hỗ trợ"),
  },
  {
    number: "II.9.1",
    title:
      "Đối với vụ việc yêu cầu bồi thường mà cơ quan trực tiếp quản lý người thi hành công vụ là cơ quan THADS địa phương, người bị thiệt hại đã được UBND cấp tỉnh hướng dẫn mà người bị thiệt hại tiếp tục yêu cầu Bộ Tư pháp hướng dẫn theo quy định tại điểm a khoản 1 Điều 7 TT số 09",
    lead: [CUC],
    coordinators: [TC],
    timing: ON_REQUEST,
    expected_output: "Văn bản hướng dẫn của Cục Bồi thường nhà nước",
    references: [ref(TT09, "điểm a khoản 1 Điều 7 TT số 09", 7, 1, "a")],
    group: "II.9",
    text: clause(S, "9.1. Đối với vụ việc", "- Kết quả thực hiện: Văn bản hướng dẫn của Cục"),
  },
  {
    number: "II.9.2",
    title:
      "Trường hợp Tổng cục Thi hành án dân sự là cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại, Cục Bồi thường nhà nước hướng dẫn cho người bị thiệt hại thực hiện thủ tục yêu cầu bồi thường theo quy định tại điểm b khoản 1 Điều 7 TT số 09",
    lead: [CUC],
    coordinators: [TC],
    timing: ON_REQUEST,
    expected_output: "Văn bản giải đáp hướng dẫn",
    references: [ref(TT09, "điểm b khoản 1 Điều 7 TT số 09", 7, 1, "b")],
    group: "II.9",
    text: clause(S, "9.2. Trường hợp", "- Kết quả thực hiện: Văn bản giải đáp hướng dẫn"),
  },
  {
    number: "II.10.1",
    title: "Kiểm tra công tác bồi thường nhà nước trong hoạt động THADS",
    lead: [CUC],
    coordinators: [TC],
    timing: PLANNED,
    expected_output:
      "Báo cáo kiểm tra. Sau khi thực hiện kiểm tra công tác bồi thường nhà nước trong hoạt động THADS, Cục Bồi thường nhà nước và Tổng cục Thi hành án dân sự có trách nhiệm trao đổi thông tin và báo cáo Lãnh đạo Bộ",
    references: [],
    group: "II.10",
    text: clause(
      S,
      "10.1. Kiểm tra",
      "- Kết quả thực hiện: Báo cáo kiểm tra. Sau khi thực hiện kiểm tra công tác bồi thường nhà nước",
    ),
  },
  {
    number: "II.10.2",
    title: "Kiểm tra công tác THADS có liên quan đến công tác bồi thường nhà nước",
    lead: [TC],
    coordinators: [CUC],
    timing: PLANNED,
    expected_output:
      "Báo cáo kiểm tra. Sau khi thực hiện kiểm tra công tác THADS có liên quan đến công tác bồi thường, Cục Bồi thường nhà nước và Tổng cục Thi hành án dân sự có trách nhiệm trao đổi thông tin và báo cáo Lãnh đạo Bộ",
    references: [],
    group: "II.10",
    text: clause(
      S,
      "10.2. Kiểm tra",
      "- Kết quả thực hiện: Báo cáo kiểm tra. Sau khi thực hiện kiểm tra công tác THADS",
    ),
  },
  {
    number: "II.11",
    title:
      "Tham gia xác minh thiệt hại, thương lượng đối với các vụ việc giải quyết yêu cầu bồi thường thuộc trách nhiệm giải quyết của Tổng cục Thi hành án dân sự theo quy định của Luật TNBTCNN năm 2017 và các văn bản quy định chi tiết",
    lead: [TC],
    coordinators: [CUC],
    timing: ON_REQUEST,
    expected_output: "Biên bản xác minh thiệt hại, thương lượng",
    references: [ref(LAW17, "Luật TNBTCNN năm 2017")],
    group: null,
    text: clause(S, "11. Tham gia xác minh", "- Kết quả thực hiện: Biên bản xác minh"),
  },
];

/** Header, purposes, groups, organisation, signers, recipients of seed 000. */
export function assertHeader000(plan: Plan): void {
  assert.equal(plan.doc_type, "Kế hoạch");
  assert.equal(
    plan.title,
    "Phối hợp thực hiện công tác bồi thường nhà nước trong hoạt động thi hành án dân sự năm 2021",
  );
  assert.equal(plan.year, 2021);
  assert.equal(plan.number, undefined);
  assert.equal(plan.date, undefined);
  assert.deepEqual(plan.issuers, [CUC, TC]);
  assert.equal(plan.legal_bases.length, 6);
  assert.equal(
    plan.legal_bases[0],
    "Căn cứ Luật Trách nhiệm bồi thường của Nhà nước số 10/2017/QH14 và văn bản hướng dẫn thi hành",
  );
  assert.equal(
    plan.legal_bases[5],
    "Căn cứ Quyết định số 140/QĐ-BTP ngày 03/02/2021 của Bộ trưởng Bộ Tư pháp phê duyệt Kế hoạch công tác năm 2021 của Tổng cục Thi hành án dân sự",
  );
  assert.ok(plan.legal_bases.every((b) => b.startsWith("Căn cứ Luật") || b.startsWith("Căn cứ Quyết định số")));
  assert.deepEqual(plan.preamble, [
    "Cục Bồi thường nhà nước và Tổng cục Thi hành án dân sự ban hành Kế hoạch thực hiện công tác bồi thường nhà nước trong hoạt động thi hành án dân sự năm 2021, cụ thể như sau:",
  ]);
  assert.equal(plan.purposes.length, 2);
  assert.ok(plan.purposes[0].startsWith("Rà soát, lập danh mục các vụ việc"));
  // Page break inside purpose b): "… của đội\n\nngũ công chức …" is one sentence.
  assert.ok(plan.purposes[1].includes("thi hành công vụ của đội ngũ công chức trong ngành THADS"));
  assert.equal(plan.requirements.length, 3);
  assert.ok(plan.requirements[2].startsWith("Bảo đảm các hoạt động phối hợp"));
  assert.deepEqual(
    plan.groups.map((g) => g.number),
    ["II.1", "II.3", "II.3.3", "II.5", "II.5.1", "II.6", "II.9", "II.10"],
  );
  assert.deepEqual(plan.groups.find((g) => g.number === "II.3.3")?.references, [
    ref(LAW17, "Điều 75 Luật Trách nhiệm bồi thường của Nhà nước (Luật TNBTCNN)", 75),
    ref(TT08, "điểm g khoản 1 Điều 4 TT số 08", 4, 1, "g"),
  ]);
  assert.equal(plan.organisation.length, 4);
  assert.ok(plan.organisation[1].includes("02 đơn vị báo cáo Thứ trưởng phụ trách để xử lý theo thẩm quyền"));
  assert.ok(plan.organisation[3].startsWith("Kinh phí bảo đảm thực hiện Kế hoạch này"));
  assert.deepEqual(plan.signers, [
    { title: "KT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG", note: "NH", name: "Trần Việt Hưng" },
    { title: "KT. TỔNG CỤC TRƯỞNG\nPHÓ TỔNG CỤC TRƯỞNG", name: "Trần Thị Phương Hoa" },
  ]);
  assert.deepEqual(plan.recipients, [
    "Bộ trưởng (để b/cáo)",
    "Thứ trưởng Nguyễn Thanh Tịnh (để b/cáo)",
    "Thứ trưởng Mai Lương Khôi (để b/cáo)",
    "Lãnh đạo Tổng cục THADS và Cục BTNN (để b/cáo)",
    "Các đơn vị thuộc Cục BTNN (để thực hiện)",
    "Các đơn vị thuộc Tổng cục THADS (để thực hiện)",
    "Lưu: VT Cục BTNN; VT Tổng cục THADS",
  ]);
  // The three page-break joins and the three tasks no line names a lead for (a routing rule, a narrative item,
  // a duty of both bodies) are reported; nothing is unplaced.
  assert.deepEqual(
    plan.warnings.map((w) => [w.code, w.code === "no_lead" ? w.text?.slice(0, 12) : undefined]),
    [
      ["joined_lines", undefined],
      ["joined_lines", undefined],
      ["joined_lines", undefined],
      ["no_lead", "3.1. Trường "],
      ["no_lead", "4. Tập huấn,"],
      ["no_lead", "5.2. Trách n"],
    ],
  );
}

export function assertSeed000(plan: Plan): void {
  assertHeader000(plan);
  assertTasks(plan, TASKS_000);
}
