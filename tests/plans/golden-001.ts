// Golden values for seed 001 (KH Thanh Hóa 2024), written by reading the seed.
import assert from "node:assert/strict";
import type { Plan } from "../../src/domain/plans/types.ts";
import { a, assertTasks, clause, type ExpectedTask, ref, SEED_001, seedText } from "./expect.ts";

const S = seedText(SEED_001);
const STP = a("Sở Tư pháp", "SO_TU_PHAP");
const HUYEN = a("UBND cấp huyện", "UBND_HUYEN");
const LAW17 = "Luật TNBTCNN 2017";
const ALWAYS = { kind: "continuous", text: "Thường xuyên" };
const YEAR_2024 = { kind: "dated", text: "Năm 2024", periods: [{ unit: "year", year: 2024, index: 1 }] };

export const TASKS_001: ExpectedTask[] = [
  {
    number: "II.1.a",
    title:
      "Tiếp tục quán triệt, phổ biến Luật Trách nhiệm bồi thường của Nhà nước; Nghị định số 68/2018/NĐ-CP ngày 15/5/2018 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Trách nhiệm bồi thường của Nhà nước; Thông tư số 04/2018/TT-BTP ngày 17/5/2018 của Bộ Tư pháp ban hành một số biểu mẫu trong công tác bồi thường Nhà nước; Thông tư số 08/2019/TT-BTP ngày 10/12/2019 của Bộ Tư pháp quy định biện pháp thực hiện chức năng quản lý nhà nước về công tác bồi thường Nhà nước và Thông tư số 09/2019/TT-BTP ngày 10/12/2019 của Bộ Tư pháp quy định biện pháp hỗ trợ người bị thiệt hại thực hiện thủ tục yêu cầu bồi thường nhà nước; Quyết định số 3062/QĐ-BTP ngày 11/12/2019 của Bộ Tư pháp ban hành Bộ tiêu chí đánh giá kết quả thực hiện công tác bồi thường Nhà nước và các văn bản pháp luật có liên quan đến cán bộ, công chức, viên chức các cơ quan, đơn vị trên địa bàn tỉnh",
    lead: [],
    coordinators: [],
    executors: [{ agencies: [a("Các sở, ban, ngành cấp tỉnh", "SO_NGANH"), HUYEN] }],
    timing: ALWAYS,
    expected_output: null,
    references: [
      ref(LAW17, "Luật Trách nhiệm bồi thường của Nhà nước"),
      ref("Nghị định 68/2018/NĐ-CP", "Nghị định số 68/2018/NĐ-CP"),
      ref("Thông tư 04/2018/TT-BTP", "Thông tư số 04/2018/TT-BTP"),
      ref("Thông tư 08/2019/TT-BTP", "Thông tư số 08/2019/TT-BTP"),
      ref("Thông tư 09/2019/TT-BTP", "Thông tư số 09/2019/TT-BTP"),
      ref("Quyết định 3062/QĐ-BTP", "Quyết định số 3062/QĐ-BTP"),
    ],
    group: "II.1",
    text: clause(S, "a) Tiếp tục quán triệt", "- Thời gian thực hiện: Thường xuyên."),
  },
  {
    number: "II.1.b",
    title:
      "Tăng cường tổ chức tuyên truyền nâng cao nhận thức pháp luật về trách nhiệm bồi thường của nhà nước cho người dân bằng hình thức phù hợp với từng đối tượng, địa bàn; kết hợp đồng thời hình thức tuyên truyền, phổ biến trực tiếp, phát hành tài liệu, tờ gấp pháp luật và tuyên truyền, phổ biến qua các phương tiện thông tin truyền thông",
    // "+ Cấp tỉnh: Sở Tư pháp chủ trì phối hợp với các cơ quan, đơn vị liên quan tổ chức thực hiện."
    lead: [STP],
    coordinators: [a("các cơ quan, đơn vị liên quan", null, "tổ chức thực hiện")],
    lead_derived: true,
    executors: [
      { level: "Cấp tỉnh", agencies: [STP, a("các cơ quan, đơn vị liên quan", null, "tổ chức thực hiện")] },
      {
        level: "Cấp huyện",
        agencies: [a("UBND cấp huyện", "UBND_HUYEN", "thực hiện trên địa bàn thuộc phạm vi quản lý")],
      },
    ],
    timing: ALWAYS,
    expected_output: null,
    references: [],
    group: "II.1",
    text: clause(S, "b) Tăng cường tổ chức tuyên truyền", "- Thời gian thực hiện: Thường xuyên."),
  },
  {
    number: "II.2",
    title: "Tổ chức tập huấn nghiệp vụ về công tác bồi thường Nhà nước",
    lead: [STP],
    coordinators: [a("các sở, ban, ngành tỉnh", "SO_NGANH"), HUYEN],
    lead_derived: true,
    executors: [{ agencies: [STP, a("các sở, ban, ngành tỉnh", "SO_NGANH"), HUYEN] }],
    timing: YEAR_2024,
    expected_output: null,
    references: [],
    group: null,
    text: clause(S, "2. Tổ chức tập huấn", "- Thời gian thực hiện: Năm 2024."),
  },
  {
    number: "II.3",
    title:
      "Hướng dẫn nghiệp vụ công tác bồi thường nhà nước, việc thực hiện hỗ trợ, giải quyết bồi thường, chi trả bồi thường và trách nhiệm hoàn trả của người thi hành công vụ theo quy định của pháp luật (khi có vụ việc xảy ra)",
    lead: [STP],
    coordinators: [a("các cơ quan, đơn vị có liên quan", null)],
    lead_derived: true,
    executors: [{ agencies: [STP, a("các cơ quan, đơn vị có liên quan", null)] }],
    timing: YEAR_2024,
    expected_output: null,
    references: [],
    group: null,
    text: clause(S, "3. Hướng dẫn nghiệp vụ", "- Thời gian thực hiện: Năm 2024."),
  },
  {
    number: "II.4",
    title: "Thực hiện Quy chế phối hợp triển khai công tác bồi thường nhà nước trên địa bàn tỉnh Thanh Hóa",
    lead: [],
    coordinators: [],
    executors: [
      {
        agencies: [
          STP,
          a("các sở, ban, ngành cấp tỉnh", "SO_NGANH"),
          HUYEN,
          a("các cơ quan, đơn vị có liên quan", null),
        ],
      },
    ],
    timing: ALWAYS,
    expected_output: null,
    references: [ref("Quyết định 2004/QĐ-UBND", "Quyết định số 2004/QĐ-UBND")],
    group: null,
    text: clause(S, "4. Thực hiện Quy chế", "- Thời gian thực hiện: Thường xuyên."),
  },
  {
    number: "II.5",
    title:
      "Triển khai áp dụng Bộ tiêu chí đánh giá kết quả thực hiện công tác bồi thường nhà nước theo Quyết định số 3062/QĐ-BTP ngày 11/12/2019 của Bộ Tư pháp",
    // "Cơ quan thực hiện: Sở Tư pháp." — the one agency named carries the task: it is its lead (issue 14).
    lead: [STP],
    lead_derived: true,
    coordinators: [],
    executors: [{ agencies: [STP] }],
    timing: { kind: "dated", text: "Quý IV năm 2024", periods: [{ unit: "quarter", year: 2024, index: 4 }] },
    expected_output: null,
    references: [ref("Quyết định 3062/QĐ-BTP", "Quyết định số 3062/QĐ-BTP")],
    group: null,
    text: clause(S, "5. Triển khai áp dụng", "- Thời gian thực hiện: Quý IV"),
  },
  {
    number: "II.6",
    title:
      "Tổ chức kiểm tra công tác triển khai thi hành Luật trách nhiệm bồi thường của nhà nước, công tác bồi thường nhà nước tại các cơ quan, đơn vị, địa phương",
    // "Cơ quan thực hiện: Sở Tư pháp." — the one agency named carries the task: it is its lead (issue 14).
    lead: [STP],
    lead_derived: true,
    coordinators: [],
    executors: [{ agencies: [STP] }],
    timing: {
      kind: "dated",
      text: "Quý II, III năm 2024",
      periods: [
        { unit: "quarter", year: 2024, index: 2 },
        { unit: "quarter", year: 2024, index: 3 },
      ],
    },
    expected_output: null,
    references: [ref(LAW17, "Luật trách nhiệm bồi thường của nhà nước")],
    group: null,
    text: clause(S, "6. Tổ chức kiểm tra", "- Thời gian thực hiện: Quý II, III"),
  },
  {
    number: "II.7",
    title: "Thực hiện chế độ thống kê, thông tin, báo cáo về công tác bồi thường nhà nước",
    lead: [STP],
    coordinators: [
      a("Tòa án nhân dân tỉnh", "TOA_AN"),
      a("Viện kiểm sát nhân dân tỉnh", "VKS"),
      a("Cục Thi hành án dân sự tỉnh", "THADS_TINH"),
      a("các sở, ban, ngành cấp tỉnh", "SO_NGANH"),
      HUYEN,
      a("các cơ quan, tổ chức có liên quan", null),
    ],
    lead_derived: true,
    executors: [
      {
        agencies: [
          STP,
          a("Tòa án nhân dân tỉnh", "TOA_AN"),
          a("Viện kiểm sát nhân dân tỉnh", "VKS"),
          a("Cục Thi hành án dân sự tỉnh", "THADS_TINH"),
          a("các sở, ban, ngành cấp tỉnh", "SO_NGANH"),
          HUYEN,
          a("các cơ quan, tổ chức có liên quan", null),
        ],
      },
    ],
    timing: {
      kind: "dated",
      text: "Năm 2024 (Thời gian cụ thể theo yêu cầu của Bộ Tư pháp)",
      periods: [{ unit: "year", year: 2024, index: 1 }],
      note: "Thời gian cụ thể theo yêu cầu của Bộ Tư pháp",
      requested_by: a("Bộ Tư pháp", "BO_TU_PHAP"),
    },
    expected_output: null,
    references: [],
    group: null,
    text: clause(S, "7. Thực hiện chế độ thống kê", "- Thời gian thực hiện: Năm 2024 (Thời gian cụ thể"),
  },
];

