import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DocumentInputError } from "../../src/documents/errors.ts";
import { checkNd30Layout, inspectDocx } from "../../src/documents/inspect/inspect-docx.ts";
import { renderOfficialDocument } from "../../src/documents/nd30/render.ts";
import type { OfficialDocumentInput } from "../../src/documents/nd30/types.ts";
import { assertNd30, blockText, docxText } from "./helpers.ts";

const LETTER: OfficialDocumentInput = {
  kind: "letter",
  issuer: { parent: "Bộ Tư pháp", name: "Cục Bồi thường nhà nước", short_code: "BTNN" },
  number: { value: 15, symbol: "BTNN-NV" },
  place: "Hà Nội",
  date: "2026-03-05",
  subject: "hướng dẫn nghiệp vụ",
  addressees: ["Sở Tư pháp tỉnh Thanh Hóa"],
  body: [{ type: "paragraph", text: "Nội dung hướng dẫn." }],
  signature: { authority: "KT.", authority_title: "Cục trưởng", title: "Phó Cục trưởng", name: "Trần Văn B" },
  recipients: ["Như trên"],
  keep: ["NV"],
};

describe("Nghị định 30/2020/NĐ-CP, Phụ lục I — bố cục chung (nd30/layout)", () => {
  test("khổ A4 11906 × 16838, lề trên/dưới 20 mm, trái 30 mm, phải 20 mm; Times New Roman; số trang từ trang 2", async () => {
    const ins = await inspectDocx(await renderOfficialDocument(LETTER));
    assert.deepEqual([ins.page.width, ins.page.height, ins.page.orientation], [11906, 16838, "portrait"]);
    assert.deepEqual(ins.margins_mm, { top: 20, bottom: 20, left: 30, right: 20 });
    assert.deepEqual(ins.fonts, ["Times New Roman"]);
    assert.deepEqual(ins.page_numbers, { field: true, first_page_different: true });
  });

  test("công văn: thứ tự tên cơ quan → quốc hiệu → tiêu ngữ → số → địa danh-ngày → V/v → Kính gửi → nội dung → nơi nhận → chữ ký", async () => {
    const ins = await assertNd30(await renderOfficialDocument(LETTER), "letter");
    assert.equal(blockText(ins, "issuer_parent"), "BỘ TƯ PHÁP");
    assert.equal(blockText(ins, "issuer"), "CỤC BỒI THƯỜNG NHÀ NƯỚC");
    assert.equal(blockText(ins, "number"), "Số: 15/BTNN-NV");
    assert.equal(blockText(ins, "place_date"), "Hà Nội, ngày 05 tháng 3 năm 2026");
    assert.equal(blockText(ins, "subject"), "V/v hướng dẫn nghiệp vụ");
    assert.equal(blockText(ins, "addressee"), "Kính gửi: Sở Tư pháp tỉnh Thanh Hóa.");
    assert.equal(blockText(ins, "recipients"), "Nơi nhận:\n- Như trên;\n- Lưu: VT, NV.");
    assert.equal(blockText(ins, "signature"), "KT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG\nTrần Văn B");
  });

  test("cỡ chữ: quốc hiệu 13 đậm, tiêu ngữ 14 đậm, địa danh-ngày 14 nghiêng, V/v 12, nội dung 14 căn đều lùi 1,27 cm", async () => {
    const ins = await inspectDocx(await renderOfficialDocument(LETTER));
    const b = (k: string) => ins.blocks.find((x) => x.kind === k)!;
    assert.deepEqual([b("national_title").sizes_pt, b("national_title").bold], [[13], true]);
    assert.deepEqual([b("motto").sizes_pt, b("motto").bold], [[14], true]);
    assert.deepEqual([b("place_date").sizes_pt, b("place_date").italic], [[14], true]);
    assert.deepEqual(b("subject").sizes_pt, [12]);
    const body = ins.paragraphs[b("body").paragraphs[0]];
    assert.equal(body.align, "both");
    assert.equal(body.first_line_indent, 720);
    assert.ok(body.spacing_after >= 120);
    assert.deepEqual(b("body").sizes_pt, [14]);
    assert.equal(ins.rules.filter((r) => r.after === "issuer" || r.after === "motto").length, 2);
  });

  test('công văn gửi nhiều nơi: "Kính gửi:" rồi mỗi nơi một dòng "- …;", dòng cuối kết thúc bằng dấu chấm', async () => {
    const ins = await assertNd30(
      await renderOfficialDocument({
        ...LETTER,
        addressees: ["Ủy ban nhân dân tỉnh Thanh Hóa", "Sở Tư pháp tỉnh Thanh Hóa"],
      }),
      "letter",
    );
    assert.equal(
      blockText(ins, "addressee"),
      "Kính gửi:\n- Ủy ban nhân dân tỉnh Thanh Hóa;\n- Sở Tư pháp tỉnh Thanh Hóa.",
    );
    assert.equal(blockText(ins, "body"), "Nội dung hướng dẫn.");
  });

  test("cỡ chữ nội dung 13 cũng hợp lệ (khoảng 13–14)", async () => {
    const ins = await inspectDocx(await renderOfficialDocument({ ...LETTER, font_size: 13 }));
    assert.deepEqual(checkNd30Layout(ins, "letter"), []);
    assert.deepEqual(ins.blocks.find((x) => x.kind === "body")!.sizes_pt, [13]);
  });

  test('bản dự thảo chưa có số và ngày: "Số:      /BTNN-NV", "Hà Nội, ngày   tháng   năm"', async () => {
    const text = await docxText(
      await renderOfficialDocument({ ...LETTER, number: { symbol: "BTNN-NV" }, date: undefined }),
    );
    assert.match(text, /Số:\s+\/BTNN-NV/);
    assert.match(text, /Hà Nội, ngày\s+tháng\s+năm/);
  });

  test("quyết định: căn cứ in nghiêng, căn cứ cuối kết thúc bằng dấu chấm, các căn cứ khác bằng dấu chấm phẩy", async () => {
    const ins = await assertNd30(
      await renderOfficialDocument({
        ...LETTER,
        kind: "decision",
        number: { value: 5, symbol: "QĐ-BTNN" },
        title: "Quyết định",
        title_summary: "Về việc cử người giải quyết bồi thường",
        issuing_authority: "Cục trưởng Cục Bồi thường nhà nước",
        legal_bases: [
          "Căn cứ Luật Trách nhiệm bồi thường của Nhà nước ngày 20 tháng 6 năm 2017;",
          "Theo đề nghị của Trưởng phòng",
        ],
        body: [
          { type: "centered", text: "QUYẾT ĐỊNH:" },
          { type: "article", label: "Điều 1.", text: "Cử ông A." },
        ],
      }),
      "decision",
    );
    assert.equal(
      blockText(ins, "legal_basis"),
      "Căn cứ Luật Trách nhiệm bồi thường của Nhà nước ngày 20 tháng 6 năm 2017;\nTheo đề nghị của Trưởng phòng.",
    );
    assert.ok(ins.blocks.find((b) => b.kind === "legal_basis")!.italic);
    assert.equal(blockText(ins, "title"), "QUYẾT ĐỊNH");
    assert.equal(blockText(ins, "issuing_authority"), "CỤC TRƯỞNG CỤC BỒI THƯỜNG NHÀ NƯỚC");
  });

  test('thẩm quyền ký: "TM." + tập thể + chức vụ; "Q." chỉ một dòng; không có thẩm quyền: chỉ chức vụ', async () => {
    const tm = await inspectDocx(
      await renderOfficialDocument({
        ...LETTER,
        signature: { authority: "TM.", authority_title: "Ủy ban nhân dân", title: "Chủ tịch", name: "Nguyễn Văn C" },
      }),
    );
    assert.equal(blockText(tm, "signature"), "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn C");
    const q = await inspectDocx(
      await renderOfficialDocument({ ...LETTER, signature: { authority: "Q.", title: "Cục trưởng", name: "Lê D" } }),
    );
    assert.equal(blockText(q, "signature"), "Q. CỤC TRƯỞNG\nLê D");
    const plain = await inspectDocx(
      await renderOfficialDocument({ ...LETTER, signature: { title: "Cục trưởng", name: "Lê D" } }),
    );
    assert.equal(blockText(plain, "signature"), "CỤC TRƯỞNG\nLê D");
  });

  test("lỗi đầu vào nêu đúng trường bằng tiếng Việt", async () => {
    await assert.rejects(
      renderOfficialDocument({ ...LETTER, issuer: { ...LETTER.issuer, name: "" } }),
      (e: unknown) =>
        e instanceof DocumentInputError && e.field === "issuer.name" && e.message.includes("tên cơ quan ban hành"),
    );
    await assert.rejects(
      renderOfficialDocument({ ...LETTER, subject: undefined }),
      (e: unknown) => e instanceof DocumentInputError && e.field === "subject" && /V\/v/.test(e.message),
    );
    await assert.rejects(
      renderOfficialDocument({ ...LETTER, signature: { authority: "KT.", title: "Phó Cục trưởng", name: "X" } }),
      (e: unknown) => e instanceof DocumentInputError && e.field === "signature.authority_title",
    );
    await assert.rejects(
      renderOfficialDocument({ ...LETTER, date: "2026-02-30" }),
      (e: unknown) => e instanceof DocumentInputError && e.field === "date" && /ngày ban hành/.test(e.message),
    );
    await assert.rejects(
      renderOfficialDocument({ ...LETTER, kind: "report", recipients: [] }),
      (e: unknown) => e instanceof DocumentInputError && e.field === "recipients" && /nơi nhận/.test(e.message),
    );
  });

  test("kiểm tra bố cục phát hiện tệp sai: thiếu quốc hiệu, lề sai, phông khác", async () => {
    const { Document, Packer, Paragraph, TextRun } = await import("docx");
    const bad = await Packer.toBuffer(
      new Document({
        sections: [
          {
            properties: {
              page: { size: { width: 12240, height: 15840 }, margin: { top: 720, bottom: 720, left: 720, right: 720 } },
            },
            children: [new Paragraph({ children: [new TextRun({ text: "Nội dung", font: "Arial", size: 22 })] })],
          },
        ],
      }),
    );
    const problems = checkNd30Layout(await inspectDocx(bad), "letter");
    assert.ok(problems.some((p) => p.startsWith("Khổ giấy phải là A4")));
    assert.ok(problems.some((p) => p.startsWith("Lề trái phải từ 30 đến 35 mm")));
    assert.ok(problems.some((p) => p.includes("Arial")));
    assert.ok(problems.includes('Thiếu thành phần "quốc hiệu".'));
  });
});
