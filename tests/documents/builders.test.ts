import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  buildDocument,
  DOCUMENT_BUILDER_IDS,
  DOCUMENT_BUILDERS,
  listDocumentTypes,
} from "../../src/documents/builders/index.ts";
import { DocumentInputError } from "../../src/documents/errors.ts";
import { EXAMPLES } from "../../src/documents/examples.ts";
import { assertNd30, blockText, docxText } from "./helpers.ts";

type AnyBuilder = {
  meta: { kind: "letter" | "report" | "minutes" | "decision" | "notice" };
  build(i: unknown): Promise<Buffer>;
};
const build = (id: keyof typeof EXAMPLES, patch: Record<string, unknown> = {}) =>
  (DOCUMENT_BUILDERS[id] as unknown as AnyBuilder).build({ ...EXAMPLES[id], ...patch });
const rejectsField = async (p: Promise<unknown>, field: string, re?: RegExp) =>
  assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof DocumentInputError, String(e));
    assert.equal(e.field, field, e.message);
    if (re) assert.match(e.message, re);
    return true;
  });

describe("Mọi loại văn bản — bố cục Nghị định 30/2020/NĐ-CP và nội dung đọc lại bằng mammoth", () => {
  for (const id of DOCUMENT_BUILDER_IDS) {
    const b = DOCUMENT_BUILDERS[id] as unknown as AnyBuilder;
    test(`${id} (${b.meta.kind}): A4, lề, Times New Roman 13–14, các thành phần bắt buộc đúng thứ tự`, async () => {
      const buf = await build(id);
      const ins = await assertNd30(buf, b.meta.kind);
      const text = await docxText(buf);
      // Số, địa danh-ngày and "Nơi nhận" read back from the file.
      assert.match(blockText(ins, "number"), /^Số: \d{2,}\/[A-ZĐ]/u);
      assert.ok(text.includes(blockText(ins, "number")));
      assert.match(
        blockText(ins, "place_date"),
        /^(Hà Nội|Thanh Hóa), ngày \d{2} tháng (0[12]|[3-9]|1[0-2]) năm 2026$/,
      );
      if (b.meta.kind !== "minutes") assert.match(text, /Nơi nhận:\n- .+;\n(- .+;\n)*- Lưu: VT(, .+)?\./u);
      if (b.meta.kind === "letter") assert.match(text, /\nV\/v /);
    });
  }

  test("metadata: mỗi loại có căn cứ, mã mẫu TT 04/2018 khi có, và form_text_verified = false (chưa đối chiếu lời văn mẫu)", () => {
    const types = listDocumentTypes();
    assert.equal(types.length, 13);
    assert.deepEqual(
      types
        .filter((t) => t.form_code)
        .map((t) => t.form_code)
        .sort(),
      ["Mẫu 02/BTNN", "Mẫu 03/BTNN", "Mẫu 05/BTNN", "Mẫu 07/BTNN", "Mẫu 08/BTNN", "Mẫu 09/BTNN", "Mẫu 19/BTNN"],
    );
    for (const t of types) {
      assert.ok(t.basis.length > 0, t.id);
      assert.equal(t.form_text_verified, false, t.id);
    }
  });

  test("buildDocument: loại không hỗ trợ → lỗi nêu trường type", async () => {
    await rejectsField(buildDocument("khong_co", {}), "type", /không được hỗ trợ/);
  });

  test("mỗi builder: thiếu cơ quan ban hành → lỗi nêu trường issuer", async () => {
    for (const id of DOCUMENT_BUILDER_IDS)
      await rejectsField(build(id, { issuer: undefined }), "issuer", /cơ quan ban hành/);
  });
});