export function assertHeader001(plan: Plan): void {
  assert.equal(plan.doc_type, "Kế hoạch");
  assert.equal(plan.title, "Triển khai các nhiệm vụ trọng tâm công tác bồi thường nhà nước năm 2024");
  assert.equal(plan.number, "/KH-UBND");
  assert.equal(plan.place, "Thanh Hóa");
  assert.equal(plan.date, undefined);
  assert.equal(plan.date_text, "ngày tháng năm 2024");
  assert.equal(plan.year, 2024);
  assert.deepEqual(plan.issuers, [a("Chủ tịch UBND tỉnh Thanh Hóa", "UBND_TINH")]);
  assert.equal(plan.legal_bases.length, 1);
  assert.ok(
    plan.legal_bases[0].startsWith(
      "Thực hiện Luật Trách nhiệm bồi thường của Nhà nước năm 2017, Văn bản số 628/BTP-BTNN",
    ),
  );
  assert.deepEqual(plan.purposes, [
    "Triển khai có hiệu quả nhiệm vụ quản lý nhà nước về công tác bồi thường nhà nước trong hoạt động quản lý hành chính, tổ tụng và thi hành án tại địa phương theo quy định của Luật Trách nhiệm bồi thường của Nhà nước và các văn bản hướng dẫn thi hành",
    "Xác định cụ thể nội dung nhiệm vụ, trách nhiệm, đảm sự phối hợp đồng bộ, chặt chẽ giữa các cơ quan, đơn vị có liên quan trong việc thực hiện các nhiệm vụ công tác bồi thường nhà nước",
    "Việc triển khai các nhiệm vụ trọng tâm công tác bồi thường nhà nước phải đảm bảo tiến hành kịp thời, hiệu quả",
  ]);
  assert.deepEqual(plan.requirements, []);
  assert.deepEqual(
    plan.groups.map((g) => [g.number, g.title]),
    [["II.1", "Quán triệt, phổ biến Luật Trách nhiệm bồi thường của Nhà nước và các văn bản hướng dẫn thi hành"]],
  );
  assert.equal(plan.organisation.length, 3);
  assert.ok(plan.organisation[0].startsWith("Sở Tư pháp:\n- Chủ trì, phối hợp với các cơ quan"));
  assert.equal(plan.organisation[0].split("\n").length, 4);
  assert.ok(plan.organisation[1].startsWith("Các sở, ban, ngành cấp tỉnh; UBND các huyện, thị xã, thành phố:"));
  assert.ok(
    plan.organisation[2].startsWith(
      "Đề nghị Toà án nhân dân tỉnh, Viện kiểm sát nhân dân tỉnh, Cục Thi hành án dân sự tỉnh:",
    ),
  );
  assert.deepEqual(plan.funding, [
    "Kinh phí thực hiện Kế hoạch được bố trí từ ngân sách nhà nước trong dự toán chi thường xuyên năm 2024 của các cơ quan, đơn vị, địa phương",
  ]);
  assert.equal(plan.closing.length, 1);
  assert.ok(plan.closing[0].startsWith("Trên đây là Kế hoạch triển khai"));
  assert.deepEqual(plan.recipients, [
    "Bộ Tư pháp (để b/c)",
    "Chủ tịch, các PCT UBND tỉnh (để b/c)",
    "Tòa án nhân dân, Viện Kiểm sát nhân dân, Cục Thi hành án dân sự tỉnh",
    "Các sở, ban, ngành tỉnh",
    "UBND các huyện, thị xã, thành phố",
    "Lưu: VT, KSTTHCNC",
  ]);
  assert.deepEqual(plan.signers, [{ title: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", name: "Nguyễn Văn Thi" }]);
  assert.deepEqual(
    plan.sections.map((s) => [s.number, s.kind]),
    [
      ["I", "purposes_requirements"],
      ["II", "tasks"],
      ["III", "organisation"],
      ["IV", "funding"],
      [null, "recipients"],
    ],
  );
  // Blank number and date are reported; so are the two tasks whose executors name no lead (II.1.a, II.4); each generic "các cơ quan, … liên quan" once per task.
  assert.deepEqual(
    plan.warnings.map((w) => [w.code, w.text]),
    [
      ["incomplete_header", "Số: /KH-UBND"],
      ["incomplete_header", "Thanh Hóa, ngày tháng năm 2024"],
      ["no_lead", S.split("\n").find((l) => l.startsWith("a) Tiếp tục quán triệt"))],
      ["unresolved_agency", "các cơ quan, đơn vị liên quan"],
      ["unresolved_agency", "các cơ quan, đơn vị có liên quan"],
      ["no_lead", "4. Thực hiện Quy chế phối hợp triển khai công tác bồi thường nhà nước trên địa bàn tỉnh Thanh Hóa"],
      ["unresolved_agency", "các cơ quan, đơn vị có liên quan"],
      ["unresolved_agency", "các cơ quan, tổ chức có liên quan"],
    ],
  );
}

export function assertSeed001(plan: Plan): void {
  assertHeader001(plan);
  assertTasks(plan, TASKS_001);
}
