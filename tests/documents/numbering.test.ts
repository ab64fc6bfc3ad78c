import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { recordedFormNumber } from "../../src/documents/claim-forms.ts";
import { DocumentInputError } from "../../src/documents/errors.ts";
import { dateWordsVi, formatPlaceDate } from "../../src/documents/nd30/date-line.ts";
import { documentSymbol, formatDocumentNumber } from "../../src/documents/numbering.ts";

describe("Nghị định 30/2020/NĐ-CP, Phụ lục I mục II.3 — số, ký hiệu văn bản", () => {
  test('công văn: cơ quan ban hành - đơn vị soạn thảo ("15/BTNN-NV")', () => {
    assert.equal(
      formatDocumentNumber({ number: 15, kind: "letter", issuer_code: "BTNN", unit_code: "NV" }),
      "15/BTNN-NV",
    );
    assert.equal(
      formatDocumentNumber({ number: 628, kind: "letter", issuer_code: "BTP", unit_code: "BTNN" }),
      "628/BTP-BTNN",
    );
  });
  test('văn bản có tên loại: chữ viết tắt tên loại - cơ quan ("12/KH-UBND", "03/BC-…", "07/BB-…")', () => {
    assert.equal(formatDocumentNumber({ number: 12, kind: "plan", issuer_code: "UBND" }), "12/KH-UBND");
    assert.equal(formatDocumentNumber({ number: 3, kind: "report", issuer_code: "BTNN" }), "03/BC-BTNN");
    assert.equal(formatDocumentNumber({ number: 7, kind: "minutes", issuer_code: "THADS" }), "07/BB-THADS");
    assert.equal(formatDocumentNumber({ number: 9, kind: "notice", issuer_code: "STP" }), "09/TB-STP");
  });
  test('số nhỏ hơn 10 ghi thêm số 0 phía trước ("05/QĐ-UBND"); từ 10 trở lên giữ nguyên', () => {
    assert.equal(formatDocumentNumber({ number: 5, kind: "decision", issuer_code: "UBND" }), "05/QĐ-UBND");
    assert.equal(formatDocumentNumber({ number: 10, kind: "decision", issuer_code: "UBND" }), "10/QĐ-UBND");
  });
  test('năm ban hành chỉ ghi ở văn bản quy phạm pháp luật ("04/2018/TT-…" dạng số/năm/ký hiệu)', () => {
    assert.equal(formatDocumentNumber({ number: 5, year: 2026, kind: "decision", issuer_code: "UBND" }), "05/QĐ-UBND");
    assert.equal(
      formatDocumentNumber({ number: 5, year: 2026, kind: "decision", issuer_code: "UBND", normative: true }),
      "05/2026/QĐ-UBND",
    );
  });
  test("ký hiệu không có số (lưu trong sổ văn bản đi)", () => {
    assert.equal(documentSymbol({ kind: "letter", issuer_code: "BTNN", unit_code: "NV" }), "BTNN-NV");
    assert.equal(documentSymbol({ kind: "decision", issuer_code: "THADS", unit_code: "NV" }), "QĐ-THADS");
  });
  test("đầu vào sai → lỗi tiếng Việt nêu tên trường", () => {
    assert.throws(
      () => formatDocumentNumber({ number: 0, kind: "letter", issuer_code: "BTNN" }),
      (e: unknown) => e instanceof DocumentInputError && e.field === "number" && /số văn bản/.test(e.message),
    );
    assert.throws(
      () => formatDocumentNumber({ number: 1, kind: "letter", issuer_code: "btnn" }),
      (e: unknown) => e instanceof DocumentInputError && e.field === "issuer_code" && /chữ in hoa/.test(e.message),
    );
  });
});

describe("Nghị định 30/2020/NĐ-CP, Phụ lục I mục II.4 — địa danh, ngày tháng năm", () => {
  test("ngày nhỏ hơn 10 và tháng 1, 2 ghi thêm số 0", () => {
    assert.equal(formatPlaceDate("Thanh Hóa", "2026-03-05"), "Thanh Hóa, ngày 05 tháng 3 năm 2026");
    assert.equal(dateWordsVi("2026-02-16"), "ngày 16 tháng 02 năm 2026");
    assert.equal(dateWordsVi("2026-01-01"), "ngày 01 tháng 01 năm 2026");
    assert.equal(dateWordsVi("2025-12-31"), "ngày 31 tháng 12 năm 2025");
  });
  test("bản dự thảo chưa có ngày để trống", () => {
    assert.match(formatPlaceDate("Hà Nội"), /^Hà Nội, ngày\s+tháng\s+năm\s*$/);
  });
});

describe("Số của văn bản đã ghi ở bước vụ việc — biểu mẫu in đúng số ấy (recordedFormNumber)", () => {
  const ev = (type: string, data: Record<string, unknown>) => ({ type, date: "2026-09-25", data });
  test("quyết định giải quyết bồi thường ghi 15/QĐ-THADS → Mẫu 09 in số 15, ký hiệu QĐ-THADS", () => {
    assert.deepEqual(recordedFormNumber("09", [ev("decision_issued", { decision_number: "15/QĐ-THADS" })]), {
      value: 15,
      symbol: "QĐ-THADS",
      display: "15/QĐ-THADS",
    });
  });
  test("gõ có khoảng trắng, số 0 ở đầu hoặc số một chữ số → chuẩn hóa 03/BB-THADS; bước ghi sau cùng được dùng", () => {
    const events = [
      ev("negotiation_ended", { minutes_number: "01/BB-THADS" }),
      ev("negotiation_ended", { minutes_number: " 3 / BB-THADS " }),
    ];
    assert.equal(recordedFormNumber("08", events)?.display, "03/BB-THADS");
    assert.equal(
      recordedFormNumber("05", [ev("officer_appointed", { decision_number: "0012/QĐ-THADS" })])?.display,
      "12/QĐ-THADS",
    );
  });
  test("không ghi số, số không đọc được (số 0, thiếu ký hiệu, chữ thường) hoặc mẫu không phải chính văn bản ấy → undefined (sổ văn bản đi cấp số)", () => {
    assert.equal(recordedFormNumber("07", [ev("verification_report_done", {})]), undefined);
    for (const n of ["0/QĐ-THADS", "15", "15/", "quyết định 15", "15/qđ-thads"])
      assert.equal(recordedFormNumber("09", [ev("decision_issued", { decision_number: n })]), undefined, n);
    assert.equal(recordedFormNumber("03", [ev("accepted", { decision_number: "15/QĐ-THADS" })]), undefined);
  });
});