describe("Công văn", () => {
  test("hướng dẫn nghiệp vụ — Thông tư 08/2019/TT-BTP Điều 4 khoản 1 điểm đ: trả lời văn bản đề nghị, V/v, Kính gửi", async () => {
    const text = await docxText(await build("guidance_letter"));
    assert.ok(text.includes("Số: 15/BTNN-NV"));
    assert.ok(text.includes("Hà Nội, ngày 05 tháng 3 năm 2026"));
    assert.ok(text.includes("V/v hướng dẫn nghiệp vụ công tác bồi thường nhà nước"));
    assert.ok(text.includes("Kính gửi: Thi hành án dân sự tỉnh Thanh Hóa."));
    assert.ok(text.includes("Công văn số 120/THADS-NV ngày 20/02/2026 của Thi hành án dân sự tỉnh Thanh Hóa"));
    assert.ok(text.includes("điểm đ khoản 1 Điều 4 Thông tư số 08/2019/TT-BTP"));
    assert.ok(text.includes("- Cục Quản lý thi hành án dân sự (để phối hợp theo dõi);"));
    assert.ok(text.includes("- Lưu: VT, NV."));
  });

  test("đôn đốc — KH 2021 mục II.6.1: đề nghị UBND cấp tỉnh đôn đốc (TT 08/2019 Điều 13 khoản 3 điểm c), căn cứ Điều 14 khoản 1", async () => {
    const text = await docxText(await build("urging_letter"));
    assert.ok(text.includes("V/v đề nghị đôn đốc công tác bồi thường nhà nước"));
    assert.ok(text.includes("Căn cứ điểm c khoản 3 Điều 13, Điều 14 Thông tư số 08/2019/TT-BTP"));
    assert.ok(text.includes("khoản 1 Điều 14 Thông tư số 08/2019/TT-BTP"));
    assert.ok(text.includes("và mục II.6.1 Kế hoạch số … ngày …/…/2021 của Cục Bồi thường nhà nước"));
    assert.ok(text.includes("đề nghị Ủy ban nhân dân tỉnh Thanh Hóa đôn đốc Thi hành án dân sự tỉnh Thanh Hóa"));
    assert.ok(text.includes("trước ngày 31/03/2026"));
  });

  test("đôn đốc — KH 2021 mục II.6.2: đôn đốc trực tiếp (điểm d) chỉ sau văn bản đề nghị tỉnh; thiếu → lỗi prior_request", async () => {
    await rejectsField(build("urging_letter", { rung: "KH2021.II.6.2" }), "prior_request", /II\.6\.2/);
    const text = await docxText(
      await build("urging_letter", {
        rung: "KH2021.II.6.2",
        addressees: ["Thi hành án dân sự tỉnh Thanh Hóa"],
        prior_request: { type: "Công văn", number_symbol: "16/BTNN-NV", date: "2026-03-09" },
        prior_outcome: "province_did_not_urge",
      }),
    );
    assert.ok(text.includes("V/v đôn đốc công tác bồi thường nhà nước"));
    assert.ok(text.includes("Căn cứ điểm d khoản 3 Điều 13, Điều 14 Thông tư số 08/2019/TT-BTP"));
    assert.ok(text.includes("Công văn số 16/BTNN-NV ngày 09/03/2026"));
  });

  test("đôn đốc — KH 2021 mục II.6.3: đề nghị Tổng cục THADS chỉ đạo, đôn đốc (Luật TNBTCNN 2017 Điều 75 khoản 3)", async () => {
    const text = await docxText(
      await build("urging_letter", { rung: "KH2021.II.6.3", addressees: ["Cục Quản lý thi hành án dân sự"] }),
    );
    assert.ok(text.includes("Căn cứ khoản 3 Điều 75 Luật Trách nhiệm bồi thường của Nhà nước năm 2017"));
    assert.ok(text.includes("chỉ đạo, đôn đốc"));
  });

  test("yêu cầu báo cáo — Thông tư 08/2019/TT-BTP Điều 11 khoản 2, căn cứ theo dõi Điều 9 khoản 1", async () => {
    const text = await docxText(await build("report_request_letter"));
    assert.ok(text.includes("Căn cứ khoản 2 Điều 11, khoản 1 Điều 9 Thông tư số 08/2019/TT-BTP"));
    assert.ok(text.includes("mục II.5.1.a Kế hoạch số"));
    assert.ok(text.includes("điểm h khoản 1 Điều 9"));
    assert.ok(text.includes("chỉ đạo Thi hành án dân sự tỉnh Thanh Hóa báo cáo"));
    assert.ok(text.includes("Cục Bồi thường nhà nước và Cục Quản lý thi hành án dân sự trước ngày 10/04/2026"));
  });

  test("sao chuyển để phối hợp theo dõi — KH 2021 mục II.5.2, Thông tư 08/2019/TT-BTP Điều 12", async () => {
    const text = await docxText(await build("forwarding_letter"));
    assert.ok(text.includes("V/v sao chuyển văn bản để phối hợp theo dõi"));
    assert.ok(text.includes("Quyết định số 09/QĐ-THADS ngày 02/03/2026"));
    assert.ok(text.includes("Điều 12 Thông tư số 08/2019/TT-BTP"));
    assert.ok(text.includes("mục II.5.2"));
  });
});

describe("Báo cáo", () => {
  test("kết quả công tác tại địa phương — KH 2021 mục II.2: tiêu đề, bảng vụ việc, kết luận", async () => {
    const buf = await build("meeting_report");
    const ins = await assertNd30(buf, "report");
    assert.equal(blockText(ins, "number"), "Số: 03/BC-BTNN");
    assert.equal(blockText(ins, "title"), "BÁO CÁO");
    assert.match(blockText(ins, "title_summary"), /^Kết quả công tác tại địa phương về giải quyết vụ việc phức tạp/);
    const text = await docxText(buf);
    assert.ok(text.includes("Từ ngày 25/03/2026 đến ngày 27/03/2026"));
    assert.ok(text.includes("TH-2019-004"));
    assert.ok(text.includes("- Lãnh đạo Bộ (để báo cáo);"));
  });

  test("cuộc họp (variant meeting): tiêu đề kết quả cuộc họp", async () => {
    const ins = await assertNd30(
      await build("meeting_report", { variant: "meeting", held_until: undefined }),
      "report",
    );
    assert.match(blockText(ins, "title_summary"), /^Kết quả cuộc họp về /);
  });

  test("kiểm tra — KH 2021 mục II.10: quyết định kiểm tra, kết quả, kiến nghị", async () => {
    const text = await docxText(await build("inspection_report"));
    assert.ok(text.includes("Số: 04/BC-BTNN"));
    assert.ok(text.includes("Kết quả kiểm tra công tác bồi thường nhà nước tại Thi hành án dân sự tỉnh Thanh Hóa"));
    assert.ok(text.includes("Quyết định số 21/QĐ-BTNN ngày 20/04/2026"));
    assert.ok(text.includes("KIẾN NGHỊ"));
  });

  test("Mẫu 07/BTNN xác minh thiệt hại — Luật TNBTCNN 2017 Điều 45: tổng yêu cầu và tổng xác minh bằng số và bằng chữ", async () => {
    const text = await docxText(await build("damage_verification_report"));
    assert.ok(text.includes("Số: 07/BC-THADS"));
    assert.ok(text.includes("Xác minh thiệt hại"));
    assert.ok(text.includes("1.400.000.000 đồng (Một tỷ bốn trăm triệu đồng)"));
    assert.ok(text.includes("1.250.000.000 đồng (Một tỷ hai trăm năm mươi triệu đồng)"));
    assert.ok(text.includes("NGƯỜI GIẢI QUYẾT BỒI THƯỜNG"));
  });

  test("Mẫu 07/BTNN — thỏa thuận kéo dài thời hạn xác minh (Điều 45 khoản 2 đoạn 2) được ghi vào báo cáo", async () => {
    const text = await docxText(
      await build("damage_verification_report", {
        extension: { agreed_on: "2026-02-18", reason: "phải định giá tài sản", extended_until: "2026-03-06" },
      }),
    );
    assert.ok(text.includes("thỏa thuận kéo dài thời hạn xác minh thiệt hại đến ngày 06/03/2026"));
    assert.ok(text.includes("Lý do kéo dài: phải định giá tài sản."));
  });
});

describe("Biên bản, quyết định, thông báo theo Thông tư 04/2018/TT-BTP", () => {
  test("Mẫu 08/BTNN biên bản kết quả thương lượng — Luật TNBTCNN 2017 Điều 46 khoản 5: thiệt hại, số tiền, tạm ứng, phương thức", async () => {
    const buf = await build("negotiation_minutes");
    const ins = await assertNd30(buf, "minutes");
    assert.equal(blockText(ins, "number"), "Số: 07/BB-THADS");
    assert.equal(blockText(ins, "title"), "BIÊN BẢN");
    const sig = blockText(ins, "signature");
    assert.ok(sig.includes("NGƯỜI YÊU CẦU BỒI THƯỜNG") && sig.includes("Ông Nguyễn Văn An"));
    assert.ok(sig.includes("NGƯỜI GIẢI QUYẾT BỒI THƯỜNG") && sig.includes("Phạm Văn Cường"));
    const text = await docxText(buf);
    assert.ok(text.includes("Tổng số tiền bồi thường: 1.250.000.000 đồng (Một tỷ hai trăm năm mươi triệu đồng)."));
    assert.ok(text.includes("Số tiền đã tạm ứng: 150.000.000 đồng (Một trăm năm mươi triệu đồng)."));
    assert.ok(text.includes("Số tiền còn phải chi trả: 1.100.000.000 đồng (Một tỷ một trăm triệu đồng)."));
    assert.ok(text.includes("Đại diện cơ quan tài chính"));
  });

  test("Mẫu 08/BTNN — thương lượng không thành: quyền khởi kiện theo Điều 52 khoản 2; thành mà thiếu khoản thiệt hại → lỗi", async () => {
    const text = await docxText(
      await build("negotiation_minutes", {
        outcome: "not_agreed",
        items: undefined,
        advance_paid: undefined,
        disagreement: "Không thống nhất giá trị xe.",
      }),
    );
    assert.ok(text.includes("Thương lượng không thành"));
    assert.ok(text.includes("khoản 2 Điều 52"));
    await rejectsField(build("negotiation_minutes", { items: [] }), "items", /thương lượng thành/);
  });

  test("Mẫu 09/BTNN quyết định giải quyết bồi thường — Luật TNBTCNN 2017 Điều 47 khoản 2 điểm a–d", async () => {
    const buf = await build("compensation_decision");
    const ins = await assertNd30(buf, "decision");
    assert.equal(blockText(ins, "number"), "Số: 05/QĐ-THADS");
    assert.equal(blockText(ins, "title_summary"), "Về việc giải quyết bồi thường");
    assert.match(
      blockText(ins, "legal_basis"),
      /^Căn cứ Luật Trách nhiệm bồi thường của Nhà nước ngày 20 tháng 6 năm 2017;/,
    );
    assert.match(
      blockText(ins, "legal_basis"),
      /Căn cứ Biên bản kết quả thương lượng số 07\/BB-THADS ngày 02\/03\/2026;/,
    );
    assert.match(blockText(ins, "legal_basis"), /Theo đề nghị của người giải quyết bồi thường\.$/);
    assert.equal(blockText(ins, "signature"), "KT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG\nLê Thị Hoa");
    const text = await docxText(buf);
    // a) name and address
    assert.ok(text.includes("Ông Nguyễn Văn An, địa chỉ: Số 12 đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa"));
    // b) basis
    assert.ok(text.includes("Căn cứ xác định trách nhiệm bồi thường của Nhà nước: Quyết định số 05/QĐ-CCTHADS"));
    // c) items and amounts
    assert.ok(text.includes("Thiệt hại do tài sản bị xâm phạm"));
    assert.ok(text.includes("900.000.000"));
    assert.ok(text.includes("Tổng số tiền bồi thường: 1.250.000.000 đồng (Một tỷ hai trăm năm mươi triệu đồng)."));
    // d) advance
    assert.ok(
      text.includes(
        "Điều 44 Luật Trách nhiệm bồi thường của Nhà nước: 150.000.000 đồng (Một trăm năm mươi triệu đồng).",
      ),
    );
    assert.ok(text.includes("Số tiền còn phải chi trả: 1.100.000.000 đồng (Một tỷ một trăm triệu đồng)."));
    // effect: 15 days from handover (Điều 47 khoản 2, legal-addendum §2)
    assert.ok(text.includes("có hiệu lực sau 15 ngày kể từ ngày trao"));
    assert.ok(text.includes("- Như Điều 4;"));
  });

  test("Mẫu 09/BTNN — số tiền đã tạm ứng lớn hơn tổng số tiền bồi thường → lỗi nêu trường advance_paid", async () => {
    await rejectsField(build("compensation_decision", { advance_paid: 2_000_000_000 }), "advance_paid", /tạm ứng/);
  });

  test("Mẫu 02/BTNN bổ sung hồ sơ — Luật TNBTCNN 2017 Điều 42 khoản 2 điểm a, khoản 3 (05 ngày làm việc)", async () => {
    const text = await docxText(await build("supplement_request_notice"));
    assert.ok(text.includes("Số: 02/TB-THADS"));
    assert.ok(text.includes("Về việc bổ sung hồ sơ yêu cầu bồi thường"));
    assert.ok(text.includes("05 ngày làm việc"));
    assert.ok(text.includes("điểm đ khoản 2 Điều 43"));
  });

  test("Mẫu 03/BTNN thụ lý — Luật TNBTCNN 2017 Điều 43 khoản 1, 4: ngày thụ lý, sổ thụ lý, gửi cơ quan quản lý nhà nước", async () => {
    const text = await docxText(await build("acceptance_notice"));
    assert.ok(text.includes("Về việc thụ lý hồ sơ yêu cầu bồi thường"));
    assert.ok(text.includes("đã được thụ lý ngày 04/02/2026, vào sổ thụ lý số 01/2026"));
    assert.ok(text.includes("- Sở Tư pháp tỉnh Thanh Hóa;"));
  });

  test("Mẫu 03/BTNN không thụ lý — Điều 43 khoản 2 điểm a: phải chỉ cơ quan có thẩm quyền; trả lại hồ sơ", async () => {
    await rejectsField(build("acceptance_notice", { decision: "refused", refusal_grounds: ["a"] }), "competent_agency");
    const text = await docxText(
      await build("acceptance_notice", {
        decision: "refused",
        refusal_grounds: ["b"],
        refusal_reason: "Văn bản làm căn cứ được nhận từ năm 2021",
      }),
    );
    assert.ok(text.includes("Về việc không thụ lý hồ sơ yêu cầu bồi thường"));
    assert.ok(text.includes("Căn cứ điểm b khoản 2 Điều 43"));
    assert.ok(text.includes("hết thời hiệu yêu cầu bồi thường"));
    assert.ok(text.includes("trả lại"));
  });

  test("Mẫu 05/BTNN cử người giải quyết bồi thường — Luật TNBTCNN 2017 Điều 43 khoản 3", async () => {
    const buf = await build("officer_appointment_decision");
    const ins = await assertNd30(buf, "decision");
    assert.equal(blockText(ins, "number"), "Số: 04/QĐ-THADS");
    const text = await docxText(buf);
    assert.ok(text.includes("Cử Ông/Bà Phạm Văn Cường, Chấp hành viên là người giải quyết bồi thường"));
    assert.ok(text.includes("ngày 04/02/2026"));
  });

  test("Mẫu 19/BTNN thông báo chi trả — Luật TNBTCNN 2017 Điều 62: số tiền được chi trả = tổng − tạm ứng", async () => {
    const text = await docxText(await build("payment_notice"));
    assert.ok(text.includes("Về việc chi trả tiền bồi thường"));
    assert.ok(text.includes("3. Số tiền được chi trả: 1.100.000.000 đồng (Một tỷ một trăm triệu đồng)"));
    assert.ok(text.includes("03 năm"));
  });
});
